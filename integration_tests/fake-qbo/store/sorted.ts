// Helpers over sorted number arrays (the overlay's small index lists).

/** Index of the first element >= x. */
export function lowerBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(arr: number[], x: number): void {
  const at = lowerBound(arr, x);
  if (arr[at] !== x) arr.splice(at, 0, x);
}

export function removeSorted(arr: number[], x: number): void {
  const at = lowerBound(arr, x);
  if (arr[at] === x) arr.splice(at, 1);
}

/** How many elements lie in [from, to). */
export function countIn(arr: readonly number[], from: number, to: number): number {
  return to <= from ? 0 : lowerBound(arr, to) - lowerBound(arr, from);
}

/** The b-th (0-based) integer >= from that is not in `excluded`. */
export function kthNotExcluded(from: number, b: number, excluded: readonly number[]): number {
  let i = from + b;
  for (let k = lowerBound(excluded, from); k < excluded.length; k++) {
    if ((excluded[k] as number) <= i) i++;
    else break;
  }
  return i;
}
