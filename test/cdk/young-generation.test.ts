// The young-generation cap, in real processes (V8 sizes its heap per process): with it, a steady
// stream of short-lived allocations leaves the new space at its starting size; without it, or when
// node was given a semi-space flag of its own, V8 grows it. Runs the built module (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = join(process.cwd(), 'dist', 'src', 'cdk', 'run', 'young-generation.js');

/** New space size (MB) after churning short-lived objects, and what keepYoungGenerationSmall answered. */
function churn(call: boolean, nodeArgs: string[] = []): { newSpaceMb: number; applied: boolean | null } {
  if (!existsSync(MODULE)) throw new Error(`${MODULE} is missing: run \`npm run build\` first.`);
  const code =
    `import { getHeapSpaceStatistics } from 'node:v8';\n` +
    `import { keepYoungGenerationSmall } from ${JSON.stringify(pathToFileURL(MODULE).href)};\n` +
    `const applied = ${call ? 'keepYoungGenerationSmall()' : 'null'};\n` +
    `let keep = [];\n` +
    `for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 1000) keep = []; }\n` +
    `const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');\n` +
    `console.log(JSON.stringify({ newSpaceMb: space.space_size / 1048576, applied }));\n`;
  const result = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 30_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { newSpaceMb: number; applied: boolean | null };
}

describe('keepYoungGenerationSmall', () => {
  it('keeps the new space at its starting size under steady allocation; V8 alone grows it', () => {
    const capped = churn(true);
    expect(capped.applied).toBe(true);
    expect(capped.newSpaceMb).toBeLessThanOrEqual(2);
    expect(churn(false).newSpaceMb).toBeGreaterThan(capped.newSpaceMb);
  });

  it('leaves the young generation alone when node was given a semi-space flag', () => {
    const own = churn(true, ['--max-semi-space-size=8']);
    expect(own.applied).toBe(false);
    expect(own.newSpaceMb).toBeGreaterThan(2);
  });
});
