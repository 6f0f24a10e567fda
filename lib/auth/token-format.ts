import { createHash, randomBytes } from "node:crypto";

/** Tokens look like `sw_<8-char prefix>_<secret>`; the prefix is kept in clear to tell tokens apart. */
export function generateToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const token = `sw_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, prefix, hash: hashToken(token) };
}

/** SHA-256 hex of a token: all the database ever holds (tokens are random, so no salt is needed). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
