import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { systemCtx } from "../../lib/server/context";
import { createClient, setDb } from "../../lib/server/db";
import { compareScores } from "../../lib/server/registry/compare-scores";
import { getMetricSeries } from "../../lib/server/registry/get-metric-series";
import { getOnlineSeries } from "../../lib/server/registry/get-online-series";
import { getShelfRegistry } from "../../lib/server/registry/get-shelf-registry";
import { getVersion } from "../../lib/server/registry/get-version";
import { listVersionRows } from "../../lib/server/registry/list-version-rows";
import { listVersions } from "../../lib/server/registry/list-versions";
import { BENCH_MODEL, BENCH_SLUG, seedRegistryScale } from "./registry-scale";

console.error("start"); const pg = await startEmbedded("/tmp/regprof/data"); console.error("started", pg.url);
await migrate(pg.url); console.error("migrated");
const client = createClient(pg.url, 8);
setDb(client);
if ((await client.model.count()) === 0) await seedRegistryScale(client, new Date());
console.log(pg.url);
const ctx = systemCtx("p");
const model = BENCH_MODEL;
const time = async (name: string, f: () => Promise<unknown>) => {
  const ts = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(name, "median", ts[7].toFixed(1), "min", ts[0].toFixed(1), "ms");
};
await time("registry", () => getShelfRegistry({ ctx, input: { slug: BENCH_SLUG } }));
await time("rows", () => listVersionRows({ ctx, input: { model } }));
await time("rows metric p200", () => listVersionRows({ ctx, input: { model, sort: "metric", dir: "asc", page: 200 } }));
await time("series", () => getMetricSeries({ ctx, input: { model, maxPoints: 600 } }));
await time("online", () => getOnlineSeries({ ctx, input: { model, days: 365, maxPoints: 600 } }));
await time("version", () => getVersion({ ctx, input: { model, version: 10000 } }));
await time("compare", () => compareScores({ ctx, input: { model, version: 10000 } }));
await time("list", () => listVersions({ ctx, input: { model, limit: 15 } }));
await client.$disconnect();
if (process.argv.includes("--stop")) await pg.stop();
