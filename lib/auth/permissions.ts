/**
 * Who may do what: a pure table, shared by the data layer (which enforces it) and the pages (which only
 * use it to hide buttons). Token scopes are the pipeline's equivalent of roles.
 */
export const ROLES = ["viewer", "engineer", "reviewer", "lead", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const TOKEN_SCOPES = ["ingest", "gate", "read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const PERMISSIONS = {
  read: { roles: ["viewer", "engineer", "reviewer", "lead", "admin"], scope: "read" },
  ingest: { roles: ["engineer", "lead", "admin"], scope: "ingest" },
  editThresholds: { roles: ["engineer", "lead", "admin"], scope: null },
  review: { roles: ["reviewer", "lead", "admin"], scope: null },
  requestPromotion: { roles: ["engineer", "lead", "admin"], scope: "gate" },
  approvePromotion: { roles: ["lead", "admin"], scope: null },
  rollback: { roles: ["lead", "admin"], scope: null },
  handleAlerts: { roles: ["engineer", "reviewer", "lead", "admin"], scope: null },
  manageSettings: { roles: ["admin"], scope: null },
} as const satisfies Record<string, { roles: readonly RoleName[]; scope: TokenScope | null }>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions that a lead holds only on the shelves they lead. */
const SHELF_LIMITED: ReadonlySet<Permission> = new Set(["approvePromotion", "rollback"]);

export type Principal =
  | { kind: "user"; role: RoleName; leadShelfIds: readonly number[] }
  | { kind: "token"; scopes: readonly TokenScope[] };

/** Whether a principal may use a permission, on a given shelf when it matters. */
export function isAllowed(principal: Principal, permission: Permission, shelfId?: number): boolean {
  const rule = PERMISSIONS[permission];
  if (principal.kind === "token") return rule.scope !== null && principal.scopes.includes(rule.scope);
  if (!(rule.roles as readonly RoleName[]).includes(principal.role)) return false;
  if (principal.role === "lead" && SHELF_LIMITED.has(permission) && shelfId !== undefined) {
    return principal.leadShelfIds.length === 0 || principal.leadShelfIds.includes(shelfId);
  }
  return true;
}
