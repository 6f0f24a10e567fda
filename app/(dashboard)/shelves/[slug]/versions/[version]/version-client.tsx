"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { withParam } from "@/components/registry/param-select";

export type CompareChoice = { version: number; label: string };

/**
 * The "compare with" picker: the default baseline, a few useful versions, or any version number.
 * The choice is kept in the URL (`?compare=`), so a comparison can be shared.
 */
export function ComparePicker({ choices, value, defaultLabel }: { choices: CompareChoice[]; value: number | null; defaultLabel: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const listed = value === null || choices.some((c) => c.version === value);
  const [other, setOther] = useState(listed ? "" : String(value));
  const go = (compare: string) => {
    const href = withParam(pathname, new URLSearchParams(searchParams.toString()), "compare", compare);
    startTransition(() => router.push(href, { scroll: false }));
  };
  return (
    <div className={`flex flex-wrap items-center gap-2 text-xs text-slate-600 ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
      <label className="flex items-center gap-2">
        Compare with
        <select
          value={value === null ? "" : listed ? String(value) : "other"}
          data-testid="compare-picker"
          onChange={(e) => e.target.value !== "other" && go(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-brand focus:outline-none"
        >
          <option value="">{defaultLabel}</option>
          {choices.map((c) => (
            <option key={c.version} value={String(c.version)}>{c.label}</option>
          ))}
          {!listed && <option value="other">v{value}</option>}
        </select>
      </label>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d+$/.test(other)) go(other);
        }}
      >
        <label className="flex items-center gap-1">
          or version
          <input
            value={other}
            onChange={(e) => setOther(e.target.value)}
            inputMode="numeric"
            pattern="[0-9]*"
            placeholder="#"
            aria-label="Any version number"
            data-testid="compare-input"
            className="w-16 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 focus:border-brand focus:outline-none"
          />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50">Compare</button>
      </form>
    </div>
  );
}
