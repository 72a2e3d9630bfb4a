/**
 * A date filter that cannot be applied (the range ends before it starts, or a date is not a day)
 * clears the seizures and their figures, says why on the filter, the stats and the map, and sends
 * no request with it; corrected dates bring the results back.
 */
import { layersLoaded, rendered, statsReady } from './lib/map.js';
import { check } from './lib/runner.js';

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function dateFilterScenarios({ page, baseUrl, test, screenshot }) {
  await test('an end date before the start date clears the results instead of keeping them', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/`);
    await layersLoaded(page);
    check((await rendered(page, ['seizure-points'])).length > 0, 'no seizures to begin with');
    /** @type {string[]} */
    const asked = [];
    const record = (/** @type {import('playwright-core').Request} */ r) => {
      if (/\/api\/(layers\/seizures|seizures|stats)/.test(r.url())) {
        asked.push(r.url());
      }
    };
    page.on('request', record);
    try {
      await page.fill('#filter-from', '01/06/2023');
      await page.press('#filter-from', 'Enter');
      await page.fill('#filter-to', '01/01/2022');
      await page.press('#filter-to', 'Enter');
      await page.locator('[data-testid=date-filter-problem]').waitFor();
      await page.locator('[data-testid=stats-invalid]').waitFor();
      await page.locator('[data-testid=map-filter-notice]').waitFor();
      check((await page.textContent('[data-stat=cases]'))?.trim() === '–', 'old case count shown');
      check((await page.textContent('[data-stat=value]'))?.trim() === '–', 'old value shown');
      check(!(await page.isVisible('.stats .bars')), 'old category bars shown');
      await page.waitForTimeout(400);
      check((await rendered(page, ['seizure-points'])).length === 0, 'old seizures still drawn');
      check(
        (await page.getAttribute('#filter-to', 'aria-invalid')) === 'true',
        'the end date is not marked invalid',
      );
      await screenshot(page, 'date-filter-invalid-range-vi');

      // A date that is not a day: the same, and still nothing asked.
      await page.fill('#filter-to', '31/02/2024');
      await page.press('#filter-to', 'Enter');
      const problem = (await page.textContent('[data-testid=date-filter-problem]')) ?? '';
      check(problem.includes('dd/mm/yyyy'), `malformed date not explained: ${problem}`);
      check((await page.textContent('[data-stat=cases]'))?.trim() === '–', 'old count shown');
      await page.waitForTimeout(400);
      const bad = asked.filter((u) => u.includes('to=2022-01-01') || u.includes('2024-02-31'));
      check(bad.length === 0, `asked the API with an invalid filter: ${bad.join(' ')}`);

      // Corrected: results come back for the new range.
      await page.fill('#filter-to', '31/12/2023');
      await page.press('#filter-to', 'Enter');
      await page.waitForFunction(
        () => document.querySelector('li[data-layer=seizures] .layer-count[data-count]') !== null,
        null,
        { timeout: 15_000 },
      );
      check(!(await page.isVisible('[data-testid=date-filter-problem]')), 'problem still shown');
      check(!(await page.isVisible('[data-testid=map-filter-notice]')), 'map notice still shown');
      await statsReady(page);
      const last = asked.filter((u) => u.includes('/api/stats')).at(-1) ?? '';
      check(
        last.includes('from=2023-06-01') && last.includes('to=2023-12-31'),
        `/api/stats not refetched with the corrected range: ${last}`,
      );
      // The seizures were never asked for again: the points loaded for the province are
      // filtered on the GPU, and drawn again for the corrected range.
      check(
        !asked.some((u) => u.includes('/api/seizures') || u.includes('/api/layers/seizures')),
        `seizures asked for again: ${asked.join(' ')}`,
      );
      check((await rendered(page, ['seizure-points'])).length > 0, 'no seizures drawn again');
      check(Number((await page.textContent('[data-stat=cases]')) ?? '0') > 0, 'no results again');
    } finally {
      page.off('request', record);
      await page.click('.chip:has-text("Toàn bộ thời gian")');
    }
  });

  await test('the invalid-range message and cleared stats in English on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/?lang=en&from=2023-06-01`);
    await layersLoaded(page);
    // On a phone the filters live in their own sheet, opened from the tab bar.
    await page.click('[data-tab=filters]');
    await page.fill('#filter-to', '01/01/2022');
    await page.press('#filter-to', 'Enter');
    await page.locator('[data-testid=map-filter-notice]').waitFor();
    const notice = (await page.textContent('[data-testid=map-filter-notice]')) ?? '';
    check(notice.includes('start date must be before the end date'), `notice: ${notice}`);
    await screenshot(page, 'date-filter-invalid-range-en-390x844');
    await page.click('.chip:has-text("Full period")');
    await page.click('[data-testid=sheet-close]');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
}
