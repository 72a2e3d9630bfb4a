import type { LineString } from 'geojson';
import {
  cellsNearLine,
  cutPieces,
  pointLineM,
  suggestPieces,
  utmToWgs84,
  type AlongKind,
} from '../../analysis';
import type { Category } from '../../domain';
import { DEFAULT_CELL_M } from './hotspot-query';
import { ApiError, notFound } from '../errors';
import type { Sql } from '../db/client';
import { timeRange } from '../time-range';
import { analysisReads, seizurePoints } from '../repositories/hotspot-bins';
import { planRouteLines } from '../repositories/effort-lines';
import { getPlan } from '../repositories/plans';
import { lastSeizureDay } from '../repositories/seizure-span';
import { riskWindow } from './risk-window';
import { candidateLines, provinceCrossings } from '../repositories/suggest-lines';
import { reportPoints, riskSurface } from './report-risk';
import type { Viewer } from '../repositories/visibility';
import { cellIndex, studyArea } from './hotspots-grid';

export interface SuggestRequest {
  budget_km: number;
  radius_m: number;
  piece_km?: number;
  from?: string;
  to?: string;
}

export interface SuggestResponse {
  budget_km: number;
  used_km: number;
  risk_before_pct: number;
  risk_after_pct: number;
  /** How the risk was made: the hot-spot grid and the density's window. */
  risk: {
    cell_m: number;
    bandwidth_m: number;
    from: string | null;
    to: string | null;
    seizures: number;
    /** Open reports the caller can see that weigh in, their summed weight, their share (%). */
    reports: number;
    reports_weight: number;
    from_reports_pct: number | null;
  };
  suggestions: {
    rank: number;
    geometry: LineString;
    length_km: number;
    along: { kind: AlongKind; name_vi: string; name_en: string };
    marginal_risk_pct: number;
    cumulative_risk_pct: number;
    crossings: { name_vi: string; name_en: string; kind: string }[];
  }[];
}

/** Pieces of 2 km by default; the risk surface of the hot-spot grid (1 km cells, 3 km band). */
export const DEFAULT_PIECE_KM = 2;
export const RISK_BANDWIDTH_M = 3 * DEFAULT_CELL_M;
/** Most candidate pieces one request weighs (a 400 naming a piece length that fits). */
export const MAX_PIECES = 20_000;

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * POST /api/plans/{id}/suggest: candidate pieces cut from the province's frontier, waterways
 * and trails, greedily chosen for the uncovered risk they add (analysis/suggest.ts).
 */
export async function suggest(
  sql: Sql,
  planId: number,
  body: SuggestRequest,
  now: Date,
  viewer?: Viewer,
): Promise<SuggestResponse> {
  const pieceM = (body.piece_km ?? DEFAULT_PIECE_KM) * 1000;
  const reads = await analysisReads(sql, async (tx) => {
    const plan = await getPlan(tx, planId);
    if (!plan) throw notFound(`No plan ${planId}`);
    const window = riskWindow(body, plan, await lastSeizureDay(tx, plan.province), now);
    const range = timeRange(window.from, window.to);
    const province = plan.province as 'an_giang' | 'lang_son';
    const area = await studyArea(tx, province, DEFAULT_CELL_M);
    const filter = {
      province,
      ...range,
      categories: (plan.risk_categories as Category[] | null) ?? undefined,
    };
    return {
      window,
      area,
      xy: await seizurePoints(tx, filter),
      reports: await reportPoints(tx, viewer, filter, now),
      routes: await planRouteLines(tx, planId),
      lines: await candidateLines(tx, province),
      crossings: await provinceCrossings(tx, province),
    };
  });
  const { area, xy, routes, lines, crossings, window, reports } = reads;
  const pieces = cutPieces(lines, pieceM);
  if (pieces.length > MAX_PIECES) {
    const totalKm = pieces.reduce((a, pc) => a + pc.lengthM, 0) / 1000;
    const min = Math.ceil((totalKm / MAX_PIECES) * 10) / 10;
    throw new ApiError(
      400,
      'piece_too_short',
      `piece_km: ${pieceM / 1000} km cuts ${pieces.length} pieces, more than ${MAX_PIECES}; use piece_km=${min} or more`,
      { parameter: 'piece_km', min_piece_km: min },
    );
  }
  const surface = riskSurface(area.cells, xy, reports, RISK_BANDWIDTH_M);
  const risk = surface.density;
  const index = cellIndex(area.cells);
  const covered = new Uint8Array(area.cells.length);
  for (const route of routes)
    for (const line of route.lines)
      for (const { q, r } of cellsNearLine(line, route.radiusM, area.cellM)) {
        const i = index(q, r);
        if (i >= 0) covered[i] = 1;
      }
  const crossingsCovered = crossings.map((c) =>
    routes.some((r) => r.lines.some((line) => pointLineM(c.x, c.y, line) <= r.radiusM)),
  );
  const out = suggestPieces({
    cells: area.cells,
    sizeM: area.cellM,
    risk,
    covered,
    pieces,
    radiusM: body.radius_m,
    budgetM: body.budget_km * 1000,
    crossings,
    crossingsCovered,
  });
  return {
    budget_km: body.budget_km,
    used_km: round(out.usedM / 1000),
    risk_before_pct: round(out.riskBeforePct, 2),
    risk_after_pct: round(out.riskAfterPct, 2),
    risk: {
      cell_m: area.cellM,
      bandwidth_m: RISK_BANDWIDTH_M,
      from: window.from,
      to: window.to,
      seizures: xy.x.length,
      reports: surface.reports.count,
      reports_weight: surface.reports.weight,
      from_reports_pct: surface.reports.share_pct,
    },
    suggestions: out.suggestions.map((s) => ({
      rank: s.rank,
      geometry: {
        type: 'LineString',
        coordinates: s.piece.line.map(([x, y]) => utmToWgs84(x, y).map((v) => round(v, 7))),
      },
      length_km: round(s.piece.lengthM / 1000),
      along: { kind: s.piece.kind, name_vi: s.piece.name_vi, name_en: s.piece.name_en },
      marginal_risk_pct: round(s.marginalPct, 2),
      cumulative_risk_pct: round(s.cumulativePct, 2),
      crossings: s.crossings.map((c) => ({ name_vi: c.name_vi, name_en: c.name_en, kind: c.kind })),
    })),
  };
}
