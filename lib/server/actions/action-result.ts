import "server-only";
import { AppError, type FieldError } from "../errors";

export type ActionResult<T = undefined> = { ok: true; data?: T } | { ok: false; error: string; fields?: FieldError[] };

/** Maps the data layer's errors to what a form shows; anything unexpected is logged and hidden. */
export function actionError(error: unknown): { ok: false; error: string; fields?: FieldError[] } {
  if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields };
  console.error("Unhandled action error", error);
  return { ok: false, error: "Something went wrong on the server." };
}
