/**
 * The basemap: the offline default (Natural Earth land and sea, boundaries, place names) on the
 * server under test, and a configured PMTiles archive on a second server started with
 * BASEMAP_PMTILES (tests/fixtures/basemap). Screenshots of each province at 1920x1080, 1366x768
 * and 390x844, in Vietnamese and English.
 */
import { join } from 'node:path';
import { layersLoaded, mapIdle, rendered } from './lib/map.js';
import { check, log } from './lib/runner.js';
import { ROOT, startServer } from './lib/server.js';
import { demoAccount, signInWithDialog } from './lib/session.js';

const SIZES = [
  [1920, 1080],
  [1366, 768],
  [390, 844],
];
const PROVINCES = ['an_giang', 'lang_son'];
const LOCALES = ['vi', 'en'];

/** Colours the two basemaps paint (src/lib/map/offline-style.ts, tests/fixtures/basemap/style.json). */
const OFFLINE = { sea: '#c6dbe9', land: '#ebe7dd', province: '#f7f6f2' };
const ARCHIVE_STYLE = { sea: '#9fc8e3', land: '#efe9d6', province: '#dcebc8' };

/** Near Ha Tien: the Gulf of Thailand, Cambodia, and An Giang inland (see the screenshots). */
const CAMERA = { center: [104.62, 10.42], zoom: 9 };
const PROBES = { sea: [104.3, 10.12], land: [104.55, 10.8], province: [104.95, 10.33] };

/** @param {string} hex */
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * The most frequent colour in a 9x9 patch of the map canvas around a position: a line or a
 * label crossing the patch does not change it.
 * @param {import('playwright-core').Page} page
 * @param {number[]} lngLat
 */
function pixelAt(page, lngLat) {
  return page.evaluate((at) => {
    const map = window.__brmMap;
    if (!map) return null;
    const gl = map.getCanvas();
    const p = map.project(/** @type {[number, number]} */ (at));
    const ratio = gl.width / gl.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const ctx = copy.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(
      Math.round(p.x * ratio) - 4,
      Math.round(p.y * ratio) - 4,
      9,
      9,
    ).data;
    /** @type {Record<string, number>} */
    const counts = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    return best.split(',').map(Number);
  }, lngLat);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string>} expected name -> colour
 */
async function checkColours(page, expected) {
  await page.evaluate((camera) => {
    window.__brmMap?.jumpTo(/** @type {any} */ (camera));
  }, CAMERA);
  await mapIdle(page);
  for (const [name, hex] of Object.entries(expected)) {
    const got = await pixelAt(page, PROBES[/** @type {keyof typeof PROBES} */ (name)]);
    check(got, `no pixel for ${name}`);
    const want = rgb(hex);
    check(
      got.every((v, i) => Math.abs(v - want[i]) <= 6),
      `${name} is rgb(${got.join(',')}), expected ${hex}`,
    );
  }
}

/**
 * The credit is written out on a wide map and folded into an (i) button on a phone.
 * @param {import('playwright-core').Page} page
 * @param {number} width
 * @param {string} text
 */
async function checkAttribution(page, width, text) {
  const control = page.locator('.maplibregl-ctrl-attrib');
  check((await control.textContent())?.includes(text), `attribution lacks "${text}"`);
  const classes = (await control.getAttribute('class')) ?? '';
  if (width < 640)
    check(
      classes.includes('maplibregl-compact') && !classes.includes('maplibregl-compact-show'),
      `the phone's attribution is not folded: ${classes}`,
    );
  else check(!classes.includes('maplibregl-compact'), `attribution folded at ${width}px`);
}

/**
 * @typedef {object} Visit
 * @property {import('./lib/context.js').E2EContext} ctx
 * @property {string} baseUrl
 * @property {{ username: string, password: string }} account
 * @property {number[]} size
 * @property {string} name screenshot prefix
 * @property {(page: import('playwright-core').Page) => void} [onPage] before the first request
 * @property {(page: import('playwright-core').Page, province: string, locale: string) => Promise<void>} checks
 */

/**
 * Opens each province in each language at one window size, signed in, and screenshots it.
 * @param {Visit} visit
 */
