import { PassThrough } from 'node:stream';

/** A writable that keeps what was written and can wait for a pattern to appear. */
export class TextSink extends PassThrough {
  text = '';
  private waiters: Array<() => void> = [];
  constructor() {
    super();
    this.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${this.text}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
}

/** The consent URL the command printed (the indented line starting with http). */
export const CONSENT_URL = /^\s+(http\S+\/connect\/oauth2\?\S+)$/m;
