import "server-only";
import { env } from "../../env";

/** Where people reach this Shelfwatch: links in chat messages point here. */
export function publicBaseUrl(): string {
  const e = env();
  return (e.publicUrl ?? `http://localhost:${e.port}`).replace(/\/+$/, "");
}
