import type { Geometry } from 'geojson';
import { ApiError } from '../../errors';

/**
 * The parsed filter, shaped as CQL2-JSON (OGC 21-065r2 clause 8.3): `{op, args}` for operators
 * and functions, `{property}`, `{date}`, `{timestamp}`, `{interval}`, `{bbox}`, GeoJSON
 * geometries, and bare strings, numbers and booleans for the other literals. `a IS NOT NULL`,
 * `a NOT LIKE p`, `a NOT BETWEEN x AND y` and `a NOT IN (...)` become `not` around the positive
 * form, as CQL2-JSON spells them.
 *
 * @example parseCql2Text("city = 'Toronto'")
 *   // { op: '=', args: [{ property: 'city' }, 'Toronto'] }
 */
export type Cql2Node =
  | string
  | number
  | boolean
  | Cql2Property
  | Cql2Date
  | Cql2Timestamp
  | Cql2Interval
  | Cql2BBox
  | Geometry
  | Cql2Op
  | Cql2Node[];

export interface Cql2Property {
  property: string;
}
/** `yyyy-mm-dd`. */
export interface Cql2Date {
  date: string;
}
/** RFC 3339 date-time with `Z` or an offset. */
export interface Cql2Timestamp {
  timestamp: string;
}
/** Start and end: a date or timestamp string, `'..'` (open), a property or a function. */
export interface Cql2Interval {
  interval: [Cql2Node, Cql2Node];
}
/** `[w, s, e, n]` or `[w, s, zmin, e, n, zmax]`, in the filter CRS. */
export interface Cql2BBox {
  bbox: number[];
}
/** An operator (`and`, `=`, `like`, `s_intersects`, ...) or a function call. */
export interface Cql2Op {
  op: string;
  args: Cql2Node[];
}

export type Cql2Type =
  'string' | 'number' | 'integer' | 'timestamp' | 'date' | 'boolean' | 'geometry';

/** One property a filter may name, and the allowlisted SQL column it reads (`col` or `t.col`). */
export interface Queryable {
  type: Cql2Type;
  column: string;
}
export type Queryables = Record<string, Queryable>;

/**
 * A filter the server cannot evaluate: a syntax error (with the 0-based character offset in
 * `position`), an unknown property, a type mismatch or an unsupported operator. It is an
 * ApiError with status 400, so the API answers it as `{error: {code: 'invalid_filter', ...}}`.
 */
export class Cql2Error extends ApiError {
  readonly position?: number;

  constructor(message: string, details: { position?: number; [k: string]: unknown } = {}) {
    super(400, 'invalid_filter', message, Object.keys(details).length ? details : undefined);
    this.name = 'Cql2Error';
    this.position = details.position;
  }
}

export function isOp(node: Cql2Node): node is Cql2Op {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && 'op' in node;
}

export function isProperty(node: Cql2Node): node is Cql2Property {
  return typeof node === 'object' && node !== null && 'property' in node;
}
