import type { Feature, FeatureCollection, LineString, MultiPolygon, Point } from 'geojson';
import {
  pai,
  passesPerWeek,
  patrolKmWeekBySegment,
  percent,
  revisitHours,
  riskSharePct,
} from '../../analysis';
import type { Agency, Category, Province } from '../../domain';
import type { Sql } from '../db/client';
import { ApiError, invalidGeometry, notFound } from '../errors';
import { checkGeometry } from '../io/geometry-check';
import { timeRange } from '../time-range';
import * as repo from '../repositories/coverage';
import * as plans from '../repositories/plans';
import { lastSeizureDay } from '../repositories/seizure-span';
import { riskWindow } from './risk-window';
import type { PlanSummary } from '../repositories/plans';
import { analysisReads, seizurePoints } from '../repositories/hotspot-bins';
import { reportPoints, riskSurface, type RiskSurface } from './report-risk';
import type { Viewer } from '../repositories/visibility';
import { studyArea } from './hotspots-grid';
import { MAX_DISTANCE_FROM_PROVINCE_M, MAX_ROUTE_VERTICES } from './patrol-routes';

/**
 * POST /api/coverage (DESIGN.md sections 6 and 7): the coverage of a saved plan, listed routes
 * and an unsaved draft together, measured in PostGIS; shares, PAI and weekly effort from
 * ../../analysis/coverage.ts.
 */

/** Most lines (plan routes + listed routes + draft lines) one request may cover. */
export const MAX_LINES = 200;
/** Most vertices over all lines: the buffers and their union grow with them. */
export const MAX_TOTAL_VERTICES = 100_000;
/** Risk: the hot-spot grid's quartic density with a bandwidth of this many cells (as /api/hotspots). */
export const BANDWIDTH_CELLS = 3;

export interface CoverageRequest {
  province: Province;
  plan?: number;
  routes?: number[];
  draft?: { features: { geometry: object; properties: DraftProperties }[] };
  from?: string;
  to?: string;
  category?: Category[];
  agency?: Agency[];
  cellM: number;
  /** Whose open reports join the risk (those they can see); none without a viewer. */
  viewer?: Viewer;
}

interface DraftProperties {
  radius_m: number;
  shifts_per_week: number;
  name?: string | null;
}

type CrossingKind = 'gate' | 'waterway' | 'trail';

export interface CoverageResult {
  province: Province;
  window: { from: string; to: string };
  frontier_km: number;
  covered_km: number;
  uncovered_km: number;
  covered_pct: number | null;
  segments: {
    code: string;
    name_vi: string;
    name_en: string;
    frontier_km: number;
    covered_km: number;
    covered_pct: number | null;
    patrol_km_week: number;
    passes_per_week: number;
    revisit_hours: number | null;
  }[];
  gaps: FeatureCollection<
    LineString,
    { segment: string; name_vi: string; name_en: string; length_km: number }
  >;
  crossings: {
    total: number;
    covered: number;
    uncovered: FeatureCollection<
      Point,
      { name_vi: string; name_en: string; kind: CrossingKind; detail: string }
    >;
    items: {
      name_vi: string;
      name_en: string;
      kind: CrossingKind;
      covered: boolean;
      lon: number;
      lat: number;
    }[];
  };
  risk_captured_pct: number | null;
  /** How much of the risk surface came from open reports the caller can see (report-risk.ts). */
  risk_from_reports: { reports: number; weight: number; pct: number | null };
  seizures: { total: number; captured: number };
  seizures_captured_pct: number | null;
  area_pct: number | null;
  pai: number | null;
  patrol_km_week: number;
  coverage: Feature<MultiPolygon> | null;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const roundOrNull = (v: number | null, digits: number) => (v === null ? null : round(v, digits));

const bad = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);

/** Checks draft lines like routes: structure and values here, validity and place in PostGIS. */
async function checkDrafts(sql: Sql, province: Province, drafts: repo.DraftLine[]): Promise<void> {
  drafts.forEach((d, i) => {
    const problems = checkGeometry(d.geometry, ['LineString'], { maxVertices: MAX_ROUTE_VERTICES });
    if (problems.length)
      throw invalidGeometry(`draft.features[${i}]: ${problems[0]}`, { feature: i, problems });
  });
  const verdicts = await repo.checkDraftLines(
    sql,
    drafts.map((d) => d.geometry),
    province,
    MAX_DISTANCE_FROM_PROVINCE_M,
  );
  verdicts.forEach((v, i) => {
    if (!v.valid) throw invalidGeometry(`draft.features[${i}]: ${v.reason}`, { feature: i });
    if (!v.near)
      throw invalidGeometry(
        `draft.features[${i}] lies more than ${MAX_DISTANCE_FROM_PROVINCE_M / 1000} km outside the ${province} province outline.`,
        { feature: i },
      );
  });
}

