import { giStar, hexOfPoint, cellId } from '../../analysis';
import type { Province } from '../../domain';
import { DEFAULT_CELL_M } from './hotspot-query';
import { timeRange } from '../time-range';
import type { Sql } from '../db/client';
import { analysisReads, binSeizures } from '../repositories/hotspot-bins';
import { openReportsAt, reportsNearLines, type FlagReportRow } from '../repositories/report-flags';
import { lastSeizureDay } from '../repositories/seizure-span';
import type { Viewer } from '../repositories/visibility';
import { coverageLines, type CoverageRequest } from './coverage';
import { placeCounts } from './hotspots';
import { cellIndex, studyArea, studyNeighbours } from './hotspots-grid';
import { riskWindow } from './risk-window';

/**
 * POST /api/reports/flags: the open reports a planner should know of while drawing a plan. Near
 * a route: within the route's radius plus FLAG_MARGIN_M of it. In a hot spot: the report's point,
 * its representative point or one of its samples along its line or over its area
 * (repositories/report-risk.ts) falls in a cell of Gi* class 2 or more, the hottest one named
 * (95 % confidence) on the hot-spot grid's defaults (1 km cells, 3 km band), over the twelve
 * months up to the province's last seizure (the default risk window, risk-window.ts).
 */

/** Metres beyond a route's detection radius within which a report is still flagged. */
export const FLAG_MARGIN_M = 1000;
/** The least Gi* class that counts as a hot spot for the flags. */
export const FLAG_HOT_CLASS = 2;
/** The Gi* band: three cells, as GET /api/hotspots by default. */
const DISTANCE_M = 3 * DEFAULT_CELL_M;

interface FlagItem {
  id: number;
  title: string;
  kind: string;
  rating: string;
  tlp: string;
}

export interface ReportFlags {
  province: Province;
  /** The seizure window of the hot spots. */
  window: { from: string; to: string };
  /**
   * `route`: the saved route's id, or `draft:N` for the request's draft line N (0-based);
   * `route_name` its name when it has one.
   */
  near_route: (FlagItem & {
    distance_m: number;
    route: number | string;
    route_name: string | null;
  })[];
  in_hotspot: (FlagItem & { cell_id: string; gi_z: number })[];
}

const item = (r: FlagReportRow): FlagItem => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  rating: `${r.reliability}${r.credibility}`,
  tlp: r.tlp,
});
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function reportFlags(
  sql: Sql,
  viewer: Viewer | undefined,
  req: Pick<CoverageRequest, 'province' | 'plan' | 'routes' | 'draft'>,
  now: Date,
): Promise<ReportFlags> {
  const lines = await coverageLines(sql, req);
  const reads = await analysisReads(sql, async (tx) => {
    const window = riskWindow({}, undefined, await lastSeizureDay(tx, req.province), now);
    const area = await studyArea(tx, req.province, DEFAULT_CELL_M);
    const nb = studyNeighbours(area, DISTANCE_M);
    const filter = { province: req.province, ...timeRange(window.from, window.to) };
    return {
      window,
      area,
      nb,
      rows: await binSeizures(tx, filter, DEFAULT_CELL_M),
      reports: await openReportsAt(tx, viewer, req.province),
      near: await reportsNearLines(
        tx,
        viewer,
        req.province,
        lines.saved.ids,
        lines.drafts,
        FLAG_MARGIN_M,
      ),
    };
  });
  const { counts } = placeCounts(reads.area, reads.rows);
  const gi = giStar(counts, reads.nb);
  const index = cellIndex(reads.area.cells);
  const inHotspot: ReportFlags['in_hotspot'] = [];
  /** The cell of class >= FLAG_HOT_CLASS with the highest z among the points', or null. */
  const hottestCell = (xs: number[], ys: number[]) => {
    let best: { i: number; cell_id: string } | null = null;
    xs.forEach((x, k) => {
      const { q, r } = hexOfPoint(x, ys[k], DEFAULT_CELL_M);
      const i = index(q, r);
      if (i < 0 || gi.classes[i] < FLAG_HOT_CLASS) return;
      if (best === null || gi.z[i] > gi.z[best.i])
        best = { i, cell_id: cellId(q, r, DEFAULT_CELL_M) };
    });
    return best as { i: number; cell_id: string } | null;
  };
  for (const r of reads.reports) {
    const hot = hottestCell(
      [Number(r.x), ...(r.xs ?? []).map(Number)],
      [Number(r.y), ...(r.ys ?? []).map(Number)],
    );
    if (hot) inHotspot.push({ ...item(r), cell_id: hot.cell_id, gi_z: round(gi.z[hot.i], 3) });
  }
  return {
    province: req.province,
    window: reads.window,
    near_route: reads.near.map((r) => ({
      ...item(r),
      distance_m: Math.round(Number(r.distance_m)),
      route: r.route_id ?? `draft:${r.draft}`,
      route_name: r.route_name,
    })),
    in_hotspot: inHotspot,
  };
}
