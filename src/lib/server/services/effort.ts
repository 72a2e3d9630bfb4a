import type { Feature, Polygon } from 'geojson';
import {
  effortStatuses,
  lengthPerCell,
  type EffortStatus,
  type EffortSummary,
  type LineXY,
} from '../../analysis';
import type { EffortQuery } from '../api/effort-params';
import { hotspotError } from './hotspot-query';
import type { Sql } from '../db/client';
import { notFound } from '../errors';
import { analysisReads, binSeizures, seizureSpan } from '../repositories/hotspot-bins';
import { patrolLines, patrolSpan, planRouteLines } from '../repositories/effort-lines';
import { getPlan } from '../repositories/plans';
import { placeCounts, cellFeature } from './hotspots';
import { studyArea } from './hotspots-grid';

/** Properties of a cell in GET /api/effort. */
export interface EffortProperties {
  cell_id: string;
  /** Route km in the cell times the route's shifts per week, summed over the plan's routes. */
  planned_km_week: number;
  /** Recorded patrols' km in the cell over the window, divided by the weeks of the window. */
  patrolled_km_week: number;
  seizures: number;
  /** Patrol-km over the window on the rate's basis, and the seizures it predicts. */
  effort_km: number;
  expected: number;
  rate_per_100km: number | null;
  p: number | null;
  status: EffortStatus;
}

export interface EffortCollectionSummary extends EffortSummary {
  province: string;
  cell_m: number;
  cells: number;
  from: string | null;
  to: string | null;
  /** Which effort the rates rest on: the plan's routes when a plan is named, else patrols. */
  basis: 'plan' | 'patrols';
  plan: number | null;
  /** The test behind the statuses, in words a client can show. */
  test: 'poisson_exact_two_sided';
  patrols: number;
  planned_km_week: number;
  patrolled_km_week: number;
}

export interface EffortCollection {
  type: 'FeatureCollection';
  features: Feature<Polygon, EffortProperties>[];
  summary: EffortCollectionSummary;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Adds `weight` x metres of the lines in each cell to `into` (cell id -> value). */
function addLengths(
  into: Map<string, number>,
  lines: ReadonlyArray<LineXY>,
  cellM: number,
  weight: number,
): void {
  for (const [id, m] of lengthPerCell(lines, cellM)) into.set(id, (into.get(id) ?? 0) + m * weight);
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The window of an effort request: from and to as given; a missing end is taken from the
 * province's patrols (first start, last end), then from its matching seizures, so "all time"
 * means the time effort was recorded in.
 */
async function effortWindow(sql: Sql, query: EffortQuery): Promise<{ from?: Date; to?: Date }> {
  let { from, to } = query.filter;
  if (from && to) return { from, to };
  const span =
    (await patrolSpan(sql, query.filter.province)) ?? (await seizureSpan(sql, query.filter));
  from ??= span?.first;
  to ??= span ? new Date(span.last.getTime() + 1) : undefined;
  return { from, to };
}

/**
 * GET /api/effort: planned and patrolled km per week per cell of the hot-spot grid, seizures
 * per 100 patrol-km and the status of each cell against the province's overall rate
 * (analysis/effort.ts).
 */
export async function effort(sql: Sql, query: EffortQuery): Promise<EffortCollection> {
  const { province } = query.filter;
  const reads = await analysisReads(sql, async (tx) => {
    const plan = query.plan ? await getPlan(tx, query.plan) : undefined;
    if (query.plan && !plan) throw notFound(`No plan ${query.plan}`);
    if (plan && plan.province !== province)
      throw hotspotError(
        'plan_other_province',
        `plan: plan ${plan.id} is for ${plan.province}, not ${province}`,
        { parameter: 'plan', plan_province: plan.province },
      );
    const area = await studyArea(tx, province, query.cellM);
    const window = await effortWindow(tx, query);
    const filter = { ...query.filter, ...window };
    const rows = await binSeizures(tx, filter, query.cellM);
    const routes = plan ? await planRouteLines(tx, plan.id) : [];
    const patrols =
      window.from && window.to
        ? await patrolLines(tx, province, window.from, window.to)
        : { lines: [], patrols: 0 };
    return { area, window, rows, routes, patrols };
  });
  const { area, window, rows, routes, patrols } = reads;
  const weeks =
    window.from && window.to ? (window.to.getTime() - window.from.getTime()) / WEEK_MS : 0;

  const planned = new Map<string, number>();
  for (const r of routes) addLengths(planned, r.lines, area.cellM, r.shiftsPerWeek / 1000);
  const patrolled = new Map<string, number>();
  if (weeks > 0)
    for (const p of patrols.lines)
      addLengths(patrolled, p.lines, area.cellM, p.patrols / 1000 / weeks);

  const { counts } = placeCounts(area, rows);
  const basis = query.plan ? 'plan' : 'patrols';
  const kmWeek = (i: number) => {
    const id = area.cells[i].id;
    return { planned: planned.get(id) ?? 0, patrolled: patrolled.get(id) ?? 0 };
  };
  const inputs = area.cells.map((_, i) => {
    const k = kmWeek(i);
    return { count: counts[i], kmPerWeek: basis === 'plan' ? k.planned : k.patrolled };
  });
  // Without a window (no patrols, no seizures) there is no effort: every cell is no_patrol.
  const result = effortStatuses(weeks > 0 ? inputs : inputs.map((c) => ({ ...c, kmPerWeek: 0 })), {
    weeks: weeks > 0 ? weeks : 1,
  });
  const geometries = area.geometries();
  let plannedTotal = 0;
  let patrolledTotal = 0;
  const features = area.cells.map((cell, i) => {
    const k = kmWeek(i);
    plannedTotal += k.planned;
    patrolledTotal += k.patrolled;
    const c = result.cells[i];
    return cellFeature(cell, geometries[i], {
      cell_id: cell.id,
      planned_km_week: round(k.planned),
      patrolled_km_week: round(k.patrolled),
      seizures: counts[i],
      effort_km: round(c.effortKm),
      expected: round(c.expected, 4),
      rate_per_100km: c.ratePer100Km === null ? null : round(c.ratePer100Km, 4),
      p: c.p,
      status: c.status,
    });
  });
  return {
    type: 'FeatureCollection',
    features,
    summary: {
      ...result.summary,
      weeks: weeks > 0 ? round(weeks, 4) : 0,
      province,
      cell_m: area.cellM,
      cells: area.cells.length,
      from: window.from?.toISOString() ?? null,
      to: window.to?.toISOString() ?? null,
      basis,
      plan: query.plan ?? null,
      test: 'poisson_exact_two_sided',
      patrols: patrols.patrols,
      planned_km_week: round(plannedTotal),
      patrolled_km_week: round(patrolledTotal),
    },
  };
}
