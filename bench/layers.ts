/**
 * Times this stage's hot paths and prints a table: embedded start on an existing data dir,
 * writing N synthetic seizures, and layer and stats reads through the API. Not a test: it asserts
 * nothing.
 *
 *   npm run bench                                    # embedded engine, 100k seizures
 *   BENCH_COUNT=20000 npm run bench
 *   BENCH_DATABASE_URL=postgres://... npm run bench  # also a real PostGIS
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createApp } from '../src/lib/server/api/app';
import { loadConfig } from '../src/lib/server/config';
import { embeddedClient, useSchema, type Client } from '../src/lib/server/db/client';
import { startEmbedded } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';
import { loadGeodata, seedSeizures } from '../src/lib/server/services/demo-data';
import { addUser } from '../src/lib/server/services/users';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const rows: { engine: string; path: string; value: string }[] = [];
const ms = (t0: number) => performance.now() - t0;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, ms(t0)];
}

/** Median of `runs` timings of fn, in ms. */
async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[1]);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function benchEngine(engine: string, sql: Client) {
  const schema = `bench_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  const [, seedMs] = await time(() => seedSeizures(sql, { count: COUNT }));
  rows.push({
    engine,
    path: `write ${COUNT} synthetic seizures`,
    value: `${(seedMs / 1000).toFixed(1)} s (${Math.round(COUNT / (seedMs / 1000))} rows/s)`,
  });

  const app = createApp({
    db: { sql, engine: engine as 'pglite' },
    config: loadConfig({ DATA_DIR: '.data-bench' }),
    logError: () => {},
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
    return (await res.arrayBuffer()).byteLength;
  };
  const page = '/api/layers/seizures?limit=10000';
  const bytes = await get(page);
  const pageMs = await median(() => get(page));
  rows.push({
    engine,
    path: 'GET seizures, 10,000 features',
    value: `${pageMs.toFixed(0)} ms, ${(bytes / 1e6 / (pageMs / 1000)).toFixed(1)} MB/s`,
  });
  const filtered =
    '/api/layers/seizures?province=lang_son&from=2021-01-01&to=2022-12-31&category=electronics,textiles&limit=1000';
  rows.push({
    engine,
    path: 'GET seizures, filtered, count + 1,000',
    value: `${(await median(() => get(filtered))).toFixed(0)} ms`,
  });
  const bbox = '/api/layers/seizures?bbox=104.8,10.5,105.2,10.9&limit=1000';
  rows.push({
    engine,
    path: 'GET seizures, bbox, count + 1,000',
    value: `${(await median(() => get(bbox))).toFixed(0)} ms`,
  });
  // The stats panel's figures: one aggregate over every matching seizure, whatever the page.
  rows.push({
    engine,
    path: `GET /api/stats, all ${COUNT} seizures`,
    value: `${(await median(() => get('/api/stats'))).toFixed(0)} ms`,
  });
  const statsFiltered = '/api/stats?province=lang_son&from=2021-01-01&to=2022-12-31&agency=customs';
  rows.push({
    engine,
    path: 'GET /api/stats, province + 2 years + agency',
    value: `${(await median(() => get(statsFiltered))).toFixed(0)} ms`,
  });
  rows.push({
    engine,
    path: 'GET /api/layers (7 counts + extents)',
    value: `${(await median(() => get('/api/layers'))).toFixed(0)} ms`,
  });
  await sql`drop schema ${sql(schema)} cascade`;
}

const dir = mkdtempSync(join(tmpdir(), 'brm-bench-'));
try {
  const [first, firstMs] = await time(() => startEmbedded(dir));
  await first.stop();
  rows.push({
    engine: 'pglite',
    path: 'embedded first start (initdb + PostGIS)',
    value: `${(firstMs / 1000).toFixed(1)} s`,
  });
  const [engine, reopenMs] = await time(() => startEmbedded(dir));
  rows.push({
    engine: 'pglite',
    path: 'embedded start on an existing data dir (target <= 5 s)',
    value: `${(reopenMs / 1000).toFixed(1)} s`,
  });
  const sql = embeddedClient(engine.socketPath);
  await benchEngine('pglite', sql);
  await sql.end();
  await engine.stop();
  if (process.env.BENCH_DATABASE_URL) {
    const pg = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    await benchEngine('postgres', pg);
    await pg.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const w = Math.max(...rows.map((r) => r.path.length));
console.log(`\n| engine   | ${'path'.padEnd(w)} | result`);
console.log(`|----------|${'-'.repeat(w + 2)}|-------`);
for (const r of rows) console.log(`| ${r.engine.padEnd(8)} | ${r.path.padEnd(w)} | ${r.value}`);
