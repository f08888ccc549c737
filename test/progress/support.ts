import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { ProgressMetrics } from '../../src/cdk/progress/display.js';
import type { AirbyteConnectionStatus, JsonObject } from '../../src/cdk/core/protocol.js';
import type { Source } from '../../src/cdk/core/source-interface.js';
import type { Stream } from '../../src/cdk/core/stream.js';
import { CaptureStream, FakeStream, sleep } from '../cdk/helpers.js';
import { tempDir } from '../support/temp-dir.js';

/** A CaptureStream that says it is a terminal (or not). */
export class FakeTerminal extends CaptureStream {
  columns = 120;
  constructor(readonly isTTY: boolean) {
    super();
  }
}

/** Two streams: `invoices` (3 pages, a tombstone, 2 checkpoints, slow enough for a redraw) and `customers`. */
export class ProgressSource implements Source<JsonObject> {
  constructor(
    private readonly pauseMs = 0,
    readonly metrics?: ProgressMetrics,
  ) {}
  spec() {
    return { connectionSpecification: { type: 'object' } };
  }
  parseConfig(raw: JsonObject): JsonObject {
    if (raw['ok'] !== true) throw new ConfigError('ok must be true');
    return raw;
  }
  secretsOf(): string[] {
    return [];
  }
  async check(): Promise<AirbyteConnectionStatus> {
    return { status: 'SUCCEEDED' };
  }
  progressMetrics(): ProgressMetrics | undefined {
    return this.metrics;
  }
  streams(): Stream[] {
    const pause = this.pauseMs;
    return [
      new FakeStream('invoices', async function* () {
        yield { type: 'records', records: [{ Id: '1' }, { Id: '2' }] };
        await sleep(pause);
        yield { type: 'records', records: [{ Id: '3' }] };
        yield { type: 'state', state: { cursor: 'a' } };
        await sleep(pause);
        yield { type: 'records', records: [{ Id: '2', _ab_cdc_deleted_at: '2024-01-01T00:00:00Z' }] };
        yield { type: 'state', state: { cursor: 'b' } };
      }),
      new FakeStream('customers', async function* () {
        yield { type: 'records', records: [{ Id: 'c1' }] };
        yield { type: 'state', state: { cursor: 'c' } };
      }),
    ];
  }
}

export function readArgs(): string[] {
  const dir = tempDir('progress-');
  const config = join(dir, 'config.json');
  const catalog = join(dir, 'catalog.json');
  writeFileSync(config, JSON.stringify({ ok: true }));
  const configured = (name: string) => ({
    stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
    sync_mode: 'incremental',
    destination_sync_mode: 'append',
  });
  writeFileSync(catalog, JSON.stringify({ streams: [configured('invoices'), configured('customers')] }));
  return ['read', '--config', config, '--catalog', catalog];
}
