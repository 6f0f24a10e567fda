import { createHash } from "node:crypto";

/** The fields of an audit event that its hash covers. */
export type AuditPayload = {
  createdAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  shelfId: number | null;
  before: unknown;
  after: unknown;
};

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level, so that a value hashes the same after a JSONB round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous event's hash and this event's canonical content. */
export function auditHash(prevHash: string, payload: AuditPayload): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(payload)).digest("hex");
}
