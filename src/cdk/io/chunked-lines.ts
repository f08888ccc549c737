// A page of records leaves as ~64 KB writes, not one string of several MB: V8 puts strings that big
// in large-object space, and one that outlives a young-generation GC stays until a full GC, so every
// page would add its size to the heap's peak. Chunks end on line ends, so scrubbing a chunk scrubs
// whole lines, as scrubbing the page did.
import type { TextOutput } from './json-lines-output.js';
import type { SecretRegistry } from '../core/secrets.js';

const CHUNK_CHARS = 64 * 1024;

function noop(): void {}

/** Writes `head` then one line per item, scrubbed, in chunks; resolves once all are accepted. */
export function writeChunkedLines<T>(
  output: TextOutput,
  secrets: SecretRegistry,
  head: string,
  items: readonly T[],
  line: (item: T) => string,
): Promise<void> {
  const writes: Promise<void>[] = [];
  let text = head;
  for (const item of items) {
    text += line(item);
    if (text.length >= CHUNK_CHARS) {
      writes.push(output.write(secrets.scrub(text)));
      text = '';
    }
  }
  if (text !== '') writes.push(output.write(secrets.scrub(text)));
  if (writes.length === 1) return writes[0] as Promise<void>;
  return Promise.all(writes).then(noop);
}
