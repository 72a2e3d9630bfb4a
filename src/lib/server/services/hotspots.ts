import type { Feature, Polygon } from 'geojson';
import { giStar, kernelDensity, utmToWgs84, type GiStarResult, type HexCell } from '../../analysis';
import type { HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import {
  analysisReads,
  binSeizures,
  seizurePoints,
  type CellCount,
} from '../repositories/hotspot-bins';
import { nearestPlaces, type NearestPlace } from '../repositories/hotspot-places';
import { cellIndex, studyArea, studyNeighbours, type StudyArea } from './hotspots-grid';

/** Properties of a cell in GET /api/hotspots. */
export interface HotspotProperties {
  cell_id: string;
  count: number;
  /** Quartic kernel density of the matching seizures at the cell centre, per km^2. */
  density: number;
  gi_z: number;
  gi_p: number;
  class: number;
}

export interface TopHotspot {
  cell_id: string;
  count: number;
  gi_z: number;
  gi_p: number;
  class: number;
  /** Cell centre, [longitude, latitude] in degrees. */
  centre: [number, number];
  nearest: NearestPlace | null;
}

export interface HotspotSummary {
  province: string;
  cell_m: number;
  distance_m: number;
  bandwidth_m: number;
  fdr: boolean;
  from: string | null;
  to: string | null;
  cells: number;
  /** Seizures counted in the cells of the study area. */
  points: number;
  hot: number;
  cold: number;
  by_class: Record<string, number>;
  top: TopHotspot[];
}

export interface HotspotCollection<P = HotspotProperties, S = HotspotSummary> {
  type: 'FeatureCollection';
  features: Feature<Polygon, P>[];
  summary: S;
}

/** A cell as a GeoJSON Feature (its id is the cell id), as hexFeature writes it. */
export function cellFeature<P>(
  cell: { readonly id: string },
  geometry: Polygon,
  properties: P,
): Feature<Polygon, P> {
  return { type: 'Feature', id: cell.id, geometry, properties };
}

/** How many hot cells the summary names. */
export const TOP_HOTSPOTS = 10;

/** Counts per study-area cell (zeros included) and how many seizures they hold. */
export function placeCounts(
  area: StudyArea,
  rows: ReadonlyArray<CellCount>,
): { counts: Float64Array; points: number } {
  const index = cellIndex(area.cells);
  const counts = new Float64Array(area.cells.length);
  let points = 0;
  for (const { q, r, n } of rows) {
    const i = index(q, r);
    if (i < 0) continue; // a cell whose centre is outside the outline
    counts[i] += n;
    points += n;
  }
  return { counts, points };
}

/** Quartic kernel density (per km^2) at each cell centre of the points x/y (metres). */
export function densityAtCells(
  cells: ReadonlyArray<HexCell>,
  points: { x: Float64Array; y: Float64Array },
  bandwidthM: number,
): Float64Array {
  const xy = Array.from(points.x, (x, i) => [x, points.y[i]] as const);
  return kernelDensity(xy, cells, bandwidthM);
}

/** Cells per class -3..3, every class listed. */
export function classCounts(classes: ArrayLike<number>): Record<string, number> {
  const by: Record<string, number> = {};
  for (let c = -3; c <= 3; c++) by[String(c)] = 0;
  for (let i = 0; i < classes.length; i++) by[String(classes[i])]++;
  return by;
}

/**
 * Indices of up to `k` hot cells (class > 0) by z descending; equal z (a band holding one busy
 * cell gives its neighbours the same z) goes to the cell with more seizures, then cell order.
 */
export function topHot(
  gi: Pick<GiStarResult, 'z' | 'classes'>,
  counts: ArrayLike<number>,
  k = TOP_HOTSPOTS,
): number[] {
  const hot: number[] = [];
  for (let i = 0; i < gi.classes.length; i++) if (gi.classes[i] > 0) hot.push(i);
  return hot.sort((a, b) => gi.z[b] - gi.z[a] || counts[b] - counts[a] || a - b).slice(0, k);
}

/** The top hot cells with their centres and nearest named places. */
export async function describeTop(
  sql: Sql,
  area: StudyArea,
  top: number[],
  row: (i: number) => Omit<TopHotspot, 'centre' | 'nearest'>,
): Promise<TopHotspot[]> {
  const centres = top.map((i) => [area.cells[i].x, area.cells[i].y] as const);
  const nearest = await nearestPlaces(sql, area.province, centres);
  return top.map((i, k) => {
    const [lon, lat] = utmToWgs84(area.cells[i].x, area.cells[i].y);
    const place = nearest[k];
    return {
      ...row(i),
      centre: [round(lon, 7), round(lat, 7)],
      nearest: place ? { ...place, distance_m: Math.round(place.distance_m) } : null,
    };
  });
}

/**
 * The summary fields every hot-spot answer shares (query, cells, points, hot and cold counts by
 * class) and its top hot cells: ranked on `gi` and `rankCounts`, each reporting `counts`.
 */
export async function gridSummary(
  sql: Sql,
  query: HotspotQuery,
  area: StudyArea,
  points: number,
  gi: GiStarResult,
  rankCounts: ArrayLike<number>,
  counts: ArrayLike<number>,
): Promise<{ summary: Omit<HotspotSummary, 'top'>; top: TopHotspot[]; hottest: number[] }> {
  const byClass = classCounts(gi.classes);
  const hottest = topHot(gi, rankCounts);
  const top = await describeTop(sql, area, hottest, (i) => ({
    cell_id: area.cells[i].id,
    count: counts[i],
    gi_z: gi.z[i],
    gi_p: gi.p[i],
    class: gi.classes[i],
  }));
  const summary = {
    province: query.filter.province,
    cell_m: query.cellM,
    distance_m: query.distanceM,
    bandwidth_m: query.bandwidthM,
    fdr: query.fdr,
    from: query.from,
    to: query.to,
    cells: area.cells.length,
    points,
    hot: byClass['1'] + byClass['2'] + byClass['3'],
    cold: byClass['-1'] + byClass['-2'] + byClass['-3'],
    by_class: byClass,
  };
  return { summary, top, hottest };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * GET /api/hotspots: counts per cell binned in SQL, quartic density from the points, Gi* over
 * the province's cells (zeros included), the summary with the top hot spots located by the
 * nearest named gate, waterway or trail.
 */
export async function hotspots(sql: Sql, query: HotspotQuery): Promise<HotspotCollection> {
  const { area, nb, rows, xy } = await analysisReads(sql, async (tx) => {
    const area = await studyArea(tx, query.filter.province, query.cellM);
    const nb = studyNeighbours(area, query.distanceM); // refuses a bad band before the scans
    const rows = await binSeizures(tx, query.filter, query.cellM);
    return { area, nb, rows, xy: await seizurePoints(tx, query.filter) };
  });
  const { counts, points } = placeCounts(area, rows);
  const gi = giStar(counts, nb, { fdr: query.fdr });
  const density = densityAtCells(area.cells, xy, query.bandwidthM);
  const geometries = area.geometries();
  const features = area.cells.map((cell, i) =>
    cellFeature(cell, geometries[i], {
      cell_id: cell.id,
      count: counts[i],
      density: density[i],
      gi_z: gi.z[i],
      gi_p: gi.p[i],
      class: gi.classes[i],
    }),
  );
  const { summary, top } = await gridSummary(sql, query, area, points, gi, counts, counts);
  return { type: 'FeatureCollection', features, summary: { ...summary, top } };
}
