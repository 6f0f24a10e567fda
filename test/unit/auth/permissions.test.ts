import { describe, expect, it } from "vitest";
import { isAllowed, PERMISSIONS, ROLES, type Permission, type RoleName } from "../../../lib/auth/permissions";

// The whole table, spelled out: a change to who may do what must be a deliberate change to this test.
const EXPECTED: Record<Permission, RoleName[]> = {
  read: ["viewer", "engineer", "reviewer", "lead", "admin"],
  ingest: ["engineer", "lead", "admin"],
  editThresholds: ["engineer", "lead", "admin"],
  review: ["reviewer", "lead", "admin"],
  requestPromotion: ["engineer", "lead", "admin"],
  approvePromotion: ["lead", "admin"],
  rollback: ["lead", "admin"],
  handleAlerts: ["engineer", "reviewer", "lead", "admin"],
  manageSettings: ["admin"],
};

describe("permissions", () => {
  for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
    it(`${permission}: allowed exactly for ${EXPECTED[permission]?.join(", ")}`, () => {
      const allowed = ROLES.filter((role) => isAllowed({ kind: "user", role, leadShelfIds: [] }, permission));
      expect(allowed).toEqual(EXPECTED[permission]);
    });
  }

  it("limits a lead with shelves to those shelves for approvals and rollbacks, not for reading", () => {
    const lead = { kind: "user" as const, role: "lead" as const, leadShelfIds: [1] };
    expect(isAllowed(lead, "approvePromotion", 1)).toBe(true);
    expect(isAllowed(lead, "approvePromotion", 2)).toBe(false);
    expect(isAllowed(lead, "rollback", 2)).toBe(false);
    expect(isAllowed(lead, "read", 2)).toBe(true);
    expect(isAllowed({ kind: "user", role: "lead", leadShelfIds: [] }, "approvePromotion", 2)).toBe(true);
    expect(isAllowed({ kind: "user", role: "admin", leadShelfIds: [1] }, "approvePromotion", 2)).toBe(true);
  });

  it("gives tokens only what their scopes name, and never a person's privileges", () => {
    const token = (scopes: ("ingest" | "gate" | "read")[]) => ({ kind: "token" as const, scopes });
    expect(isAllowed(token(["ingest"]), "ingest")).toBe(true);
    expect(isAllowed(token(["ingest"]), "read")).toBe(false);
    expect(isAllowed(token(["gate"]), "requestPromotion")).toBe(true);
    for (const p of ["approvePromotion", "rollback", "manageSettings", "review", "editThresholds"] as const) {
      expect(isAllowed(token(["ingest", "gate", "read"]), p)).toBe(false);
    }
  });
});
