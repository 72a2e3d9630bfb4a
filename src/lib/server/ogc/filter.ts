import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import type { Crs } from './crs';
import type { Queryables } from './queryables';

/** Whether CQL2 filters work (declared in the conformance classes only then). */
export const FILTER_SUPPORTED = false;

/**
 * A CQL2 text filter as a condition on `t`, or a 400 saying where it went wrong. Geometry
 * literals are in `crs` (filter-crs); the column is stored in EPSG:4326.
 */
export function cqlCondition(
  _sql: Sql,
  _text: string,
  _queryables: Queryables,
  _crs: Crs,
): Fragment {
  throw new ApiError(400, 'bad_parameter', 'filter: CQL2 filters are not available yet', {
    parameter: 'filter',
  });
}
