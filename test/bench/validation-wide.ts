// Wide profiles for `npm run bench:validation`: 500 features (half numeric, half categorical), and a
// model whose reports compare them, so that the report page is measured at that width.
import { createProfileBuilder } from "../../lib/drift/builder";
import type { DatasetProfile } from "../../lib/drift/profile";
import { systemCtx } from "../../lib/server/context";
import type { Db } from "../../lib/server/db";
import { ingestStatistics } from "../../lib/server/validation/ingest-statistics";
import { seedModel } from "../../prisma/seed/shelves";

export const WIDE_FEATURES = 500;
export const WIDE_SLUG = "bench-validation";
export const WIDE_DAYS = 30;

/** A profile of `rows` rows over 500 features; `shift` moves a tenth of the numeric features. */
export function wideProfile(seed: number, rows: number, shift = 0): DatasetProfile {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const builder = createProfileBuilder();
  const row: Record<string, number | string | null> = {};
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < WIDE_FEATURES; f++) {
      const name = `feature_${String(f).padStart(3, "0")}`;
      if (f % 2 === 0) {
        const moved = shift > 0 && f % 20 === 0 ? shift : 0;
        row[name] = next() < 0.01 ? null : Math.round((-Math.log(1 - next()) * (10 + f) + moved * (10 + f)) * 100) / 100;
      } else {
        // 5 to 50 values, each frequent enough that a few hundred rows see them all.
        const values = 5 + (f % 10) * 5;
        row[name] = `v${Math.floor(next() * values)}`;
      }
    }
    builder.add(row);
  }
  return builder.finish();
}

/** A model with two versions, version 1 in production, its training profile and `WIDE_DAYS` serving days of 500 features. */
export async function seedWideModel(client: Db, now: Date, log: (m: string) => void): Promise<{ model: string; newestReport: number }> {
  const { modelId, modelName } = await seedModel(client, { slug: WIDE_SLUG, now: new Date(now.getTime() - 100 * 86_400_000) });
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  await client.modelVersion.createMany({ data: [1, 2].map((v) => ({ modelId, version: v, trainedAt: new Date(today - (60 - v * 7) * 86_400_000) })) });
  const v1 = await client.modelVersion.findFirstOrThrow({ where: { modelId, version: 1 }, select: { id: true } });
  await client.deployment.create({ data: { modelId, toVersionId: v1.id, reason: "initial", actor: "bench", createdAt: new Date(today - 50 * 86_400_000) } });
  const ctx = systemCtx("bench", now);
  await ingestStatistics({ ctx, input: { model: modelName, target: { kind: "training", version: 1 }, statistics: wideProfile(1, 300) } });
  let newestReport = 0;
  for (let d = WIDE_DAYS; d >= 1; d--) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    // The last ten days carry a shift on a tenth of the numeric features: the page shows anomalies.
    const result = await ingestStatistics({ ctx, input: { model: modelName, target: { kind: "serving", day }, statistics: wideProfile(100 + d, 300, d <= 10 ? 2 : 0) } });
    newestReport = result.reports.find((r) => r.kind === "skew")?.id ?? newestReport;
    if (d % 10 === 0) log(`  ${WIDE_DAYS - d + 1}/${WIDE_DAYS} serving days of ${WIDE_FEATURES} features ingested`);
  }
  return { model: modelName, newestReport };
}
