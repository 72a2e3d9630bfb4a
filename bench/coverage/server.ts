/**
 * Times POST /api/coverage on both engines and prints a table of median times (DESIGN.md
 * section 10: 20 routes of 200 vertices at 2 km within 150 ms on either engine). Cases, in An
 * Giang with the demo geodata and the demo generator's seizures of the province:
 * - 20 routes of 200 vertices at 2 km: as an unsaved draft, and as saved route ids;
 * - a plan of 100 routes of 200 vertices at 2 km;
 * and, to see where the time goes, the buffer-and-union step alone (ST_UnaryUnion of the
 * collected buffers, the aggregate ST_Union, fewer quad segments) and the measuring query alone.
 * Not a test: it asserts nothing.
 *
 *   npm run bench:coverage                                   # embedded only
 *   BENCH_DATABASE_URL=postgres://... npm run bench:coverage # also a real PostGIS
 *   BENCH_ENGINES=postgres ...                               # one engine only
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createApp } from '../../src/lib/server/api/app';
import { loadConfig } from '../../src/lib/server/config';
import { embeddedClient, useSchema, type Client } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { addUser } from '../../src/lib/server/services/users';
import { SIMPLIFY_SHARE_OF_RADIUS } from '../../src/lib/server/repositories/coverage';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PROVINCE = 'an_giang';
const VERTICES = 200;
const RADIUS_M = 2000;
const WINDOW = { from: '2019-01-01', to: '2024-12-31' };

interface Row {
  engine: string;
  what: string;
  ms: number;
  note: string;
}
const rows: Row[] = [];

async function median(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * `n` lines of VERTICES vertices along the province's frontier (each a stretch of about a
 * twentieth of it, meandering 400 to 800 m inland, with `noiseM` metres of GPS-like noise on each vertex), as GeoJSON LineStrings in EPSG:4326.
 */
async function linesAlongFrontier(sql: Client, n: number, noiseM = 10) {
  const rows = await sql<{ g: { type: 'LineString'; coordinates: number[][] } }[]>`
    with u as (
      select ST_LineMerge(ST_Union(ST_Transform(s.geom, 32648))) as g
      from frontier_segments s where s.province = ${PROVINCE}
    ),
    f as (select d.geom as g from u, ST_Dump(u.g) d order by ST_Length(d.geom) desc limit 1),
    k as (select k, (k::float8 / ${n}) * 0.94 as a from generate_series(0, ${n - 1}) k)
    select ST_AsGeoJSON(ST_Transform(ST_MakeLine(array_agg(
        ST_Translate(ST_LineInterpolatePoint(ST_LineSubstring(f.g, k.a, k.a + 0.06), i / ${VERTICES - 1}::float8),
          600 + 200 * sin(i / 12.0 + k.k) + (random() - 0.5) * ${noiseM}, (random() - 0.5) * ${noiseM}) order by i)), 4326), 7)::json as g
    from f, k, generate_series(0, ${VERTICES - 1}) i
    group by k.k order by k.k`;
  return rows.map((r) => r.g);
}

