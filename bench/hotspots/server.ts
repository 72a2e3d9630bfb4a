/**
 * Times the hot-spot API's server path on both engines and prints a table of median times:
 * binning in SQL, the points' x/y fetch, Gi*, density, the emerging analysis, /api/stats, and
 * whole GET /api/hotspots (also /emerging and /forecast) calls, for 10k, 100k and 1M synthetic
 * seizures in Lang Son (cells of 1 km: about 9,600 cells, band 3 km). Not a test: it asserts
 * nothing. Targets (DESIGN.md section 10): hot spots for 100k seizures within 300 ms on PostGIS
 * and 800 ms embedded, 1M within 2 s on PostGIS.
 *
 *   npm run bench:hotspots:server                              # embedded, 10k and 100k
 *   BENCH_SIZES=10000,100000,1000000 npm run bench:hotspots:server
 *   BENCH_DATABASE_URL=postgres://... npm run bench:hotspots:server   # also a real PostGIS
 *   BENCH_ENGINES=postgres ...                                 # one engine only
 *
 * Seizures: the demo generator's Lang Son records (clusters along gates, trails and waterways,
 * five years of months), copied with a jitter of about 200 m and 15 days until there are N.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { buildNeighbours, giStar, hexFeature } from '../../src/lib/analysis';
import { createApp } from '../../src/lib/server/api/app';
import { hotspotQuery } from '../../src/lib/server/api/hotspot-params';
import { loadConfig } from '../../src/lib/server/config';
import { embeddedClient, useSchema, type Client } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import {
  analysisReads,
  binSeizures,
  seizurePoints,
} from '../../src/lib/server/repositories/hotspot-bins';
import { loadGeodata, seedSeizures } from '../../src/lib/server/services/demo-data';
import { densityAtCells, hotspots, placeCounts } from '../../src/lib/server/services/hotspots';
import { nearestPlaces } from '../../src/lib/server/repositories/hotspot-places';
import { studyArea } from '../../src/lib/server/services/hotspots-grid';
import { addUser } from '../../src/lib/server/services/users';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PROVINCE = 'lang_son';

interface Row {
  engine: string;
  seizures: number;
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

/** Tops the table up to `target` Lang Son seizures by jittered copies of the seeded ones. */
async function growTo(sql: Client, target: number) {
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from seizures`;
  let have = n;
  while (have < target) {
    const add = Math.min(have, target - have);
    await sql`
      insert into seizures (occurred_at, province, category, lead_agency, transport_mode,
        source, synthetic, value_vnd, subjects, geom)
      select s.occurred_at + (random() * 30 - 15) * interval '1 day', s.province, s.category,
        s.lead_agency, s.transport_mode, 'bench', true, s.value_vnd, s.subjects,
        ST_Translate(s.geom, (random() - 0.5) * 0.004, (random() - 0.5) * 0.004)
      from (select * from seizures order by id limit ${add}) s`;
    have += add;
  }
  await sql`analyze seizures`;
}

async function benchEngine(engine: string, sql: Client) {
  const schema = `bench_hot_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  const app = createApp({
    db: { sql, engine: engine as 'pglite' | 'postgres' },
    config: loadConfig({ DATA_DIR: '.data-bench' }),
    logError: (e) => console.error(e),
  });
  await addUser(sql, {
    username: 'bench.user',
    role: 'analyst',
    agency: 'customs',
    password: 'bench-password-1',
  });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.user', password: 'bench-password-1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const get = async (url: string) => {
    const res = await app.request(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body)}`);
    return body.byteLength;
  };

  // A realistic base: the demo generator's Lang Son seizures only.
  await seedSeizures(sql, { count: 20_000, seed: 8 });
  await sql`delete from seizures where province <> ${PROVINCE}`;
  const [{ base }] = await sql<{ base: number }[]>`select count(*)::int as base from seizures`;
  if (base > SIZES[0])
    await sql`delete from seizures where id > (select id from seizures order by id offset ${SIZES[0]} limit 1)`;

  const query = hotspotQuery({ province: PROVINCE });
  const area = await studyArea(sql, PROVINCE, query.cellM);
  const nb = buildNeighbours(area.cells, query.cellM, query.distanceM);
  for (const size of SIZES) {
    const t0 = performance.now();
    await growTo(sql, size);
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from seizures`;
    console.log(
      `${engine}: ${n} seizures ready (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const add = (what: string, ms: number, note = '') =>
      rows.push({ engine, seizures: n, what, ms, note });

    add(
      'binning (SQL, GROUP BY q, r; analysis settings)',
      await median(() => analysisReads(sql, (tx) => binSeizures(tx, query.filter, query.cellM))),
    );
    const binned = await binSeizures(sql, query.filter, query.cellM);
    const { counts } = placeCounts(area, binned);
    add(
      'binning (SQL, server defaults: JIT on PostgreSQL)',
      await median(() => binSeizures(sql, query.filter, query.cellM)),
    );
    add(
      'points x/y fetch (SQL, bytea)',
      await median(() => analysisReads(sql, (tx) => seizurePoints(tx, query.filter))),
    );
    add(
      'Gi* (TS, neighbour list built)',
      await median(() => giStar(counts, nb)),
      `${area.cells.length} cells`,
    );
    add(
      'Gi* + neighbour list (TS)',
      await median(() => giStar(counts, buildNeighbours(area.cells, query.cellM, query.distanceM))),
    );
    const xy = await seizurePoints(sql, query.filter);
    add(
      'density (TS, quartic, h 3 km)',
      await median(() => densityAtCells(area.cells, xy, query.bandwidthM)),
    );
    add(
      'study area: outline (SQL) + cells (TS)',
      await median(() => studyArea(sql, PROVINCE, query.cellM)),
    );
    add(
      'hexagon GeoJSON, every cell (TS)',
      await median(() => area.cells.map((c) => hexFeature(c, query.cellM, {}))),
    );
    const top = area.cells.slice(0, 10).map((c) => [c.x, c.y] as const);
    add(
      'nearest named places, 10 cells (SQL)',
      await median(() => nearestPlaces(sql, PROVINCE, top)),
    );
    const body = await hotspots(sql, query);
    add('JSON.stringify of the response', await median(() => JSON.stringify(body)));
    add('hotspots service (no HTTP, no audit)', await median(() => hotspots(sql, query)));
    let bytes = 0;
    add(
      'GET /api/hotspots (whole call)',
      await median(async () => (bytes = await get(`/api/hotspots?province=${PROVINCE}`))),
      `${(bytes / 1e6).toFixed(1)} MB`,
    );
    add(
      'GET /api/hotspots?fdr=true&category=cigarettes,sugar',
      await median(() =>
        get(`/api/hotspots?province=${PROVINCE}&fdr=true&category=cigarettes,sugar`),
      ),
    );
    add(
      'GET /api/hotspots/emerging (monthly)',
      await median(() => get(`/api/hotspots/emerging?province=${PROVINCE}`), 3),
    );
    add(
      'GET /api/hotspots/forecast (rolling monthly)',
      await median(() => get(`/api/hotspots/forecast?province=${PROVINCE}`), 3),
    );
    add('GET /api/stats', await median(() => get(`/api/stats?province=${PROVINCE}`)));
  }
  if (process.env.BENCH_KEEP) console.log(`kept schema ${schema}`);
  else await sql`drop schema ${sql(schema)} cascade`;
}

if (ENGINES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'brm-bench-hot-'));
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
console.log(`\n| engine   | seizures  | ${'path'.padEnd(w)} | median ms | note`);
console.log(`|----------|-----------|${'-'.repeat(w + 2)}|-----------|------`);
for (const r of rows)
  console.log(
    `| ${r.engine.padEnd(8)} | ${r.seizures.toLocaleString('en').padStart(9)} | ${r.what.padEnd(w)} | ${r.ms.toFixed(1).padStart(9)} | ${r.note}`,
  );
