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
 * calendar month in Vietnam time (UTC+7). The rows are first summed per combination of the four
 * (one hash per row), then rolled up by grouping sets over those few thousand sums: three times
 * faster than grouping sets over the rows. Groups without seizures have no row; the totals row is
 * always there. Sums come back as float8 so both engines return numbers (exact to 2^53 dong).
 */
export async function groupSeizures(
  sql: Sql,
  filter: Omit<LayerFilter, 'bbox'>,
): Promise<StatsRow[]> {
  const layer = LAYERS.seizures;
  return sql<StatsRow[]>`
    with cells as (
      select t.category, t.lead_agency, t.province, date_trunc('month', v.local_at) as month,
        count(*) as cases, sum(t.value_vnd) as value_vnd, sum(t.subjects) as subjects,
        count(*) filter (where t.synthetic) as synthetic,
        min(v.local_at) as first, max(v.local_at) as last
      from ${sql(layer.table)} t
        -- Wall-clock time in Vietnam (no daylight saving), whatever the session's time zone.
        cross join lateral (
          select (t.occurred_at at time zone 'UTC') + interval '7 hours' as local_at
        ) v
      where ${whereClause(sql, layer, filter)}
      group by 1, 2, 3, 4
    )
    select
      case
        when grouping(c.category) = 0 then 'category'
        when grouping(c.lead_agency) = 0 then 'agency'
        when grouping(c.province) = 0 then 'province'
        when grouping(c.month) = 0 then 'month'
        else 'all'
      end as "group",
      coalesce(c.category, c.lead_agency, c.province, to_char(c.month, 'YYYY-MM')) as key,
      coalesce(sum(c.cases), 0)::int as cases,
      coalesce(sum(c.value_vnd), 0)::float8 as "valueVnd",
      coalesce(sum(c.subjects), 0)::float8 as subjects,
      coalesce(sum(c.synthetic), 0)::int as synthetic,
      to_char(min(c.first), 'YYYY-MM-DD') as first,
      to_char(max(c.last), 'YYYY-MM-DD') as last
    from cells c
    group by grouping sets ((), (c.category), (c.lead_agency), (c.province), (c.month))`;
}
