import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeTrigger } from '../../src/webhooks/change-trigger.js';
import { tempDir } from '../support/temp-dir.js';

/** A fake --on-change command: appends "start N" and "end N" around a pause, N = lines so far. */
function fakeCommand(file: string, pauseMs: number): string {
  const script = `const fs=require('fs');const f=${JSON.stringify(file)};const n=fs.existsSync(f)?fs.readFileSync(f,'utf8').split('\\n').filter(Boolean).length:0;fs.appendFileSync(f,'start '+n+' '+(process.env.QBO_WEBHOOK_JOURNAL||'')+'\\n');setTimeout(()=>fs.appendFileSync(f,'end '+n+'\\n'),${pauseMs});`;
  return `${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}`;
}

const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('--on-change trigger', () => {
  it('a burst of events within the quiet period gives one run, with the journal path in its environment', async () => {
    const file = join(tempDir('qbo-trigger-'), 'runs.log');
    const trigger = new ChangeTrigger({ command: fakeCommand(file, 10), debounceMs: 100, env: { QBO_WEBHOOK_JOURNAL: '/j.jsonl' }, log: () => {} });
    for (let i = 0; i < 5; i += 1) trigger.notify();
    await until(() => lines(file).length === 2);
    await trigger.stop();
    expect(lines(file)).toEqual(['start 0 /j.jsonl', 'end 0']);
    expect(trigger.runs).toBe(1);
  });

  it('events during a run cause exactly one more run after it; runs never overlap', async () => {
    const file = join(tempDir('qbo-trigger-'), 'runs.log');
    const logs: string[] = [];
    const trigger = new ChangeTrigger({ command: fakeCommand(file, 400), debounceMs: 20, log: (l) => logs.push(l) });
    trigger.notify();
    await until(() => lines(file).length === 1); // the first run has started
    for (let i = 0; i < 10; i += 1) trigger.notify();
    await until(() => lines(file).length === 4);
    await until(() => !trigger.busy);
    await trigger.stop();
    expect(lines(file).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['start 0', 'end 0', 'start 2', 'end 2']);
    expect(trigger.runs).toBe(2);
    expect(logs.filter((l) => l.endsWith('succeeded') || / succeeded after /.test(l))).toHaveLength(2);
  });

  it('stop() waits for the running command and starts no new one; a failing command is logged', async () => {
    const file = join(tempDir('qbo-trigger-'), 'runs.log');
    const logs: string[] = [];
    const trigger = new ChangeTrigger({ command: `${fakeCommand(file, 200)} && exit 3`, debounceMs: 10, log: (l) => logs.push(l) });
    trigger.notify();
    await until(() => lines(file).length === 1);
    trigger.notify();
    await trigger.stop();
    expect(lines(file).map((l) => l.split(' ')[0])).toEqual(['start', 'end']);
    expect(trigger.runs).toBe(1);
    expect(trigger.failures).toBe(1);
    expect(logs.some((l) => l.includes('failed with exit code 3'))).toBe(true);
  });
});
