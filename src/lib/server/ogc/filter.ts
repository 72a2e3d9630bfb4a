import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { badParameter } from '../errors';
import type { Crs } from './crs';
import { cql2ToSql, parseCql2Json, parseCql2Text } from './cql2';
import type { Queryables } from './queryables';

/** Whether CQL2 filters work (the filter conformance classes are declared only then). */
export const FILTER_SUPPORTED = true;

/**
 * A CQL2 filter (text, or JSON with filter-lang=cql2-json) as a condition on `t`, or a 400 (`invalid_filter`, with the position)
 * saying where it went wrong. Geometry literals are in `crs` (filter-crs); the column is stored
 * in EPSG:4326.
 */
export function cqlCondition(
  sql: Sql,
  filter: { text: string; json: boolean; crs: Crs },
  queryables: Queryables,
): Fragment {
  if (filter.text.length > 10_000) throw badParameter('filter', 'longer than 10,000 characters');
  const node = filter.json ? parseCql2Json(filter.text) : parseCql2Text(filter.text);
  return cql2ToSql(sql, node, queryables, { srid: filter.crs.srid }) as Fragment;
}
