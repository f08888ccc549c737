// Configs written before source-quickbooks 4.0 keep the OAuth fields in a nested `credentials`
// object; 4.x keeps them at the top level. Both forms are read through here.
import type { JsonObject } from '../cdk/index.js';

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

/**
 * realm_id as the platform may hold it: QuickBooks shows the company ID in spaced groups
 * ("9130 3566 8765 4321") and airbyte/source-quickbooks 4.x took it as typed, so whitespace
 * anywhere is dropped rather than rejected.
 */
export function normalizeRealmId(config: JsonObject): JsonObject {
  const realm = config['realm_id'];
  if (typeof realm !== 'string' || !/\s/.test(realm)) return config;
  return { ...config, realm_id: realm.replace(/\s+/g, '') };
}
