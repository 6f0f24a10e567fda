"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { shortDate } from "@/lib/format";

type Answer = { version: number | null; since: string | null; until: string | null; deployment: { reason: string; actor: string } | null };
type State = { day: string; answer: Answer | null; error: string | null };

const PARAM = "productionAt";

/**
 * "What was in production on day X": the day lives in the URL (?productionAt=YYYY-MM-DD) and the
 * answer comes from GET /api/v1/models/{model}/production?at=, the same read pipelines use.
 */
export function ProductionAtPicker({ model, today }: { model: string; today: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const day = params.get(PARAM) ?? "";
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    const controller = new AbortController();
    fetch(`/api/v1/models/${encodeURIComponent(model)}/production?at=${day}`, { signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        const body = await res.json();
        setState(res.ok ? { day, answer: body as Answer, error: null } : { day, answer: null, error: body?.error?.message ?? `HTTP ${res.status}` });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== "AbortError") setState({ day, answer: null, error: "The server could not be reached." });
      });
    return () => controller.abort();
  }, [day, model]);

  function choose(next: string) {
    const query = new URLSearchParams(params.toString());
    if (next) query.set(PARAM, next);
    else query.delete(PARAM);
    const text = query.toString();
    router.replace(`${pathname}${text ? `?${text}` : ""}`, { scroll: false });
  }

  const current = state && state.day === day ? state : null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="production-at-picker">
      <label className="flex items-center gap-2">
        Production on
        <input type="date" value={day} max={today} onChange={(e) => choose(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <span aria-live="polite" data-testid="production-at-answer">
        {!day ? (
          <span className="text-slate-500">pick a day to see what was live at its end (UTC)</span>
        ) : !current ? (
          <span className="text-slate-400">looking it up…</span>
        ) : current.error ? (
          <span className="text-bad">{current.error}</span>
        ) : current.answer?.version === null ? (
          <span>Nothing was in production on {shortDate(day)}.</span>
        ) : (
          <span>
            <strong>v{current.answer?.version}</strong> was live on {shortDate(day)}
            <span className="text-slate-500">
              {current.answer?.since && `, since ${shortDate(current.answer.since)}`}
              {current.answer?.until ? ` until ${shortDate(current.answer.until)}` : ", still live"}
              {current.answer?.deployment && ` (${current.answer.deployment.reason.replace("_", " ")} by ${current.answer.deployment.actor})`}
            </span>
          </span>
        )}
      </span>
    </div>
  );
}
