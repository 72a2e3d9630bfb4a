import type { Polygon } from 'geojson';
import {
  bandCoverage,
  bandOffsets,
  buildNeighbours,
  cellsInArea,
  hexAreaM2,
  hexRingWgs84,
  type HexCell,
  type NeighbourList,
} from '../../analysis';
import type { Province } from '../../domain';
import { hotspotError } from './hotspot-query';
import { notFound } from '../errors';
import type { Sql } from '../db/client';
import { provinceOutlineDigest, provinceOutlineUtm } from '../repositories/hotspot-places';

/**
 * The study area of a hot-spot request (DESIGN.md section 6: every cell whose centre lies in
 * the province outline) and its Gi* neighbour list, with the bounds that keep one request's
 * work small on the embedded engine: cells per grid, neighbours per cell and in all.
 */

/** Most cells a grid may have (a 400 with the smallest cell size that fits otherwise). */
export const MAX_CELLS = 50_000;
/** Fewest cells a grid may have: Gi* over a handful of cells compares nothing. */
export const MIN_CELLS = 30;
/** Most neighbours one cell may have (the cell itself included). */
export const MAX_NEIGHBOURS_PER_CELL = 1000;
/** Most neighbour entries over the whole study area (4 bytes each). */
export const MAX_NEIGHBOUR_ENTRIES = 5_000_000;

export interface StudyArea {
  province: Province;
  cellM: number;
  cells: HexCell[];
  /** Area of the outline and of one cell, square metres. */
  areaM2: number;
  cellAreaM2: number;
  /** Each cell's hexagon in lon/lat (shared between responses: never modify). */
  geometries(): Polygon[];
}

/**
 * Study areas by province, cell size and outline digest: the grid and its hexagons in lon/lat
 * cost more than binning 10k seizures, and change only with the outline. A few entries (up to
 * 50,000 cells each) bound the memory.
 */
const CACHE_ENTRIES = 4;
const cache = new Map<string, StudyArea>();

function remember(key: string, area: StudyArea): StudyArea {
  cache.delete(key);
  cache.set(key, area);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return area;
}

/** Cell size (m) at which a province of `areaM2` holds about `cells` cells. */
const sizeForCells = (areaM2: number, cells: number) => Math.sqrt(areaM2 / (cells * hexAreaM2(1)));

function tooSmall(province: Province, cellM: number, areaM2: number, cells?: number) {
  // A whole metre a little above the estimate, so the size we name does fit.
  const min = Math.ceil(sizeForCells(areaM2, MAX_CELLS) * 1.01);
  return hotspotError(
    'cell_too_small',
    `cell: ${cellM} m is too small for ${province}: the grid would have ${
      cells ?? `about ${Math.round(areaM2 / hexAreaM2(cellM))}`
    } cells, more than ${MAX_CELLS}; use cell=${min} or more`,
    { parameter: 'cell', min_cell_m: min, max_cells: MAX_CELLS },
  );
}

/**
 * The cells of a province for cell size `cellM` (metres), refusing grids of more than
 * MAX_CELLS or fewer than MIN_CELLS cells with a 400 that names the size that would fit.
 */
export async function studyArea(sql: Sql, province: Province, cellM: number): Promise<StudyArea> {
  const digest = await provinceOutlineDigest(sql, province);
  if (!digest) throw notFound(`Province ${province} has no outline loaded`);
  const key = `${province}|${cellM}|${digest}`;
  const hit = cache.get(key);
  if (hit) return remember(key, hit);
  const outline = await provinceOutlineUtm(sql, province);
  if (!outline) throw notFound(`Province ${province} has no outline loaded`);
  const { areaM2 } = outline;
  // Refuse before building a grid that is clearly too big (the estimate is within a few %).
  if (areaM2 / hexAreaM2(cellM) > MAX_CELLS * 1.2) throw tooSmall(province, cellM, areaM2);
  const cells = cellsInArea(outline.geometry, cellM);
  if (cells.length > MAX_CELLS) throw tooSmall(province, cellM, areaM2, cells.length);
  if (cells.length < MIN_CELLS) {
    const max = Math.floor(sizeForCells(areaM2, MIN_CELLS) * 0.97);
    throw hotspotError(
      'cell_too_large',
      `cell: ${cellM} m is too large for ${province}: the grid has ${cells.length} cells, fewer than ${MIN_CELLS}; use cell=${max} or less`,
      { parameter: 'cell', max_cell_m: max, min_cells: MIN_CELLS, cells: cells.length },
    );
  }
  let geometries: Polygon[] | undefined;
  return remember(key, {
    province,
    cellM,
    cells,
    areaM2,
    cellAreaM2: hexAreaM2(cellM),
    geometries: () =>
      (geometries ??= cells.map((c) => ({
        type: 'Polygon',
        coordinates: [hexRingWgs84(c.q, c.r, cellM)],
      }))),
  });
}

/**
 * The Gi* neighbour list of a study area for a band of `distanceM` metres, refusing a band
 * with too many neighbours per cell or in all, and one that takes in every cell of the study
 * area (Gi* is then 0/0).
 */
export function studyNeighbours(area: StudyArea, distanceM: number): NeighbourList {
  const { cellM, cells } = area;
  const perCell = bandOffsets(distanceM, cellM).length;
  if (perCell > MAX_NEIGHBOURS_PER_CELL || perCell * cells.length > MAX_NEIGHBOUR_ENTRIES) {
    // Neighbours within k cells: 3k(k+1)+1; the largest k that fits both caps.
    const cap = Math.min(MAX_NEIGHBOURS_PER_CELL, MAX_NEIGHBOUR_ENTRIES / cells.length);
    const k = Math.max(1, Math.floor((-3 + Math.sqrt(9 + 12 * (cap - 1))) / 6));
    throw hotspotError(
      'band_too_wide',
      `distance: a band of ${distanceM} m gives each cell up to ${perCell} neighbours over ${cells.length} cells, more work than one request may do; use distance=${k * cellM} or less`,
      {
        parameter: 'distance',
        neighbours_per_cell: perCell,
        max_distance_m: k * cellM,
      },
    );
  }
  const nb = buildNeighbours(cells, cellM, distanceM);
  const coverage = bandCoverage(nb);
  if (coverage.takesInEveryCell)
    throw hotspotError(
      'band_covers_study_area',
      `distance: a band of ${distanceM} m takes in every one of the ${cells.length} cells of the study area, so Gi* compares nothing; use a smaller distance`,
      { parameter: 'distance', cells: cells.length, max_neighbours: coverage.maxNeighbours },
    );
  return nb;
}

/** Index of each cell by (q, r), for placing binned counts. */
export function cellIndex(cells: ReadonlyArray<HexCell>): (q: number, r: number) => number {
  const map = new Map<number, number>();
  cells.forEach((c, i) => map.set(c.q * 8388608 + c.r, i));
  return (q, r) => map.get(q * 8388608 + r) ?? -1;
}
