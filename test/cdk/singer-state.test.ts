import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { parseSingerState, readSingerStateFile } from '../../src/cdk/singer/state.js';
import { tempDir } from '../support/temp-dir.js';

const A = { cursor: '2024-01-01T00:00:00Z', v: 1 };
const B = { cursor: '2024-02-02T00:00:00Z', v: 1 };

const asObject = (states: Map<string, unknown>) => Object.fromEntries(states);

describe('parseSingerState', () => {
  it('reads the Singer bookmarks form, bare or inside a saved STATE value / message / Meltano envelope', () => {
    const bookmarks = { bookmarks: { invoices: A, bills: B }, currently_syncing: null };
    expect(asObject(parseSingerState(bookmarks))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseSingerState({ value: bookmarks }))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseSingerState({ type: 'STATE', value: bookmarks }))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseSingerState({ singer_state: bookmarks }))).toEqual({ invoices: A, bills: B });
  });

  it('reads the tap-airbyte-wrapper shape (value.airbyte_state / airbyte_state: Airbyte STREAM and GLOBAL entries)', () => {
    const airbyteState = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: A } },
      { type: 'GLOBAL', global: { shared_state: {}, stream_states: [{ stream_descriptor: { name: 'bills' }, stream_state: B }] } },
    ];
    // The wrapper also copies the last unpacked state beside the list; the list wins.
    const wrapper = { value: { cursor: 'stale', airbyte_state: airbyteState } };
    expect(asObject(parseSingerState(wrapper))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseSingerState({ airbyte_state: airbyteState }))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseSingerState(airbyteState))).toEqual({ invoices: A, bills: B });
  });

  it('treats empty input as no state and skips null bookmarks', () => {
    expect(parseSingerState(undefined).size).toBe(0);
    expect(parseSingerState({}).size).toBe(0);
    expect(asObject(parseSingerState({ bookmarks: { invoices: null, bills: B } }))).toEqual({ bills: B });
  });

  it('rejects malformed state with a ConfigError naming the fix', () => {
    for (const bad of [{ foo: 1 }, { bookmarks: [] }, { bookmarks: { invoices: 'x' } }, { airbyte_state: {} }, [{ type: 'WHAT' }], 'text']) {
      expect(() => parseSingerState(bad), JSON.stringify(bad)).toThrow(ConfigError);
    }
    expect(() => parseSingerState({ foo: 1 })).toThrow(/remove --state/);
  });

  it('reads a state file; an empty file means no state', () => {
    const dir = tempDir('singer-state-');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect(readSingerStateFile(empty).size).toBe(0);
    const full = join(dir, 'state.json');
    writeFileSync(full, JSON.stringify({ bookmarks: { invoices: A } }));
    expect(readSingerStateFile(full).get('invoices')).toEqual(A);
    expect(() => readSingerStateFile(join(dir, 'missing.json'))).toThrow(ConfigError);
  });
});
