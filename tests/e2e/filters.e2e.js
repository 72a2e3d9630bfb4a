/**
 * The map page's data requests: filters by date range and by lead agency refetch the seizures,
 * and a failed layer request is shown to the user with its reference.
 */
import { mapIdle, rendered, statsReady } from './lib/map.js';
import { check } from './lib/runner.js';

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function filterScenarios({ page, test, screenshot }) {
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
    await statsReady(page);
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

  await test('filters seizures by lead agency, drawn from the points already loaded', async () => {
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
    const seizures = await rendered(page, ['seizure-points']);
    check(seizures.length > 0, 'no customs seizures drawn');
    check(
      seizures.every((s) => s.properties.lead_agency === 'customs'),
      'a non-customs seizure is drawn',
    );
    // The points are filtered at once, on the GPU; the URL follows a moment later.
    await page.waitForURL(/agency=customs/, { timeout: 5000 }).catch(() => {});
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
}
