import type { Agency, Category, Province } from '../../domain';
import type { Sql } from '../db/client';
import { briefingBase, type BriefingBase } from '../repositories/briefing-map';
import { countByMonth } from '../repositories/seizure-monthly';
import type { HotspotQuery } from './hotspot-query';
import { monthTables, type MonthSeries } from './briefing-months';
import { seizureStats, type SeizureStats } from './stats';
import { hotSpotSections, type BriefingHotSpots } from './briefing-hotspots';
import { planCoverage, type BriefingPlan } from './briefing-coverage';
import type { BriefingExchange } from '../../exchange';
import { briefingExchange } from './briefing-exchange';
import type { Viewer } from '../repositories/visibility';

/** The filters as the briefing prints them (dates as the caller gave them). */
export interface BriefingFilters {
  province: Province;
  from: string | null;
  to: string | null;
  category: Category[] | null;
  agency: Agency[] | null;
}

/** The body of `GET /api/briefing`: everything the printed page shows. */
export interface Briefing extends Omit<BriefingHotSpots, 'cells'> {
  generated_at: string;
  filters: BriefingFilters;
  figures: Pick<SeizureStats, 'cases' | 'value_vnd' | 'subjects' | 'synthetic' | 'period'>;
  /** Every month of the window, `YYYY-MM` in Vietnam time, oldest first. */
  months: string[];
  by_month_category: MonthSeries<Category>;
  by_month_agency: MonthSeries<Agency>;
  map: BriefingBase & { cells: BriefingHotSpots['cells'] };
  /** What the province's patrol plans cover (briefing-coverage.ts), newest change first. */
  plans: BriefingPlan[];
  /** The information exchange between the forces over the window, as the reader may see it. */
  exchange: BriefingExchange;
}

/**
 * The briefing of one province and period: the stats figures and the month tables over every
 * matching seizure, the province's frontier and gates for the map, and the hot spots, their
 * trend and the forecast check (briefing-hotspots.ts).
 */
export async function briefing(
  sql: Sql,
  query: HotspotQuery,
  now: Date,
  viewer?: Viewer,
): Promise<Briefing> {
  const { filter } = query;
  const stats = await seizureStats(sql, filter, query.window);
  const months = stats.by_month.map((m) => m.month);
  const tables = monthTables(months, await countByMonth(sql, filter));
  const base = await briefingBase(sql, filter.province);
  const { cells, ...hot } = await hotSpotSections(sql, query, months.length);
  const plans = await planCoverage(sql, query, stats.period, now, viewer);
  const exchange = await briefingExchange(sql, viewer, query);
  return {
    generated_at: now.toISOString(),
    filters: {
      province: filter.province,
      from: query.from,
      to: query.to,
      category: filter.categories ?? null,
      agency: filter.agencies ?? null,
    },
    figures: {
      cases: stats.cases,
      value_vnd: stats.value_vnd,
      subjects: stats.subjects,
      synthetic: stats.synthetic,
      period: stats.period,
    },
    months,
    by_month_category: tables.by_category,
    by_month_agency: tables.by_agency,
    map: { ...base, cells },
    plans,
    exchange,
    ...hot,
  };
}
