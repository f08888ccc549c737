// Reading a response body with a ceiling on its decompressed size. fetch inflates gzip/deflate/br
// transparently, so a 4 MB answer can unpack to 4 GB; reading chunk by chunk and stopping at the
// ceiling keeps memory bounded whatever a server (or a hostile one) sends.

/** Ceiling for error answers and the token endpoint: real ones are a few KB. */
export const MAX_ERROR_BODY_BYTES = 4 * 1024 * 1024;
/** Ceiling for a data answer read whole (CDC, batch, entity GETs). */
export const MAX_DATA_BODY_BYTES = 512 * 1024 * 1024;

/** The body exceeded its ceiling; the rest of it was not read. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the answer exceeds ${Math.round(limit / 1024 / 1024)} MiB once decompressed; it was not read further`);
  }
}

/** The body as UTF-8 text, or BodyTooLargeError once more than `limit` bytes arrived (decompressed). */
export async function readTextCapped(response: Response, limit: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
