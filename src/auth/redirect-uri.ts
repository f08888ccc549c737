// The loopback redirect URI the consent page sends the browser back to, and where to listen for it.
import { isLoopbackHost } from '../qbo/endpoints.js';
import { AuthError } from './auth-error.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_CALLBACK_PATH = '/callback';

export interface RedirectTarget {
  /** The redirect URI as given (sent to Intuit verbatim: it must match the app's registered one exactly). */
  raw: string;
  uri: URL;
  /** Interfaces to bind: a `localhost` URI may resolve to IPv4 or IPv6 in the browser. */
  hosts: string[];
  port: number;
}

/** An https:// redirect URI (production keys): this command cannot receive it, the person pastes it back. */
export function isPasteBackRedirect(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

/** `--redirect-uri` wins; otherwise http://localhost:<port>/callback. Only plain-http loopback URIs can be served here. */
export function redirectTarget(options: { redirectUri?: string | undefined; port?: number | undefined }): RedirectTarget {
  const raw = options.redirectUri ?? `http://localhost:${options.port ?? DEFAULT_PORT}${DEFAULT_CALLBACK_PATH}`;
  let uri: URL;
  try {
    uri = new URL(raw);
  } catch {
    throw new AuthError(`--redirect-uri is not a valid URL: "${raw}". Use e.g. http://localhost:8080/callback.`);
  }
  if (uri.protocol !== 'http:' || !isLoopbackHost(uri.hostname)) {
    throw new AuthError(
      `--redirect-uri must be a plain http:// URI on this machine (localhost, 127.0.0.1 or [::1]), which this command receives, or an https:// URI, whose address you paste back; got "${raw}".`,
    );
  }
  if (uri.search || uri.hash) throw new AuthError(`--redirect-uri must not carry a query string or fragment: "${raw}".`);
  const explicitPort = uri.port === '' ? 80 : Number(uri.port);
  if (options.redirectUri !== undefined && options.port !== undefined && options.port !== explicitPort) {
    throw new AuthError(`--port ${options.port} disagrees with the port of --redirect-uri (${explicitPort}); give one of them.`);
  }
  const host = uri.hostname.toLowerCase();
  const hosts = host === 'localhost' ? ['127.0.0.1', '::1'] : [host.replace(/^\[|\]$/g, '')];
  return { raw, uri, hosts, port: explicitPort };
}
