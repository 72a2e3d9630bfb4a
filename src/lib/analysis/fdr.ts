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
  const order = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k];
    running = Math.min(running, (m * p[i]) / (k + 1));
    q[i] = running;
  }
  return q;
}
