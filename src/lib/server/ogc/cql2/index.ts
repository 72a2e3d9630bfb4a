/**
 * CQL2 filters (OGC 21-065r2) for the OGC API's `filter` parameter: `parseCql2Text(text)` gives
 * CQL2-JSON nodes (`parseCql2Json(text)` the same from a CQL2-JSON document),
 * `cql2ToSql(sql, node, queryables, {srid})` a WHERE fragment over the allowlisted columns of
 * `queryables`, and CQL2_CONFORMANCE the classes both implement in full. Every refusal is a
 * Cql2Error (an ApiError 400 `invalid_filter`).
 *
 * @example
 * const where = cql2ToSql(sql, parseCql2Text("category = 'fuel' AND S_INTERSECTS(geometry,
 *   BBOX(105, 10.5, 105.5, 11))"), queryables, { srid: 4326 });
 * await sql`select id from seizures t where ${where}`;
 */
export {
  Cql2Error,
  type Cql2Node,
  type Cql2Op,
  type Cql2Type,
  type Queryable,
  type Queryables,
} from './ast';
export { CQL2_CONFORMANCE } from './conformance';
export { parseCql2Text } from './parse';
export { parseCql2Json } from './parse-json';
export { cql2ToSql, type Cql2SqlOptions } from './to-sql';
