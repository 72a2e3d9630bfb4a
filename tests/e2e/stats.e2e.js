/**
 * The stats panel: its figures are the server's over every matching seizure (GET /api/stats),
 * the same number the map draws; they follow the filters; a failure is shown with its
 * reference and a retry; and the panel reads in both languages on a desktop and a phone
 * (stats-<lang>-<size>.png).
 */
import { layersLoaded, statsReady } from './lib/map.js';
import { check } from './lib/runner.js';

const STATS = '**/api/stats*';

/** @param {string | null} text */
const digits = (text) => Number((text ?? '').replace(/\D/g, ''));

/**
 * The figures the server gives for a query, asked from the page with its session.
 * @param {import('playwright-core').Page} page
 * @param {string} query
 */
function apiStats(page, query) {
  return page.evaluate(async (q) => (await fetch(`/api/stats?${q}`)).json(), query);
}

/**
 * The panel's cases, subjects and first category bar.
 * @param {import('playwright-core').Page} page
 */
async function panelFigures(page) {
  return {
    cases: digits(await page.textContent('.stats [data-stat=cases]')),
    subjects: digits(await page.textContent('.stats [data-stat=subjects]')),
    topCategory: digits(await page.textContent('.stats .bars li:first-child .bar-n')),
  };
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function statsScenarios({ page, baseUrl, test, screenshot }) {
  await test('counts every matching seizure, and the map draws every one of them', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/?p=lang_son`);
    await layersLoaded(page);
    await statsReady(page);
    const api = await apiStats(page, 'province=lang_son');
    check(api.cases > 10, `too few seizures to tell: ${api.cases}`);
    // Every seizure of the province is drawn: no page, no "N of M shown".
    const shown = (await page.textContent('li[data-layer=seizures] .layer-count')) ?? '';
    check(!shown.includes('/'), `the layer holds only a part: ${shown}`);
    check(digits(shown) === api.cases, `the layer shows ${shown}, the API ${api.cases}`);
    const panel = await panelFigures(page);
    check(panel.cases === api.cases, `the panel says ${panel.cases} cases, the API ${api.cases}`);
    check(panel.subjects === api.subjects, `subjects ${panel.subjects}, API ${api.subjects}`);
    check(
      panel.topCategory === api.by_category[0].cases,
      `top category ${panel.topCategory}, API ${api.by_category[0].cases}`,
    );

    await page.click('label.chip:has-text("Hải quan")');
    await page.waitForFunction(() => location.search.includes('agency=customs'));
    await statsReady(page);
    const customs = await apiStats(page, 'province=lang_son&agency=customs');
    const filtered = await panelFigures(page);
    check(
      filtered.cases === customs.cases && customs.cases < api.cases,
      `with customs the panel says ${filtered.cases}, the API ${customs.cases} of ${api.cases}`,
    );
    await page.click('label.chip:has-text("Hải quan")');
  });

  await test('shows a failure of the figures with its reference, and retries', async () => {
    await page.route(STATS, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'internal',
            message: 'Internal server error',
            details: { request_id: 'e2e-stats' },
          },
        }),
      }),
    );
    try {
      await page.goto(`${baseUrl}/?p=lang_son`);
      const error = page.locator('[data-testid=stats-error]');
      await error.waitFor({ timeout: 15_000 });
      const text = (await error.textContent()) ?? '';
      check(text.includes('e2e-stats'), `no reference in: ${text}`);
      check((await page.textContent('[data-stat=cases]'))?.trim() === '–', 'a count is shown');
    } finally {
      await page.unroute(STATS);
    }
    await page.click('.stats button.retry');
    await statsReady(page);
    check(digits(await page.textContent('[data-stat=cases]')) > 0, 'no figures after retrying');
  });

  for (const lang of ['vi', 'en']) {
    await test(`reads in ${lang} on a desktop and a phone`, async () => {
      const query = `p=lang_son${lang === 'en' ? '&lang=en' : ''}`;
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${baseUrl}/?${query}`);
      await layersLoaded(page);
      await statsReady(page);
      await page.evaluate(() =>
        document.querySelector('[data-section=stats]')?.scrollIntoView({ block: 'end' }),
      );
      await screenshot(page, `stats-${lang}-1366x768`);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.click('[data-tab=stats]');
      check(await page.isVisible('.stats .bars'), 'no category bars on the phone');
      await screenshot(page, `stats-${lang}-390x844`);
      await page.click('[data-testid=sheet-close]');
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
