/**
 * Quartic (biweight) kernel density of DESIGN.md section 6: at a target t,
 *
 *   density(t) = sum over points p with d(p, t) < h of w_p (3 / (pi h^2)) (1 - d^2 / h^2)^2
 *
 * per square metre, reported per km^2 (times 1e6). Each point's kernel integrates to its weight
 * (1 by default), so the density of n points integrates to n over the plane. Coordinates in
 * metres (EPSG:32648). Points are bucketed on a square grid no finer than h, so a target looks
 * at the 3 x 3 buckets around it instead of at every point.
 */
import type { PointXY } from './binning';

/** Square metres in a square kilometre. */
const M2_PER_KM2 = 1e6;
/** Most buckets of the point index; coarser buckets keep a spread-out input in memory. */
const MAX_BUCKETS = 4_000_000;

/**
 * The quartic kernel at distance d for bandwidth h, per square metre (0 from d >= h).
 *
 * @example
 * quarticKernel(0, 1000); // 9.54929658551372e-7 (3 / (pi 1000^2))
 * quarticKernel(500, 1000); // 5.371479329351467e-7 (times (1 - 1/4)^2 = 0.5625)
 */
export function quarticKernel(dM: number, bandwidthM: number): number {
  if (dM >= bandwidthM) return 0;
  const u = 1 - (dM * dM) / (bandwidthM * bandwidthM);
  return (3 / (Math.PI * bandwidthM * bandwidthM)) * u * u;
}

/**
 * Quartic kernel density (points per km^2, or weight per km^2 with `weights`) at each target,
 * e.g. at the cell centres of a study area. Points and targets in metres (EPSG:32648),
 * bandwidth in metres; non-finite points are skipped. Inputs are not modified.
 *
 * @example
 * kernelDensity([[0, 0], [500, 0]], [{ x: 0, y: 0 }], 1000);
 * // Float64Array [1.49207759...] (0.95493 + 0.53715 per km^2)
 */
export function kernelDensity(
  points: ReadonlyArray<PointXY>,
  targets: ReadonlyArray<{ readonly x: number; readonly y: number }>,
  bandwidthM: number,
  weights?: ArrayLike<number>,
): Float64Array {
  if (!(Number.isFinite(bandwidthM) && bandwidthM > 0)) {
    throw new RangeError(`bandwidth ${bandwidthM} m`);
  }
  if (weights && weights.length !== points.length) {
    throw new RangeError(`${weights.length} weights for ${points.length} points`);
  }
  const out = new Float64Array(targets.length);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!(minX <= maxX)) return out;

  // Bucket side >= h, so every point within h of a target is in the 3 x 3 buckets around it.
  let bucket = bandwidthM;
  const span = Math.max(maxX - minX, maxY - minY);
  if ((span / bucket + 1) ** 2 > MAX_BUCKETS) bucket = span / (Math.sqrt(MAX_BUCKETS) - 1);
  const cols = Math.floor((maxX - minX) / bucket) + 1;
  const rows = Math.floor((maxY - minY) / bucket) + 1;
  const bucketOf = new Int32Array(points.length).fill(-1);
  const start = new Uint32Array(cols * rows + 1);
  points.forEach(([x, y], i) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const b = Math.floor((y - minY) / bucket) * cols + Math.floor((x - minX) / bucket);
    bucketOf[i] = b;
    start[b + 1]++;
  });
  for (let b = 0; b < cols * rows; b++) start[b + 1] += start[b];
  const fill = start.slice(0, cols * rows);
  const xs = new Float64Array(start[cols * rows]);
  const ys = new Float64Array(xs.length);
  const ws = new Float64Array(xs.length);
  for (let i = 0; i < points.length; i++) {
    const b = bucketOf[i];
    if (b < 0) continue;
    const k = fill[b]++;
    xs[k] = points[i][0];
    ys[k] = points[i][1];
    ws[k] = weights ? weights[i] : 1;
  }

  const h2 = bandwidthM * bandwidthM;
  const scale = (3 / (Math.PI * h2)) * M2_PER_KM2;
  for (let t = 0; t < targets.length; t++) {
    const { x, y } = targets[t];
    const col = Math.floor((x - minX) / bucket);
    const row = Math.floor((y - minY) / bucket);
    let sum = 0;
    for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
      for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
        const b = r * cols + c;
        for (let k = start[b]; k < start[b + 1]; k++) {
          const dx = xs[k] - x;
          const dy = ys[k] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 < h2) {
            const u = 1 - d2 / h2;
            sum += ws[k] * u * u;
          }
        }
      }
    }
    out[t] = sum * scale;
  }
  return out;
}
