import { Download, FileCode } from "lucide-react";
import Link from "next/link";

function Code({ children, label }: { children: string; label?: string }) {
  return (
    <figure className="min-w-0">
      {label && <figcaption className="mb-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</figcaption>}
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-[12px] leading-relaxed text-slate-100">{children}</pre>
    </figure>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden className="grid size-6 shrink-0 place-items-center rounded-full bg-brand text-xs font-semibold text-white">{n}</span>
      <div className="min-w-0 flex-1 space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {children}
      </div>
    </li>
  );
}

/** From nothing to a pipeline step that registers, scores, samples and asks the gate: four steps. */
export function QuickStart({ baseUrl, canCreateTokens }: { baseUrl: string; canCreateTokens: boolean }) {
  const python = `import os
from shelfwatch_client import Shelfwatch, GateRefused

sw = Shelfwatch(os.environ["SHELFWATCH_URL"], os.environ["SHELFWATCH_TOKEN"])
v = sw.register_version("podcast-model", trained_at=trained_at,
                        pipeline_run_id=run_id, code_revision=commit)
sw.post_evaluations("podcast-model", v["version"],
                    {"ndcg@10": 0.351, "recall@50": 0.722})
sw.post_statistics("podcast-model", tfdv_stats_json,       # TFDV or native
                   kind="training", version=v["version"])
sw.post_samples("podcast-model", v["version"], samples, catalog=items)
try:
    verdict = sw.promote("podcast-model", v["version"])
    print(verdict.outcome)          # "deployed" or "pending_approval"
except GateRefused as refused:
    print(refused.verdict.reasons)  # why: the checks that failed
    raise SystemExit(2)`;
  return (
    <section id="quick-start" aria-labelledby="quick-start-title" className="scroll-mt-20 rounded-lg border border-blue-200 bg-gradient-to-b from-blue-50/70 to-white p-5 shadow-sm">
      <h2 id="quick-start-title" className="text-lg font-semibold text-slate-900">Quick start: a pipeline step in Python</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        One file, Python 3.8 or later, standard library only. It retries network errors and 5xx answers with an idempotency key (a retried write is never stored twice) and raises exceptions that carry the server&apos;s field errors.
      </p>
      <ol className="mt-4 space-y-5">
        <Step n={1} title="Get a token">
          <p className="text-sm text-slate-700">
            An admin creates one in {canCreateTokens ? <Link href="/settings" className="font-medium text-brand hover:underline">Settings → API tokens</Link> : "Settings → API tokens"} with the scopes the step needs:
            <code className="mx-1 rounded bg-white px-1 font-mono text-xs ring-1 ring-slate-200">ingest</code> to post versions, scores, statistics and samples, and
            <code className="mx-1 rounded bg-white px-1 font-mono text-xs ring-1 ring-slate-200">gate</code> to ask for a push.
          </p>
        </Step>
        <Step n={2} title="Download the client (and the example step)">
          <div className="flex flex-wrap gap-2">
            <a href="/shelfwatch_client.py" download className="inline-flex items-center gap-1.5 rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800" data-testid="download-client">
              <Download className="size-4" aria-hidden /> shelfwatch_client.py
            </a>
            <a href="/examples/pipeline_step.py" download className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              <FileCode className="size-4" aria-hidden /> pipeline_step.py
            </a>
          </div>
          <Code>{`curl -fsSLO ${baseUrl}/shelfwatch_client.py\ncurl -fsSLO ${baseUrl}/examples/pipeline_step.py`}</Code>
        </Step>
        <Step n={3} title="Call it from your step">
          <Code label="python">{python}</Code>
        </Step>
        <Step n={4} title="Or run the example step as it is">
          <Code label="shell">{`export SHELFWATCH_URL=${baseUrl} SHELFWATCH_TOKEN=sw_…
python3 pipeline_step.py --model podcast-model --scores scores.json \\
    --statistics train_stats.json --samples samples.json --run-id "$RUN_ID"
echo $?   # 0: deployed or waiting for a lead · 2: refused by the gate · 1: error`}</Code>
          <p className="text-xs text-slate-600">
            <code className="font-mono">scores.json</code> is <code className="font-mono">{`{"ndcg@10": 0.351}`}</code>; <code className="font-mono">train_stats.json</code> is what TFDV writes (<a href="#postStatistics" className="text-brand hover:underline">POST …/statistics</a>); <code className="font-mono">samples.json</code> is the body of <a href="#ingestSamples" className="text-brand hover:underline">POST …/samples</a>. The step fails the pipeline run when the gate refuses, printing why.
          </p>
        </Step>
      </ol>
    </section>
  );
}

/** How a webhook receiver checks that a request came from this Shelfwatch. */
export function WebhookReceiving() {
  return (
    <section id="webhooks" aria-labelledby="webhooks-title" className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="webhooks-title" className="text-lg font-semibold text-slate-900">Receiving webhooks</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        Alerts and production changes are POSTed as JSON to the webhooks an admin adds in Settings. Slack and Teams incoming webhooks show the <code className="font-mono">text</code> line (with a link to the evidence); programs read <code className="font-mono">event</code>. A receiver that does not answer 2xx is retried with exponential backoff (30 s, 1 min, 2 min … up to 4 h apart) for up to a day.
      </p>
      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        <Code label="headers">{`X-Shelfwatch-Event: skew
X-Shelfwatch-Delivery: 1842          # the same on every retry
X-Shelfwatch-Timestamp: 1764410104
X-Shelfwatch-Signature: t=1764410104,v1=<hex HMAC-SHA256 of "t.body">`}</Code>
        <Code label="python (shelfwatch_client.py)">{`from shelfwatch_client import verify_webhook_signature

ok = verify_webhook_signature(secret, request.headers["X-Shelfwatch-Signature"],
                              request.body)   # the raw bytes, before parsing`}</Code>
      </div>
      <Code label="body">{`{
  "text": "🔴 [Shelfwatch] Shows you might like: Skew on podcast-model on 2026-11-28: podcast_minutes_28d (Jensen-Shannon 0.412 > 0.100)\\nhttps://shelfwatch.example.com/shelves/shows-you-might-like/validation/812?feature=podcast_minutes_28d",
  "event": { "id": "…", "type": "alert.raised", "kind": "skew", "occurredAt": "…", "summary": "…", "link": "…",
             "shelf": { "slug": "shows-you-might-like", "title": "Shows you might like", "team": "Podcast Discovery" },
             "alert": { "id": 17, "kind": "skew", "subject": "podcast-model", "title": "…", "status": "open", "details": { … } },
             "model": "podcast-model" }
}`}</Code>
    </section>
  );
}
