/**
 * Counts per cell. The API bins in SQL on the stored UTM x/y (the formula in hex-grid.ts);
 * this is the same binning in TypeScript, for tests, the browser and benchmarks.
 */
import { cellId, DEFAULT_CELL_SIZE_M, hexOfPoint } from './hex-grid';

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
  const counts = new Map<string, number>();
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const { q, r } = hexOfPoint(x, y, sizeM);
    const id = cellId(q, r, sizeM);
    counts.set(id, (counts.get(id) ?? 0) + 1);
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
