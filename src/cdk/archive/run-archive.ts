/**
 * `read --archive DIR`: a copy of every message a run writes to stdout, in DIR/<run>/ as rotated
 * gzip parts (part-00001.jsonl.gz, ...) plus manifest.json (streams, counts, first and last state).
 * `replay DIR/<run>` (replay-command.ts) writes the parts to stdout again, so a failed destination
 * load is retried without a QuickBooks call.
 *
 * It is fed by JsonLinesOutput's tap, the one place every stdout byte passes, and works on whole
 * lines. Writes are synchronous: text collects until ~1 MiB, then goes to the current part as one
 * gzip member (concatenated members are one valid gzip file), so a killed run loses at most that
 * last MiB and never leaves a torn member behind a complete one. CONTROL messages are not archived:
 * they carry the rotated OAuth config unscrubbed, and replaying an old one would roll it back.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { constants, gzipSync } from 'node:zlib';
import { ConfigError } from '../core/errors.js';
import type { JsonObject } from '../core/protocol.js';

export const MANIFEST = 'manifest.json';
export const ARCHIVE_FORMAT = 'source-quickbooks-archive/1';
const FLUSH_BYTES = 1 << 20;
const DEFAULT_ROTATE_BYTES = 256 * (1 << 20);

export type ArchiveStatus = 'running' | 'succeeded' | 'failed';

export interface ArchiveManifest {
  format: string;
  protocol: 'airbyte' | 'singer';
  run: string;
  started_at: string;
  finished_at?: string;
  status: ArchiveStatus;
  exit_code?: number;
  /** Part files in order; replay reads them all. */
  parts: string[];
  messages: number;
  /** Uncompressed bytes archived. */
  bytes: number;
  streams: Record<string, { records: number; states: number }>;
  /** The first and the last STATE message of the run, whole. */
  first_state?: JsonObject;
  last_state?: JsonObject;
  /** Messages not archived, by type (CONTROL). */
  skipped: Record<string, number>;
}

export interface RunArchiveOptions {
  protocol: 'airbyte' | 'singer';
  /** Start a new part after this many uncompressed bytes (default 256 MiB). */
  rotateBytes?: number;
  now?: () => Date;
}

/** Part files of a run directory, in order. */
export function partFiles(runDir: string): string[] {
  return readdirSync(runDir)
    .filter((name) => /^part-\d+\.jsonl\.gz$/.test(name))
    .sort();
}

const RECORD = '{"type":"RECORD"';
const STATE = '{"type":"STATE"';
const CONTROL = '{"type":"CONTROL"';
const AIRBYTE_STREAM = '{"type":"RECORD","record":{"stream":"';
const SINGER_STREAM = '{"type":"RECORD","stream":"';

export class RunArchive {
  readonly dir: string;
  private readonly manifest: ArchiveManifest;
  private readonly rotateBytes: number;
  private readonly now: () => Date;
  private pending: string[] = [];
  private pendingBytes = 0;
  private partBytes = 0;
  private fd: number | undefined;
  /** A line cut at a chunk boundary (a writer that splits lines would leave one). */
  private carry = '';
  /** Bytes chunks may end inside a UTF-8 character: the decoder keeps the partial one. */
  private readonly decoder = new StringDecoder('utf8');
  private closed = false;

