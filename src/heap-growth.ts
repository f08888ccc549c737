// V8 lets the old generation grow to several times its live size before a full GC (up to 4x on a
// machine with GBs of RAM). The connector's live set is small (~20 MB: code and one page), but a
// long read promotes a steady trickle of short-lived page data, so with V8's default a 1M-row read
// peaked 50-70 MB above a 100k one. Growing by 50 % per full GC keeps peak memory near flat with
// volume for about 5-10 % more CPU (20 % saved ~5 MB more for 15-20 % more CPU; BENCHMARKS.md).
// The flag is read at every GC, so it can be set at run time; a value given on the command line or
// in NODE_OPTIONS wins.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;
const FLAG = '--heap-growing-percent';

/** Sets V8's heap growing factor unless the user chose one; returns the flag in effect, if ours. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS'] ?? ''): string | undefined {
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => arg.replace(/_/g, '-').startsWith(FLAG));
  if (chosen) return undefined;
  const flag = `${FLAG}=${HEAP_GROWING_PERCENT}`;
  setFlagsFromString(flag);
  return flag;
}
