// Percentiles of timings, the one way every benchmark reads them: the sample at floor(p × n) of the sorted times.

/** @example percentile([1, 2, 3, 4], 0.5) // 3 */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/**
 * p50 and p95 of timings in ms, rounded to `digits`.
 * @example p50p95([3, 1, 2]) // { p50: 2, p95: 3 }
 */
export function p50p95(times: readonly number[], digits = 2): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 0.5).toFixed(digits), p95: +percentile(sorted, 0.95).toFixed(digits) };
}
