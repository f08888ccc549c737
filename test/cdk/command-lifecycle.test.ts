// The shared command skeleton, driven by a toy third protocol ("shout": one upper-cased line per word):
// what a new protocol gets for free (exit codes, one report per failure, a closed stdout, the archive).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../src/cdk/core/errors.js';
import { silentLogger } from '../../src/cdk/core/logger.js';
import { JsonLinesOutput, OutputClosedError } from '../../src/cdk/io/json-lines-output.js';
import { runCommand, type CommandSession, type ProtocolFrontEnd } from '../../src/cdk/run/command-lifecycle.js';
import { MANIFEST, partFiles, type ArchiveManifest } from '../../src/cdk/archive/run-archive.js';
import { SyncFailedError } from '../../src/cdk/run/read-driver.js';
import { CaptureStream } from './helpers.js';

interface Shout {
  words: string[];
  archive?: string;
}

/** The whole protocol: a parser, a writer (JsonLinesOutput) and the command body. */
function shout(
  stdout: CaptureStream,
  said: string[],
  reported: unknown[],
  body?: (session: CommandSession) => Promise<void>,
): (session: CommandSession) => ProtocolFrontEnd<Shout> {
  return (session: CommandSession): ProtocolFrontEnd<Shout> => {
    const output = new JsonLinesOutput(stdout);
    return {
      output,
      parse(argv) {
        if (argv.length === 0) throw new ConfigError('usage: shout WORD... [--archive DIR]');
        const at = argv.indexOf('--archive');
        return at < 0 ? { words: [...argv] } : { words: argv.slice(0, at), archive: argv[at + 1] as string };
      },
      interruptLogger: () => silentLogger,
      async run(command) {
        if (command.archive !== undefined) session.openArchive(command.archive, 'airbyte', silentLogger, 'shout');
        if (body) return body(session);
        for (const word of command.words) await output.write(session.secrets.scrub(JSON.stringify({ shout: word.toUpperCase() })) + '\n');
      },
      report: async (error) => void reported.push(error),
      say: (text) => void said.push(session.secrets.scrub(text)),
      close: () => output.close(),
    };
  };
}

describe('runCommand (the skeleton both protocols plug into)', () => {
  it('runs a command and exits 0', async () => {
    const stdout = new CaptureStream();
    const reported: unknown[] = [];
    const code = await runCommand(shout(stdout, [], reported), ['hello', 'world'], { handleSignals: false });
    expect(code).toBe(0);
    expect(stdout.lines()).toEqual(['{"shout":"HELLO"}', '{"shout":"WORLD"}']);
    expect(reported).toEqual([]);
  });

  it('a bad argv is reported once through the protocol and exits 1', async () => {
    const reported: unknown[] = [];
    const code = await runCommand(shout(new CaptureStream(), [], reported), [], { handleSignals: false });
    expect(code).toBe(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(ConfigError);
  });

  it('a failure the read driver already reported is not reported again; one it did not report is', async () => {
    const reported: unknown[] = [];
    const failed = async (): Promise<void> => {
      throw new SyncFailedError('stream a failed', 'transient_error', ['a'], true);
    };
    const code = await runCommand(shout(new CaptureStream(), [], reported, failed), ['x'], { handleSignals: false });
    expect(code).toBe(1);
    expect(reported).toEqual([]);
    const interrupted = async (): Promise<void> => {
      throw new SyncFailedError('interrupted', 'transient_error', ['a'], false);
    };
    expect(await runCommand(shout(new CaptureStream(), [], reported, interrupted), ['x'], { handleSignals: false })).toBe(1);
    expect(reported).toHaveLength(1);
  });

  it('a closed stdout is said on stderr, not reported into the dead pipe', async () => {
    const said: string[] = [];
    const reported: unknown[] = [];
    const closed = async (): Promise<void> => {
      throw new OutputClosedError();
    };
    const code = await runCommand(shout(new CaptureStream(), said, reported, closed), ['x'], { handleSignals: false });
    expect(code).toBe(1);
    expect(reported).toEqual([]);
    expect(said).toEqual([new OutputClosedError().message]);
  });

  it("the session's secret set is the run's: a secret added during the run is masked in what is said", async () => {
    const said: string[] = [];
    const leaky = async (session: CommandSession): Promise<void> => {
      session.secrets.add('s3cr3t-value');
      throw new OutputClosedError('pipe closed while writing s3cr3t-value');
    };
    await runCommand(shout(new CaptureStream(), said, [], leaky), ['x'], { handleSignals: false });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^pipe closed while writing /);
    expect(said[0]).not.toContain('s3cr3t-value');
  });

  it('--archive: the run archive gets every stdout line and is finished with the exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-archive-'));
    const stdout = new CaptureStream();
    const code = await runCommand(shout(stdout, [], []), ['a', 'b', '--archive', dir], { handleSignals: false });
    expect(code).toBe(0);
    const runs = readdirSync(dir);
    expect(runs).toHaveLength(1);
    const run = join(dir, runs[0] as string);
    const manifest = JSON.parse(readFileSync(join(run, MANIFEST), 'utf8')) as ArchiveManifest;
    expect(manifest).toMatchObject({ status: 'succeeded', exit_code: 0 });
    const archived = partFiles(run).map((part) => gunzipSync(readFileSync(join(run, part))).toString()).join('');
    expect(archived).toBe(stdout.text);
    expect(stdout.lines()).toHaveLength(2);
  });

  it('an aborted command exits non-zero and reports the interruption once', async () => {
    const reported: unknown[] = [];
    const controller = new AbortController();
    const waits = (): Promise<void> =>
      new Promise((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(new TransientError('interrupted')));
        controller.abort('test');
      });
    const code = await runCommand(shout(new CaptureStream(), [], reported, waits), ['x'], { handleSignals: false, signal: controller.signal });
    expect(code).toBe(1);
    expect(reported).toHaveLength(1);
  });
});
