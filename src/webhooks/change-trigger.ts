// --on-change: after a quiet period (--debounce) with new events, run the command once. Never two
// runs at once; events arriving during a run cause exactly one more run after it (after another quiet
// period), however many arrive.
import { spawn } from 'node:child_process';

export interface ChangeTriggerOptions {
  /** A shell command line. */
  command: string;
  debounceMs: number;
  /** Extra environment for the command (the journal path). */
  env?: Readonly<Record<string, string>>;
  log: (line: string) => void;
}

export class ChangeTrigger {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Events arrived while a run was going: one more run is due after it. */
  private dirty = false;
  private stopped = false;
  runs = 0;
  failures = 0;

  constructor(private readonly options: ChangeTriggerOptions) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** New events arrived: (re)start the quiet period, or mark one more run if one is going. */
  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.arm();
  }

  /** No new runs; resolves when the current one (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.run().finally(() => {
        this.running = undefined;
        if (this.dirty && !this.stopped) {
          this.dirty = false;
          this.arm();
        }
      });
    }, this.options.debounceMs);
  }

  private run(): Promise<void> {
    const number = ++this.runs;
    const started = Date.now();
    this.options.log(`on-change run ${number}: starting`);
    return new Promise<void>((resolve) => {
      const child = spawn(this.options.command, {
        shell: true,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...this.options.env },
      });
      let finished = false;
      const done = (outcome: string, ok: boolean): void => {
        if (finished) return; // 'error' can come before or without 'exit'
        finished = true;
        if (!ok) this.failures += 1;
        this.options.log(`on-change run ${number}: ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      };
      child.on('error', (error) => done(`could not start (${error.message})`, false));
      child.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : code === 0 ? 'succeeded' : `failed with exit code ${String(code)}`, code === 0));
    });
  }
}
