import "server-only";
import { AppError } from "../errors";

/** Reads a request body as text, refusing (413) as soon as it passes `maxBytes`, whatever Content-Length says. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Yields the lines of an NDJSON body one at a time (constant memory), with the same size limit. */
export async function* readNdjsonLines(request: Request, maxBytes: number): AsyncGenerator<{ line: string; lineNumber: number }> {
  if (!request.body) return;
  const reader = request.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  let total = 0;
  let lineNumber = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      total += Buffer.byteLength(value);
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      buffered += value;
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        lineNumber++;
        if (line) yield { line, lineNumber };
      }
    }
    if (done) break;
  }
  if (buffered.trim()) yield { line: buffered.trim(), lineNumber: lineNumber + 1 };
}

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${maxBytes} bytes.`);
}

/** Reads a body to its end without keeping it (to fingerprint a streamed upload), with the same size limit. */
export async function drainBody(request: Request, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    onChunk(value);
  }
}

/** The same request, its body passing every chunk to `onChunk` on its way to whoever reads it. */
export function tapBody(request: Request, onChunk: (chunk: Uint8Array) => void): Request {
  if (!request.body) return request;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onChunk(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
}
