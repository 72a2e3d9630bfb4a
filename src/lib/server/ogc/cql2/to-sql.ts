import type { Geometry } from 'geojson';
import type { Fragment } from 'postgres';
import type { Sql } from '../../db/client';
import {
  Cql2Error,
  isOp,
  isProperty,
  type Cql2BBox,
  type Cql2Node,
  type Cql2Type,
  type Queryable,
  type Queryables,
} from './ast';
import { geometryToWkt } from './wkt';

export interface Cql2SqlOptions {
  /** CRS of the filter's geometry literals (filter-crs); the geometry columns are in 4326. */
  srid: 4326 | 3405;
}

type Comparison = '=' | '<>' | '<' | '>' | '<=' | '>=';
const COMPARISONS = new Set<string>(['=', '<>', '<', '>', '<=', '>=']);
const FLIPPED: Record<Comparison, Comparison> = {
  '=': '=',
  '<>': '<>',
  '<': '>',
  '>': '<',
  '<=': '>=',
  '>=': '<=',
};
const SPATIAL = new Set([
  's_intersects',
  's_equals',
  's_disjoint',
  's_touches',
  's_within',
  's_overlaps',
  's_crosses',
  's_contains',
]);

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
interface PropertySide {
  kind: 'property';
  name: string;
  q: Queryable;
  casei: boolean;
}
/** A literal value (maybe inside CASEI). */
interface LiteralSide {
  kind: 'literal';
  value: Cql2Node;
  casei: boolean;
}
type Side = PropertySide | LiteralSide;

/**
 * The WHERE condition for a parsed CQL2 filter, as a postgres.js fragment: property names
 * resolve only through `queryables` to their allowlisted columns, every value travels as a
 * parameter cast to the queryable's type, and spatial literals are built in `options.srid` and
 * transformed to 4326 so `ST_Intersects(column, literal)` can use the column's GiST index.
 * A DATE compared with a timestamp property means the whole UTC day: `occurred_at =
 * DATE('2024-03-05')` matches every instant of that day, `<= DATE(...)` includes it.
 * Comparisons with a NULL property are unknown, so neither `a = 1` nor `NOT (a = 1)` matches
 * it (SQL and CQL2 agree). Throws a Cql2Error for anything it cannot translate.
 *
 * @example sql`select id from seizures t where ${cql2ToSql(sql, node, queryables, { srid: 4326 })}`
 */
export function cql2ToSql(
  sql: Sql,
  node: Cql2Node,
  queryables: Queryables,
  options: Cql2SqlOptions,
): Fragment {
  if (options.srid !== 4326 && options.srid !== 3405) {
    throw new Cql2Error(`Filter CRS EPSG:${options.srid} is not supported (use 4326 or 3405)`);
  }
  return predicate(new Context(sql, queryables, options.srid), node);
}

class Context {
  constructor(
    readonly sql: Sql,
    readonly queryables: Queryables,
    readonly srid: 4326 | 3405,
  ) {}
}

function predicate(cx: Context, node: Cql2Node): Fragment {
  const { sql } = cx;
  if (typeof node === 'boolean') return node ? sql`true` : sql`false`;
  if (!isOp(node)) throw new Cql2Error(`Expected a condition, found ${describe(node)}`);
  const op = node.op.toLowerCase();
  const args = node.args ?? [];
  if (op === 'and' || op === 'or') {
    if (args.length < 2) throw new Cql2Error(`${op.toUpperCase()} needs two or more conditions`);
    const parts = args.map((a) => predicate(cx, a));
    const joined = parts.reduce((a, b) => (op === 'and' ? sql`${a} and ${b}` : sql`${a} or ${b}`));
    return sql`(${joined})`;
  }
  arity(op, args, op === 'between' ? 3 : op === 'not' || op === 'isnull' ? 1 : 2);
  if (op === 'not') return sql`not (${predicate(cx, args[0])})`;
  if (COMPARISONS.has(op)) return comparison(cx, op as Comparison, args[0], args[1]);
  if (op === 'like') return like(cx, args[0], args[1]);
  if (op === 'between') return between(cx, args[0], args[1], args[2]);
  if (op === 'in') return inList(cx, args[0], args[1]);
  if (op === 'isnull') return isNull(cx, args[0]);
  if (SPATIAL.has(op)) return spatial(cx, op, args[0], args[1]);
  throw unsupportedFunction(node.op);
}

function arity(op: string, args: Cql2Node[], n: number) {
  if (args.length !== n) {
    throw new Cql2Error(`${op.toUpperCase()} takes ${n} argument(s), got ${args.length}`);
  }
}

