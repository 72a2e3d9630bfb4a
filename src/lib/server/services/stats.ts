import { AGENCIES, PROVINCES, type Category } from '../../domain';
import type { Figures, SeizureStats } from '../../stats-body';
import type { Sql } from '../db/client';
import type { LayerFilter } from '../repositories/layers';
import { groupSeizures, type StatsRow } from '../repositories/seizure-stats';
export type { SeizureStats };

export interface MonthWindow {
  first?: string;
  last?: string;
}

/**
 * The figures of the stats panel over every seizure matching `filter`, aggregated by the
 * database. `by_month` runs from the window's first month (else the first case's) to its last
 * (else the last case's), and takes in the month of any case outside it: a bare `to` date ends at
 * midnight UTC, 07:00 the next day in Vietnam. Without cases and an open bound it is empty.
 */
export async function seizureStats(
  sql: Sql,
  filter: Omit<LayerFilter, 'bbox'>,
  window: MonthWindow,
): Promise<SeizureStats> {
  const rows = await groupSeizures(sql, filter);
  const of = (group: StatsRow['group']) => rows.filter((r) => r.group === group);
  const all = of('all')[0];
  const figures = (r: StatsRow | undefined): Figures => ({
    cases: r?.cases ?? 0,
    value_vnd: r?.valueVnd ?? 0,
  });
  const keyed = (group: StatsRow['group']) => new Map(of(group).map((r) => [r.key!, r]));

  const agencies = keyed('agency');
  const provinces = keyed('province');
  const months = keyed('month');
  const seen = [...months.keys()].sort();
  const first = min(window.first, seen[0]);
  const last = max(window.last, seen.at(-1));
  return {
    ...figures(all),
    subjects: all?.subjects ?? 0,
    synthetic: all?.synthetic ?? 0,
    period: all?.first && all.last ? { first: all.first, last: all.last } : null,
    by_category: of('category')
      .map((r) => ({ category: r.key as Category, ...figures(r) }))
      .sort((a, b) => b.cases - a.cases || a.category.localeCompare(b.category)),
    by_agency: AGENCIES.map((agency) => ({ agency, ...figures(agencies.get(agency)) })),
    by_province: PROVINCES.map((province) => {
      const r = provinces.get(province);
      return { province, ...figures(r), subjects: r?.subjects ?? 0 };
    }),
    by_month:
      first && last
        ? monthsBetween(first, last).map((month) => ({ month, ...figures(months.get(month)) }))
        : [],
  };
}

const min = (a?: string, b?: string) => (a === undefined ? b : b === undefined || a < b ? a : b);
const max = (a?: string, b?: string) => (a === undefined ? b : b === undefined || a > b ? a : b);

/**
 * Every `YYYY-MM` from `first` to `last`, both included.
 * @example monthsBetween('2023-11', '2024-02') // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function monthsBetween(first: string, last: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(first); i <= index(last); i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
