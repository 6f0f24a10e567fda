import { FileJson } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { InlineText } from "@/components/api-docs/inline-text";
import { MethodBadge, OperationView, type Operation } from "@/components/api-docs/operation";
import { QuickStart, WebhookReceiving } from "@/components/api-docs/quick-start";
import { PageHeader } from "@/components/ui/page-header";
import { isAllowed } from "@/lib/auth/permissions";
import { ERRORS } from "@/lib/openapi/document";
import { openApiDocument, TAGS } from "@/lib/openapi/routes";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "API" };

type Entry = { method: string; path: string; op: Operation };

/** The origin the reader's browser used, for copy-paste snippets. */
async function baseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ApiDocsPage() {
  const ctx = await requireSessionCtx();
  const doc = openApiDocument();
  const base = await baseUrl();
  const admin = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "manageSettings");
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op: op as unknown as Operation })));
  const byTag = TAGS.map((t) => ({ ...t, entries: entries.filter((e) => (e.op as unknown as { tags: string[] }).tags[0] === t.name) })).filter((t) => t.entries.length > 0);
  const errorNames = Object.fromEntries(Object.entries(ERRORS).map(([status, e]) => [status, e.name.replace(/([a-z])([A-Z])/g, "$1 $2")]));
  const info = doc.info as { description: string; version: string };
  return (
    <>
      <PageHeader
        title="API"
        description="The HTTP API for pipelines: register versions, post scores, statistics and samples, ask the gate to push. Generated from the same schemas that validate every request."
        crumbs={[{ label: "Home", href: "/" }, { label: "API" }]}
        actions={
          <a href="/api/v1/openapi.json" className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            <FileJson className="size-4" aria-hidden /> OpenAPI 3.1 document
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label="API sections" className="hidden lg:block">
          <div className="sticky top-4 max-h-[calc(100vh-2rem)] space-y-4 overflow-y-auto pb-8 text-sm">
            <ul className="space-y-1">
              <li><a href="#quick-start" className="font-medium text-slate-800 hover:text-brand">Quick start</a></li>
              <li><a href="#conventions" className="font-medium text-slate-800 hover:text-brand">Tokens, errors, retries</a></li>
              <li><a href="#webhooks" className="font-medium text-slate-800 hover:text-brand">Receiving webhooks</a></li>
            </ul>
            {byTag.map((t) => (
              <div key={t.name}>
                <a href={`#tag-${t.name.replace(/\W+/g, "-")}`} className="text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-brand">{t.name}</a>
                <ul className="mt-1 space-y-0.5">
                  {t.entries.map((e) => (
                    <li key={e.op.operationId}>
                      <a href={`#${e.op.operationId}`} className="flex items-center gap-2 rounded px-1 py-0.5 text-xs text-slate-700 hover:bg-slate-100">
                        <MethodBadge method={e.method} /> <span className="truncate">{e.op.summary}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>
        <div className="min-w-0 space-y-8">
          <QuickStart baseUrl={base} canCreateTokens={admin} />
          <section id="conventions" aria-labelledby="conventions-title" className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="conventions-title" className="text-lg font-semibold text-slate-900">Tokens, errors, retries</h2>
            <InlineText text={info.description} className="mt-2 max-w-3xl text-sm text-slate-700" />
            <p className="mt-3 text-xs text-slate-500">API version {info.version} · {entries.length} operations · OpenAPI {doc.openapi}</p>
          </section>
          <WebhookReceiving />
          {byTag.map((t) => (
            <section key={t.name} id={`tag-${t.name.replace(/\W+/g, "-")}`} aria-labelledby={`tag-${t.name}-title`} className="scroll-mt-20 space-y-3">
              <div>
                <h2 id={`tag-${t.name}-title`} className="text-lg font-semibold text-slate-900">{t.name}</h2>
                <p className="text-sm text-slate-600">{t.description}</p>
              </div>
              {t.entries.map((e) => (
                <OperationView key={e.op.operationId} method={e.method} path={e.path} op={e.op} components={doc.components} errorNames={errorNames} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
