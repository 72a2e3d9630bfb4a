/**
 * The map's path for many seizures: every seizure of both provinces as binary columns
 * (GET /api/seizures/points, src/lib/seizure-points.ts). For 10k, 100k and 1M synthetic seizures
 * it prints a table of the body's size, the bytes on the wire as the served app codes them
 * (brotli for a browser, gzip for others: src/lib/server/http/compress.ts), the server's time to
 * build the body, and the browser's work once it arrives (decode, the day column as floats for
 * the GPU, one count of what the filter lets through). Not a test: it asserts nothing.
 *
 *   DATABASE_URL=postgres://... npx tsx bench/hotspots/points.ts   (or npm run bench:hotspots:points)
 *   without DATABASE_URL: the embedded engine in DATA_DIR (default ./.data-bench-points)
 *   BENCH_COUNTS=10000,100000 BENCH_RUNS=5 to change the sizes and the runs per median
 *
 * It replaces the synthetic seizures of that database (npm run seed -- --count N) for each size.
 */
import { loadConfig } from '../../src/lib/server/config';
import { connect } from '../../src/lib/server/db/client';
import { compressResponse } from '../../src/lib/server/http/compress';
import { seizurePoints } from '../../src/lib/server/services/seizure-points';
import { countPoints, pointFilter } from '../../src/lib/map/point-filter';
import { SEIZURE_POINTS_TYPE, decodeSeizurePoints } from '../../src/lib/seizure-points';
import { cli } from '../lib/cli';

process.env.DATA_DIR ??= './.data-bench-points';
const COUNTS = (process.env.BENCH_COUNTS ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function median<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)], value };
}

/** Bytes of `body` on the wire for a request accepting `encoding`, through the app's coder. */
async function wireBytes(body: Uint8Array<ArrayBuffer>, encoding: string): Promise<number> {
  const request = new Request('http://bench/api/seizures/points', {
    headers: { 'accept-encoding': encoding },
  });
  const response = await compressResponse(
    request,
    new Response(body, { headers: { 'content-type': SEIZURE_POINTS_TYPE } }),
  );
  return (await response.arrayBuffer()).byteLength;
}

const mb = (n: number) => (n / 1e6).toFixed(2);
const rows: Record<string, string>[] = [];
const config = loadConfig();
for (const count of COUNTS) {
  cli('seed', ['--count', String(count)], {});
  const db = await connect(config, { attach: true });
  try {
    const built = await median(() => seizurePoints(db.sql));
    const body = built.value.body;
    const br = await wireBytes(body, 'gzip, deflate, br');
    const gzip = await wireBytes(body, 'gzip');
    const decoded = await median(() => {
      const points = decodeSeizurePoints(body.slice().buffer);
      const days = Float32Array.from(points.days);
      const counted = countPoints(points, pointFilter(points.header, '', '', [], []));
      return days.length + counted.total;
    });
    rows.push({
      engine: db.engine,
      seizures: count.toLocaleString('en'),
      'body MB': mb(body.byteLength),
      'brotli MB': mb(br),
      'gzip MB': mb(gzip),
      'B/point (br)': (br / count).toFixed(1),
      'server build ms': built.ms.toFixed(0),
      'browser decode ms': decoded.ms.toFixed(1),
    });
    console.error(`done ${count}`);
  } finally {
    await db.close();
  }
}
console.table(rows);
