"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

export type ParamOption = { value: string; label: string };

/** The URL with one search param set (or removed when empty) and `reset` params dropped. */
export function withParam(pathname: string, current: URLSearchParams, name: string, value: string, reset: readonly string[] = []): string {
  const next = new URLSearchParams(current);
  if (value === "") next.delete(name);
  else next.set(name, value);
  for (const r of reset) next.delete(r);
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * A select whose value lives in the URL: choosing navigates (the server renders the new state), and
 * the control dims while the new page is on its way.
 */
export function ParamSelect({ name, label, value, options, reset = [], testId }: { name: string; label: string; value: string; options: ParamOption[]; reset?: string[]; testId?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      {label}
      <select
        name={name}
        value={value}
        data-testid={testId}
        aria-busy={pending}
        onChange={(e) => {
          const href = withParam(pathname, new URLSearchParams(searchParams.toString()), name, e.target.value, reset);
          startTransition(() => router.push(href, { scroll: false }));
        }}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-brand focus:outline-none ${pending ? "opacity-60" : ""}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}