function unsupportedFunction(name: string): Cql2Error {
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

// ---- operands ----

function property(cx: Context, name: string): Queryable {
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

function side(cx: Context, node: Cql2Node): Side {
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
function propertyAndLiteral(
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

function column(cx: Context, p: PropertySide): Fragment {
  const col = cx.sql(p.q.column);
  return p.casei ? cx.sql`lower(${col})` : cx.sql`${col}`;
}

function describe(node: Cql2Node): string {
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

function mismatch(p: PropertySide, v: Cql2Node): Cql2Error {
  return new Cql2Error(
    `Property '${p.name}' is of type ${p.q.type}: compare it with ${EXPECTED[p.q.type]}, not ${describe(v)}`,
    { property: p.name, type: p.q.type },
  );
}

/** The literal as a typed parameter for a comparison with property p. */
function value(cx: Context, p: PropertySide, lit: LiteralSide): Fragment {
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

const isDate = (v: Cql2Node): v is { date: string } =>
  typeof v === 'object' && v !== null && 'date' in v;
const isTimestamp = (v: Cql2Node): v is { timestamp: string } =>
  typeof v === 'object' && v !== null && 'timestamp' in v;

// ---- comparisons ----

function comparison(cx: Context, op: Comparison, a: Cql2Node, b: Cql2Node): Fragment {
  const { p, v, swapped } = propertyAndLiteral(cx, op, a, b);
  return compare(cx, p, swapped ? FLIPPED[op] : op, v);
}

/** `property op literal`; a DATE against a timestamp property covers its whole UTC day. */
function compare(cx: Context, p: PropertySide, op: Comparison, v: LiteralSide): Fragment {
  const { sql } = cx;
  if (p.q.type === 'timestamp' && isDate(v.value)) {
    const col = sql(p.q.column);
    const [start, next] = utcDay(v.value.date);
    const from = sql`${start}::timestamptz`;
    const to = sql`${next}::timestamptz`;
    switch (op) {
      case '=':
        return sql`(${col} >= ${from} and ${col} < ${to})`;
      case '<>':
        return sql`(${col} < ${from} or ${col} >= ${to})`;
      case '<':
        return sql`${col} < ${from}`;
      case '<=':
        return sql`${col} < ${to}`;
      case '>':
        return sql`${col} >= ${to}`;
      case '>=':
        return sql`${col} >= ${from}`;
    }
  }
  let col = column(cx, p);
  // A date property against a TIMESTAMP: the date's midnight UTC.
  if (p.q.type === 'date' && isTimestamp(v.value)) {
    col = sql`(${sql(p.q.column)}::timestamp at time zone 'UTC')`;
  }
  const val = value(cx, p, v);
  switch (op) {
    case '=':
      return sql`${col} = ${val}`;
    case '<>':
      return sql`${col} <> ${val}`;
    case '<':
      return sql`${col} < ${val}`;
    case '>':
      return sql`${col} > ${val}`;
    case '<=':
      return sql`${col} <= ${val}`;
    case '>=':
      return sql`${col} >= ${val}`;
  }
}

/** The instants starting a UTC day and the next one, as ISO strings. */
function utcDay(date: string): [string, string] {
  const start = new Date(`${date}T00:00:00Z`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

function like(cx: Context, a: Cql2Node, b: Cql2Node): Fragment {
  const { sql } = cx;
  const { p, v, swapped } = propertyAndLiteral(cx, 'LIKE', a, b);
  if (swapped)
    throw new Cql2Error('LIKE needs the property on the left and the pattern on the right');
  if (p.q.type !== 'string') {
    throw new Cql2Error(`LIKE applies to text; property '${p.name}' is of type ${p.q.type}`, {
      property: p.name,
      type: p.q.type,
    });
  }
  if (typeof v.value !== 'string') throw mismatch(p, v.value);
  const pattern = v.casei ? sql`lower(${v.value}::text)` : sql`${v.value}::text`;
  // CQL2's wildcards are SQL's (% and _) and its escape is the backslash, as in PostgreSQL.
  return sql`${column(cx, p)} like ${pattern} escape '\\'`;
}

function between(cx: Context, a: Cql2Node, lo: Cql2Node, hi: Cql2Node): Fragment {
  const { sql } = cx;
  const p = side(cx, a);
  if (p.kind !== 'property') throw new Cql2Error('BETWEEN needs a property on the left');
  const low = side(cx, lo);
  const high = side(cx, hi);
  if (low.kind !== 'literal' || high.kind !== 'literal') {
    throw new Cql2Error('BETWEEN needs values for its bounds, not properties');
  }
  if (!['number', 'integer', 'timestamp', 'date'].includes(p.q.type)) {
    throw new Cql2Error(
      `BETWEEN applies to numbers and times; property '${p.name}' is of type ${p.q.type}`,
      { property: p.name, type: p.q.type },
    );
  }
  return sql`(${compare(cx, p, '>=', low)} and ${compare(cx, p, '<=', high)})`;
}

function inList(cx: Context, a: Cql2Node, list: Cql2Node): Fragment {
  const { sql } = cx;
  const p = side(cx, a);
  if (p.kind !== 'property') throw new Cql2Error('IN needs a property on the left');
  if (!Array.isArray(list) || list.length === 0) {
    throw new Cql2Error('IN needs a list of one or more values');
  }
  const items = list.map((n) => {
    const s = side(cx, n);
    if (s.kind !== 'literal') throw new Cql2Error('IN needs values in its list, not properties');
    return s;
  });
  if (p.q.type === 'timestamp' && items.some((s) => isDate(s.value))) {
    const parts = items.map((s) => compare(cx, p, '=', s));
    return sql`(${parts.reduce((x, y) => sql`${x} or ${y}`)})`;
  }
  const values = items.map((s) => value(cx, p, s));
  return sql`${column(cx, p)} in (${values.reduce((x, y) => sql`${x}, ${y}`)})`;
}

function isNull(cx: Context, a: Cql2Node): Fragment {
  const s = side(cx, a);
  if (s.kind !== 'property') throw new Cql2Error('IS NULL needs a property');
  return cx.sql`${cx.sql(s.q.column)} is null`;
}

// ---- spatial ----

function spatial(cx: Context, op: string, a: Cql2Node, b: Cql2Node): Fragment {
  const { sql } = cx;
  const x = geometryOperand(cx, op, a);
  const y = geometryOperand(cx, op, b);
  if (!x.property && !y.property) {
    throw new Cql2Error(`${op.toUpperCase()} compares two literal geometries; name a property`);
  }
  switch (op) {
    case 's_intersects':
      return sql`ST_Intersects(${x.sql}, ${y.sql})`;
    case 's_equals':
      return sql`ST_Equals(${x.sql}, ${y.sql})`;
    case 's_disjoint':
      return sql`ST_Disjoint(${x.sql}, ${y.sql})`;
    case 's_touches':
      return sql`ST_Touches(${x.sql}, ${y.sql})`;
    case 's_within':
      return sql`ST_Within(${x.sql}, ${y.sql})`;
    case 's_overlaps':
      return sql`ST_Overlaps(${x.sql}, ${y.sql})`;
    case 's_crosses':
      return sql`ST_Crosses(${x.sql}, ${y.sql})`;
    default:
      return sql`ST_Contains(${x.sql}, ${y.sql})`;
  }
}

function geometryOperand(
  cx: Context,
  op: string,
  node: Cql2Node,
): { sql: Fragment; property: boolean } {
  if (isProperty(node)) {
    const q = property(cx, node.property);
    if (q.type !== 'geometry') {
      throw new Cql2Error(
        `${op.toUpperCase()} needs a geometry; property '${node.property}' is of type ${q.type}`,
        { property: node.property, type: q.type },
      );
    }
    return { sql: cx.sql`${cx.sql(q.column)}`, property: true };
  }
  if (isBBox(node)) return { sql: bboxLiteral(cx, node), property: false };
  if (isGeometry(node)) return { sql: geometryLiteral(cx, node), property: false };
  if (isOp(node)) throw unsupportedFunction(node.op);
  throw new Cql2Error(`${op.toUpperCase()} needs geometries, found ${describe(node)}`);
}

const isBBox = (n: Cql2Node): n is Cql2BBox => typeof n === 'object' && n !== null && 'bbox' in n;
const GEOMETRY_TYPES = new Set([
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
]);
const isGeometry = (n: Cql2Node): n is Geometry =>
  typeof n === 'object' &&
  n !== null &&
  'type' in n &&
  GEOMETRY_TYPES.has((n as { type: string }).type);

/** The literal in the column's CRS: built in the filter CRS, then transformed to 4326. */
function geometryLiteral(cx: Context, g: Geometry): Fragment {
  const { sql } = cx;
  const wkt = geometryToWkt(g);
  if (cx.srid === 4326) return sql`ST_GeomFromText(${wkt}::text, 4326)`;
  return sql`ST_Transform(ST_GeomFromText(${wkt}::text, 3405), 4326)`;
}

function bboxLiteral(cx: Context, { bbox }: Cql2BBox): Fragment {
  const { sql } = cx;
  const [w, s, e, n] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  if (cx.srid === 4326) {
    return sql`ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`;
  }
  // Edges cut every 1000 m so they follow the grid lines of the projected box once in degrees.
  return sql`ST_Transform(ST_Segmentize(
    ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 3405), 1000), 4326)`;
}
