import type { Sql } from '../db/client';
import { LAYERS } from './layer-registry';
import { whereClause, type LayerFilter } from './layers';

export interface MonthlyRow {
  /** `YYYY-MM`, the calendar month in Vietnam time (UTC+7). */
  month: string;
  /** Which breakdown the row belongs to. */
  by: 'category' | 'agency';
  /** The category or lead agency. */
  key: string;
  cases: number;
}

/**
 * Seizures matching `filter` counted per Vietnamese calendar month and category, and per month
 * and lead agency: every matching record, in one pass (grouping sets over the per-month sums, as
 * groupSeizures does). Combinations without seizures have no row.
 */
export async function countByMonth(
  sql: Sql,
  filter: Omit<LayerFilter, 'bbox'>,
): Promise<MonthlyRow[]> {
  const layer = LAYERS.seizures;
  return sql<MonthlyRow[]>`
    with cells as (
      select t.category, t.lead_agency,
        to_char((t.occurred_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month,
        count(*) as cases
      from ${sql(layer.table)} t
      where ${whereClause(sql, layer, filter)}
      group by 1, 2, 3
    )
    select c.month,
      case when grouping(c.category) = 0 then 'category' else 'agency' end as by,
      coalesce(c.category, c.lead_agency) as key,
      sum(c.cases)::int as cases
    from cells c
    group by grouping sets ((c.month, c.category), (c.month, c.lead_agency))
    order by 1, 2, 3`;
}
