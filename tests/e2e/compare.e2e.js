/**
 * "Both" provinces: two maps side by side (stacked on a phone), each framed on its own frontier,
 * with each province's figures, the filters shared, and a link that carries no camera.
 */
import { drawnSeizures, insetsIdle, statsReady } from './lib/map.js';
import { check } from './lib/runner.js';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function compareScenarios({ page, baseUrl, test, screenshot }) {
  await test('"Both" shows each province on its own map with its own figures', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('.layer-count[data-count]');
    await page.click('[data-province=all]');
    await page.locator('[data-testid=compare-view]').waitFor();
    await insetsIdle(page);
    const frames = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries(window.__brmInsets ?? {}).map(([p, m]) => [p, m?.getBounds().toArray()]),
      ),
    );
    const ag = frames.an_giang;
    const ls = frames.lang_son;
    check(
      ag && ag[0][1] > 9 && ag[1][1] < 11.8,
      `An Giang inset not framed: ${JSON.stringify(ag)}`,
    );
    check(
      ls && ls[0][1] > 20.5 && ls[1][1] < 23,
      `Lang Son inset not framed: ${JSON.stringify(ls)}`,
    );
    // A province's map is framed on it, not on both: under 3 degrees across.
    check(ag[1][0] - ag[0][0] < 3 && ls[1][0] - ls[0][0] < 3, 'an inset spans both provinces');
    await statsReady(page);
    const cases = async (/** @type {string} */ p) =>
      Number(
        ((await page.textContent(`.pane[data-province=${p}] [data-stat=cases]`)) ?? '').replace(
          /\D/g,
          '',
        ),
      );
    const total = Number(
      ((await page.textContent('.stats [data-stat=cases]')) ?? '').replace(/\D/g, ''),
    );
    const [agCases, lsCases] = [await cases('an_giang'), await cases('lang_son')];
    check(agCases > 0 && lsCases > 0, `figures missing: ${agCases}, ${lsCases}`);
    check(agCases + lsCases === total, `${agCases} + ${lsCases} is not the total ${total}`);
    await page.waitForFunction(() => location.search.includes('p=all'));
    check(!/[?&](c|z)=/.test(new URL(page.url()).search), `a camera in the link: ${page.url()}`);
  });

  await test('"Both" keeps the shared filters: a lead-agency filter narrows both maps', async () => {
    const before = await page.textContent('.pane[data-province=lang_son] [data-stat=cases]');
    await page.click('label.chip:has-text("Hải quan")');
    await page.waitForFunction(
      (was) =>
        document.querySelector('.pane[data-province=lang_son] [data-stat=cases]')?.textContent !==
          was &&
        document.querySelector('.layer-count[data-count]') !== null &&
        document.querySelector('.stats[data-status=ready]') !== null,
      before,
      { timeout: 15_000 },
    );
    await insetsIdle(page);
    const agencies = [
      ...(await drawnSeizures(page, { inset: 'an_giang' })),
      ...(await drawnSeizures(page, { inset: 'lang_son' })),
    ].map((f) => f.properties.lead_agency);
    check(agencies.length > 0, 'no seizures drawn on the insets');
    check(
      agencies.every((a) => a === 'customs'),
      `a non-customs seizure drawn: ${[...new Set(agencies)].join(', ')}`,
    );
    await page.click('label.chip:has-text("Hải quan")');
  });

  for (const locale of ['vi', 'en']) {
    for (const size of locale === 'vi' ? SIZES : [SIZES[1], SIZES[2]]) {
      await test(`"Both" at ${size.width}x${size.height} in ${locale}`, async () => {
        await page.setViewportSize(size);
        await page.goto(`${baseUrl}/?p=all${locale === 'en' ? '&lang=en' : ''}`);
        await page.locator('[data-testid=compare-view]').waitFor();
        await insetsIdle(page);
        for (const p of ['an_giang', 'lang_son']) {
          const box = await page.locator(`.pane[data-province=${p}] .inset`).boundingBox();
          check(
            box && box.height > 120 && box.width > 300,
            `${p} map too small: ${JSON.stringify(box)}`,
          );
        }
        await screenshot(page, `compare-${locale}-${size.width}x${size.height}`);
      });
    }
  }

  await test('"Open this province alone" leaves the side-by-side view for that province', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('.pane[data-province=lang_son] button.open');
    await page.locator('[data-testid=compare-view]').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => {
        const c = window.__brmMap?.getCenter();
        return c && c.lat > 21 && !window.__brmMap?.isMoving();
      },
      null,
      { timeout: 20_000 },
    );
    check(
      (await page.getAttribute('[data-province=lang_son]', 'aria-checked')) === 'true',
      'Lang Son is not selected',
    );
  });
}
