import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "./errors";

/** Runs a data-layer call for a page: a NOT_FOUND becomes the route's not-found page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