/** The saved routes to cover (plan's and listed), checked to exist and lie in the province. */
async function savedRoutes(
  sql: Sql,
  req: Pick<CoverageRequest, 'province' | 'routes'>,
  plan: (PlanSummary & { route_ids: number[] }) | undefined,
): Promise<{ ids: number[]; vertices: number }> {
  const ids = [...new Set([...(plan?.route_ids ?? []), ...(req.routes ?? [])])].sort(
    (a, b) => a - b,
  );
  if (ids.length > MAX_LINES)
    throw bad('too_many_routes', `At most ${MAX_LINES} routes per request (got ${ids.length}).`, {
      max_routes: MAX_LINES,
    });
  const rows = await repo.routesById(sql, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length)
    throw bad('unknown_route', `No patrol route ${missing.join(', ')}`, { routes: missing });
  const elsewhere = rows.filter((r) => r.province !== req.province).map((r) => r.id);
  if (elsewhere.length)
    throw bad(
      'route_in_other_province',
      `Route ${elsewhere.join(', ')} is not in ${req.province}`,
      {
        routes: elsewhere,
      },
    );
  return { ids, vertices: rows.reduce((n, r) => n + r.vertices, 0) };
}

/** The lines a coverage request names, checked: the plan's and listed routes, and the drafts. */
export interface CoverageLines {
  plan: (PlanSummary & { route_ids: number[] }) | undefined;
  saved: { ids: number[]; vertices: number };
  drafts: repo.DraftLine[];
}

/**
 * Reads and checks the plan, routes and draft lines of a request (400 and 422 as coverage
 * answers them); POST /api/reports/flags takes the same inputs.
 */
export async function coverageLines(
  sql: Sql,
  req: Pick<CoverageRequest, 'province' | 'plan' | 'routes' | 'draft'>,
): Promise<CoverageLines> {
  let plan: (PlanSummary & { route_ids: number[] }) | undefined;
  if (req.plan !== undefined) {
    const found = await plans.getPlan(sql, req.plan);
    if (!found) throw notFound(`No plan ${req.plan}`);
    const routeIds = (await plans.planRouteIds(sql, req.plan)).map((r) => r.id);
    plan = { ...found, route_ids: routeIds };
    if (plan.province !== req.province)
      throw bad(
        'plan_in_other_province',
        `Plan ${req.plan} is for ${plan.province}, not ${req.province}`,
      );
  }
  const drafts: repo.DraftLine[] = (req.draft?.features ?? []).map((f) => ({
    name: f.properties.name ?? null,
    radius_m: f.properties.radius_m,
    shifts_per_week: f.properties.shifts_per_week,
    geometry: f.geometry,
  }));
  const saved = await savedRoutes(sql, req, plan);
  const lines = saved.ids.length + drafts.length;
  if (lines > MAX_LINES)
    throw bad('too_many_routes', `At most ${MAX_LINES} lines per request (got ${lines}).`, {
      max_routes: MAX_LINES,
    });
  const draftVertices = drafts.reduce(
    (n, d) => n + ((d.geometry as { coordinates?: unknown[] }).coordinates?.length ?? 0),
    0,
  );
  if (saved.vertices + draftVertices > MAX_TOTAL_VERTICES)
    throw bad(
      'too_many_vertices',
      `At most ${MAX_TOTAL_VERTICES} vertices over all lines (got ${saved.vertices + draftVertices}).`,
      { max_vertices: MAX_TOTAL_VERTICES },
    );
  await checkDrafts(sql, req.province, drafts);
  return { plan, saved, drafts };
}

export async function coverage(sql: Sql, req: CoverageRequest, now: Date): Promise<CoverageResult> {
  const { plan, saved, drafts } = await coverageLines(sql, req);
  if (saved.ids.length + drafts.length === 0)
    throw bad('nothing_to_cover', 'Give a plan with routes, route ids or draft lines to cover.');

  const window = riskWindow(req, plan, await lastSeizureDay(sql, req.province), now);
  const filter = {
    province: req.province,
    ...timeRange(window.from, window.to),
    categories: req.category ?? (plan?.risk_categories as Category[] | null) ?? undefined,
    agencies: req.agency,
  };
  const { area, points, reports } = await analysisReads(sql, async (tx) => ({
    area: await studyArea(tx, req.province, req.cellM),
    points: await seizurePoints(tx, filter),
    reports: await reportPoints(tx, req.viewer, filter, now),
  }));
  const surface = riskSurface(area.cells, points, reports, BANDWIDTH_CELLS * req.cellM);
  const { density } = surface;
  const risky: number[] = [];
  density.forEach((d, i) => d > 0 && risky.push(i));
  // In analysisReads for its settings: PostgreSQL's JIT compiled this query for 40 to 70 ms
  // whenever the planner overestimated it (draft lines from JSON), twice the query's own time.
  const row = await analysisReads(sql, (tx) =>
    repo.measureCoverage(tx, {
      province: req.province,
      routeIds: saved.ids,
      drafts,
      seizures: filter,
      cells: { x: risky.map((i) => area.cells[i].x), y: risky.map((i) => area.cells[i].y) },
    }),
  );
  return assemble(req.province, window, row, surface, risky);
}