  /** Create DIR/<run>/ and its manifest; an unusable DIR is a ConfigError naming it. */
  static open(root: string, options: RunArchiveOptions): RunArchive {
    const now = options.now ?? (() => new Date());
    const started = now();
    const run = `${started.toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
    const dir = join(root, run);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new ConfigError(`--archive ${root}: cannot create ${dir} (${(error as Error).message}). Pass a writable directory.`);
    }
    return new RunArchive(dir, run, started, options, now);
  }

  private constructor(dir: string, run: string, started: Date, options: RunArchiveOptions, now: () => Date) {
    this.dir = dir;
    this.now = now;
    this.rotateBytes = options.rotateBytes ?? DEFAULT_ROTATE_BYTES;
    this.manifest = {
      format: ARCHIVE_FORMAT,
      protocol: options.protocol,
      run,
      started_at: started.toISOString(),
      status: 'running',
      parts: [],
      messages: 0,
      bytes: 0,
      streams: {},
      skipped: {},
    };
    this.writeManifest();
  }

  /** The tap: called with each chunk of whole lines on its way to stdout. Throws if the disk fails. */
  readonly tap = (chunk: string | Uint8Array): void => {
    if (this.closed) return;
    const text = this.carry + (typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    let start = 0;
    let kept = 0; // lines [kept, start) are archived as one slice
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      if (text.startsWith(CONTROL, start)) {
        this.keep(text.slice(kept, start));
        this.manifest.skipped['CONTROL'] = (this.manifest.skipped['CONTROL'] ?? 0) + 1;
        kept = end + 1;
      } else {
        this.count(text, start, end);
      }
      start = end + 1;
    }
    this.keep(text.slice(kept, start));
    this.carry = text.slice(start);
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  };

  /** Flush, sync and record how the run ended. Later taps are ignored. */
  close(status: Exclude<ArchiveStatus, 'running'>, exitCode: number): void {
    if (this.closed) return;
    if (this.carry !== '') this.keep(this.carry + '\n');
    this.carry = '';
    this.flush();
    this.closed = true;
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    this.manifest.status = status;
    this.manifest.exit_code = exitCode;
    this.manifest.finished_at = this.now().toISOString();
    this.writeManifest();
  }

  get summary(): Readonly<ArchiveManifest> {
    return this.manifest;
  }

  private keep(slice: string): void {
    if (slice === '') return;
    this.pending.push(slice);
    this.pendingBytes += slice.length;
  }

  private count(text: string, start: number, end: number): void {
    const m = this.manifest;
    m.messages += 1;
    if (text.startsWith(RECORD, start)) {
      const name = streamName(text, start, m.protocol === 'airbyte' ? AIRBYTE_STREAM : SINGER_STREAM);
      if (name !== undefined) (m.streams[name] ??= { records: 0, states: 0 }).records += 1;
    } else if (text.startsWith(STATE, start)) {
      let message: JsonObject | undefined;
      try {
        message = JSON.parse(text.slice(start, end)) as JsonObject;
      } catch {
        return; // not ours to judge: archived as written
      }
      m.first_state ??= message;
      m.last_state = message;
      for (const name of stateStreams(message)) (m.streams[name] ??= { records: 0, states: 0 }).states += 1;
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const raw = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    if (this.fd === undefined || this.partBytes >= this.rotateBytes) this.nextPart();
    writeSync(this.fd as number, gzipSync(raw, { level: constants.Z_BEST_SPEED }));
    this.partBytes += raw.length;
    this.manifest.bytes += raw.length;
  }

  private nextPart(): void {
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
    }
    const name = `part-${String(this.manifest.parts.length + 1).padStart(5, '0')}.jsonl.gz`;
    this.fd = openSync(join(this.dir, name), 'wx', 0o600);
    this.partBytes = 0;
    this.manifest.parts.push(name);
    this.writeManifest();
  }

  /** Written whole and renamed into place: a reader never sees half a manifest. */
  private writeManifest(): void {
    const path = join(this.dir, MANIFEST);
    writeFileSync(`${path}.tmp`, JSON.stringify(this.manifest, null, 2) + '\n', { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }
}

function streamName(text: string, start: number, prefix: string): string | undefined {
  if (!text.startsWith(prefix, start)) return undefined;
  const from = start + prefix.length;
  const to = text.indexOf('"', from);
  if (to < 0) return undefined;
  const raw = text.slice(from, to);
  return raw.includes('\\') ? undefined : raw;
}

/** Stream names a STATE message speaks for: Airbyte STREAM state, or every Singer bookmark. */
function stateStreams(message: JsonObject): string[] {
  const state = message['state'] as JsonObject | undefined;
  const descriptor = (state?.['stream'] as JsonObject | undefined)?.['stream_descriptor'] as JsonObject | undefined;
  if (typeof descriptor?.['name'] === 'string') return [descriptor['name']];
  return [];
}
