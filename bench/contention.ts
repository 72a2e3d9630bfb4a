/**
 * How one user's heavy reads affect everyone else: latency of a static file, a small layer read
 * and a heavy read while 0, 1, 3 and 8 heavy reads are in flight from other sessions, against
 * the built app (`npm run build` first) with BENCH_COUNT synthetic seizures. Prints a table.
 *
 *   npm run bench:contention                                   # embedded engine
 *   BENCH_DATABASE_URL=postgres://... npm run bench:contention # also a real PostGIS
 *
 * Not a test: it asserts nothing. Targets (issue 6): a static file under 100 ms with 8 heavy
 * reads in flight; a small read waits no longer than one heavy read takes alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInTo, sleep, startApp } from '../tests/lib/app-process';
import { cli } from './lib/cli';

const COUNT = Number(process.env.BENCH_COUNT ?? 200_000);
const IN_FLIGHT = [0, 1, 3, 8];
const USER = 'bench.contention';
const PASSWORD = 'bench-contention-password';
const HEAVY = '/api/layers/seizures?limit=10000&offset=100000';
const SMALL = '/api/layers/border_gates?province=lang_son';
// A file adapter-node's file server answers (build/client), never SvelteKit.
const STATIC = '/_app/version.json';

interface Row {
  engine: string;
  inFlight: number;
  kind: string;
  p50: number;
  p95: number;
  refused: number;
}
const rows: Row[] = [];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function timed(url: string, cookie?: string): Promise<[number, number]> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return [performance.now() - t0, res.status];
}

async function measure(engine: string, env: NodeJS.ProcessEnv) {
  cli('seed', ['--count', String(COUNT)], env);
  cli(
    'user',
    ['add', '--username', USER, '--role', 'commander', '--agency', 'customs'],
    env,
    PASSWORD,
  );
  const server = await startApp({ ...(env as Record<string, string>), DEMO_DATA: 'false' });
  try {
    await server.ready();
    const sessions = [];
    for (let i = 0; i < 9; i++) sessions.push(await signInTo(server.baseUrl, USER, PASSWORD));
    const probe = sessions.pop()!;
    for (const n of IN_FLIGHT) {
      let running = true;
      let refused = 0;
      const loops = sessions.slice(0, n).map(async (cookie) => {
        while (running) {
          const [, status] = await timed(server.baseUrl + HEAVY, cookie);
          if (status === 503) refused++;
        }
      });
      await sleep(n ? 1500 : 0);
      const samples: Record<string, number[]> = { static: [], small: [], heavy: [] };
      for (let i = 0; i < 15; i++) {
        samples.static.push((await timed(server.baseUrl + STATIC))[0]);
        samples.small.push((await timed(server.baseUrl + SMALL, probe))[0]);
        if (i % 3 === 0) samples.heavy.push((await timed(server.baseUrl + HEAVY, probe))[0]);
      }
      running = false;
      await Promise.all(loops);
      for (const [kind, xs] of Object.entries(samples)) {
        rows.push({ engine, inFlight: n, kind, p50: pct(xs, 0.5), p95: pct(xs, 0.95), refused });
      }
    }
  } finally {
    await server.stop();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'brm-contention-'));
try {
  await measure('pglite', { DATA_DIR: dataDir });
  if (process.env.BENCH_DATABASE_URL) {
    await measure('postgres', { DATABASE_URL: process.env.BENCH_DATABASE_URL });
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nContention, ${COUNT} seizures; heavy = GET ${HEAVY}; small = GET ${SMALL}`);
console.log('| engine   | heavy in flight | request | p50 ms | p95 ms | 503s to heavy loops |');
console.log('|----------|-----------------|---------|--------|--------|---------------------|');
for (const r of rows) {
  console.log(
    `| ${r.engine.padEnd(8)} | ${String(r.inFlight).padStart(15)} | ${r.kind.padEnd(7)} | ` +
      `${r.p50.toFixed(0).padStart(6)} | ${r.p95.toFixed(0).padStart(6)} | ${String(r.refused).padStart(19)} |`,
  );
}
