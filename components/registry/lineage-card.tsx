import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { shortDate } from "@/lib/format";
import { httpsUrl } from "@/lib/registry/links";
import type { VersionDetailDto } from "@/lib/server/registry/get-version";
import { Card, CardHeader } from "../ui/card";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** Where a version came from: parent, pipeline run (a link only when https), code, data, artifact. */
export function LineageCard({ version, slug }: { version: VersionDetailDto; slug: string }) {
  const runUrl = httpsUrl(version.pipelineRunUrl);
  const v = (n: number) => <Link key={n} href={`/shelves/${slug}/versions/${n}`} className="text-brand hover:underline">v{n}</Link>;
  return (
    <Card>
      <CardHeader title="Lineage" />
      <dl className="divide-y divide-slate-100 px-4 py-1" data-testid="lineage">
        <Row label="Parent version">{version.parentVersion !== null ? v(version.parentVersion) : <span className="text-slate-500">none</span>}</Row>
        {version.children.length > 0 && <Row label="Child versions"><span className="flex flex-wrap gap-2">{version.children.map(v)}</span></Row>}
        <Row label="Pipeline run">
          {runUrl ? (
            <a href={runUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-brand hover:underline" data-testid="pipeline-run-link">
              {version.pipelineRunId ?? runUrl}
              <ExternalLink className="size-3" aria-hidden />
            </a>
          ) : (
            <span data-testid="pipeline-run-text">
              {version.pipelineRunId ?? "—"}
              {version.pipelineRunUrl && <span className="block font-mono text-xs text-slate-500">{version.pipelineRunUrl}</span>}
            </span>
          )}
        </Row>
        <Row label="Code revision"><span className="font-mono text-xs">{version.codeRevision ?? "—"}</span></Row>
        <Row label="Trained">{when(version.trainedAt)}</Row>
        <Row label="Training data">{version.dataWindow ? `${shortDate(version.dataWindow.start)} – ${shortDate(version.dataWindow.end)}` : "—"}</Row>
        <Row label="Artifact"><span className="font-mono text-xs">{version.artifactUri ?? "—"}</span></Row>
        <Row label="Registered">{when(version.createdAt)} by {version.createdBy || "—"}</Row>
        <Row label="Served production">
          {version.servedProduction.length === 0 ? (
            <span className="text-slate-500">never</span>
          ) : (
            <ul className="space-y-0.5">
              {version.servedProduction.map((p) => (
                <li key={p.from}>{shortDate(p.from)} – {p.to ? shortDate(p.to) : <strong className="text-ok">now</strong>}</li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
    </Card>
  );
}
