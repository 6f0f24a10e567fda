// Cover images come from pipelines: only an absolute https: URL is ever put into an <img>. Anything
// else (javascript:, data:, http:, relative paths, junk) shows the placeholder instead. Pure: the
// server applies it to every DTO and the client applies it again before rendering.

/** The URL itself when it is a well-formed absolute https: URL, otherwise null. */
export function safeImageUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.hostname === "") return null;
  // Credentials in an image URL would be sent by the reviewer's browser to a third party.
  if (url.username || url.password) return null;
  return url.toString();
}
