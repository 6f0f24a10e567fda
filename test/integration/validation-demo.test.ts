import { beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { listShelfCards } from "../../lib/server/shelves/list-shelf-cards";
import { getValidationHeatmap } from "../../lib/server/validation/get-validation-heatmap";
import { getValidationState } from "../../lib/server/validation/get-validation-state";
import { seedDemo } from "../../prisma/seed/demo";
import { isoDay } from "../../prisma/seed/random";
import { PLANTED_NEW_VALUE, PLANTED_SKEW, plantedDay } from "../../prisma/seed/validation";

// The demo as the dashboard shows it: the seed computes every report, and exactly the two planted
// faults are red, from their first day on, in skew; in drift only on the day each appeared.

const NOW = new Date("2026-03-04T15:30:00Z");
const skewDay = isoDay(plantedDay(NOW, PLANTED_SKEW));
const newValueDay = isoDay(plantedDay(NOW, PLANTED_NEW_VALUE));

beforeAll(async () => {
  const started = Date.now();
  expect(await seedDemo(db(), { now: NOW, log: (m) => console.log(m) })).toEqual({ created: true });
  console.log(`demo seed with reports: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 180_000);

async function anomalies(model: string) {
  const rows = await db().validationFeatureResult.findMany({ where: { anomaly: true, report: { model: { name: model } } }, select: { kind: true, day: true, feature: true, report: { select: { version: { select: { version: true } } } } } });
  return rows.map((r) => `${r.kind} ${r.day ? isoDay(r.day) : `v${r.report.version?.version}`} ${r.feature}`).sort();
}

describe("the demo's reports", () => {
  it("has a skew and a drift report for each serving day and a training drift report per version", async () => {
    for (const name of ["podcast-model", "shortcuts-model", "exploration-model"]) {
      const byKind = await db().validationReport.groupBy({ by: ["kind"], where: { model: { name } }, _count: { _all: true } });
      expect(Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])), name).toEqual({ skew: 90, drift: 89, training_drift: 51 });
    }
  });

  it("marks the planted skew and the new value from their first day, and nothing else", async () => {
    const days = (from: string, to: string) => {
      const out: string[] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(isoDay(new Date(t)));
      return out;
    };
    const yesterday = isoDay(new Date(Date.parse(isoDay(NOW)) - 86_400_000));
    const expected = [
      ...days(skewDay, yesterday).map((d) => `skew ${d} ${PLANTED_SKEW.feature}`),
      ...days(newValueDay, yesterday).map((d) => `skew ${d} ${PLANTED_NEW_VALUE.feature}`),
      `drift ${skewDay} ${PLANTED_SKEW.feature}`,
      `drift ${newValueDay} ${PLANTED_NEW_VALUE.feature}`,
    ].sort();
    expect(await anomalies("podcast-model")).toEqual(expected);
    expect(await anomalies("shortcuts-model")).toEqual([]);
    expect(await anomalies("exploration-model")).toEqual([]);

    const schema = await db().validationReport.findMany({ where: { NOT: { schemaAnomalies: { equals: [] } } }, select: { kind: true, day: true, schemaAnomalies: true, model: { select: { name: true } } } });
    const listed = schema.map((r) => `${r.model.name} ${r.kind} ${isoDay(r.day!)} ${(r.schemaAnomalies as { kind: string; feature: string }[]).map((a) => `${a.kind}:${a.feature}`).join(",")}`).sort();
    expect(listed).toEqual(
      [
        ...days(newValueDay, yesterday).map((d) => `podcast-model skew ${d} new_values:${PLANTED_NEW_VALUE.feature}`),
        `podcast-model drift ${newValueDay} new_values:${PLANTED_NEW_VALUE.feature}`,
      ].sort(),
    );
  });

  it("shows the skew red on Home with its first day and feature, and the other shelves green", async () => {
    const cards = await listShelfCards({ ctx: systemCtx("test", NOW) });
    const skewOf = (slug: string) => cards.find((c) => c.slug === slug)!.validation.find((v) => v.kind === "skew")!;
    expect(skewOf(PLANTED_SKEW.shelfSlug)).toMatchObject({ anomalies: 2, topFeature: PLANTED_SKEW.feature });
    expect(skewOf("shortcuts").anomalies).toBe(0);
    expect(skewOf("try-something-else").anomalies).toBe(0);
    const state = await getValidationState({ ctx: systemCtx("test", NOW), input: { model: PLANTED_SKEW.modelName } });
    expect(state.skew).toMatchObject({ anomalous: true, since: skewDay });
    expect(state.skew.features.map((f) => [f.feature, f.since])).toEqual([
      [PLANTED_SKEW.feature, skewDay],
      [PLANTED_NEW_VALUE.feature, newValueDay],
    ]);
    expect(state.drift.anomalous).toBe(false);
  });

  it("puts the skewed feature on the heat map's first row, red from its first day to the newest column", async () => {
    const map = await getValidationHeatmap({ ctx: systemCtx("test", NOW), input: { model: PLANTED_SKEW.modelName, kind: "skew", window: 30 } });
    expect(map.columns).toHaveLength(30);
    expect(map.columns.at(-1)!.label).toBe(isoDay(new Date(Date.parse(isoDay(NOW)) - 86_400_000)));
    const [first, second] = map.rows;
    expect(first.feature).toBe(PLANTED_SKEW.feature);
    expect(map.columns[first.firstAnomaly!].label).toBe(skewDay);
    expect(first.cells.slice(first.firstAnomaly!).every((s) => s !== null && s > 1)).toBe(true);
    expect(second.feature).toBe(PLANTED_NEW_VALUE.feature);
    expect(map.columns[second.firstAnomaly!].label).toBe(newValueDay);
    expect(map.rows.slice(2).every((r) => r.firstAnomaly === null)).toBe(true);
  });
});