async function benchEngine(engine: string, sql: Client) {
  const schema = `bench_cov_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  await seedSeizures(sql, { count: 20_000, seed: 9 });
  await sql`delete from seizures where province <> ${PROVINCE}`;
  await sql`analyze`;
  const [{ seizures }] = await sql<{ seizures: number }[]>`
    select count(*)::int as seizures from seizures`;
  const app = createApp({
    db: { sql, engine: engine as 'pglite' | 'postgres' },
    config: loadConfig({ DATA_DIR: '.data-bench' }),
    logError: (e) => console.error(e),
  });
  await addUser(sql, {
    username: 'bench.planner',
    role: 'planner',
    agency: 'customs',
    password: 'bench-password-1',
  });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.planner', password: 'bench-password-1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  let last: { covered_km: number; frontier_km: number; crossings: { covered: number } } | null =
    null;
  const cover = async (body: object) => {
    const res = await app.request('/api/coverage', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ province: PROVINCE, ...WINDOW, ...body }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`coverage: ${res.status} ${text.slice(0, 500)}`);
    last = JSON.parse(text);
    return text.length;
  };
  const add = (what: string, ms: number, note = '') => rows.push({ engine, what, ms, note });
  const summary = () =>
    last
      ? `${last.covered_km.toFixed(1)} of ${last.frontier_km.toFixed(1)} km, ${last.crossings.covered} crossings`
      : '';

  const twenty = await linesAlongFrontier(sql, 20);
  const draft = {
    type: 'FeatureCollection',
    features: twenty.map((geometry, i) => ({
      type: 'Feature',
      geometry,
      properties: { radius_m: RADIUS_M, shifts_per_week: 7, name: `Tuyến ${i + 1}` },
    })),
  };
  let bytes = 0;
  add(
    '20 routes x 200 vertices, 2 km, draft (whole call)',
    await median(async () => (bytes = await cover({ draft }))),
    `${summary()}; ${(bytes / 1e3).toFixed(0)} kB; ${seizures} seizures`,
  );

  const noisy = (await linesAlongFrontier(sql, 20, 60)).map((geometry) => ({
    type: 'Feature',
    geometry,
    properties: { radius_m: RADIUS_M, shifts_per_week: 7 },
  }));
  add(
    '20 routes x 200 vertices, 2 km, 60 m of noise, draft',
    await median(() => cover({ draft: { type: 'FeatureCollection', features: noisy } })),
    summary(),
  );

  const [plan20] = await sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency) values ('bench 20', ${PROVINCE}, 'joint') returning id`;
  const [plan100] = await sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency) values ('bench 100', ${PROVINCE}, 'joint') returning id`;
  const save = async (lines: object[], planId: number) => {
    for (const [i, g] of lines.entries())
      await sql`
        insert into patrol_routes (name, province, agency, radius_m, shifts_per_week, geom, plan_id)
        values (${`Tuyến ${i + 1}`}, ${PROVINCE}, 'joint', ${RADIUS_M}, 7,
          ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326), ${planId})`;
  };
  await save(twenty, plan20.id);
  await save(await linesAlongFrontier(sql, 100), plan100.id);
  await sql`analyze patrol_routes`;

  add(
    '20 routes x 200 vertices, 2 km, saved plan (whole call)',
    await median(() => cover({ plan: plan20.id })),
    summary(),
  );
  add(
    '100-route plan x 200 vertices, 2 km (whole call)',
    await median(() => cover({ plan: plan100.id })),
    summary(),
  );

  // Where the time goes, on the 20 saved routes.
  const buffers = (quad: number, simplify = SIMPLIFY_SHARE_OF_RADIUS) => sql`
    select ST_Buffer(ST_Simplify(ST_Transform(r.geom, 32648), r.radius_m * ${simplify}::float8, true),
      r.radius_m, ${`quad_segs=${quad}`}) as b
    from patrol_routes r where r.plan_id = ${plan20.id}`;
  add(
    '  buffers only, quad_segs=8 (SQL)',
    await median(() => sql`select count(*) from (${buffers(8)}) x where b is not null`),
  );
  add(
    '  buffers only, lines not simplified',
    await median(() => sql`select count(*) from (${buffers(8, 0)}) x where b is not null`),
  );
  add(
    '  ST_UnaryUnion(ST_Collect(buffers)), quad_segs=8',
    await median(() => sql`select ST_NPoints(ST_UnaryUnion(ST_Collect(b))) from (${buffers(8)}) x`),
  );
  add(
    '  ST_Union(buffers) aggregate, quad_segs=8',
    await median(() => sql`select ST_NPoints(ST_Union(b)) from (${buffers(8)}) x`),
  );
  add(
    '  ST_UnaryUnion(ST_Collect(buffers)), quad_segs=4',
    await median(() => sql`select ST_NPoints(ST_UnaryUnion(ST_Collect(b))) from (${buffers(4)}) x`),
  );
  if (process.env.BENCH_KEEP) console.log(`kept schema ${schema}`);
  else await sql`drop schema ${sql(schema)} cascade`;
}

if (ENGINES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'brm-bench-cov-'));
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
  const [{ schema }] = await pg<{ schema: string }[]>`select current_schema() as schema`;
  try {
    await benchEngine('postgres', pg);
  } finally {
    await pg.unsafe(`set search_path to "${schema}", public`);
  }
  await pg.end();
}

const w = Math.max(...rows.map((r) => r.what.length));
console.log(`\n| engine   | ${'path'.padEnd(w)} | median ms | note`);
console.log(`|----------|${'-'.repeat(w + 2)}|-----------|------`);
for (const r of rows)
  console.log(
    `| ${r.engine.padEnd(8)} | ${r.what.padEnd(w)} | ${r.ms.toFixed(1).padStart(9)} | ${r.note}`,
  );
