// The redirect of an https:// redirect URI (production keys) lands on a page this command cannot serve:
// the person copies the address the browser shows and pastes it here. The state is checked as the
// loopback listener checks it.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { AuthError } from './auth-error.js';
import { readRedirect, type AuthorizationGrant } from './callback-server.js';

export interface PasteBackOptions {
  input: Readable;
  redirectUri: string;
  state: string;
  timeoutMs: number;
}

/** The first non-empty line read from `input`, as a redirect to `redirectUri`. */
export async function readPastedRedirect(options: PasteBackOptions): Promise<AuthorizationGrant> {
  const line = await firstLine(options.input, options.timeoutMs);
  let pasted: URL;
  try {
    pasted = new URL(line);
  } catch {
    throw new AuthError('What was pasted is not a URL. Copy the whole address from the browser after choosing the company, then run the command again.');
  }
  const expected = new URL(options.redirectUri);
  if (pasted.origin !== expected.origin || pasted.pathname !== expected.pathname) {
    throw new AuthError(`The pasted address does not start with the redirect URI ${options.redirectUri}. Paste the address the browser went to after the consent page.`);
  }
  const outcome = readRedirect(pasted.searchParams, options.state);
  if (outcome instanceof AuthError) throw outcome;
  return outcome;
}

function firstLine(input: Readable, timeoutMs: number): Promise<string> {
  const rl = createInterface({ input, terminal: false });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new AuthError(`No address was pasted within ${Math.round(timeoutMs / 1000)} s. Run the command again.`)), timeoutMs);
    let settled = false;
    const finish = (outcome: string | AuthError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      rl.close();
      if (outcome instanceof AuthError) reject(outcome);
      else resolve(outcome);
    };
    rl.on('line', (text) => {
      if (text.trim() !== '') finish(text.trim());
    });
    rl.on('close', () => finish(new AuthError('The input ended before an address was pasted. Run the command again.')));
  });
}