async function visitEverySize({ ctx, baseUrl, account, size, name, onPage, checks }) {
  const [width, height] = size;
  const origin = new URL(baseUrl).origin;
  const context = await ctx.browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
  const page = await context.newPage();
  onPage?.(page);
  /** @type {string[]} */
  const foreign = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  try {
    await page.goto(`${baseUrl}/`);
    await signInWithDialog(page, account);
    for (const province of PROVINCES)
      for (const locale of LOCALES) {
        await page.goto(`${baseUrl}/?p=${province}${locale === 'en' ? '&lang=en' : ''}`);
        await layersLoaded(page);
        await ctx.screenshot(page, `${name}-${province}-${locale}-${width}x${height}`);
        await checks(page, province, locale);
      }
    check(foreign.length === 0, `requests left the origin: ${foreign.slice(0, 3).join(', ')}`);
  } finally {
    await context.close();
  }
}

/**
 * The offline default on the server under test.
 * @param {import('./lib/context.js').E2EContext} ctx
 */
export async function offlineBasemapScenarios(ctx) {
  const account = ctx.accounts.user;
  if (!account) return;
  for (const size of SIZES) {
    await ctx.test(`offline basemap: land, sea and place names at ${size.join('x')}`, () =>
      visitEverySize({
        ctx,
        baseUrl: ctx.baseUrl,
        account,
        size,
        name: 'basemap-offline',
        checks: async (page, province, locale) => {
          const names = await rendered(page, [
            'basemap-place-label-major',
            'basemap-place-label-city',
            'basemap-place-label-town',
          ]);
          check(names.length > 0, `${province}: no place names drawn`);
          const field = locale === 'en' ? 'name_en' : 'name_vi';
          const labels = names.map((n) => String(n.properties[field]));
          check(
            labels.some((l) =>
              (province === 'an_giang' ? /Ch[aâ]u [ĐD][oố]c/ : /L[aạ]ng S[oơ]n/).test(l),
            ),
            `${province} ${locale}: the main town is not named (${labels.join(', ')})`,
          );
          await checkAttribution(page, size[0], 'Natural Earth');
          if (size[0] === 1920 && province === 'an_giang' && locale === 'vi')
            await checkColours(page, OFFLINE);
        },
      }),
    );
  }
}

/**
 * A second server with BASEMAP_PMTILES pointing at the test archive and its style.
 * @param {import('./lib/context.js').E2EContext} ctx
 */
export async function pmtilesBasemapScenarios(ctx) {
  if (process.env.BASE_URL) return log('PMTiles basemap: skipped against BASE_URL');
  const fixture = join(ROOT, 'tests/fixtures/basemap');
  const server = await startServer({
    BASEMAP_PMTILES: join(fixture, 'test.pmtiles'),
    BASEMAP_PMTILES_STYLE: join(fixture, 'style.json'),
    BASEMAP_ATTRIBUTION: 'Natural Earth; Border Risk Map geodata',
  });
  try {
    const account = demoAccount(server.output(), 'commander');
    check(account, 'the PMTiles server printed no demo commander');
    const origin = new URL(server.baseUrl).origin;
    for (const size of SIZES) {
      await ctx.test(
        `PMTiles basemap: tiles by range requests, drawn, at ${size.join('x')}`,
        async () => {
          /** @type {{ url: string, status: number, range: string | null }[]} */
          const archive = [];
          await visitEverySize({
            ctx,
            baseUrl: server.baseUrl,
            account,
            size,
            name: 'basemap-pmtiles',
            onPage: (page) =>
              page.on('response', (res) => {
                if (res.url().includes('/basemap/tiles.pmtiles'))
                  archive.push({
                    url: res.url(),
                    status: res.status(),
                    range: res.headers()['content-range'] ?? null,
                  });
              }),
            checks: async (page, province, locale) => {
              await checkAttribution(page, size[0], 'Border Risk Map geodata');
              if (size[0] === 1920 && province === 'an_giang' && locale === 'vi')
                await checkColours(page, ARCHIVE_STYLE);
            },
          });
          check(
            archive.length >= 2,
            `${archive.length} archive requests (header and tiles expected)`,
          );
          check(
            archive.every(
              (r) =>
                r.status === 206 &&
                r.range?.startsWith('bytes ') &&
                new URL(r.url).origin === origin,
            ),
            `archive answers: ${JSON.stringify(archive.slice(0, 4))}`,
          );
        },
      );
    }
  } finally {
    await server.stop();
  }
}
