/**
 * The exchange measured (DESIGN.md section 6): what one force passed to the other and what came
 * of it, the figures the 2012-2019 reviews counted by hand (468 passed, 336 valuable).
 */

/**
 * The median of `values` (the mean of the two middle ones for an even count); null when empty.
 * Inputs are not modified.
 * @example median([5, 1, 3]) // 3
 * @example median([1, 2, 3, 10]) // 2.5
 */
export function median(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `part / whole` as a fraction (0 to 1), null when nothing was passed.
 * @example shareOf(336, 468) // 0.717948...
 */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
