/**
 * Times the exports on both engines: every format of GET /api/export/seizures.{format} over
 * 100k and 1M seizures, read to the end through the Hono app as a client would (chunk by chunk,
 * never held whole), and prints MB/s and the process's peak RSS during each download. Not a
 * test: it asserts nothing. Targets: GeoJSON of 100k seizures at >= 50 MB/s on PostGIS and
 * >= 20 MB/s embedded; memory flat as the row count grows tenfold.
 *
 *   npm run bench:export                                        # embedded, 100k and 1M
 *   BENCH_DATABASE_URL=postgres://... npm run bench:export      # also a real PostGIS
 *   BENCH_SIZES=100000 BENCH_ENGINES=postgres BENCH_FORMATS=geojson,csv ...
 *
 * Seizures: the demo generator's records (every province: goods, values, case references),
 * copied with a jitter of about 200 m and 15 days until there are N.
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

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const FORMATS = (process.env.BENCH_FORMATS ?? 'geojson,fgb,kml,csv,shp.zip').split(',');

interface Row {
  engine: string;
  seizures: number;
  format: string;
  crs: number;
  mb: number;
  s: number;
  firstByteMs: number;
  peakRssMb: number;
  baseRssMb: number;
}
const rows: Row[] = [];

/** Tops the table up to `target` seizures by jittered copies of the first ones. */
async function growTo(sql: Client, target: number) {
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from seizures`;
  let have = n;
  while (have < target) {
    const add = Math.min(have, target - have, 200_000);
    await sql`
      insert into seizures (occurred_at, province, category, goods, goods_code, quantity, unit,
        value_vnd, subjects, transport_mode, lead_agency, case_ref, source, synthetic, geom)
      select s.occurred_at + (random() * 30 - 15) * interval '1 day', s.province, s.category,
        s.goods, s.goods_code, s.quantity, s.unit, s.value_vnd, s.subjects, s.transport_mode,
        s.lead_agency, s.case_ref, 'bench', true,
        ST_Translate(s.geom, (random() - 0.5) * 0.004, (random() - 0.5) * 0.004)
      from (select * from seizures order by id limit ${add}) s`;
    have += add;
  }
  await sql`analyze seizures`;
}

async function benchEngine(engine: 'pglite' | 'postgres', sql: Client) {
  const schema = `bench_export_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  const app = createApp({
    db: { sql, engine },
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

  await seedSeizures(sql, { count: 20_000, seed: 8 });
  for (const size of SIZES) {
    const t0 = performance.now();
    await growTo(sql, size);
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from seizures`;
    console.log(
      `${engine}: ${n} seizures ready (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    for (const format of FORMATS) {
      for (const crs of format === 'geojson' ? [4326, 3405] : [4326]) {
        global.gc?.();
        const baseRss = process.memoryUsage().rss;
        let peak = baseRss;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 20);
        const start = performance.now();
        const res = await app.request(`/api/export/seizures.${format}?crs=${crs}`, {
          headers: { cookie },
        });
        if (res.status !== 200) throw new Error(`${format}: ${res.status} ${await res.text()}`);
        let bytes = 0;
        let firstByteMs = -1;
        const reader = res.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (firstByteMs < 0) firstByteMs = performance.now() - start;
          bytes += value.length;
        }
        const s = (performance.now() - start) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        const row: Row = {
          engine,
          seizures: n,
          format,
          crs,
          mb: bytes / 1e6,
          s,
          firstByteMs,
          peakRssMb: peak / 1e6,
          baseRssMb: baseRss / 1e6,
        };
        rows.push(row);
        console.log(
          `  ${format} ${crs}: ${row.mb.toFixed(1)} MB in ${s.toFixed(1)} s = ${(row.mb / s).toFixed(1)} MB/s, peak RSS ${row.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
  }
  if (process.env.BENCH_KEEP) console.log(`kept schema ${schema}`);
  else await sql`drop schema ${sql(schema)} cascade`;
}

if (ENGINES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'brm-bench-export-'));
  try {
    const engine = await startEmbedded(dir);
    const sql = embeddedClient(engine.socketPath);
    await sql.unsafe("set timezone = 'UTC'");
    await benchEngine('pglite', sql);
    await sql.end();
    await engine.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (ENGINES.includes('postgres') && process.env.BENCH_DATABASE_URL) {
  const pg = postgres(process.env.BENCH_DATABASE_URL, {
    max: 1,
    onnotice: () => {},
    connection: { timezone: 'UTC' },
  });
  await benchEngine('postgres', pg);
  await pg.end();
}

console.log(
  '\n| engine   | seizures  | format  | crs  |     MB |     s |  MB/s | first byte ms | RSS before MB | peak RSS MB |',
);
console.log(
  '|----------|-----------|---------|------|--------|-------|-------|---------------|---------------|-------------|',
);
for (const r of rows) {
  console.log(
    `| ${r.engine.padEnd(8)} | ${String(r.seizures).padStart(9)} | ${r.format.padEnd(7)} | ${r.crs} | ${r.mb.toFixed(1).padStart(6)} | ${r.s.toFixed(1).padStart(5)} | ${(r.mb / r.s).toFixed(1).padStart(5)} | ${r.firstByteMs.toFixed(0).padStart(13)} | ${r.baseRssMb.toFixed(0).padStart(13)} | ${r.peakRssMb.toFixed(0).padStart(11)} |`,
  );
}
