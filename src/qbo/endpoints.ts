// Where the QBO API and Intuit's token endpoint live, with the env overrides tests and emulators use.
import { ConfigError } from '../cdk/index.js';

export const PRODUCTION_BASE_URL = 'https://quickbooks.api.intuit.com';
export const SANDBOX_BASE_URL = 'https://sandbox-quickbooks.api.intuit.com';
export const TOKEN_URL = 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer';

export interface QboEndpoints {
  /** API origin (plus an optional path prefix), without a trailing slash. */
  baseUrl: string;
  tokenUrl: string;
}

/** Production or sandbox host, unless `QBO_BASE_URL` / `QBO_TOKEN_URL` in `env` say otherwise. */
export function resolveEndpoints(
  options: { sandbox?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
): QboEndpoints {
  const baseOverride = env['QBO_BASE_URL']?.trim();
  const tokenOverride = env['QBO_TOKEN_URL']?.trim();
  return {
    baseUrl: baseOverride
      ? checkServiceUrl(baseOverride, 'QBO_BASE_URL')
      : options.sandbox === true
        ? SANDBOX_BASE_URL
        : PRODUCTION_BASE_URL,
    tokenUrl: tokenOverride ? checkServiceUrl(tokenOverride, 'QBO_TOKEN_URL') : TOKEN_URL,
  };
}

/**
 * Validates an endpoint URL: https anywhere, plain http only on a loopback host (a token sent in
 * clear text must not leave the machine). Returns it without a trailing slash.
 */
export function checkServiceUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}". Set it to an absolute URL such as https://host:port, or unset it.`);
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new ConfigError(
        `${name} uses plain http:// for the non-loopback host "${url.hostname}". Use https://, or http:// only with localhost, 127.0.0.1 or [::1].`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an https:// URL (http:// only for loopback hosts), got "${url.protocol}".`);
  }
  if (url.search || url.hash) {
    throw new ConfigError(`${name} must not carry a query string or fragment: "${raw}".`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** localhost, 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  // WHATWG URL parsing already normalises IPv4 forms (e.g. 0x7f.1) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
