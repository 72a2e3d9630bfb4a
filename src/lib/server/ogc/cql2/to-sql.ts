import type { Fragment } from 'postgres';
import type { Sql } from '../../db/client';
import { Cql2Error, isOp, type Cql2Node, type Queryables } from './ast';
import {
  arity,
  column,
  Context,
  describe,
  isDate,
  isTimestamp,
  propertyAndLiteral,
  side,
  temporal,
  unsupportedFunction,
  value,
  mismatch,
  type PropertySide,
  type LiteralSide,
} from './operands';
import { spatial, SPATIAL } from './spatial-sql';

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

function predicate(cx: Context, node: Cql2Node): Fragment {
  const { sql } = cx;
  if (typeof node === 'boolean') return node ? sql`true` : sql`false`;
  if (!isOp(node)) throw new Cql2Error(`Expected a condition, found ${describe(node)}`);
  const op = node.op.toLowerCase();
  const args = node.args ?? [];
  if (op === 'and' || op === 'or') {
    if (args.length < 2) throw new Cql2Error(`${op.toUpperCase()} needs two or more conditions`);
    return sql`(${join(
      cx,
      args.map((a) => predicate(cx, a)),
      op,
    )})`;
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

/** Fragments joined as a balanced tree, so thousands of terms nest only a dozen levels deep. */
function join(cx: Context, parts: Fragment[], sep: 'and' | 'or' | ','): Fragment {
  const { sql } = cx;
  if (parts.length === 1) return parts[0];
  const mid = parts.length >> 1;
  const a = join(cx, parts.slice(0, mid), sep);
  const b = join(cx, parts.slice(mid), sep);
  if (sep === 'and') return sql`${a} and ${b}`;
  if (sep === 'or') return sql`${a} or ${b}`;
  return sql`${a}, ${b}`;
}

// ---- comparisons ----

function comparison(cx: Context, op: Comparison, a: Cql2Node, b: Cql2Node): Fragment {
  const { p, v, swapped } = propertyAndLiteral(cx, op, a, b);
  return compare(cx, p, swapped ? FLIPPED[op] : op, v);
}

/** `property op literal`; a DATE against a timestamp property covers its whole UTC day. */
function compare(cx: Context, p: PropertySide, op: Comparison, literal: LiteralSide): Fragment {
  const { sql } = cx;
  const v = temporal(p, literal);
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
    return temporal(p, s);
  });
  if (p.q.type === 'timestamp' && items.some((s) => isDate(s.value))) {
    return sql`(${join(
      cx,
      items.map((s) => compare(cx, p, '=', s)),
      'or',
    )})`;
  }
  return sql`${column(cx, p)} in (${join(
    cx,
    items.map((s) => value(cx, p, s)),
    ',',
  )})`;
}

function isNull(cx: Context, a: Cql2Node): Fragment {
  const s = side(cx, a);
  if (s.kind !== 'property') throw new Cql2Error('IS NULL needs a property');
  return cx.sql`${cx.sql(s.q.column)} is null`;
}
