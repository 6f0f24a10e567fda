import { formatDelta } from "@/lib/registry/format-delta";
import type { ScoreVerdict } from "@/lib/registry/compare";

const TONE: Record<ScoreVerdict, string> = { better: "text-ok", worse: "text-bad", same: "text-slate-500" };
const WORD: Record<ScoreVerdict, string> = { better: "better", worse: "worse", same: "no change" };

/**
 * A signed change, green when better and red when worse for the metric's direction; a metric without a
 * declared direction gets no colour, only the number.
 */
export function Delta({ delta, verdict, suffix }: { delta: number | null; verdict: ScoreVerdict | null; suffix?: string }) {
  if (delta === null) return <span className="text-slate-400">—</span>;
  return (
    <span className={`tabular ${verdict ? TONE[verdict] : "text-slate-700"}`} data-verdict={verdict ?? "none"} title={verdict ? WORD[verdict] : "direction not declared"}>
      {formatDelta(delta)}
      {suffix}
      {verdict && verdict !== "same" && <span className="sr-only"> ({WORD[verdict]})</span>}
    </span>
  );
}