function assemble(
  province: Province,
  window: { from: string; to: string },
  row: repo.CoverageRow,
  { density, reports }: RiskSurface,
  risky: number[],
): CoverageResult {
  const codes = row.segments.map((s) => s.code);
  const efforts = row.routes.map((r) => {
    const covered = codes.map(() => 0);
    for (const rs of row.route_segments)
      if (rs.i === r.i) covered[codes.indexOf(rs.code)] += rs.covered_m;
    return {
      shiftsPerWeek: r.shifts_per_week,
      lengthKm: r.length_m / 1000,
      coveredMBySegment: covered,
    };
  });
  const kmWeek = patrolKmWeekBySegment(efforts, codes.length);
  const segments = row.segments.map((s, j) => {
    const passes = passesPerWeek(
      efforts.map((e) => ({ shiftsPerWeek: e.shiftsPerWeek, coveredM: e.coveredMBySegment[j] })),
      s.covered_m,
    );
    return {
      code: s.code,
      name_vi: s.name_vi,
      name_en: s.name_en,
      frontier_km: round(s.length_m / 1000, 4),
      covered_km: round(s.covered_m / 1000, 4),
      covered_pct: roundOrNull(percent(s.covered_m, s.length_m), 3),
      patrol_km_week: round(kmWeek[j], 3),
      passes_per_week: round(passes, 3),
      revisit_hours: roundOrNull(revisitHours(passes), 2),
    };
  });
  const frontierM = row.segments.reduce((n, s) => n + s.length_m, 0);
  const coveredM = row.segments.reduce((n, s) => n + s.covered_m, 0);
  const uncovered = row.crossings.filter((c) => !c.covered);
  const captured = row.seizures_captured;
  return {
    province,
    window,
    frontier_km: round(frontierM / 1000, 4),
    covered_km: round(coveredM / 1000, 4),
    uncovered_km: round((frontierM - coveredM) / 1000, 4),
    covered_pct: roundOrNull(percent(coveredM, frontierM), 3),
    segments,
    gaps: {
      type: 'FeatureCollection',
      features: row.gaps.map((g) => ({
        type: 'Feature',
        geometry: g.geometry,
        properties: {
          segment: g.code,
          name_vi: g.name_vi,
          name_en: g.name_en,
          length_km: round(g.length_m / 1000, 4),
        },
      })),
    },
    crossings: {
      total: row.crossings.length,
      covered: row.crossings.length - uncovered.length,
      uncovered: {
        type: 'FeatureCollection',
        features: uncovered.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [Number(c.lon), Number(c.lat)] },
          properties: { name_vi: c.name_vi, name_en: c.name_en, kind: c.kind, detail: c.detail },
        })),
      },
      items: row.crossings.map((c) => ({
        name_vi: c.name_vi,
        name_en: c.name_en,
        kind: c.kind,
        covered: c.covered,
        lon: Number(c.lon),
        lat: Number(c.lat),
      })),
    },
    risk_captured_pct: roundOrNull(
      riskSharePct(
        density,
        row.cells_inside.map((k) => risky[k]),
      ),
      3,
    ),
    risk_from_reports: { reports: reports.count, weight: reports.weight, pct: reports.share_pct },
    seizures: { total: row.seizures_total, captured },
    seizures_captured_pct: roundOrNull(percent(captured, row.seizures_total), 3),
    area_pct: roundOrNull(percent(row.covered_area_m2, row.province_area_m2), 4),
    pai: roundOrNull(
      pai(captured, row.seizures_total, row.covered_area_m2, row.province_area_m2),
      4,
    ),
    patrol_km_week: round(
      efforts.reduce((n, e) => n + e.shiftsPerWeek * e.lengthKm, 0),
      3,
    ),
    coverage: row.coverage
      ? { type: 'Feature', geometry: row.coverage as MultiPolygon, properties: {} }
      : null,
  };
}
