import type { Fragment } from 'postgres';
import type { Sql } from '../../db/client';
import {
  Cql2Error,
  isOp,
  isProperty,
  type Cql2Node,
  type Cql2Type,
  type Queryable,
  type Queryables,
} from './ast';
import { gdalTimestamp, isDateString, isTimestampString } from './temporal';

// The sides of a predicate, resolved against the queryables and typed, for the SQL builders
// (to-sql.ts, spatial-sql.ts), and the Cql2Errors that say what does not fit.

/** What every builder needs: the client, the allowlist and the filter CRS. */
export class Context {
  constructor(
    readonly sql: Sql,
    readonly queryables: Queryables,
    readonly srid: 4326 | 3405,
  ) {}
}

/** What a literal of each queryable type looks like, for error messages. */
const EXPECTED: Record<Cql2Type, string> = {
  string: "a quoted string such as 'abc'",
  number: 'a number such as 42.5',
  integer: 'a number such as 42',
  boolean: 'TRUE or FALSE',
  timestamp: "TIMESTAMP('2024-01-31T00:00:00Z') or DATE('2024-01-31')",
  date: "DATE('2024-01-31')",
  geometry: 'a spatial function such as S_INTERSECTS(geom, POINT(105 10))',
};

/** A property (maybe inside CASEI) resolved against the queryables. */
export interface PropertySide {
  kind: 'property';
  name: string;
  q: Queryable;
  casei: boolean;
}
/** A literal value (maybe inside CASEI). */
export interface LiteralSide {
  kind: 'literal';
  value: Cql2Node;
  casei: boolean;
}
export type Side = PropertySide | LiteralSide;

export function arity(op: string, args: Cql2Node[], n: number) {
  if (args.length !== n) {
    throw new Cql2Error(`${op.toUpperCase()} takes ${n} argument(s), got ${args.length}`);
  }
}

export function unsupportedFunction(name: string): Cql2Error {
  const upper = name.toUpperCase();
  if (upper.startsWith('T_')) {
    return new Cql2Error(
      `Temporal function ${upper} is not supported: compare a time property with <, >, = or BETWEEN and TIMESTAMP('...') or DATE('...')`,
    );
  }
  if (upper === 'ACCENTI')
    return new Cql2Error('ACCENTI (accent-insensitive comparison) is not supported');
  return new Cql2Error(`Function ${name} is not supported`, { function: name });
}

export function property(cx: Context, name: string): Queryable {
  const q = Object.prototype.hasOwnProperty.call(cx.queryables, name)
    ? cx.queryables[name]
    : undefined;
  if (q) return q;
  const known = Object.keys(cx.queryables);
  const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
  throw new Cql2Error(
    `Unknown property '${name}'${near ? ` (did you mean '${near}'?)` : ''}. Queryable properties: ${known.join(', ')}`,
    { property: name, queryables: known },
  );
}

export function side(cx: Context, node: Cql2Node): Side {
  if (isProperty(node)) {
    return { kind: 'property', name: node.property, q: property(cx, node.property), casei: false };
  }
  if (isOp(node)) {
    if (node.op.toLowerCase() !== 'casei') throw unsupportedFunction(node.op);
    arity('casei', node.args, 1);
    const inner = side(cx, node.args[0]);
    const isString =
      inner.kind === 'property' ? inner.q.type === 'string' : typeof inner.value === 'string';
    if (!isString) throw new Cql2Error(`CASEI applies to text, not to ${describeSide(inner)}`);
    return { ...inner, casei: true };
  }
  if (Array.isArray(node)) throw new Cql2Error('Arrays are not supported');
  if (typeof node === 'object' && node !== null && 'interval' in node) {
    throw new Cql2Error('INTERVAL is not supported: compare with TIMESTAMP(...) or DATE(...)');
  }
  return { kind: 'literal', value: node, casei: false };
}

