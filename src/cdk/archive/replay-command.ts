/**
 * `replay DIR/<run>`: writes the messages a `read --archive DIR` run archived (run-archive.ts) to
 * stdout again, state messages included, without a single QuickBooks call: a failed destination
 * load is retried by piping this into the destination. Only whole lines are written: a part cut
 * short by a killed run ends at its last complete line.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { AirbyteWriter } from '../airbyte/writer.js';
import { ConfigError } from '../core/errors.js';
import { runInterruptible, SIGNAL_EXIT_CODES } from '../run/interruptible.js';
import { JsonLinesOutput } from '../io/json-lines-output.js';
import { silentLogger } from '../core/logger.js';
import { ARCHIVE_FORMAT, MANIFEST, partFiles, type ArchiveManifest } from './run-archive.js';
import { SecretRegistry } from '../core/secrets.js';
import { singerErrorText } from '../singer/writer.js';

export interface ReplayOptions {
  /** How errors are reported: Airbyte TRACE ERROR on stdout, or a Singer ERROR line on stderr. */
  protocol: 'airbyte' | 'singer';
  /** The executable, for the usage line. */
  name: string;
  stdout?: Writable;
  stderr?: Writable;
  /** Listen to SIGTERM/SIGINT (default true): a stopped replay exits 143/130 after its last whole line. */
  handleSignals?: boolean;
}

export function replayUsage(name: string): string {
  return `Usage: ${name} replay <archive dir>/<run>   (the run directories that read --archive <archive dir> created)`;
}

function runsIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => existsSync(join(dir, name, MANIFEST)))
      .sort();
  } catch {
    return [];
  }
}

/** The run's manifest; a missing or foreign directory is a ConfigError saying what to pass instead. */
export function readManifest(runDir: string, name: string): ArchiveManifest {
  const path = join(runDir, MANIFEST);
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new ConfigError(`replay: ${runDir} is not a directory. ${replayUsage(name)}`);
  }
  if (!existsSync(path)) {
    const runs = runsIn(runDir);
    const hint = runs.length > 0 ? ` It holds the runs ${runs.join(', ')}: pass one of them, e.g. ${join(runDir, runs[runs.length - 1] as string)}.` : '';
    throw new ConfigError(`replay: ${runDir} has no ${MANIFEST}, so it is not a run archive.${hint} ${replayUsage(name)}`);
  }
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ArchiveManifest;
  } catch (error) {
    throw new ConfigError(`replay: ${path} is not valid JSON (${(error as Error).message}).`);
  }
  if (manifest.format !== ARCHIVE_FORMAT) {
    throw new ConfigError(`replay: ${path} is not a ${ARCHIVE_FORMAT} manifest (format ${JSON.stringify(manifest.format)}).`);
  }
  return manifest;
}

/** Replay one run; returns the exit code. */
export async function runReplay(argv: string[], options: ReplayOptions): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  const output = new JsonLinesOutput(options.stdout ?? process.stdout);
  let interruptedBy: string | undefined;
  const interrupt = { handleSignals: options.handleSignals, logger: silentLogger, onSignal: (name: NodeJS.Signals) => void (interruptedBy ??= name) };
  try {
    let runDir: string;
    try {
      const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
      if (parsed.positionals.length !== 1) throw new Error(parsed.positionals.length === 0 ? 'No run directory given' : 'One run directory at a time');
      runDir = parsed.positionals[0] as string;
    } catch (error) {
      throw new ConfigError(`replay: ${(error as Error).message.replace(/\.$/, '')}. ${replayUsage(options.name)}`);
    }
    const manifest = readManifest(runDir, options.name);
    if (manifest.status !== 'succeeded') {
      stderr.write(`replay: run ${manifest.run} ended ${manifest.status}; replaying what it wrote (the destination gets the same messages it got then).\n`);
    }
    let lines = 0;
    await runInterruptible(interrupt, async (signal) => {
      for (const part of partFiles(runDir)) {
        const { written, torn } = await replayPart(join(runDir, part), output, signal);
        lines += written;
        if (torn) stderr.write(`replay: ${part} was cut short (the run was killed while writing it); replayed up to its last whole line.\n`);
      }
    });
    await output.close();
    stderr.write(`replay: ${lines} messages of run ${manifest.run} written.\n`);
    return 0;
  } catch (error) {
    if (interruptedBy !== undefined) {
      stderr.write(`replay: stopped by ${interruptedBy}; stdout ends at a whole line.\n`);
      await output.close().catch(() => undefined);
      return SIGNAL_EXIT_CODES[interruptedBy] ?? 1;
    }
    if (options.protocol === 'airbyte' && output.error === undefined) {
      const writer = new AirbyteWriter({ output, secrets: new SecretRegistry() });
      await writer.error(error).catch(() => undefined);
    } else {
      stderr.write(`ERROR ${singerErrorText(error, undefined, false)}\n`);
    }
    await output.close().catch(() => undefined);
    return 1;
  }
}

/** One part, line by line: returns the lines written and whether it ended mid-member or mid-line. */
async function replayPart(path: string, output: JsonLinesOutput, signal: AbortSignal): Promise<{ written: number; torn: boolean }> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let carry = '';
  let written = 0;
  let torn = false;
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      if (signal.aborted) throw signal.reason;
      const text = carry + chunk;
      const end = text.lastIndexOf('\n') + 1;
      carry = text.slice(end);
      if (end === 0) continue;
      for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) written += 1;
      await output.write(text.slice(0, end));
    }
  } catch (error) {
    if (signal.aborted) {
      gunzip.destroy();
      throw error;
    }
    // A member cut short by a kill: what came before it is whole; anything else is a real error.
    if ((error as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') throw new ConfigError(`replay: ${path} cannot be read (${(error as Error).message}).`);
    torn = true;
  }
  return { written, torn: torn || carry !== '' };
}
