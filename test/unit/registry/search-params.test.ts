import { describe, expect, it } from "vitest";
import { parseShelfSearchParams, shelfHref, versionsTableLinks } from "../../../app/(dashboard)/shelves/[slug]/search-params";
import { parseVersionSearchParams, parseVersionSegment } from "../../../app/(dashboard)/shelves/[slug]/versions/[version]/search-params";

describe("shelf page search params", () => {
  it("parses typed state with defaults, ignoring malformed values", () => {
    expect(parseShelfSearchParams({})).toEqual({ page: 1, sort: "version", dir: "desc", days: 365 });
    expect(parseShelfSearchParams({ page: "3", sort: "metric", dir: "asc", metric: "coverage", online: "impressions", days: "90" })).toEqual({
      page: 3,
      sort: "metric",
      dir: "asc",
      metric: "coverage",
      online: "impressions",
      days: 90,
    });
    expect(parseShelfSearchParams({ page: "-2", sort: "size", dir: "up", days: "12", metric: ["recall@50", "x"] })).toEqual({ page: 1, sort: "version", dir: "desc", days: 365, metric: "recall@50" });
  });

  it("builds short URLs: defaults left out, values encoded", () => {
    const state = parseShelfSearchParams({ metric: "ndcg@10", page: "2" });
    expect(shelfHref("shortcuts", state)).toBe("/shelves/shortcuts?page=2&metric=ndcg%4010");
    expect(shelfHref("shortcuts", state, { page: 1, metric: undefined })).toBe("/shelves/shortcuts");
    expect(shelfHref("shortcuts", state, { sort: "metric", dir: "asc" })).toBe("/shelves/shortcuts?page=2&sort=metric&dir=asc&metric=ndcg%4010");
  });
});

describe("versions table links", () => {
  it("sorts a new column newest or best first, reverses the active one, and clamps the pager", () => {
    const state = parseShelfSearchParams({ page: "2", online: "impressions" });
    const links = versionsTableLinks("s", state, { page: 2, pageCount: 2, sort: "version", dir: "desc", direction: "lower_is_better" });
    expect(links.sort.version).toBe("/shelves/s?dir=asc&online=impressions");
    expect(links.sort.trained).toBe("/shelves/s?sort=trained&online=impressions");
    expect(links.sort.metric).toBe("/shelves/s?sort=metric&dir=asc&online=impressions");
    expect(links.first).toBe("/shelves/s?online=impressions");
    expect(links.next).toBe("/shelves/s?page=2&online=impressions");
  });
});

describe("version page search params", () => {
  it("reads the compare version and the route's version number", () => {
    expect(parseVersionSearchParams({ compare: "41" })).toEqual({ compare: 41 });
    expect(parseVersionSearchParams({ compare: "abc" })).toEqual({ compare: undefined });
    expect(parseVersionSearchParams({ compare: "" })).toEqual({ compare: undefined });
    expect(parseVersionSegment("52")).toBe(52);
    for (const bad of ["0", "-1", "1.5", "1e3", "v52", "", "99999999999"]) expect(parseVersionSegment(bad)).toBeNull();
  });
});
