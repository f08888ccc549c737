// Intuit signs each webhook POST: header `intuit-signature` = base64(HMAC-SHA256(key = the app's
// verifier token, message = the raw body bytes)). Compared in constant time on the decoded digests.
import { createHmac, timingSafeEqual } from 'node:crypto';

const DIGEST_BYTES = 32;

/** True only when `header` is the signature of exactly `body` under `verifierToken`. */
export function verifySignature(body: Uint8Array, header: string | undefined, verifierToken: string): boolean {
  if (header === undefined || header.length === 0) return false;
  const given = Buffer.from(header.trim(), 'base64');
  const expected = createHmac('sha256', verifierToken).update(body).digest();
  // A wrong length is rejected before comparing (timingSafeEqual needs equal lengths); the length of
  // an HMAC-SHA256 digest is public, so this leaks nothing.
  if (given.length !== DIGEST_BYTES) return false;
  return timingSafeEqual(given, expected);
}

/** The header value for `body` (the fake QBO's sender and tests use it). */
export function signBody(body: Uint8Array | string, verifierToken: string): string {
  return createHmac('sha256', verifierToken).update(body).digest('base64');
}
