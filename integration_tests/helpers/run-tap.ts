// Spawns the built Singer executable (tap-quickbooks) with some arguments and environment; collects its
// exit code, stdout (raw, and parsed as the JSON lines Singer requires) and stderr.
import { spawn } from 'node:child_process';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { repoPath } from './repo-paths.js';

export const TAP_BIN = repoPath('dist', 'bin', 'tap-quickbooks.js');

export interface TapRun {
  code: number | null;
  stdout: string;
  messages: JsonObject[];
  stderr: string;
}

export function runTap(args: string[], env: Record<string, string>): Promise<TapRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TAP_BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // Singer: stdout holds JSON messages only.
      const messages = stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as JsonObject);
      resolve({ code, stdout, messages, stderr });
    });
  });
}
