import type { Sql } from '../db/client';
import { LAYERS } from './layer-registry';
import { whereClause, type LayerFilter } from './layers';

/** Which grouping a row of `groupSeizures` belongs to (`all` is the one row of totals). */
export type StatsGroup = 'all' | 'category' | 'agency' | 'province' | 'month';

export interface StatsRow {
  group: StatsGroup;
  /** The category, agency, province or `YYYY-MM` month; null for `all`. */
  key: string | null;
  cases: number;
  valueVnd: number;
  subjects: number;
  synthetic: number;
  /** First and last day (`YYYY-MM-DD`, Vietnam time) of the group's seizures. */
  first: string | null;
  last: string | null;
}

/**
 * Totals of the seizures matching `filter`, and the same per category, lead agency, province and
 * calendar month in Vietnam time (UTC+7), in one scan (grouping sets). Groups without seizures
 * have no row; the totals row is always there. Sums come back as float8 so both engines return
 * numbers (exact to 2^53 dong).
 */
export async function groupSeizures(
  sql: Sql,
  filter: Omit<LayerFilter, 'bbox'>,
): Promise<StatsRow[]> {
  const layer = LAYERS.seizures;
  return sql<StatsRow[]>`
    select
      case
        when grouping(s.category) = 0 then 'category'
        when grouping(s.lead_agency) = 0 then 'agency'
        when grouping(s.province) = 0 then 'province'
        when grouping(s.month) = 0 then 'month'
        else 'all'
      end as "group",
      coalesce(s.category, s.lead_agency, s.province, to_char(s.month, 'YYYY-MM')) as key,
      count(*)::int as cases,
      coalesce(sum(s.value_vnd), 0)::float8 as "valueVnd",
      coalesce(sum(s.subjects), 0)::float8 as subjects,
      (count(*) filter (where s.synthetic))::int as synthetic,
      to_char(min(s.local_at), 'YYYY-MM-DD') as first,
      to_char(max(s.local_at), 'YYYY-MM-DD') as last
    from (
      select t.category, t.lead_agency, t.province, t.value_vnd, t.subjects, t.synthetic,
        v.local_at, date_trunc('month', v.local_at) as month
      from ${sql(layer.table)} t
        -- Wall-clock time in Vietnam (no daylight saving), whatever the session's time zone.
        cross join lateral (
          select (t.occurred_at at time zone 'UTC') + interval '7 hours' as local_at
        ) v
      where ${whereClause(sql, layer, filter)}
    ) s
    group by grouping sets ((), (s.category), (s.lead_agency), (s.province), (s.month))`;
}
