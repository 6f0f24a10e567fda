import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { tokenWith } from "./registry-fixtures";
import { day, deploy, modelWithVersions, postNdjson, profileOf, row, rng, post } from "./validation-fixtures";

// Raw feature rows streamed as NDJSON become a profile in one pass: each row is folded in and dropped,
// so the memory a request holds does not grow with its rows.

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** An NDJSON body produced as it is read (never held whole), sampling live heap every few chunks. */
function streamedRows(rows: number, seed: number, sample: (heap: number) => void): ReadableStream<Uint8Array> {
  const next = rng(seed);
  const encoder = new TextEncoder();
  const perChunk = 2_000;
  let sent = 0;
  let chunks = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= rows) {
        controller.close();
        return;
      }
      if (++chunks % 25 === 0) {
        gc();
        sample(process.memoryUsage().heapUsed);
      }
      const lines: string[] = [];
      for (let i = 0; i < perChunk && sent < rows; i++, sent++) lines.push(JSON.stringify({ ...row(next), session: `s-${sent}`, hour: sent % 24 }));
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
  });
}

describe("POST /api/v1/models/{model}/feature-rows", () => {
  it("profiles a big streamed body with constant memory", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const ROWS = 600_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    const body = streamedRows(ROWS, 7, (heap) => (peak = Math.max(peak, heap)));
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    const res = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05", counted);
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result).toMatchObject({ rows: ROWS, dataset: { numExamples: ROWS, featureCount: 5, source: "rows" } });
    const growth = peak - before;
    console.log(`streamed ${(bytes / 1e6).toFixed(0)} MB of NDJSON; live heap grew by at most ${(growth / 1e6).toFixed(1)} MB`);
    // Holding the body, or its rows, would take more than the body's size; the profile takes a few MB.
    expect(bytes).toBeGreaterThan(50e6);
    expect(growth).toBeLessThan(24e6);
    // The high-cardinality feature kept bounded top values, and an estimated distinct count.
    const session = await db().featureProfile.findFirstOrThrow({ where: { name: "session", statistics: { modelId: m.modelId } }, select: { stats: true } });
    const stats = session.stats as { distinct: number; topValues: unknown[] };
    expect(stats.topValues.length).toBeLessThanOrEqual(1000);
    expect(Math.abs(stats.distinct - ROWS) / ROWS).toBeLessThan(0.05);
  }, 180_000);

  it("computes the same reports as posted statistics", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    await post(m.modelName, token, "kind=training&version=1", profileOf(1));
    const next = rng(99);
    const lines = Array.from({ length: 2_000 }, () => JSON.stringify(row(next, { minutesScale: 60 }))).join("\n");
    const res = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05", lines);
    const body = await res.json();
    expect(body.reports).toMatchObject([{ kind: "skew", anomalous: true, topFeature: "minutes" }]);
  });

  it("merges shards of a day sent with mode=merge", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const shard = (seed: number, n: number) => {
      const next = rng(seed);
      return Array.from({ length: n }, () => JSON.stringify(row(next))).join("\n");
    };
    expect((await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05&mode=merge", shard(1, 700), { "idempotency-key": "shard-1" })).status).toBe(201);
    const second = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05&mode=merge", shard(2, 300), { "idempotency-key": "shard-2" });
    expect((await second.json()).dataset.numExamples).toBe(1000);
    // A retried shard with its key is answered from the first attempt, not counted twice.
    const retry = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05&mode=merge", shard(2, 300), { "idempotency-key": "shard-2" });
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    const stored = await db().featureStatistics.findFirstOrThrow({ where: { modelId: m.modelId }, select: { numExamples: true, source: true } });
    expect(stored).toEqual({ numExamples: 1000, source: "rows" });
  });

  it("refuses a key used for another upload: other rows, or another day, answer 409 and change nothing", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const rows = (seed: number, n: number) => {
      const next = rng(seed);
      return Array.from({ length: n }, () => JSON.stringify(row(next))).join("\n");
    };
    const first = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-06&mode=merge", rows(7, 400), { "idempotency-key": "upload-7" });
    expect(first.status).toBe(201);
    const otherRows = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-06&mode=merge", rows(8, 400), { "idempotency-key": "upload-7" });
    expect(otherRows.status).toBe(409);
    expect((await otherRows.json()).error.message).toMatch(/different request/);
    const otherDay = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-07&mode=merge", rows(7, 400), { "idempotency-key": "upload-7" });
    expect(otherDay.status).toBe(409);
    const replay = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-06&mode=merge", rows(7, 400), { "idempotency-key": "upload-7" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    const stored = await db().featureStatistics.findMany({ where: { modelId: m.modelId }, select: { numExamples: true } });
    expect(stored).toEqual([{ numExamples: 400 }]);
  });

  it("answers 400 naming the line at fault and stores nothing; 403 to a token without ingest", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const bad = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05", '{"a":1}\n{"a":2}\n{"a":\n');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual([{ path: "line 3", message: expect.stringContaining("not valid JSON") }]);
    const notObject = await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05", '{"a":1}\n[1,2]\n');
    expect((await notObject.json()).error.fields[0].path).toBe("line 2");
    expect((await postNdjson(m.modelName, token, "kind=serving&day=2026-01-05", "\n\n")).status).toBe(400);
    expect((await postNdjson(m.modelName, await tokenWith(["read"]), "kind=serving&day=2026-01-05", '{"a":1}\n')).status).toBe(403);
    expect(await db().featureStatistics.count({ where: { modelId: m.modelId } })).toBe(0);
  });
});
