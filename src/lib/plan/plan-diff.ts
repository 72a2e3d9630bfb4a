/**
 * What changed, in the planner's words: the draft's coverage against the saved plan's
 * (+4.2 km of frontier, +3 crossings, +6 % of risk), and, after a 409, the routes someone else
 * added, removed or changed since this page loaded the plan.
 */
import type { Coverage, Plan, PlanRoute } from './types';
import { routeChanged } from './route-ops';
import { routesOf } from './plan-routes';

export interface CoverageDelta {
  km: number;
  crossings: number;
  riskPct: number;
  seizuresPct: number;
}

/** The draft's figures minus the saved plan's; null without both. */
export function coverageDelta(
  draft: Coverage | null,
  saved: Coverage | null,
): CoverageDelta | null {
  if (!draft || !saved) return null;
  return {
    km: draft.covered_km - saved.covered_km,
    crossings: draft.crossings.covered - saved.crossings.covered,
    riskPct: (draft.risk_captured_pct ?? 0) - (saved.risk_captured_pct ?? 0),
    seizuresPct: (draft.seizures_captured_pct ?? 0) - (saved.seizures_captured_pct ?? 0),
  };
}

/**
 * The figures of a plan with no route (the server refuses to cover nothing): the province's
 * totals from `like`, nothing covered.
 */
export function nothingCovered(like: Coverage): Coverage {
  return {
    ...like,
    covered_km: 0,
    uncovered_km: like.frontier_km,
    covered_pct: 0,
    crossings: { ...like.crossings, covered: 0 },
    risk_captured_pct: 0,
    seizures: { ...like.seizures, captured: 0 },
    seizures_captured_pct: 0,
    area_pct: 0,
    pai: null,
    patrol_km_week: 0,
    coverage: null,
  };
}

/** A signed number for a change: "+4.2", "−3", "0". */
export function signed(value: number, digits: number, locale: string): string {
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (rounded > 0) return `+${text}`;
  if (rounded < 0) return `−${text}`;
  return text;
}

export interface RouteChange {
  name: string;
  by: string | null;
}

export interface ConflictSummary {
  /** Plan fields (name, agency, unit, note) changed by the other save. */
  planFields: string[];
  added: RouteChange[];
  removed: RouteChange[];
  changed: RouteChange[];
  by: string | null;
  version: number;
}

/**
 * Compares the plan as this page loaded it (`base`) with the plan as the server now has it
 * (`current`, from the 409's details): what the other planner did.
 */
export function conflictSummary(base: Plan, current: Plan): ConflictSummary {
  const before = new Map(routesOf(base).map((r) => [r.id, r]));
  const after = routesOf(current);
  const afterIds = new Set(after.map((r) => r.id));
  const change = (r: PlanRoute): RouteChange => ({ name: r.name, by: r.updated_by ?? null });
  const planFields = (['name', 'agency', 'unit', 'note'] as const).filter(
    (k) => (base[k] ?? '') !== (current[k] ?? ''),
  );
  return {
    planFields,
    added: after.filter((r) => !before.has(r.id)).map(change),
    removed: [...before.values()].filter((r) => !afterIds.has(r.id)).map(change),
    changed: after
      .filter((r) => {
        const old = before.get(r.id);
        return old !== undefined && routeChanged(old, r);
      })
      .map(change),
    by: current.updated_by,
    version: current.version,
  };
}
