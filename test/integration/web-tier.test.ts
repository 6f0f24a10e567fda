import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "../../lib/server/context";
import { createToken } from "../../lib/server/tokens/create-token";
import { startAppServer, type AppServer } from "../support/app-server";

// The production web tier runs one worker process per core behind one port. Each worker counts the
// requests it served; GET /metrics must still report the whole tier, whichever worker answers it.

let app: AppServer;
let token: string;

beforeAll(async () => {
  token = (await createToken({ ctx: systemCtx("test"), input: { name: "prometheus", scopes: ["read"] } })).token;
  app = await startAppServer(process.env.DATABASE_URL!, { workers: 2 });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

const HEALTH = /^shelfwatch_http_requests_total\{method="GET",route="\/api\/v1\/health",status="200"\} (\d+)$/m;

async function healthCount(): Promise<number> {
  const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  return Number(HEALTH.exec(text)?.[1] ?? 0);
}

describe("the web tier with two workers", () => {
  it("serves requests from both workers and counts all of them in /metrics", async () => {
    const before = await healthCount();
    // Fresh connections each time, so that the requests are spread over the workers.
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${app.url}/api/v1/health`, { headers: { connection: "close" } })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    // Every scrape, whichever worker serves it, sees the same total.
    for (let i = 0; i < 4; i++) expect(await healthCount()).toBe(before + 12);
  });

  it("serves many requests over connections kept open, whichever worker holds them", async () => {
    const before = await healthCount();
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${app.url}/api/v1/health`)));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(await healthCount()).toBe(before + 40);
  });

  it("stops cleanly: the port is released", async () => {
    await app.stop();
    await expect(fetch(`${app.url}/api/v1/health`)).rejects.toThrow();
  });
});
