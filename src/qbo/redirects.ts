// Redirects are never followed, on the API or the token endpoint: every request is sent with
// `redirect: 'manual'` and a 3xx answer is an error naming where it pointed. Following one would
// send the bearer token, or the client secret and refresh token of a token request, to a host the
// config never named (and could leave https or loopback for plain http elsewhere).
import { ConfigError } from '../cdk/index.js';

/** The fetch option every request of this connector uses. */
export const NO_REDIRECTS = { redirect: 'manual' } as const satisfies RequestInit;

/** A 3xx answer: not followed; names the host it pointed to. */
export class RedirectRefusedError extends ConfigError {}

/**
 * Throws RedirectRefusedError when `response` is a redirect (its body is dropped unread).
 * `what` names the service ("QuickBooks", "Intuit's token endpoint"), `setting` the override that
 * points the connector at another host.
 */
export function refuseRedirect(response: Response, requestUrl: string | URL, what: string, setting: string): void {
  if (response.status < 300 || response.status > 399 || response.status === 304) return;
  response.body?.cancel().catch(() => undefined);
  const from = new URL(requestUrl);
  const target = describeLocation(response.headers.get('location'), from);
  throw new RedirectRefusedError(
    `${what} (${from.host}) answered HTTP ${response.status} redirecting to ${target}. The connector never follows redirects, ` +
      `so tokens and data requests only ever go to the configured host ${from.host}. If the service really moved, set ${setting} to its new address; ` +
      'otherwise check for a proxy or DNS entry rewriting these requests',
  );
}

/** "host other.example (http)" — the host and scheme only: a Location's path or query may carry anything. */
function describeLocation(location: string | null, base: URL): string {
  if (location === null || location.trim() === '') return 'no location';
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return 'an unreadable location';
  }
  const scheme = url.protocol.replace(/:$/, '');
  return url.host === base.host && url.protocol === base.protocol ? `another path on the same host (${scheme})` : `host ${url.host || '(none)'} (${scheme})`;
}
