import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/webhooks/signature.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/webhooks/${name}`, import.meta.url));
const vector = JSON.parse(fixture('webhook_signature_test_vector.json').toString('utf8')) as {
  verifier_token: string;
  raw_body_file: string;
  'intuit-signature': string;
};
const body = fixture(vector.raw_body_file);

describe('intuit-signature', () => {
  it('accepts the SDK test vector: its exact body bytes, its verifier token, its signature', () => {
    expect(verifySignature(body, vector['intuit-signature'], vector.verifier_token)).toBe(true);
    expect(signBody(body, vector.verifier_token)).toBe(vector['intuit-signature']);
  });

  it('rejects a changed body, another token, a missing, empty, truncated or non-base64 header', () => {
    const changed = Buffer.from(body.toString('utf8').replace('"40"', '"41"'));
    expect(verifySignature(changed, vector['intuit-signature'], vector.verifier_token)).toBe(false);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1));
    expect(verifySignature(reformatted, vector['intuit-signature'], vector.verifier_token)).toBe(false);
    expect(verifySignature(body, vector['intuit-signature'], 'another-token')).toBe(false);
    expect(verifySignature(body, undefined, vector.verifier_token)).toBe(false);
    expect(verifySignature(body, '', vector.verifier_token)).toBe(false);
    expect(verifySignature(body, vector['intuit-signature'].slice(0, 20), vector.verifier_token)).toBe(false);
    expect(verifySignature(body, '!!!not base64!!!', vector.verifier_token)).toBe(false);
  });
});
