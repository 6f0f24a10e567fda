import { describe, expect, it } from "vitest";
import { httpsUrl } from "../../../lib/registry/links";

describe("httpsUrl", () => {
  it("accepts https URLs only", () => {
    expect(httpsUrl("https://pipelines.example.com/runs/42?tab=logs")).toBe("https://pipelines.example.com/runs/42?tab=logs");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "http://example.com", "data:text/html,hi", "ftp://x", "//example.com", "runs/42", "", null, undefined]) {
      expect(httpsUrl(bad)).toBeNull();
    }
  });
});
