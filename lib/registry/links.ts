// Links built from strings that pipelines send: only https URLs become links.

/** The URL when it is a well-formed https URL, else null (render the value as text). */
export function httpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" ? url.toString() : null;
  } catch {
    return null;
  }
}
