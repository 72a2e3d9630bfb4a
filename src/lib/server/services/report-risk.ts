import {
  REPORT_MAX_AGE_DAYS,
  kernelDensity,
  reportAgeDays,
  reportWeight,
  type HexCell,
} from '../../analysis';
import type { Sql } from '../db/client';
import { openReportPoints, type ReportRiskFilter } from '../repositories/report-risk';
import type { Viewer } from '../repositories/visibility';

/**
 * The risk surface of coverage and suggestions (DESIGN.md section 6, "Risk"): the quartic
 * density of the window's seizures plus the open reports the caller can see, each a kernel point
 * at its representative point weighted by analysis/report-weight.ts (a fresh A1 report counts as
 * one seizure). Reports are today's picture: their age runs to the time of the question, not to
 * the end of the seizure window.
 */

/** Open reports as weighted kernel points (metres), those weighing 0 left out. */
export interface ReportPoints {
  ids: number[];
  xy: [number, number][];
  weights: number[];
}

export interface RiskSurface {
  /** Risk per cell: seizures and reports, per km^2. */
  density: Float64Array;
  reports: {
    /** Open reports that weigh in (weight > 0). */
    count: number;
    /** Their summed weight, in seizure-equivalents. */
    weight: number;
    /** Share (percent) of the study area's risk that came from reports; null when none at all. */
    share_pct: number | null;
  };
}

const MS_PER_DAY = 86_400_000;

/** The open reports a viewer can see in the province, weighted at `now`. */
export async function reportPoints(
  sql: Sql,
  viewer: Viewer | undefined,
  filter: Omit<ReportRiskFilter, 'since'>,
  now: Date,
): Promise<ReportPoints> {
  const since = new Date(now.getTime() - REPORT_MAX_AGE_DAYS * MS_PER_DAY);
  const rows = await openReportPoints(sql, viewer, { ...filter, since });
  const out: ReportPoints = { ids: [], xy: [], weights: [] };
  for (const r of rows) {
    const w = reportWeight(r.reliability, r.credibility, reportAgeDays(r, now));
    if (!(w > 0)) continue;
    out.ids.push(r.id);
    out.xy.push([Number(r.x), Number(r.y)]);
    out.weights.push(w);
  }
  return out;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Seizure density plus report density at each cell centre (bandwidth in metres). */
export function riskSurface(
  cells: ReadonlyArray<HexCell>,
  seizures: { x: Float64Array; y: Float64Array },
  reports: ReportPoints,
  bandwidthM: number,
): RiskSurface {
  const xy = Array.from(seizures.x, (x, i) => [x, seizures.y[i]] as const);
  const density = kernelDensity(xy, cells, bandwidthM);
  const fromReports = kernelDensity(reports.xy, cells, bandwidthM, reports.weights);
  let total = 0;
  let part = 0;
  for (let i = 0; i < density.length; i++) {
    density[i] += fromReports[i];
    total += density[i];
    part += fromReports[i];
  }
  return {
    density,
    reports: {
      count: reports.ids.length,
      weight: round(
        reports.weights.reduce((a, w) => a + w, 0),
        4,
      ),
      share_pct: total > 0 ? round((100 * part) / total, 3) : null,
    },
  };
}
