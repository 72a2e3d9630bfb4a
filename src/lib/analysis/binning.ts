/**
 * Counts per cell. The API bins in SQL on the stored UTM x/y (the formula in hex-grid.ts);
 * this is the same binning in TypeScript, for tests, the browser and benchmarks.
 */
import { cellId, DEFAULT_CELL_SIZE_M, hexOfPoint } from './hex-grid';

const KEY_SHIFT = 8388608;

/** A point as [easting, northing] in metres, EPSG:32648. */
export type PointXY = readonly [number, number];

/**
 * Number of points in each cell that holds at least one, keyed by cell id (`cellId`). Points
 * in metres, EPSG:32648; cell size in metres. Non-finite coordinates are skipped.
 *
 * @example
 * binPoints([[0, 0], [100, 50], [1000, 0]], 1000); // Map { "1000:0:0" => 2, "1000:1:0" => 1 }
 */
export function binPoints(
  points: ReadonlyArray<PointXY>,
  sizeM: number = DEFAULT_CELL_SIZE_M,
): Map<string, number> {
  // Count on a numeric key (q * 2^23 + r, unique for |r| < 2^22) and write the ids once per
  // cell: building a string per point costs five times the binning itself.
  const byKey = new Map<number, number>();
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const { q, r } = hexOfPoint(x, y, sizeM);
    if (Math.abs(r) >= KEY_SHIFT / 2)
      throw new RangeError(`row ${r}: cell size ${sizeM} m too small`);
    const key = q * KEY_SHIFT + r;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [key, count] of byKey) {
    const q = Math.round(key / KEY_SHIFT);
    counts.set(cellId(q, key - q * KEY_SHIFT, sizeM), count);
  }
  return counts;
}

/**
 * The counts of a study area's cells in the cells' order, zeros included (the vector Gi* and
 * the forecast check take). Counts of cells outside the list are ignored.
 *
 * @example
 * countsOnCells([{ id: '1000:0:0' }, { id: '1000:5:5' }], new Map([['1000:0:0', 2]]));
 * // Float64Array [2, 0]
 */
export function countsOnCells(
  cells: ReadonlyArray<{ readonly id: string }>,
  counts: ReadonlyMap<string, number>,
): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = counts.get(cells[i].id) ?? 0;
  return out;
}
