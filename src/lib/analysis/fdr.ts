/**
 * Benjamini-Hochberg false discovery rate control, for Gi* over many cells at once.
 */

/**
 * Benjamini-Hochberg adjusted p values (q values), the same numbers as R's
 * `p.adjust(p, method = "BH")`: with p sorted ascending, q_(k) = min over j >= k of
 * min(1, m p_(j) / j), m = the number of p values. A test is significant at false discovery
 * rate alpha when its q <= alpha, which is exactly the BH step-up rule (reject the k* smallest,
 * k* the largest k with p_(k) <= k alpha / m). Input is not modified.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.2]); // Float64Array [0.04, 0.05333..., 0.05333..., 0.2]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  // Sort the values themselves (a native numeric sort, several times faster than sorting
  // indices with a comparator), adjust them in rank order, then find each p's rank again.
  const sorted = Float64Array.from(p).sort();
  const adjusted = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (m * sorted[k]) / (k + 1));
    adjusted[k] = running;
  }
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) q[i] = adjusted[lastIndexAtMost(sorted, p[i])];
  return q;
}

/**
 * Index of the last value <= v in an ascending array that holds v. Tied p values share the
 * adjusted value of their highest rank, as in R (the running minimum reaches them from above).
 */
function lastIndexAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
