// Checks that the ranks of one ranked list run 1..n, each exactly once. Pure: used by the ingest schema.

export type RankProblem = { index: number; message: string };

/** The ranks of 1..n that no item of the list holds. */
export function missingRanks(ranks: readonly number[]): number[] {
  const present = new Set(ranks);
  const missing: number[] = [];
  for (let r = 1; r <= ranks.length; r++) if (!present.has(r)) missing.push(r);
  return missing;
}

/**
 * The items whose rank breaks "1..n without gaps or duplicates", each with a message. With n items,
 * ranks that are all within 1..n and distinct form a permutation, so any gap shows up as a duplicate
 * or as a rank beyond n: those are reported at the item at fault, naming the ranks left empty.
 */
export function rankProblems(ranks: readonly number[]): RankProblem[] {
  const n = ranks.length;
  const firstAt = new Map<number, number>();
  const problems: RankProblem[] = [];
  ranks.forEach((rank, index) => {
    const earlier = firstAt.get(rank);
    if (rank > n) problems.push({ index, message: `rank ${rank} is beyond the ${n} item${n === 1 ? "" : "s"} of this list` });
    else if (earlier !== undefined) problems.push({ index, message: `rank ${rank} is also given to item ${earlier}` });
    else firstAt.set(rank, index);
  });
  if (problems.length === 0) return problems;
  const missing = missingRanks(ranks);
  const gap = missing.length > 0 ? `; missing: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}` : "";
  return problems.map((p) => ({ index: p.index, message: `${p.message} (ranks must run 1..${n} without gaps or duplicates${gap})` }));
}
