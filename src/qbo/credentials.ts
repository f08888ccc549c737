// Configs written before source-quickbooks 4.0 keep the OAuth fields in a nested `credentials`
// object; 4.x keeps them at the top level. Both forms are read through here.
import type { JsonObject } from '../cdk/protocol.js';

const CREDENTIAL_FIELDS = ['client_id', 'client_secret', 'refresh_token', 'realm_id', 'access_token', 'token_expiry_date'];

/** The config with `credentials.*` lifted to the top level (non-empty top-level values win). */
export function flattenCredentials(raw: JsonObject): JsonObject {
  const creds = raw['credentials'];
  if (creds === null || typeof creds !== 'object' || Array.isArray(creds)) return { ...raw };
  const flat: JsonObject = { ...raw };
  for (const field of CREDENTIAL_FIELDS) {
    const nested = (creds as JsonObject)[field];
    if ((flat[field] === undefined || flat[field] === '') && nested !== undefined) flat[field] = nested;
  }
  delete flat['credentials'];
  return flat;
}