/** The property and the literal of a comparison, whichever order they came in. */
export function propertyAndLiteral(
  cx: Context,
  what: string,
  a: Cql2Node,
  b: Cql2Node,
): { p: PropertySide; v: LiteralSide; swapped: boolean } {
  const left = side(cx, a);
  const right = side(cx, b);
  if (left.kind === 'property' && right.kind === 'literal')
    return { p: left, v: right, swapped: false };
  if (left.kind === 'literal' && right.kind === 'property')
    return { p: right, v: left, swapped: true };
  if (left.kind === 'property' && right.kind === 'property') {
    throw new Cql2Error(
      `${what} compares two properties ('${left.name}' and '${right.name}'); only a property with a value is supported`,
    );
  }
  throw new Cql2Error(`${what} compares two values; name a property on one side`);
}

export function column(cx: Context, p: PropertySide): Fragment {
  const col = cx.sql(p.q.column);
  return p.casei ? cx.sql`lower(${col})` : cx.sql`${col}`;
}

export function describe(node: Cql2Node): string {
  if (typeof node === 'string') return `the string '${node}'`;
  if (typeof node === 'number') return `the number ${node}`;
  if (typeof node === 'boolean') return `the boolean ${node ? 'TRUE' : 'FALSE'}`;
  if (Array.isArray(node)) return 'a list';
  if ('date' in node) return `DATE('${node.date}')`;
  if ('timestamp' in node) return `TIMESTAMP('${node.timestamp}')`;
  if ('bbox' in node) return 'a BBOX';
  if ('property' in node) return `the property '${node.property}'`;
  if ('type' in node) return `a ${node.type.toUpperCase()}`;
  if ('op' in node) return `${node.op}(...)`;
  return 'a value';
}

function describeSide(s: Side): string {
  return s.kind === 'property' ? `the ${s.q.type} property '${s.name}'` : describe(s.value);
}

export function mismatch(p: PropertySide, v: Cql2Node): Cql2Error {
  return new Cql2Error(
    `Property '${p.name}' is of type ${p.q.type}: compare it with ${EXPECTED[p.q.type]}, not ${describe(v)}`,
    { property: p.name, type: p.q.type },
  );
}

/** The literal as a typed parameter for a comparison with property p. */
export function value(cx: Context, p: PropertySide, lit: LiteralSide): Fragment {
  const { sql } = cx;
  const v = lit.value;
  switch (p.q.type) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(p, v);
      return lit.casei ? sql`lower(${v}::text)` : sql`${v}::text`;
    case 'number':
      if (typeof v !== 'number') throw mismatch(p, v);
      return sql`${v}::float8`;
    case 'integer':
      if (typeof v !== 'number') throw mismatch(p, v);
      return Number.isSafeInteger(v) ? sql`${v}::bigint` : sql`${v}::numeric`;
    case 'boolean':
      if (typeof v !== 'boolean') throw mismatch(p, v);
      return sql`${v}::boolean`;
    case 'timestamp':
      if (isTimestamp(v)) return sql`${v.timestamp}::timestamptz`;
      throw mismatch(p, v);
    case 'date':
      if (isDate(v)) return sql`${v.date}::date`;
      if (isTimestamp(v)) return sql`${v.timestamp}::timestamptz`;
      throw mismatch(p, v);
    case 'geometry':
      throw mismatch(p, v);
  }
}

export const isDate = (v: Cql2Node): v is { date: string } =>
  typeof v === 'object' && v !== null && 'date' in v;
export const isTimestamp = (v: Cql2Node): v is { timestamp: string } =>
  typeof v === 'object' && v !== null && 'timestamp' in v;

/**
 * A quoted date or timestamp compared with a time property, as GDAL and QGIS's query builder
 * write them, read as DATE(...) or TIMESTAMP(...); GDAL's `2024-01-31T` is that midnight, as
 * in OGR SQL.
 */
export function temporal(p: PropertySide, v: LiteralSide): LiteralSide {
  if ((p.q.type !== 'timestamp' && p.q.type !== 'date') || typeof v.value !== 'string') return v;
  if (isDateString(v.value)) return { ...v, value: { date: v.value } };
  if (isTimestampString(v.value)) return { ...v, value: { timestamp: v.value } };
  const gdal = gdalTimestamp(v.value);
  return gdal ? { ...v, value: { timestamp: gdal } } : v;
}
