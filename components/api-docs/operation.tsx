import { Lock, Unlock } from "lucide-react";
import { InlineText } from "./inline-text";
import { SchemaView, typeLabel } from "./schema-view";

type Json = Record<string, unknown>;
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: Json[];
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown }> };
  responses: Record<string, Json>;
  "x-shelfwatch-scope"?: string | null;
  "x-shelfwatch-permission"?: string | null;
  "x-shelfwatch-roles"?: string[];
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-blue-100 text-blue-800",
  post: "bg-green-100 text-green-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

const EXAMPLE_PARAM: Record<string, string> = { model: "podcast-model", version: "53", listener: "listener-0007" };

export function MethodBadge({ method }: { method: string }) {
  return <span className={`inline-block w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-[11px] font-bold uppercase ${METHOD_TONE[method] ?? "bg-slate-100"}`}>{method}</span>;
}

function Pre({ value, label, wrap = false }: { value: unknown; label: string; wrap?: boolean }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <figure>
      <figcaption className="mb-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</figcaption>
      <pre className={`max-h-72 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-[11.5px] leading-relaxed text-slate-100 ${wrap ? "whitespace-pre-wrap break-all" : ""}`}>{text}</pre>
    </figure>
  );
}

/** A curl command that calls the operation with its example values. */
export function curlOf(method: string, path: string, op: Operation): string {
  const url = `$SHELFWATCH_URL${path.replace(/\{(\w+)\}/g, (_, n: string) => EXAMPLE_PARAM[n] ?? n)}`;
  const lines = [`curl -sS${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`];
  if (op["x-shelfwatch-permission"]) lines.push(`  -H "Authorization: Bearer $SHELFWATCH_TOKEN"`);
  const body = op.requestBody?.content["application/json"];
  if (body) {
    lines.push(`  -H "Content-Type: application/json" -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(body.example ?? {}).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

/** One operation of the API: what it does, who may call it, its inputs, answers and errors. */
export function OperationView({ method, path, op, components, errorNames }: { method: string; path: string; op: Operation; components: Json; errorNames: Record<string, string> }) {
  const params = (op.parameters ?? []).filter((p) => typeof p.name === "string");
  const idempotent = (op.parameters ?? []).some((p) => typeof p.$ref === "string" && String(p.$ref).endsWith("IdempotencyKey"));
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : null;
  const successes = Object.entries(op.responses).filter(([s, r]) => !("$ref" in r) && Number(s) < 400);
  const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
  const scope = op["x-shelfwatch-scope"];
  // The main answer first: a write's 201 or 202 before its 200.
  const answers = successes
    .map(([status, r]) => [status, (Object.values((r.content ?? {}) as Record<string, { example?: unknown }>)[0] ?? {}).example] as const)
    .filter(([, example]) => example !== undefined)
    .sort(([a], [b]) => (method === "get" ? Number(a) - Number(b) : Number(b) - Number(a)));
  return (
    <section id={op.operationId} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white shadow-sm" aria-labelledby={`${op.operationId}-title`}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div className="flex min-w-0 items-center gap-2">
          <MethodBadge method={method} />
          <code className="truncate font-mono text-sm font-medium text-slate-900">{path}</code>
        </div>
        {op["x-shelfwatch-permission"] === null ? (
          <span className="inline-flex items-center gap-1 text-xs text-slate-500"><Unlock className="size-3.5" aria-hidden /> public</span>
        ) : (
          <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700" title={`Roles: ${(op["x-shelfwatch-roles"] ?? []).join(", ")}`}>
            <Lock className="size-3.5" aria-hidden /> {scope ? <>scope <code className="font-mono font-semibold">{scope}</code></> : "signed-in users only"}
          </span>
        )}
      </header>
      <div className="grid gap-5 px-4 py-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <div>
            <h3 id={`${op.operationId}-title`} className="text-base font-semibold text-slate-900">{op.summary}</h3>
            {op.description && <InlineText text={op.description} className="mt-1 text-sm text-slate-700" />}
          </div>
          {params.length > 0 && (
            <div>
              <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
              <ul className="space-y-1 text-xs">
                {params.map((p) => (
                  <li key={`${p.in}-${p.name}`} className="flex flex-wrap items-baseline gap-x-2">
                    <code className="font-mono font-semibold">{String(p.name)}</code>
                    <span className="text-slate-400">{String(p.in)}</span>
                    <span className="font-mono text-slate-500">{typeLabel(p.schema, (components.schemas ?? {}) as Json)}</span>
                    {p.required ? <span className="text-[10px] font-semibold uppercase text-bad">required</span> : null}
                    {typeof p.description === "string" && <span className="text-slate-600">{p.description}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {body && (
            <div>
              <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Request body <span className="font-mono normal-case text-slate-400">{body[0]}</span></h4>
              <SchemaView schema={body[1].schema} components={(components.schemas ?? {}) as Json} />
            </div>
          )}
          <div>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Answers</h4>
            <ul className="space-y-1 text-xs">
              {successes.map(([status, r]) => (
                <li key={status}><span className="mr-2 font-mono font-semibold text-ok">{status}</span><InlineText text={String(r.description ?? "")} className="inline text-slate-700 [&>p]:inline" /></li>
              ))}
              <li className="text-slate-600">
                <span className="mr-1 font-mono font-semibold text-bad">errors</span>
                {errors.map(([status], i) => (
                  <span key={status} title={errorNames[status]}>{i > 0 ? " · " : ""}<span className="font-mono">{status}</span> {errorNames[status]?.toLowerCase()}</span>
                ))}
                {idempotent && <span className="block text-slate-500">Accepts an <code className="font-mono">Idempotency-Key</code> header: retries with the same key are answered from the first attempt.</span>}
              </li>
            </ul>
          </div>
        </div>
        <div className="min-w-0 space-y-3">
          <Pre label="curl" value={curlOf(method, path, op)} wrap />
          {body?.[1].example !== undefined && <Pre label="Request example" value={body[1].example} />}
          {answers.slice(0, 1).map(([status, example]) => <Pre key={status} label={`Answer ${status}`} value={example} />)}
          {answers.slice(1).map(([status, example]) => (
            <details key={status} className="group">
              <summary className="cursor-pointer text-[11px] font-medium uppercase tracking-wide text-slate-500 hover:text-slate-800">Answer {status}</summary>
              <div className="mt-1"><Pre label="" value={example} /></div>
            </details>
          ))}
        </div>
      </div>
    </section>
  );
}
