/**
 * Times seizure imports through the API (POST /api/import/seizures, the body streamed from a
 * file) and prints a table: rows, MB, seconds, MB/s and the process's peak resident memory,
 * for a dry run and a real import on each engine. Not a test: it asserts nothing. The embedded
 * engine runs in a worker thread of this process, so its memory is in the peak too; each line
 * also gives the resident memory just before the import.
 *
 *   npx tsx bench/import.ts                          # embedded engine, a 50 MB file
 *   BENCH_MB=10 npx tsx bench/import.ts
 *   BENCH_DATABASE_URL=postgres://... npm run bench:import   # also a real PostGIS
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import postgres from 'postgres';
import { createApp } from '../src/lib/server/api/app';
import { loadConfig } from '../src/lib/server/config';
import { embeddedClient, useSchema, type Client } from '../src/lib/server/db/client';
import { startEmbedded } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';
import { loadGeodata } from '../src/lib/server/services/demo-data';
import { addUser } from '../src/lib/server/services/users';
import { writeSeizureCsv } from '../tests/fixtures/import/generate';

const MB = Number(process.env.BENCH_MB ?? 50);
const rows: string[][] = [];
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function benchEngine(engine: 'pglite' | 'postgres', sql: Client, file: string, n: number) {
  const schema = `bench_import_${Date.now().toString(36)}`;
  await useSchema(sql, schema);
  await migrate(sql);
  await loadGeodata(sql);
  const app = createApp({
    db: { sql, engine },
    config: loadConfig({ DATA_DIR: '.data-bench' }),
    logError: (e) => console.error(e),
  });
  await addUser(sql, {
    username: 'bench.import',
    role: 'analyst',
    agency: 'customs',
    password: 'bench-password-1',
  });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.import', password: 'bench-password-1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const size = statSync(file).size;
  for (const dryRun of [true, false]) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const res = await app.request(`/api/import/seizures?dry_run=${dryRun}&filename=bench.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const report = await res.json();
    const s = (performance.now() - t0) / 1000;
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    if (report.total !== n) throw new Error(`read ${report.total} of ${n} rows`);
    rows.push([
      engine,
      dryRun ? 'dry run' : 'import',
      n.toLocaleString('en'),
      (size / 1e6).toFixed(1),
      s.toFixed(1),
      (size / 1e6 / s).toFixed(2),
      mib(rssBefore),
      // maxRSS: the process's peak so far, in KiB.
      mib(process.resourceUsage().maxRSS * 1024),
    ]);
  }
  await sql`drop schema ${sql(schema)} cascade`;
}

const dir = mkdtempSync(join(tmpdir(), 'brm-bench-import-'));
try {
  const file = join(dir, 'seizures.csv');
  const n = await writeSeizureCsv(file, MB * 1e6, 'BENCH');
  if (process.env.BENCH_DATABASE_URL) {
    const pg = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    await benchEngine('postgres', pg, file, n);
    await pg.end();
  }
  const engine = await startEmbedded(join(dir, 'data'));
  const sql = embeddedClient(engine.socketPath);
  await benchEngine('pglite', sql, file, n);
  await sql.end();
  await engine.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const head = [
  'engine',
  'run',
  'rows',
  'MB',
  'seconds',
  'MB/s',
  'RSS before (MiB)',
  'peak RSS (MiB)',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
