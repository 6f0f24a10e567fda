// Small pieces shared by the promotion forms: button styles and the result line of an action.

type State = { ok: boolean; error?: string; fields?: { path: string; message: string }[]; data?: { message?: string } } | null;

export const fieldClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand focus:outline-none";

const BUTTONS = {
  primary: "bg-brand text-white hover:bg-blue-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
  dangerOutline: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
} as const;

/** The classes of a form button of the given kind. */
export function buttonClass(kind: keyof typeof BUTTONS): string {
  return `inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${BUTTONS[kind]}`;
}

/** The error of an action, with the fields at fault. */
export function ActionProblem({ state }: { state: State }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
      {state.error}
    </p>
  );
}

/** The confirmation line of an action that succeeded. */
export function ActionSuccess({ state }: { state: State }) {
  if (!state?.ok || !state.data?.message) return null;
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 p-2 text-sm text-green-900">
      {state.data.message}
    </p>
  );
}
