/**
 * Times suggestions and effort on both engines and prints a table of median times:
 * POST /api/plans/{id}/suggest (budget 20 km, radius 2 km, pieces of 2 and 1 km) for a plan of
 * five routes per province, GET /api/effort over 4,000 patrols, and the clipping of lines to
 * the hex grid both ways: in TypeScript over UTM segments (analysis/line-cells.ts, what the app
 * does) and in PostGIS (ST_Intersection of the lines with the hexagons of the cells they touch).
 * Not a test: it asserts nothing, but it checks that both clippings give the same km.
 *
 *   npm run bench:suggest                                        # embedded only
 *   BENCH_DATABASE_URL=postgres://... npm run bench:suggest      # also a real PostGIS
 *   BENCH_ENGINES=postgres ...                                   # one engine only
 *
 * Data: the project's geodata (frontier, waterways, trails) and 20,000 demo seizures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { lengthPerCell, parseCellId } from '../../src/lib/analysis';
import { createApp } from '../../src/lib/server/api/app';
import { loadConfig } from '../../src/lib/server/config';
import { embeddedClient, useSchema, type Client } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { candidateLines } from '../../src/lib/server/repositories/suggest-lines';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { suggest } from '../../src/lib/server/services/suggest';
import { addUser } from '../../src/lib/server/services/users';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PROVINCES = ['an_giang', 'lang_son'] as const;
const CELL_M = 1000;

interface Row {
  engine: string;
  what: string;
  ms: number;
  note: string;
}
const rows: Row[] = [];

async function median(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** A plan of five routes: the first fifth of each of the province's first five frontier lines. */
async function makePlan(sql: Client, province: string): Promise<number> {
  const [plan] = await sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency, risk_from, risk_to)
    values ('Bench plan', ${province}, 'joint', '2019-01-01', '2024-12-31') returning id`;
  await sql`
    insert into patrol_routes (name, province, agency, radius_m, shifts_per_week, plan_id, geom)
    select 'Route ' || id, province, 'joint', 2000, 7, ${plan.id},
      ST_LineSubstring(geom, 0, 0.2)
    from frontier_segments where province = ${province} order by id limit 5`;
  return plan.id;
}

/** 4,000 patrols over five years following the plan's routes and the province's trails. */
async function makePatrols(sql: Client, province: string): Promise<number> {
  await sql`
    insert into patrols (province, agency, started_at, ended_at, geom)
    select ${province}, 'joint', t, t + interval '3 hours', l.geom
    from (
      select geom, row_number() over () as k from (
        select geom from patrol_routes where province = ${province}
        union all select geom from trails where province = ${province}
      ) a
    ) l
    cross join lateral (
      select timestamptz '2019-09-01' + (random() * 1826) * interval '1 day' as t
      from generate_series(1, 4000 / (select count(*)::int from patrol_routes
        where province = ${province}) + 1)
    ) g
    where l.k <= (select count(*) from patrol_routes where province = ${province})`;
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from patrols where province = ${province}`;
  return n;
}

/** Km of the lines per cell in PostGIS: the hexagons of the cells (q, r) intersected. */
async function clipInSql(sql: Client, province: string, cells: { q: number; r: number }[]) {
  const json = JSON.stringify(cells);
  return sql<{ q: number; r: number; m: number }[]>`
    with c as (
      select q, r, ${CELL_M}::float8 * (q + r / 2.0) as cx,
        ${CELL_M}::float8 * sqrt(3.0::float8) / 2 * r as cy
      from json_to_recordset(${json}::text::json) as x(q int, r int)
    ), h as (
      select q, r, ST_SetSRID(ST_MakePolygon(ST_MakeLine(array[
        ST_MakePoint(cx + ${CELL_M / 2}, cy + ${CELL_M / Math.sqrt(3) / 2}),
        ST_MakePoint(cx, cy + ${CELL_M / Math.sqrt(3)}),
        ST_MakePoint(cx - ${CELL_M / 2}, cy + ${CELL_M / Math.sqrt(3) / 2}),
        ST_MakePoint(cx - ${CELL_M / 2}, cy - ${CELL_M / Math.sqrt(3) / 2}),
        ST_MakePoint(cx, cy - ${CELL_M / Math.sqrt(3)}),
        ST_MakePoint(cx + ${CELL_M / 2}, cy - ${CELL_M / Math.sqrt(3) / 2}),
        ST_MakePoint(cx + ${CELL_M / 2}, cy + ${CELL_M / Math.sqrt(3) / 2})
      ])), 32648) as g from c
    ), l as (
      select ST_Transform(geom, 32648) as g from frontier_segments where province = ${province}
      union all select ST_Transform(geom, 32648) from waterways where province = ${province}
      union all select ST_Transform(geom, 32648) from trails where province = ${province}
    )
    select h.q, h.r, sum(ST_Length(ST_Intersection(l.g, h.g)))::float8 as m
    from h join l on ST_Intersects(l.g, h.g) group by h.q, h.r`;
}

