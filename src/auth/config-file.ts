// The ready connector config the auth command writes: owner-only (0600), replaced atomically.
import { existsSync, readFileSync } from 'node:fs';
import { NotARegularFileError, writeFileAtomic } from '../cdk/index.js';
import { AuthError } from './auth-error.js';
import type { IssuedTokens } from './exchange-code.js';

export interface AuthConfigInput {
  clientId: string;
  clientSecret: string;
  realmId: string;
  tokens: IssuedTokens;
  /** undefined: keep the existing file's, else the default. */
  startDate: string | undefined;
  sandbox: boolean | undefined;
  defaultStartDate: string;
}

/** The existing config at `path` (its other settings are kept), or undefined when there is none. */
export function readExistingConfig(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AuthError(`${path} exists but is not a JSON config (${error instanceof Error ? error.message : String(error)}). Choose another --output, or move it away.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthError(`${path} exists but is not a JSON object. Choose another --output, or move it away.`);
  }
  return parsed as Record<string, unknown>;
}

/** The config to write: the existing one's settings, with this grant's app, company and tokens. */
export function buildConfig(input: AuthConfigInput, existing: Record<string, unknown> | undefined): Record<string, unknown> {
  const previous = existing ?? {};
  // A pre-4.0 nested `credentials` object would shadow the new top-level tokens.
  const kept = { ...previous };
  delete kept['credentials'];
  const keptStart = typeof previous['start_date'] === 'string' ? previous['start_date'] : undefined;
  const keptSandbox = typeof previous['sandbox'] === 'boolean' ? previous['sandbox'] : undefined;
  return {
    ...kept,
    client_id: input.clientId,
    client_secret: input.clientSecret,
    refresh_token: input.tokens.refreshToken,
    realm_id: input.realmId,
    start_date: input.startDate ?? keptStart ?? input.defaultStartDate,
    sandbox: input.sandbox ?? keptSandbox ?? false,
    access_token: input.tokens.accessToken,
    token_expiry_date: input.tokens.tokenExpiryDate,
  };
}

/** Write the config to `path` atomically with mode 0600 (the kit's one atomic writer): never half a file. */
export async function writeConfigFile(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { mode: 0o600 });
  } catch (error) {
    const reason = error instanceof NotARegularFileError ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
    throw new AuthError(`Could not write ${path} (${reason}). Choose another --output.`);
  }
}
