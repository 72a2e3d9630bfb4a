/**
 * One live-preview step of the planner (src/lib/plan/preview.ts: Turf buffer of the route being
 * drawn and the frontier km inside it), timed in Chromium as the page runs it while the pointer
 * moves. The route has 200 vertices and follows each province's frontier 500 m inside it, with
 * a 2 km radius; each step moves the last vertex, as the pointer does. Prints a table of medians.
 * Not a test: it asserts nothing.
 *
 *   npx tsx bench/coverage/browser.ts   (or npm run bench:coverage:browser)
 *   BENCH_RUNS=50 for more steps per median; CHROMIUM_PATH for another browser
 *
 * The module is bundled for the browser by vite (no server, no app), so the timing is the
 * preview's own, without the map's drawing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { along, length, lineString, transformTranslate } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const VERTICES = 200;
const RADIUS_M = 2000;
const ROOT = resolve(import.meta.dirname, '../..');

/** The preview module as one browser script exposing `window.preview`. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'src/lib/plan/preview.ts'),
        name: 'preview',
        formats: ['iife'],
        fileName: () => 'preview.js',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error('vite built no chunk');
}

type Frontier = FeatureCollection<LineString | MultiLineString, { province: string }>;
const frontier = JSON.parse(
  readFileSync(resolve(ROOT, 'geodata/frontier.geojson'), 'utf8'),
) as Frontier;

/** The longest frontier line of a province, cut to 200 vertices and moved 500 m north. */
function routeAlong(province: string): number[][] {
  const lines: Feature<LineString>[] = frontier.features
    .filter((f) => f.properties.province === province)
    .flatMap((f) =>
      f.geometry.type === 'LineString'
        ? [lineString(f.geometry.coordinates)]
        : f.geometry.coordinates.map((c) => lineString(c)),
    );
  const longest = lines.sort((a, b) => length(b) - length(a))[0];
  const km = length(longest);
  const moved = transformTranslate(longest, 0.5, 0);
  return Array.from(
    { length: VERTICES },
    (_, i) => along(moved, (km * i) / (VERTICES - 1)).geometry.coordinates,
  );
}

const script = await bundle();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox'],
});
const rows: Record<string, string>[] = [];
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>preview bench</title>');
  await page.addScriptTag({ content: script });
  for (const province of ['an_giang', 'lang_son']) {
    const route = routeAlong(province);
    const own = {
      type: 'FeatureCollection',
      features: frontier.features.filter((f) => f.properties.province === province),
    };
    const result = await page.evaluate(
      ({ own, route, runs, radius }) => {
        const p = (window as unknown as { preview: typeof import('../../src/lib/plan/preview') })
          .preview;
        const t0 = performance.now();
        const samples = p.frontierSamples(own as FeatureCollection<LineString>);
        const setupMs = performance.now() - t0;
        const times: number[] = [];
        let km = 0;
        for (let i = 0; i < runs + 3; i++) {
          // The pointer moves the last vertex a little each step.
          const moved = route.map((c, j) =>
            j === route.length - 1 ? [c[0] + i * 1e-4, c[1] + i * 1e-4] : c,
          );
          const s = performance.now();
          km = p.previewStep(moved, radius, samples).coveredKm;
          if (i >= 3) times.push(performance.now() - s);
        }
        times.sort((a, b) => a - b);
        return {
          setupMs,
          samples: samples.lon.length,
          frontierKm: samples.totalKm,
          km,
          median: times[Math.floor(times.length / 2)],
          p95: times[Math.floor(times.length * 0.95)],
        };
      },
      { own, route, runs: RUNS, radius: RADIUS_M },
    );
    rows.push({
      province,
      'frontier km': result.frontierKm.toFixed(1),
      'frontier pieces': String(result.samples),
      'route vertices': String(route.length),
      'route km': length(lineString(route)).toFixed(1),
      'covered km': result.km.toFixed(1),
      'set-up ms (once)': result.setupMs.toFixed(1),
      'step median ms': result.median.toFixed(2),
      'step p95 ms': result.p95.toFixed(2),
    });
  }
} finally {
  await browser.close();
}
console.log(`Live preview step in Chromium (radius ${RADIUS_M} m, ${RUNS} steps per median)`);
console.table(rows);