async function benchEngine(engine: string, sql: Client) {
  const schema = `bench_sug_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  await seedSeizures(sql, { count: 20_000, seed: 8 });
  const app = createApp({
    db: { sql, engine: engine as 'pglite' | 'postgres' },
    config: loadConfig({ DATA_DIR: '.data-bench' }),
    logError: (e) => console.error(e),
  });
  await addUser(sql, {
    username: 'bench.user',
    role: 'planner',
    agency: 'customs',
    password: 'bench-password-1',
  });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.user', password: 'bench-password-1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async (url: string, body?: object) => {
    const res = await app.request(url, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const add = (what: string, ms: number, note = '') => rows.push({ engine, what, ms, note });

  for (const province of PROVINCES) {
    const planId = await makePlan(sql, province);
    const patrols = await makePatrols(sql, province);
    const lines = await candidateLines(sql, province);
    const km = lines.reduce((a, l) => a + l.line.length, 0);
    const body = { budget_km: 20, radius_m: 2000 };
    let answer: { suggestions: unknown[]; risk_after_pct: number } = {
      suggestions: [],
      risk_after_pct: 0,
    };
    add(
      `${province}: suggest service, 2 km pieces`,
      await median(async () => (answer = await suggest(sql, planId, body, new Date()))),
      `${answer.suggestions.length} pieces, risk ${answer.risk_after_pct} %`,
    );
    add(
      `${province}: suggest service, 1 km pieces`,
      await median(() => suggest(sql, planId, { ...body, piece_km: 1 }, new Date())),
    );
    add(
      `${province}: POST /api/plans/{id}/suggest`,
      await median(() => call(`/api/plans/${planId}/suggest`, body)),
    );
    let effort: { summary: { effort_km: number } } = { summary: { effort_km: 0 } };
    add(
      `${province}: GET /api/effort (patrols)`,
      await median(async () => (effort = await call(`/api/effort?province=${province}`))),
      `${patrols} patrols, ${Math.round(effort.summary.effort_km)} km`,
    );
    add(
      `${province}: GET /api/effort?plan=`,
      await median(() => call(`/api/effort?province=${province}&plan=${planId}`)),
    );

    // Clipping the province's frontier, waterways and trails to 1 km cells, both ways.
    let ts = new Map<string, number>();
    add(
      `${province}: clip in TS (read UTM lines + lengthPerCell)`,
      await median(async () => {
        const l = await candidateLines(sql, province);
        ts = lengthPerCell(
          l.map((c) => c.line),
          CELL_M,
        );
      }),
      `${lines.length} lines, ${km} vertices, ${ts.size} cells`,
    );
    const cells = [...ts.keys()].map((id) => parseCellId(id)!);
    let pg: { m: number }[] = [];
    add(
      `${province}: clip in PostGIS (ST_Intersection, cells given)`,
      await median(async () => (pg = await clipInSql(sql, province, cells))),
    );
    const tsKm = [...ts.values()].reduce((a, b) => a + b, 0) / 1000;
    const pgKm = pg.reduce((a, r) => a + r.m, 0) / 1000;
    add(`${province}: km clipped TS vs PostGIS`, 0, `${tsKm.toFixed(3)} vs ${pgKm.toFixed(3)}`);
  }
  await sql`drop schema ${sql(schema)} cascade`;
}

if (ENGINES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'brm-bench-sug-'));
  try {
    const engine = await startEmbedded(dir);
    const sql = embeddedClient(engine.socketPath);
    await benchEngine('pglite', sql);
    await sql.end();
    await engine.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (ENGINES.includes('postgres') && process.env.BENCH_DATABASE_URL) {
  const pg = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await benchEngine('postgres', pg);
  await pg.end();
}

const w = Math.max(...rows.map((r) => r.what.length));
console.log(`\n| engine   | ${'path'.padEnd(w)} | median ms | note`);
console.log(`|----------|${'-'.repeat(w + 2)}|-----------|------`);
for (const r of rows)
  console.log(
    `| ${r.engine.padEnd(8)} | ${r.what.padEnd(w)} | ${r.ms.toFixed(1).padStart(9)} | ${r.note}`,
  );
