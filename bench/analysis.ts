/**
 * Times the pure analysis library (src/lib/analysis) and prints a table of median times: study
 * area cells, neighbour list and Gi* on 5k, 25k and 100k cells, emerging hot spots over 24
 * monthly steps of 25k cells, binning and kernel density. Not a test: it asserts nothing.
 *
 *   npx tsx bench/analysis.ts            (or npm run bench:analysis)
 *   BENCH_RUNS=11 npx tsx bench/analysis.ts
 */
import type { Polygon } from 'geojson';
import {
  binPoints,
  buildNeighbours,
  cellsInArea,
  emergingHotSpots,
  giStar,
  kernelDensity,
  type HexCell,
  type PointXY,
} from '../src/lib/analysis';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZE_M = 1000;
const BAND_M = 3000;
const rows: { what: string; cells: string; median: string; cpu: string; note: string }[] = [];

/**
 * Median wall and CPU time of RUNS runs of fn, in ms, after one warm-up run. CPU time (user +
 * system of this process) says more than wall time when other jobs share the machine.
 */
function median(fn: () => unknown): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

function record(what: string, cells: number, t: { wall: number; cpu: number }, note = '') {
  const [median, cpu] = [t.wall.toFixed(1), t.cpu.toFixed(1)];
  rows.push({ what, cells: cells.toLocaleString('en'), median, cpu, note });
}

/** A deterministic generator (Park-Miller), so every run times the same input. */
function random(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** A 96-gon around An Giang's centre holding about `target` cells of SIZE_M. */
function disc(target: number): Polygon {
  const radius = Math.sqrt((target * (Math.sqrt(3) / 2) * SIZE_M * SIZE_M) / Math.PI);
  const ring = Array.from({ length: 97 }, (_, i) => {
    const a = (2 * Math.PI * (i % 96)) / 96;
    return [540000 + radius * Math.cos(a), 1160000 + radius * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [ring] };
}

/** Counts with a few clusters over a low background, like seizures along a frontier. */
function clusteredCounts(cells: HexCell[], rnd: () => number, scale = 1): Float64Array {
  const centres = Array.from({ length: 12 }, () => cells[Math.floor(rnd() * cells.length)]);
  return Float64Array.from(cells, (c) => {
    let lambda = 0.05 * scale;
    for (const k of centres)
      lambda += 4 * scale * Math.exp(-(((c.x - k.x) ** 2 + (c.y - k.y) ** 2) / 8e6));
    return Math.floor(lambda + rnd() * Math.sqrt(lambda + 0.25) * 2);
  });
}

const rnd = random(2024);
for (const target of [5_000, 25_000, 100_000]) {
  const area = disc(target);
  const cells = cellsInArea(area, SIZE_M);
  const n = cells.length;
  const counts = clusteredCounts(cells, rnd);
  record(
    'study area cells (cellsInArea)',
    n,
    median(() => cellsInArea(area, SIZE_M)),
  );
  const nbMs = median(() => buildNeighbours(cells, SIZE_M, BAND_M));
  record('neighbour list, band 3 km', n, nbMs, '37 per inner cell');
  const nb = buildNeighbours(cells, SIZE_M, BAND_M);
  record(
    'Gi*',
    n,
    median(() => giStar(counts, nb)),
  );
  record(
    'Gi* with FDR',
    n,
    median(() => giStar(counts, nb, { fdr: true })),
  );
  record(
    'neighbour list + Gi*',
    n,
    median(() => giStar(counts, buildNeighbours(cells, SIZE_M, BAND_M))),
  );
}

{
  const cells = cellsInArea(disc(25_000), SIZE_M);
  const nb = buildNeighbours(cells, SIZE_M, BAND_M);
  const months = Array.from({ length: 24 }, (_, t) => clusteredCounts(cells, random(7 + t), 0.3));
  record(
    'emerging, 24 steps (Gi* x 24 + Mann-Kendall)',
    cells.length,
    median(() => emergingHotSpots(months, nb)),
  );
  record(
    'emerging, 24 steps, FDR',
    cells.length,
    median(() => emergingHotSpots(months, nb, { fdr: true })),
  );

  const r = random(99);
  const points: PointXY[] = Array.from({ length: 1_000_000 }, () => {
    const c = cells[Math.floor(r() * cells.length)];
    return [c.x + (r() - 0.5) * 1500, c.y + (r() - 0.5) * 1500];
  });
  record(
    'binPoints, 1M points',
    cells.length,
    median(() => binPoints(points, SIZE_M)),
  );
  const some = points.slice(0, 100_000);
  record(
    'kernel density, 100k points, h 1.5 km',
    cells.length,
    median(() => kernelDensity(some, cells, 1500)),
  );
}

const header = { what: 'analysis', cells: 'cells', median: 'wall ms', cpu: 'cpu ms', note: '' };
const widths = (Object.keys(header) as (keyof typeof header)[]).map((k) =>
  Math.max(header[k].length, ...rows.map((row) => row[k].length)),
);
const line = (row: typeof header) =>
  (Object.keys(header) as (keyof typeof header)[])
    .map((k, i) =>
      k === 'what' || k === 'note' ? row[k].padEnd(widths[i]) : row[k].padStart(widths[i]),
    )
    .join('  ');
const load = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(`Analysis library, median of ${RUNS} runs (Node ${process.version}, load ${load})\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
