import "server-only";
import { ITEM_FLAGS, type ItemFlag } from "../../schemas/review";

export type StoredFlag = { itemId: number; flags: ItemFlag[] };

const KNOWN = new Set<string>(ITEM_FLAGS);

/** Review.itemFlags as stored, [{ itemId, flags }]; entries of any other shape are ignored. */
export function parseFlags(value: unknown): StoredFlag[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const e = entry as { itemId?: unknown; flags?: unknown };
    if (typeof e.itemId !== "number" || !Array.isArray(e.flags)) return [];
    const flags = e.flags.filter((f): f is ItemFlag => typeof f === "string" && KNOWN.has(f));
    return flags.length ? [{ itemId: e.itemId, flags }] : [];
  });
}
