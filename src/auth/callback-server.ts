// A one-shot loopback HTTP listener for the OAuth redirect: checks state, returns code + realmId.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError } from './auth-error.js';
import type { RedirectTarget } from './redirect-uri.js';

export interface AuthorizationGrant {
  code: string;
  realmId: string;
}

export interface CallbackListener {
  /** The redirect URI with the bound port (differs from the target only for port 0). */
  redirectUri: string;
  /** Settles on the first redirect to the callback path, or rejects on timeout. */
  grant: Promise<AuthorizationGrant>;
  close(): Promise<void>;
}

const PAGE = (title: string, text: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`;

function reply(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(PAGE(title, text));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** What a redirect says: a grant, or the reason the flow failed. */
export function readRedirect(params: URLSearchParams, expectedState: string): AuthorizationGrant | AuthError {
  if (params.get('state') !== expectedState) {
    return new AuthError(
      'The redirect carried a different state than the consent URL this command printed (an old browser tab, or a forged request). Run the command again and use the new URL.',
    );
  }
  const error = params.get('error');
  if (error !== null) {
    if (error === 'access_denied') {
      return new AuthError('Access was not granted: the consent page was cancelled or declined. Run the command again and choose Connect.');
    }
    const description = params.get('error_description');
    return new AuthError(`Intuit's consent page answered "${error}"${description ? `: ${description}` : ''}. Check the app's keys and redirect URI, then run again.`);
  }
  const code = params.get('code');
  const realmId = params.get('realmId');
  if (!code || !realmId) {
    return new AuthError('The redirect had no authorization code or no realmId. Connect the app to a QuickBooks company (not only sign in), then run again.');
  }
  return { code, realmId };
}

/**
 * Listen on the redirect target's loopback interfaces until the browser comes back to its path.
 * The first redirect to that path decides: a grant resolves, anything else rejects.
 */
export async function listenForCallback(options: { target: RedirectTarget; state: string; timeoutMs: number }): Promise<CallbackListener> {
  const { target, state, timeoutMs } = options;
  let settle: { resolve: (grant: AuthorizationGrant) => void; reject: (error: Error) => void } | undefined;
  const grant = new Promise<AuthorizationGrant>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let settled = false;
  const finish = (outcome: AuthorizationGrant | AuthError): void => {
    if (settled) return;
    settled = true;
    if (outcome instanceof AuthError) settle?.reject(outcome);
    else settle?.resolve(outcome);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://callback.invalid');
    if (req.method !== 'GET' || url.pathname !== target.uri.pathname) {
      reply(res, 404, 'Not found', 'This address only receives the QuickBooks consent redirect.');
      return;
    }
    if (settled) {
      reply(res, 409, 'Already done', 'This sign-in was already handled; see the terminal.');
      return;
    }
    const outcome = readRedirect(url.searchParams, state);
    if (outcome instanceof AuthError) reply(res, 400, 'QuickBooks was not connected', outcome.message);
    else reply(res, 200, 'QuickBooks connected', 'You can close this tab and return to the terminal.');
    finish(outcome);
  };

  const servers: Server[] = [];
  let port = target.port;
  for (const [index, host] of target.hosts.entries()) {
    const server = createServer(handler);
    try {
      port = await listen(server, port, host);
      servers.push(server);
    } catch (error) {
      // The extra interface of `localhost` (IPv6) may be missing; the first one must work.
      if (index > 0) continue;
      const code = (error as NodeJS.ErrnoException).code;
      throw new AuthError(
        code === 'EADDRINUSE'
          ? `Port ${target.port} on ${host} is already in use: stop what listens there, or choose another port with --port (and register that redirect URI in the Intuit app).`
          : `Could not listen on ${host}:${target.port} for the redirect (${code ?? String(error)}).`,
      );
    }
  }

  const timer = setTimeout(() => {
    const minutes = Math.round((timeoutMs / 60_000) * 10) / 10;
    finish(new AuthError(`Gave up after ${minutes} minute(s) without a redirect to ${target.uri.pathname}. Open the URL in a browser on this machine and finish the consent, or run the command again.`));
  }, timeoutMs); // kept referenced: the pending grant depends on it (see cdk/run/exit-guard.ts)

  const uri = new URL(target.uri.toString());
  uri.port = String(port);
  return {
    redirectUri: port === target.port ? target.raw : uri.toString(),
    grant,
    close: async () => {
      clearTimeout(timer);
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
