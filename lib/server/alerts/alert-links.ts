import "server-only";
import type { AlertKind } from "../../schemas/alerts";
import { reportPath } from "../validation/report-dto";

type LinkInput = { kind: AlertKind; shelfSlug: string | null; details: Record<string, unknown> };

/** The dashboard page that holds the evidence of an alert (relative path). */
export function alertEvidencePath({ kind, shelfSlug, details }: LinkInput): string {
  if (!shelfSlug) return "/alerts";
  const shelf = `/shelves/${encodeURIComponent(shelfSlug)}`;
  const version = typeof details.version === "number" ? details.version : null;
  switch (kind) {
    case "skew":
    case "drift":
    case "schema":
      return typeof details.reportId === "number" ? reportPath(shelfSlug, details.reportId, topFeature(details)) : `${shelf}/validation`;
    case "evaluation_regression":
      return version !== null ? `${shelf}/versions/${version}` : shelf;
    case "gate_failure":
      return version !== null ? `${shelf}/versions/${version}` : "/promotions";
    case "missed_retrain":
      return shelf;
  }
}

/** The most severe feature of a skew or drift alert, to open the report on it. */
function topFeature(details: Record<string, unknown>): string | null {
  const first = Array.isArray(details.features) ? (details.features[0] as { feature?: unknown } | undefined) : undefined;
  return typeof first?.feature === "string" ? first.feature : null;
}

/** The base URL of links in messages: SHELFWATCH_PUBLIC_URL, else this machine's port. */
export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
