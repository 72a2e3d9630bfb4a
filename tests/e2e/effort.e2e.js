/**
 * The "per patrol effort" mode of the hot-spot view: the map asks GET /api/effort for the
 * province in view (the real answer), draws every cell with patrol by its status (cells without
 * patrol stay clear), and the legend says "not enough patrol to tell" rather than calling a cell
 * cold, in vi and en; `hs=effort` rides in the URL. Until the demo data records patrols (h16's
 * seed), the demo answer has no effort at all: the drawing checks then give the real answer's
 * cells statuses in the browser (route interception, said so below) and check what is drawn
 * against them. Screenshots: effort-<lang>-1366.png and effort-<lang>-390(-map).png.
 */
import { drawnHexes } from './hotspots.e2e.js';
import { mapIdle } from './lib/map.js';
import { check } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const EFFORT = /^\/api\/effort$/;
const STATUSES = ['more_than_effort', 'as_expected', 'less_than_effort', 'not_enough_patrol'];
const FILL = {
  more_than_effort: '197,27,125,173',
  as_expected: '158,158,158,173',
  less_than_effort: '27,158,119,173',
  not_enough_patrol: '241,220,167,173',
};

/**
 * Runs `action` and resolves with the effort answer it caused, once the panel has drawn it.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} action
 */
async function effortAnswer(page, action) {
  const response = page.waitForResponse((r) => EFFORT.test(new URL(r.url()).pathname), {
    timeout: 60_000,
  });
  await action();
  const res = await response;
  const body = await res.json();
  await page.waitForFunction(() => {
    const s = document.querySelector('.hotspots')?.getAttribute('data-status');
    return s === 'ready' || s === 'error';
  });
  await mapIdle(page);
  return { url: new URL(res.url()), status: res.status(), body };
}

/**
 * Gives the cells of the real effort answer that hold seizures a status in turn, as an answer
 * with recorded patrols would, so the drawing and the legend can be checked.
 * @param {import('playwright-core').Page | import('playwright-core').BrowserContext} target
 */
async function withStatuses(target) {
  await target.route('**/api/effort?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    /** @type {Record<string, number>} */
    const by = { no_patrol: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) };
    let k = 0;
    for (const f of body.features) {
      const p = f.properties;
      p.status = p.seizures > 0 ? STATUSES[k++ % STATUSES.length] : 'no_patrol';
      by[p.status]++;
    }
    body.summary = {
      ...body.summary,
      by_status: by,
      effort_km: 1234,
      patrols: 56,
      overall_rate_per_100km: 2.5,
    };
    await route.fulfill({ response, json: body });
  });
}

/**
 * Shows the hot-spot section at the top of the panel (a desktop) for a screenshot.
 * @param {import('playwright-core').Page} page
 */
async function panelOnHotspots(page) {
  await page.evaluate(() => {
    const panel = document.getElementById('map-panel');
    const section = document.querySelector('[data-section=hotspots]');
    if (panel && section instanceof HTMLElement)
      panel.scrollTop = section.offsetTop - panel.offsetTop;
  });
}

/**
 * The statuses drawn match the answer: every cell with patrol, in its colour; none without.
 * @param {import('playwright-core').Page} page
 * @param {any} body
 */
