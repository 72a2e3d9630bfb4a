import type { HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import { listPlans } from '../repositories/plans';
import { coverage } from './coverage';
import type { Viewer } from '../repositories/visibility';

/** At most this many plans are printed (newest change first): one page, bounded work. */
export const BRIEFING_PLANS = 4;

/** What a commander reads of one patrol plan: what it covers of the frontier, crossings, risk. */
export interface BriefingPlan {
  id: number;
  name: string;
  agency: string;
  unit: string | null;
  routes: number;
  length_km: number;
  frontier_km: number;
  covered_km: number;
  covered_pct: number | null;
  crossings: { total: number; covered: number };
  risk_captured_pct: number | null;
  /** Share (percent) of that risk from the open reports the reader can see. */
  risk_from_reports_pct: number | null;
  seizures_captured_pct: number | null;
  pai: number | null;
  patrol_km_week: number;
  /** The longest stretch of frontier left open, or null when the plan leaves none. */
  longest_gap: { name_vi: string; name_en: string; length_km: number } | null;
}

/**
 * The coverage of the province's plans that have routes, over the briefing's window and filters
 * (so risk and seizures captured speak of the same seizures as the rest of the page); an open
 * window is the period with cases, `period`.
 */
export async function planCoverage(
  sql: Sql,
  query: HotspotQuery,
  period: { first: string; last: string } | null,
  now: Date,
  viewer?: Viewer,
): Promise<BriefingPlan[]> {
  const { filter } = query;
  const plans = (await listPlans(sql, filter.province))
    .filter((p) => p.route_count > 0)
    .slice(0, BRIEFING_PLANS);
  const out: BriefingPlan[] = [];
  for (const plan of plans) {
    const c = await coverage(
      sql,
      {
        province: filter.province,
        plan: plan.id,
        from: query.from ?? period?.first,
        to: query.to ?? period?.last,
        category: filter.categories,
        agency: filter.agencies,
        cellM: query.cellM,
        viewer,
      },
      now,
    );
    const gap = c.gaps.features[0]?.properties;
    out.push({
      id: plan.id,
      name: plan.name,
      agency: plan.agency,
      unit: plan.unit,
      routes: plan.route_count,
      length_km: plan.length_km,
      frontier_km: c.frontier_km,
      covered_km: c.covered_km,
      covered_pct: c.covered_pct,
      crossings: { total: c.crossings.total, covered: c.crossings.covered },
      risk_captured_pct: c.risk_captured_pct,
      risk_from_reports_pct: c.risk_from_reports.pct,
      seizures_captured_pct: c.seizures_captured_pct,
      pai: c.pai,
      patrol_km_week: c.patrol_km_week,
      longest_gap: gap
        ? { name_vi: gap.name_vi, name_en: gap.name_en, length_km: gap.length_km }
        : null,
    });
  }
  return out;
}
