import "server-only";

export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID_REQUEST"
  | "UNAUTHENTICATED"
  | "PAYLOAD_TOO_LARGE";

export type FieldError = { path: string; message: string };

/** The one error type of the data layer; route handlers and actions map it to a status and a body. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PAYLOAD_TOO_LARGE: 413,
};

/** Turns zod issues into field errors with dotted paths ("items.3.rank"). */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

/** Re-parses input with its schema, throwing INVALID_REQUEST with the fields at fault. */
export function parseInput<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_REQUEST", "The request is not valid.", fieldErrors(parsed.error.issues));
  return parsed.data;
}