async function checkDrawn(page, body) {
  const hexes = await drawnHexes(page);
  const withPatrol = body.features.filter(
    (/** @type {any} */ f) => f.properties.status !== 'no_patrol',
  );
  if (!hexes) {
    check(withPatrol.length === 0, `nothing drawn, ${withPatrol.length} cells with patrol`);
    return;
  }
  check(
    hexes.cells.length === withPatrol.length,
    `${hexes.cells.length} drawn, ${withPatrol.length} cells with patrol`,
  );
  for (const f of withPatrol.slice(0, 40)) {
    const i = hexes.cells.indexOf(f.properties.cell_id);
    const want = FILL[/** @type {keyof typeof FILL} */ (f.properties.status)];
    check(hexes.fills[i] === want, `${f.properties.status} drawn ${hexes.fills[i]}, not ${want}`);
  }
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function effortScenarios({ browser, page, baseUrl, accounts, test, screenshot }) {
  await page.setViewportSize({ width: 1366, height: 768 });

  await test('asks /api/effort for the province in view and says when there is no patrol', async () => {
    await page.goto(`${baseUrl}/?p=an_giang`);
    await mapIdle(page);
    const { url, status, body } = await effortAnswer(page, () => page.click('[data-mode=effort]'));
    check(status === 200, `effort answered ${status}`);
    check(url.searchParams.get('province') === 'an_giang', `asked ${url.search}`);
    check(!url.searchParams.has('fdr'), `effort was asked for fdr: ${url.search}`);
    check(new URL(page.url()).searchParams.get('hs') === 'effort', `URL ${page.url()}`);
    check(body.summary.cells === body.features.length, 'cells and summary disagree');
    check(body.summary.basis === 'patrols', `basis ${body.summary.basis}`);
    await checkDrawn(page, body);
    const legend = page.locator('[data-testid=effort-legend] li[data-status]');
    check((await legend.count()) === 4, `${await legend.count()} statuses in the legend`);
    const words = (await page.textContent('[data-testid=effort-legend]')) ?? '';
    check(words.includes('Chưa đủ tuần tra để kết luận'), `legend says: ${words}`);
    if (body.summary.effort_km === 0) {
      const said = (await page.textContent('[data-testid=effort-summary]')) ?? '';
      check(said.includes('Chưa có lượt tuần tra'), `summary says: ${said}`);
    }
  });

  await test('draws each cell with patrol by its status, with counts in the legend (vi, en)', async () => {
    await withStatuses(page);
    try {
      for (const lang of /** @type {const} */ (['vi', 'en'])) {
        const q = lang === 'en' ? '&lang=en' : '';
        const { body } = await effortAnswer(page, () =>
          page.goto(`${baseUrl}/?p=an_giang&hs=effort${q}`),
        );
        await checkDrawn(page, body);
        for (const s of STATUSES) {
          const n = await page.textContent(
            `[data-testid=effort-legend] li[data-status=${s}] .count`,
          );
          check(Number(n) === body.summary.by_status[s], `${s}: legend ${n}`);
        }
        const words = (await page.textContent('[data-testid=effort-legend]')) ?? '';
        const thin = lang === 'vi' ? 'Chưa đủ tuần tra để kết luận' : 'Not enough patrol to tell';
        check(words.includes(thin), `legend says: ${words}`);
        check(words.includes(lang === 'vi' ? '2,5 vụ/100 km' : '2.5 seizures per 100 km'), words);
        await panelOnHotspots(page);
        await screenshot(page, `effort-${lang}-1366`);
      }
    } finally {
      await page.unroute('**/api/effort?*');
    }
  });

  const account = accounts.user;
  if (!account) return;
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'vi-VN',
    isMobile: true,
    hasTouch: true,
  });
  try {
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/`);
    await signInWithDialog(p, account);
    await withStatuses(phone);
    await test('shows the effort mode on a phone in both languages', async () => {
      for (const lang of /** @type {const} */ (['vi', 'en'])) {
        const q = lang === 'en' ? '&lang=en' : '';
        await effortAnswer(p, () => p.goto(`${baseUrl}/?p=an_giang&hs=effort${q}`));
        await screenshot(p, `effort-${lang}-390-map`);
        await p.click('[data-tab=hotspots]');
        check(await p.isVisible('[data-testid=effort-legend]'), 'no effort legend on a phone');
        const buttons = await p
          .locator('[data-section=hotspots] .modes button')
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
        for (const b of buttons) check(b.height >= 40, `a mode button is ${b.height}px high`);
        check(
          buttons.every((b) => b.right <= 390),
          `mode buttons overflow: ${buttons.map((b) => b.right)}`,
        );
        await screenshot(p, `effort-${lang}-390`);
        await p.click('[data-testid=sheet-close]');
      }
    });
  } finally {
    await phone.close();
  }
}
