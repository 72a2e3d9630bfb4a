/**
 * Browser tests of the Map page: `npm run test:e2e`.
 *
 * Without BASE_URL it starts the production build (`npm run build` first) as `node build` on a
 * free port with a fresh embedded database and the demo data, signs in with the demo account the
 * server prints on its first start, and stops it at the end. With BASE_URL it tests that server
 * and signs in with E2E_USERNAME / E2E_PASSWORD.
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH); WebGL runs on SwiftShader.
 * Screenshots go to tests/e2e/screenshots/. The last line is "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BOOT_TIMEOUT_MS = 180_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** @type {{ name: string, ok: boolean, error?: string }[]} */
const results = [];

/** @param {string} message */
const log = (message) => console.log(`[e2e] ${message}`);

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Runs one named test; a failure is recorded and the run goes on.
 * @param {string} name
 * @param {() => Promise<void>} fn
 */
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    log(`PASS ${name}`);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    results.push({ name, ok: false, error });
    log(`FAIL ${name}: ${error}`);
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `node build` with a fresh data directory; resolves once /api/health answers.
 * @returns {Promise<{ baseUrl: string, output: () => string, stop: () => Promise<void> }>}
 */
async function startServer() {
  const entry = join(ROOT, 'build/index.js');
  check(existsSync(entry), `No production build at ${entry}: run \`npm run build\` first.`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'brm-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  log(
    `starting node build on ${baseUrl} (data in ${dataDir}; the first start takes up to a minute)`,
  );
  const started = Date.now();
  while (Date.now() - started < BOOT_TIMEOUT_MS) {
    if (exited) {
      await stop();
      throw new Error(`the server exited during start:\n${output.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) {
        log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return { baseUrl, output: () => output, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(
    `the server did not answer /api/health within 3 minutes:\n${output.slice(-3000)}`,
  );
}

/**
 * Demo credentials from the server's first-start banner (`demo.commander  commander  <pw>`).
 * @param {string} output
 */
function demoCredentials(output) {
  const m = /^\s*(demo\.commander)\s+commander\s+(\S+)\s*$/m.exec(output);
  return m ? { username: m[1], password: m[2] } : null;
}

/**
 * Any demo account from the same banner, by role (`demo.admin  admin  <pw>`).
 * @param {string} output
 * @param {string} role
 */
function demoAccount(output, role) {
  const m = new RegExp(`^\\s*(demo\\.${role})\\s+${role}\\s+(\\S+)\\s*$`, 'm').exec(output);
  return m ? { username: m[1], password: m[2] } : null;
}

/**
 * Signs in through the page's sign-in dialog and waits for it to close.
 * @param {import('playwright-core').Page} page
 * @param {{ username: string, password: string }} account
 */
async function signInWithDialog(page, account) {
  const form = page.locator('[data-testid=login-form]');
  await form.waitFor({ state: 'visible', timeout: 30_000 });
  await form.locator('input[name=username]').fill(account.username);
  await form.locator('input[name=password]').fill(account.password);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
}

/**
 * The audit rows on screen, as the table's data attributes and cell texts.
 * @param {import('playwright-core').Page} page
 */
function auditRows(page) {
  return page.$$eval('[data-testid=audit-table] tr.entry', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-id'),
      action: r.getAttribute('data-action'),
      outcome: r.getAttribute('data-outcome'),
      username: r.getAttribute('data-username'),
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    })),
  );
}

/**
 * Resolves after the map has finished rendering everything it has (its next `idle`).
 * @param {import('playwright-core').Page} page
 */
async function mapIdle(page) {
  await page.waitForFunction(() => Boolean(window.__brmMap?.isStyleLoaded()), null, {
    timeout: 30_000,
  });
  await page.evaluate(
    () =>
      new Promise((done) => {
        const map = window.__brmMap;
        if (!map) return done(undefined);
        map.once('idle', () => done(undefined));
        map.triggerRepaint();
      }),
  );
}

/**
 * Waits until every layer row in the panel reports a count (all requests answered).
 * @param {import('playwright-core').Page} page
 */
async function layersLoaded(page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.layer-count[data-count]').length === 7 &&
      !document.querySelector('.layer-count.busy'),
    null,
    { timeout: 60_000 },
  );
  await mapIdle(page);
}

/**
 * Rendered features of map layers, as plain objects.
 * @param {import('playwright-core').Page} page
 * @param {string[]} layers
 */
function rendered(page, layers) {
  return page.evaluate((ids) => {
    const map = window.__brmMap;
    if (!map) return [];
    return map
      .queryRenderedFeatures(undefined, { layers: ids.filter((id) => map.getLayer(id)) })
      .map((f) => ({
        layer: f.layer.id,
        properties: f.properties,
        point:
          f.geometry.type === 'Point'
            ? map.project(/** @type {[number, number]} */ (f.geometry.coordinates))
            : null,
      }));
  }, layers);
}

/**
 * Clicks a point feature of a map layer (the first rendered one inside the canvas).
 * @param {import('playwright-core').Page} page
 * @param {string} layer
 */
async function clickFeature(page, layer) {
  const features = await rendered(page, [layer]);
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  check(box, 'no map canvas');
  const target = features.find(
    (f) =>
      f.point &&
      f.point.x > 40 &&
      f.point.y > 40 &&
      f.point.x < box.width - 60 &&
      f.point.y < box.height - 40,
  );
  check(target?.point, `no ${layer} feature inside the view to click`);
  await page.mouse.click(box.x + target.point.x, box.y + target.point.y);
  await page.locator('.brm-popup').waitFor({ state: 'visible', timeout: 5000 });
  return target;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  check(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`);

  /** @type {Awaited<ReturnType<typeof startServer>> | null} */
  let server = null;
  let baseUrl = process.env.BASE_URL?.replace(/\/$/, '');
  let credentials =
    process.env.E2E_USERNAME && process.env.E2E_PASSWORD
      ? { username: process.env.E2E_USERNAME, password: process.env.E2E_PASSWORD }
      : null;
  if (!baseUrl) {
    server = await startServer();
    baseUrl = server.baseUrl;
    credentials ??= demoCredentials(server.output());
  }
  const origin = new URL(baseUrl).origin;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    /** @type {string[]} */
    const foreign = [];
    /** @type {string[]} */
    const pageErrors = [];
    /** @type {string[]} */
    const glyphFailures = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
        foreign.push(url);
      }
    });
    page.on('response', (res) => {
      if (res.url().includes('/fonts/') && res.status() !== 200) glyphFailures.push(res.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await test('opens the map page and signs in', async () => {
      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('h1');
      check(
        (await page.textContent('h1'))?.includes('Bản đồ rủi ro biên giới'),
        'Vietnamese title missing',
      );
      const form = page.locator('[data-testid=login-form]');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid=login-form]') ||
          document.querySelector('.layer-count[data-count]'),
        null,
        { timeout: 30_000 },
      );
      if (await form.count()) {
        check(credentials, 'the API wants a sign-in: set E2E_USERNAME and E2E_PASSWORD');
        await screenshot(page, 'sign-in');
        await form.locator('input[name=username]').fill(credentials.username);
        await form.locator('input[name=password]').fill(credentials.password);
        await form.locator('button[type=submit]').click();
        await form.waitFor({ state: 'detached', timeout: 15_000 });
      }
      await layersLoaded(page);
    });

    await test('renders every layer of An Giang', async () => {
      const groups = {
        provinces: ['provinces-fill'],
        frontier: ['frontier-line'],
        border_gates: ['gates-symbol'],
        waterways: ['waterways-river', 'waterways-canal'],
        trails: ['trails-path', 'trails-road'],
        seizures: ['seizures-circle'],
      };
      for (const [name, layers] of Object.entries(groups)) {
        const n = (await rendered(page, layers)).length;
        check(n > 0, `layer ${name} rendered no features`);
      }
      const gates = await rendered(page, ['gates-symbol']);
      check(
        gates.every((g) => g.properties.province === 'an_giang'),
        'a gate outside An Giang is drawn while An Giang is selected',
      );
      check(
        (await rendered(page, ['neighbour-label'])).length > 0,
        'the neighbouring country is not labelled',
      );
      check(glyphFailures.length === 0, `glyphs failed to load: ${glyphFailures.join(', ')}`);
      await screenshot(page, 'map-an-giang-vi');
    });

    await test('shows the seizure count and value in the stats panel', async () => {
      const count = await page.getAttribute('li[data-layer=seizures] .layer-count', 'data-count');
      const cases = await page.textContent('[data-stat=cases]');
      check(Number(count) > 0, 'no seizures loaded');
      check(cases?.replace(/\./g, '') === count, `stats say ${cases} cases, the layer ${count}`);
      const value = await page.textContent('[data-stat=value]');
      check(/₫/.test(value ?? ''), `total value not in dong: ${value}`);
      check(
        (await page.textContent('.stats'))?.includes('Dữ liệu mô phỏng'),
        'synthetic data not flagged',
      );
    });

    await test('opens a popup with the details of a border gate', async () => {
      const gate = await clickFeature(page, 'gates-symbol');
      const text = (await page.textContent('.brm-popup')) ?? '';
      check(text.includes('Cửa khẩu'), `popup does not name the layer: ${text}`);
      check(
        text.includes(String(gate.properties.name_vi)),
        `popup lacks the gate name ${gate.properties.name_vi}`,
      );
      await screenshot(page, 'popup-gate');
      await page.click('.brm-popup button.close');
      await page.locator('.brm-popup').waitFor({ state: 'detached' });
    });

    await test('opens a seizure popup with a dd/mm/yyyy date, dong value and synthetic label', async () => {
      await clickFeature(page, 'seizures-circle');
      const text = (await page.textContent('.brm-popup')) ?? '';
      check(/(^|\D)\d{2}\/\d{2}\/\d{4}(\D|$)/.test(text), `no dd/mm/yyyy date in: ${text}`);
      check(/\d{1,3}(\.\d{3})*\s₫/.test(text), `no VND value in: ${text}`);
      check(text.includes('Dữ liệu mô phỏng / Synthetic'), 'synthetic record not labelled');
      await screenshot(page, 'popup-seizure');
      await page.click('.brm-popup button.close');
    });

    await test('switches the interface to English', async () => {
      await page.click('[data-testid=locale-switch]');
      await page.waitForFunction(() =>
        document.querySelector('h1')?.textContent?.includes('Border Risk Map'),
      );
      const layerName = await page.textContent('li[data-layer=border_gates] .name');
      check(layerName?.trim() === 'Border gates', `layer name is "${layerName}"`);
      const field = await page.evaluate(() =>
        JSON.stringify(window.__brmMap?.getLayoutProperty('gates-symbol', 'text-field')),
      );
      check(field.includes('short_en'), `map labels not in English: ${field}`);
      check(await page.evaluate(() => document.documentElement.lang === 'en'), 'html lang not en');
    });

    await test('frames Lang Son when the province switch changes', async () => {
      const before = await page.evaluate(() => window.__brmMap?.getBounds().toArray());
      await page.click('[data-province=lang_son]');
      await page.waitForFunction(
        () => {
          const c = window.__brmMap?.getCenter();
          return c && c.lat > 21 && !window.__brmMap?.isMoving();
        },
        null,
        { timeout: 20_000 },
      );
      await layersLoaded(page);
      const after = await page.evaluate(() => window.__brmMap?.getBounds().toArray());
      check(JSON.stringify(before) !== JSON.stringify(after), 'map bounds did not change');
      check(
        after && after[0][1] > 20.5 && after[1][1] < 23.5,
        `not framed on Lang Son: ${JSON.stringify(after)}`,
      );
      const gates = await rendered(page, ['gates-symbol']);
      check(gates.length > 0, 'no Lang Son gates drawn');
      check(
        gates.every((g) => g.properties.province === 'lang_son'),
        'gates of another province drawn',
      );
      check((await rendered(page, ['frontier-line'])).length > 0, 'Lang Son frontier not drawn');
      check(
        (await rendered(page, ['trails-path', 'trails-road'])).length > 0,
        'Lang Son trails not drawn',
      );
      await screenshot(page, 'map-lang-son-en');
    });

    await test('keeps the view in the URL and restores it', async () => {
      await page.waitForFunction(
        () => location.search.includes('p=lang_son') && location.search.includes('lang=en'),
      );
      const url = page.url();
      const restored = await context.newPage();
      await restored.goto(url);
      await restored.waitForFunction(
        () =>
          document.querySelector('[data-province=lang_son]')?.getAttribute('aria-checked') ===
          'true',
      );
      check(
        (await restored.textContent('h1'))?.includes('Border Risk Map'),
        'language not restored',
      );
      await layersLoaded(restored);
      const center = await restored.evaluate(() => window.__brmMap?.getCenter().toArray());
      const wanted = new URL(url).searchParams.get('c')?.split(',').map(Number);
      check(center && wanted, 'no centre to compare');
      check(
        Math.abs(center[0] - wanted[0]) < 0.01 && Math.abs(center[1] - wanted[1]) < 0.01,
        `centre ${center} is not the shared ${wanted}`,
      );
      await restored.close();
    });

    await test('lets a same-origin write through the CSRF guard (plain http, no ORIGIN)', async () => {
      // Signed in as a commander: the server must refuse by role (forbidden), not as cross-site.
      const { status, code } = await page.evaluate(async () => {
        const res = await fetch('/api/patrol-routes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return { status: res.status, code: (await res.json()).error?.code };
      });
      check(status === 403 && code === 'forbidden', `same-origin write got ${status} ${code}`);
    });

    await test('filters seizures by a typed dd/mm/yyyy date range and refetches', async () => {
      const total = Number(
        await page.getAttribute('li[data-layer=seizures] .layer-count', 'data-count'),
      );
      await page.fill('#filter-from', '01/01/2022');
      await page.press('#filter-from', 'Enter');
      await page.fill('#filter-to', '31/12/2022');
      await page.press('#filter-to', 'Enter');
      await page.waitForFunction(
        () =>
          location.search.includes('from=2022-01-01') && location.search.includes('to=2022-12-31'),
      );
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector('li[data-layer=seizures] .layer-count[data-count]');
          return el && Number(el.getAttribute('data-count')) < before;
        },
        total,
        { timeout: 15_000 },
      );
      const period = (await page.textContent('.stats .period')) ?? '';
      const days = [...period.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map(
        (m) => `${m[3]}-${m[2]}-${m[1]}`,
      );
      check(days.length === 2, `no period shown: ${period}`);
      check(days[0] >= '2022-01-01' && days[1] <= '2022-12-31', `period ${period} outside 2022`);
      check(
        await page.isVisible('.chip.on:has-text("2022")'),
        'the 2022 chip does not show as selected',
      );
      await page.click('.chip:has-text("Full period")');
      await page.waitForFunction(
        (before) =>
          document
            .querySelector('li[data-layer=seizures] .layer-count')
            ?.getAttribute('data-count') === String(before),
        total,
        { timeout: 15_000 },
      );
    });

    await test('filters seizures by lead agency and refetches', async () => {
      const total = Number(
        await page.getAttribute('li[data-layer=seizures] .layer-count', 'data-count'),
      );
      await page.click('label.chip:has-text("Customs")');
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector('li[data-layer=seizures] .layer-count[data-count]');
          return el && Number(el.getAttribute('data-count')) !== before;
        },
        total,
        { timeout: 15_000 },
      );
      await mapIdle(page);
      const seizures = await rendered(page, ['seizures-circle']);
      check(seizures.length > 0, 'no customs seizures drawn');
      check(
        seizures.every((s) => s.properties.lead_agency === 'customs'),
        'a non-customs seizure is drawn',
      );
      check(page.url().includes('agency=customs'), 'agency filter not in the URL');
      await page.click('label.chip:has-text("Customs")');
    });

    await test('shows API errors to the user', async () => {
      const trails = (/** @type {URL} */ url) => url.pathname === '/api/layers/trails';
      await page.route(trails, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'internal',
              message: 'Internal server error',
              details: { request_id: 'e2e-1' },
            },
          }),
        }),
      );
      await page.click('[data-province=an_giang]');
      const banner = page.locator('[data-testid=error-banner]');
      await banner.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await banner.textContent()) ?? '';
      check(text.includes('Trails and openings'), `banner does not name the layer: ${text}`);
      check(text.includes('e2e-1'), 'banner does not give the reference');
      await screenshot(page, 'error-banner');
      await page.unroute(trails);
      await banner.locator('button.primary').click();
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
    });

    // The audit log: an administrator reads it, anyone else is told it is not theirs to read.
    const admin = server
      ? demoAccount(server.output(), 'admin')
      : process.env.E2E_ADMIN_USERNAME && process.env.E2E_ADMIN_PASSWORD
        ? { username: process.env.E2E_ADMIN_USERNAME, password: process.env.E2E_ADMIN_PASSWORD }
        : null;
    const commander = server ? demoAccount(server.output(), 'commander') : credentials;
    /** The name a deliberate failed sign-in tries; it must not be rate-limited already. */
    const triedName = 'demo.planner';
    if (!admin) log('SKIP audit tests: set E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD');
    const adminContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'vi-VN',
    });
    const auditPage = await adminContext.newPage();
    auditPage.on('pageerror', (e) => pageErrors.push(`audit: ${e.message}`));

    if (admin) {
      await test('lists the audit log for an administrator, with a link in the header', async () => {
        await auditPage.goto(`${baseUrl}/audit`);
        // A failed sign-in before anyone is signed in on this browser, so it is recorded as tried.
        const status = await auditPage.evaluate(async (username) => {
          const res = await fetch('/api/auth/login', {
            method: 'POST',
            // Without this browser's session, as from another workstation.
            credentials: 'omit',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: 'not-the-password' }),
          });
          return res.status;
        }, triedName);
        check(status === 401, `a wrong password answered ${status}, not 401`);
        await signInWithDialog(auditPage, admin);
        await auditPage.locator('[data-testid=nav-audit]').waitFor({ timeout: 10_000 });
        check(
          (await auditPage.getAttribute('[data-testid=nav-audit]', 'aria-current')) === 'page',
          'the audit link is not marked as the current page',
        );
        await auditPage.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
        const rows = await auditRows(auditPage);
        const login = rows.find(
          (r) => r.action === 'login' && r.username === admin.username && r.outcome === 'ok',
        );
        check(login, `no ok login by ${admin.username}: ${JSON.stringify(rows.slice(0, 3))}`);
        check(
          /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(login.cells[0]),
          `time is not dd/mm/yyyy HH:mm:ss: ${login.cells[0]}`,
        );
        check(login.cells[4] === 'Đăng nhập', `action label is "${login.cells[4]}"`);
        check(login.cells[6] === 'Thành công', `outcome badge says "${login.cells[6]}"`);
        check(login.cells[2] === 'Quản trị', `role is "${login.cells[2]}"`);
        const range = (await auditPage.textContent('[data-testid=audit-range]'))?.trim() ?? '';
        const counts = /^1–(\d+) trong ([\d.]+) mục$/.exec(range);
        check(
          counts &&
            Number(counts[1]) === rows.length &&
            Number(counts[2].replace(/\./g, '')) >= rows.length,
          `range reads "${range}" for ${rows.length} rows`,
        );
        // Unfold the failed sign-in's details: the JSON says why it failed.
        const failed = rows.find((r) => r.action === 'login' && r.outcome === 'failed');
        check(
          failed && failed.username === triedName,
          `the failed sign-in is not listed for ${triedName}`,
        );
        await auditPage.click(`tr.entry[data-id="${failed.id}"] button.unfold`);
        const json = await auditPage.textContent('[data-testid=audit-details-json]');
        check(json?.includes('"reason": "wrong_password"'), `details are not the JSON: ${json}`);
        await screenshot(auditPage, 'audit-admin');
      });

      await test('filters the audit log by outcome, in the URL, and refreshes', async () => {
        await auditPage.selectOption('#audit-outcome', 'failed');
        await auditPage.waitForFunction(() => location.search.includes('outcome=failed'));
        await auditPage.waitForFunction(
          () => {
            const rows = [...document.querySelectorAll('[data-testid=audit-table] tr.entry')];
            return (
              rows.length > 0 && rows.every((r) => r.getAttribute('data-outcome') === 'failed')
            );
          },
          null,
          { timeout: 15_000 },
        );
        let rows = await auditRows(auditPage);
        check(
          rows.some((r) => r.action === 'login' && r.username === triedName),
          `the failed sign-in of ${triedName} is not among ${rows.length} failed entries`,
        );
        check(
          (await auditPage.textContent('[data-testid=audit-range]'))?.trim() ===
            `1–${rows.length} trong ${rows.length} mục`,
          'the range does not count the filtered entries',
        );
        await screenshot(auditPage, 'audit-failed');

        // A shared link opens the same filter.
        const shared = await adminContext.newPage();
        await shared.goto(auditPage.url());
        await shared.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
        check(
          (await shared.inputValue('#audit-outcome')) === 'failed',
          'the outcome filter is not restored from the URL',
        );
        await shared.close();

        // Another failed sign-in appears after a refresh, not before.
        const before = rows.length;
        await auditPage.evaluate(async () => {
          await fetch('/api/auth/login', {
            method: 'POST',
            // Without this browser's session, as from another workstation.
            credentials: 'omit',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'e2e.nobody', password: 'wrong' }),
          });
        });
        check((await auditRows(auditPage)).length === before, 'the table changed by itself');
        await auditPage.click('[data-testid=audit-refresh]');
        await auditPage.waitForFunction(
          (n) => document.querySelectorAll('[data-testid=audit-table] tr.entry').length === n + 1,
          before,
          { timeout: 15_000 },
        );
        rows = await auditRows(auditPage);
        check(rows[0].username === 'e2e.nobody', `the newest entry is ${rows[0].username}`);
      });

      await test('shows the audit log in English with action labels', async () => {
        await auditPage.click('[data-testid=locale-switch]');
        await auditPage.waitForFunction(() => location.search.includes('lang=en'));
        await auditPage.selectOption('#audit-outcome', '');
        await auditPage.waitForFunction(() => !location.search.includes('outcome='));
        await auditPage.waitForFunction(
          () => document.querySelector('[data-testid=audit-table] tr.entry[data-outcome=ok]'),
          null,
          { timeout: 15_000 },
        );
        const rows = await auditRows(auditPage);
        const login = rows.find((r) => r.action === 'login' && r.outcome === 'ok');
        check(login?.cells[4] === 'Sign in', `English action label is "${login?.cells[4]}"`);
        check(login?.cells[6] === 'OK', `English outcome is "${login?.cells[6]}"`);
        check(
          (await auditPage.textContent('[data-testid=nav-audit]'))?.trim() === 'Audit log',
          'the header link is not in English',
        );
        await screenshot(auditPage, 'audit-admin-en');
      });
    }

    await test('hides the audit log from a commander and says why', async () => {
      check(commander, 'no commander account to sign in with');
      const other = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'vi-VN',
      });
      try {
        const p = await other.newPage();
        p.on('pageerror', (e) => pageErrors.push(`audit (commander): ${e.message}`));
        await p.goto(`${baseUrl}/audit`);
        await signInWithDialog(p, commander);
        const refused = p.locator('[data-testid=audit-forbidden]');
        await refused.waitFor({ timeout: 15_000 });
        const text = (await refused.textContent()) ?? '';
        check(
          text.includes('Chỉ quản trị viên được xem nhật ký'),
          `no not-permitted message: ${text}`,
        );
        check((await p.locator('[data-testid=nav-audit]').count()) === 0, 'audit link shown');
        check(
          (await p.locator('nav.sections a').first().textContent())?.trim() === 'Bản đồ',
          'no link to the map in the header',
        );
        check(
          (await p.locator('[data-testid=audit-table]').count()) === 0,
          'the table is shown to a commander',
        );
        await screenshot(p, 'audit-forbidden');
      } finally {
        await other.close();
      }
    });
    if (admin) {
      await test('finds a refused request by its action code and a Vietnam day', async () => {
        const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
        const [y, m, d] = today.split('-');
        await auditPage.click('[data-testid=locale-switch]');
        await auditPage.waitForFunction(() => !location.search.includes('lang=en'));
        await auditPage.selectOption('#audit-action', '__other__');
        await auditPage.fill('#audit-action-code', 'GET /api/audit');
        await auditPage.press('#audit-action-code', 'Enter');
        await auditPage.fill('#audit-from', `${d}/${m}/${y}`);
        await auditPage.press('#audit-from', 'Enter');
        await auditPage.fill('#audit-to', `${d}/${m}/${y}`);
        await auditPage.press('#audit-to', 'Enter');
        await auditPage.waitForFunction(
          (day) =>
            location.search.includes('action=GET+/api/audit') &&
            location.search.includes(`from=${day}&to=${day}`),
          today,
        );
        await auditPage.waitForFunction(
          () => {
            const rows = [...document.querySelectorAll('[data-testid=audit-table] tr.entry')];
            return (
              rows.length > 0 &&
              rows.every((r) => r.getAttribute('data-action') === 'GET /api/audit')
            );
          },
          null,
          { timeout: 15_000 },
        );
        const rows = await auditRows(auditPage);
        const refused = rows.find((r) => r.username === commander?.username);
        check(refused, `no refused request by the commander among ${rows.length}`);
        check(refused.outcome === 'denied', `the refusal is recorded as ${refused.outcome}`);
        check(refused.cells[6] === 'Bị từ chối', `the badge says "${refused.cells[6]}"`);
      });

      await test('shows a failure of the audit API with its reference', async () => {
        const audit = (/** @type {URL} */ url) => url.pathname === '/api/audit';
        await auditPage.route(audit, (route) =>
          route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'internal', message: 'x', details: { request_id: 'e2e-audit-1' } },
            }),
          }),
        );
        await auditPage.click('[data-testid=audit-refresh]');
        const banner = auditPage.locator('[data-testid=error-banner]');
        await banner.waitFor({ state: 'visible', timeout: 15_000 });
        const text = (await banner.textContent()) ?? '';
        check(text.includes('Không tải được nhật ký'), `banner says: ${text}`);
        check(text.includes('e2e-audit-1'), 'banner does not give the reference');
        check(
          (await auditPage.locator('[data-testid=audit-table] tr.entry').count()) > 0,
          'the rows already shown were dropped',
        );
        await screenshot(auditPage, 'audit-error');
        await auditPage.unroute(audit);
        await banner.locator('button.primary').click();
        await banner.waitFor({ state: 'detached', timeout: 15_000 });
      });
    }
    await adminContext.close();

    await test('sends no request to another origin', async () => {
      check(foreign.length === 0, `requests left the origin: ${foreign.slice(0, 5).join(', ')}`);
      check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    });
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main()
  .catch((e) => {
    results.push({ name: 'setup', ok: false, error: e instanceof Error ? e.message : String(e) });
    log(`FAIL setup: ${e instanceof Error ? e.message : String(e)}`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
