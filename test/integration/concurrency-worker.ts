// A separate process with its own Prisma client and connection pool, driven by the concurrency test
// over IPC: "prepare" opens the pool's connections and stages the calls, "go" fires them all at once.
import { createClient, setDb } from "../../lib/server/db";
import type { Ctx } from "../../lib/server/context";
import { AppError } from "../../lib/server/errors";
import { approvePromotion } from "../../lib/server/promotions/approve-promotion";
import { runPromotionGate } from "../../lib/server/promotions/run-promotion-gate";

type Call = { kind: "approve" | "push"; ctx: Omit<Ctx, "now"> & { now: string }; input: Record<string, unknown> };
export type CallResult = { ok: true; status: string } | { ok: false; code: string; message: string };

const poolSize = Number(process.env.POOL_SIZE ?? "5");
const client = createClient(process.env.DATABASE_URL!, poolSize);
setDb(client);
let staged: Call[] = [];

async function run(call: Call): Promise<CallResult> {
  const ctx = { ...call.ctx, now: new Date(call.ctx.now) } as Ctx;
  try {
    if (call.kind === "approve") {
      const r = await approvePromotion({ ctx, input: call.input as never });
      return { ok: true, status: r.status };
    }
    const r = await runPromotionGate({ ctx, input: call.input as never });
    return { ok: true, status: r.outcome };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "UNEXPECTED", message: String(error) };
  }
}

process.on("message", async (message: { type: string; calls?: Call[] }) => {
  if (message.type === "prepare") {
    staged = message.calls ?? [];
    // Hold every connection of the pool at once, so that all of them are open before "go".
    await Promise.all(Array.from({ length: poolSize }, () => client.$executeRaw`SELECT pg_sleep(0.2)`));
    process.send!({ type: "ready" });
  } else if (message.type === "go") {
    const results = await Promise.all(staged.map(run));
    process.send!({ type: "done", results });
  } else if (message.type === "exit") {
    await client.$disconnect();
    process.exit(0);
  }
});
process.send!({ type: "started" });
