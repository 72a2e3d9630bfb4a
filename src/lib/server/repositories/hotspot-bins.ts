import type { Fragment } from 'postgres';
import { transaction, type Sql } from '../db/client';
import { LAYERS } from './layer-registry';
import { whereClause, type LayerFilter } from './layers';

/**
 * Seizures binned on the hex grid in SQL, on the stored UTM columns (x_utm, y_utm), with the
 * formula of src/lib/analysis/hex-grid.ts written operation for operation so PostgreSQL's
 * doubles give the same cell as hexOfPoint (floor(v + 0.5), never round(), which breaks ties
 * to even). Sizes in metres.
 */

type Filter = Omit<LayerFilter, 'bbox'>;

/**
 * Runs the reads of one analysis in a transaction with settings fit for scanning every
 * matching seizure once: no JIT (on PostgreSQL 15, compiling the binning expression took 1.5 to
 * 3.5 s around a 0.6 s query over 1M rows) and work_mem enough to hash the cells (the planner
 * cannot estimate how many cells the expression gives, assumes one per row, and otherwise sorts
 * a million rows to disk). SET LOCAL ends with the transaction. Do the TypeScript work after it
 * returns: the embedded engine's one connection is held meanwhile.
 */
export function analysisReads<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return transaction(sql, async (tx) => {
    await tx`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
    // Boxed: postgres.js unwraps arrays of promises in a transaction's result.
    return { value: await fn(tx) };
  }).then((r) => r.value as T);
}

/** The cube-rounded (q, r) of `t.x_utm, t.y_utm` for cell size `sizeM`, as `q` and `r`. */
function hexColumns(sql: Sql, sizeM: number): { from: Fragment; select: Fragment } {
  const s = sql`${sizeM}::float8`;
  return {
    // f: fractional axial coordinates; g: their rounding (as in hex-grid.ts's header).
    from: sql`
      cross join lateral (
        select t.x_utm / ${s} - (2 * t.y_utm) / (sqrt(3.0::float8) * ${s}) / 2 as qf,
          (2 * t.y_utm) / (sqrt(3.0::float8) * ${s}) as rf
      ) f
      cross join lateral (
        select -f.qf - f.rf as sf, floor(f.qf + 0.5) as q0, floor(f.rf + 0.5) as r0,
          floor(-f.qf - f.rf + 0.5) as s0
      ) g`,
    select: sql`
      (case when abs(g.q0 - f.qf) > abs(g.r0 - f.rf) and abs(g.q0 - f.qf) > abs(g.s0 - g.sf)
        then -g.r0 - g.s0 else g.q0 end)::int as q,
      (case when abs(g.q0 - f.qf) > abs(g.r0 - f.rf) and abs(g.q0 - f.qf) > abs(g.s0 - g.sf)
        then g.r0 when abs(g.r0 - f.rf) > abs(g.s0 - g.sf) then -g.q0 - g.s0
        else g.r0 end)::int as r`,
  };
}

export interface CellCount {
  q: number;
  r: number;
  n: number;
}

/**
 * Seizures matching `filter` per cell of size `sizeM` metres (cells without seizures have no
 * row).
 */
export async function binSeizures(sql: Sql, filter: Filter, sizeM: number): Promise<CellCount[]> {
  const layer = LAYERS.seizures;
  const hex = hexColumns(sql, sizeM);
  return sql<CellCount[]>`
    select q, r, count(*)::int as n from (
      select ${hex.select}
      from ${sql(layer.table)} t ${hex.from}
      where ${whereClause(sql, layer, filter)}
    ) b
    group by q, r`;
}

export interface StepCellCount extends CellCount {
  /** Months since year 0 (year * 12 + month - 1) of the step's start, Vietnam time. */
  month: number;
}

/**
 * Seizures matching `filter` per time step and cell: steps are calendar months, or quarters
 * when `monthsPerStep` is 3, in Vietnam time (UTC+7, no daylight saving). `month` is the
 * step's first month as year * 12 + month - 1.
 */
export async function binSeizuresByStep(
  sql: Sql,
  filter: Filter,
  sizeM: number,
  monthsPerStep: 1 | 3,
): Promise<StepCellCount[]> {
  const layer = LAYERS.seizures;
  const hex = hexColumns(sql, sizeM);
  return sql<StepCellCount[]>`
    select month, q, r, count(*)::int as n from (
      select ${hex.select},
        ((extract(year from v.local_at) * 12 + extract(month from v.local_at) - 1)::int
          / ${monthsPerStep}::int * ${monthsPerStep}::int) as month
      from ${sql(layer.table)} t ${hex.from}
        cross join lateral (
          select (t.occurred_at at time zone 'UTC') + interval '7 hours' as local_at
        ) v
      where ${whereClause(sql, layer, filter)}
    ) b
    group by month, q, r`;
}

/**
 * The UTM x/y (metres, EPSG:32648) of every seizure matching `filter`, as two parallel arrays.
 * The database packs them as big-endian float8 pairs into one bytea: 16 bytes a point on the
 * wire instead of a row object per point.
 */
export async function seizurePoints(
  sql: Sql,
  filter: Filter,
): Promise<{ x: Float64Array; y: Float64Array }> {
  const layer = LAYERS.seizures;
  const [row] = await sql<{ b: Buffer | null }[]>`
    select string_agg(float8send(t.x_utm) || float8send(t.y_utm), ''::bytea) as b
    from ${sql(layer.table)} t
    where ${whereClause(sql, layer, filter)}`;
  return unpackPairs(row.b);
}

/**
 * The UTM x/y and month (as in binSeizuresByStep) of every seizure matching `filter`, as
 * parallel arrays ordered by month (sorted here by counting, cheaper than ORDER BY in the
 * aggregate).
 */
export async function seizurePointsByMonth(
  sql: Sql,
  filter: Filter,
): Promise<{ x: Float64Array; y: Float64Array; month: Int32Array }> {
  const layer = LAYERS.seizures;
  const [row] = await sql<{ b: Buffer | null }[]>`
    select string_agg(float8send(t.x_utm) || float8send(t.y_utm)
        || int4send(v.month), ''::bytea) as b
    from ${sql(layer.table)} t
      cross join lateral (
        select (extract(year from l.local_at) * 12 + extract(month from l.local_at) - 1)::int
          as month
        from (select (t.occurred_at at time zone 'UTC') + interval '7 hours' as local_at) l
      ) v
    where ${whereClause(sql, layer, filter)}`;
  const b = row.b ?? Buffer.alloc(0);
  const n = b.length / 20;
  const months = new Int32Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const m = (months[i] = b.readInt32BE(20 * i + 16));
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const start = new Uint32Array(n ? hi - lo + 2 : 1);
  for (let i = 0; i < n; i++) start[months[i] - lo + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const month = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = start[months[i] - lo]++;
    x[k] = b.readDoubleBE(20 * i);
    y[k] = b.readDoubleBE(20 * i + 8);
    month[k] = months[i];
  }
  return { x, y, month };
}

function unpackPairs(b: Buffer | null): { x: Float64Array; y: Float64Array } {
  const buf = b ?? Buffer.alloc(0);
  const n = buf.length / 16;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = buf.readDoubleBE(16 * i);
    y[i] = buf.readDoubleBE(16 * i + 8);
  }
  return { x, y };
}

/** First and last instant of the seizures matching `filter`, or null without any. */
export async function seizureSpan(
  sql: Sql,
  filter: Filter,
): Promise<{ first: Date; last: Date } | null> {
  const layer = LAYERS.seizures;
  const [row] = await sql<{ first: Date | null; last: Date | null }[]>`
    select min(t.occurred_at) as first, max(t.occurred_at) as last
    from ${sql(layer.table)} t where ${whereClause(sql, layer, filter)}`;
  return row.first && row.last ? { first: new Date(row.first), last: new Date(row.last) } : null;
}
