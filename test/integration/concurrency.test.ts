import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../lib/server/audit-log/verify-audit-chain";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import type { CallResult } from "./concurrency-worker";
import { person, productionOf, promotionFixture } from "./promotion-fixtures";

// Fifty callers race for one model's production alias: ten processes, each with its own Prisma client
// and a pool of five connections, fire five calls each at the same signal. Whatever the interleaving,
// exactly one deployment must result and every other caller must get a clean CONFLICT.

const WORKERS = 10;
const PER_WORKER = 5;
const ROUNDS = 3;
// The first round also pays for ten processes compiling their queries on a shared two-core machine.
const RACE_TIMEOUT = 180_000;

type Worker = { child: ChildProcess; next: (type: string) => Promise<{ type: string; results?: CallResult[] }> };
let workers: Worker[] = [];

function start(): Promise<Worker> {
  const child = fork(path.resolve(import.meta.dirname, "concurrency-worker.ts"), [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, POOL_SIZE: String(PER_WORKER) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const inbox: { type: string; results?: CallResult[] }[] = [];
  const waiting: ((m: { type: string; results?: CallResult[] }) => void)[] = [];
  child.on("message", (m: { type: string; results?: CallResult[] }) => (waiting.length ? waiting.shift()!(m) : inbox.push(m)));
  // A worker that dies fails the waiting test at once instead of hanging it.
  child.on("exit", (code) => {
    while (waiting.length) waiting.shift()!({ type: `exit ${code}` });
  });
  const next = (type: string) =>
    new Promise<{ type: string; results?: CallResult[] }>((resolve, reject) => {
      const take = (m: { type: string; results?: CallResult[] }) => (m.type === type ? resolve(m) : reject(new Error(`expected ${type}, got ${m.type}`)));
      if (inbox.length) take(inbox.shift()!);
      else waiting.push(take);
    });
  const worker = { child, next };
  return next("started").then(() => worker);
}

beforeAll(async () => {
  workers = await Promise.all(Array.from({ length: WORKERS }, start));
}, 120_000);

afterAll(async () => {
  for (const w of workers) w.child.send({ type: "exit" });
});

/** Stages the calls across the workers, checks every connection is open, then releases them together. */
async function race(calls: { kind: "approve" | "push"; ctx: unknown; input: Record<string, unknown> }[]): Promise<CallResult[]> {
  const serialised = calls.map((c) => JSON.parse(JSON.stringify(c)));
  // Pools open connections lazily: warm them until all fifty are open, so that "go" finds them ready.
  let open = 0;
  for (let attempt = 0; attempt < 5 && open < WORKERS * PER_WORKER; attempt++) {
    await Promise.all(
      workers.map((w, i) => {
        w.child.send({ type: "prepare", calls: serialised.slice(i * PER_WORKER, (i + 1) * PER_WORKER) });
        return w.next("ready");
      }),
    );
    [{ open }] = await db().$queryRaw<{ open: number }[]>`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database()`;
  }
  expect(open).toBeGreaterThanOrEqual(WORKERS * PER_WORKER);
  const done = workers.map((w) => w.next("done"));
  for (const w of workers) w.child.send({ type: "go" });
  return (await Promise.all(done)).flatMap((m) => m.results ?? []);
}

function tally(results: CallResult[]) {
  const ok = results.filter((r) => r.ok);
  const conflicts = results.filter((r) => !r.ok && r.code === "CONFLICT");
  const other = results.filter((r) => !r.ok && r.code !== "CONFLICT");
  return { ok, conflicts, other };
}

describe("fifty simultaneous callers on separate connections", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`approvals by fifty leads end in exactly one deployment (round ${round})`, async () => {
      const f = await promotionFixture();
      const request = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "race" } });
      const leads = await Promise.all(Array.from({ length: WORKERS * PER_WORKER }, () => person("lead", [f.shelf.id])));
      const input = { requestId: request.request!.id, candidateVersionId: f.v3.id, expectedProductionVersionId: f.v2.id, comment: "go" };
      const results = await race(leads.map((l) => ({ kind: "approve", ctx: l.ctx, input })));

      const { ok, conflicts, other } = tally(results);
      expect(other).toEqual([]);
      expect(ok).toEqual([{ ok: true, status: "deployed" }]);
      expect(conflicts).toHaveLength(WORKERS * PER_WORKER - 1);
      expect(await db().deployment.count({ where: { modelId: f.model.id, toVersionId: f.v3.id } })).toBe(1);
      expect(await db().approval.count({ where: { requestId: request.request!.id } })).toBe(1);
      expect(await productionOf(f.model.id)).toBe(3);
      expect(await verifyAuditChain({ ctx: systemCtx("test") })).toMatchObject({ ok: true });
    }, RACE_TIMEOUT);

    it(`automatic pushes by fifty pipeline calls end in exactly one deployment (round ${round})`, async () => {
      const f = await promotionFixture({ policy: { approvalsRequired: 0 } });
      const ctx = { actor: { kind: "token", id: 1, name: "nightly", scopes: ["gate"] }, now: new Date() };
      const results = await race(Array.from({ length: WORKERS * PER_WORKER }, () => ({ kind: "push", ctx, input: { model: f.model.name, version: 3 } })));

      const { ok, conflicts, other } = tally(results);
      expect(other).toEqual([]);
      expect(ok).toEqual([{ ok: true, status: "deployed" }]);
      expect(conflicts).toHaveLength(WORKERS * PER_WORKER - 1);
      expect(conflicts[0].ok === false && conflicts[0].message).toMatch(/already in production/);
      expect(await db().deployment.count({ where: { modelId: f.model.id, reason: "automatic_push" } })).toBe(1);
      expect(await db().promotionRequest.count({ where: { modelId: f.model.id } })).toBe(1);
      expect(await productionOf(f.model.id)).toBe(3);
      expect(await verifyAuditChain({ ctx: systemCtx("test") })).toMatchObject({ ok: true });
    }, RACE_TIMEOUT);
  }
});
