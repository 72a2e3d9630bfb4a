/**
 * The frontier line: each province's default view, and Huu Nghi at zoom 15, where the line must
 * run smooth through the gate (no made-up bends or loops) and carry the accuracy it claims.
 */
import { layersLoaded, mapIdle, rendered } from './lib/map.js';
import { check } from './lib/runner.js';

/** @type {[number, number]} */
const HUU_NGHI = [106.71083, 21.97111];

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function frontierScenarios({ page, baseUrl, test, screenshot }) {
  const start = page.url();
  for (const [province, lat] of /** @type {const} */ ([
    ['an_giang', 10.6],
    ['lang_son', 22.0],
  ])) {
    await test(`draws the ${province} frontier at the province's default view`, async () => {
      await page.goto(`${baseUrl}/?p=${province}`);
      await page.waitForFunction(
        (want) => {
          const c = window.__brmMap?.getCenter();
          return c && Math.abs(c.lat - want) < 1 && !window.__brmMap?.isMoving();
        },
        lat,
        { timeout: 30_000 },
      );
      await layersLoaded(page);
      const lines = await rendered(page, ['frontier-line']);
      check(lines.length > 0, 'no frontier drawn');
      check(
        lines.every((f) => f.properties.province === province && f.properties.accuracy_m > 0),
        'a frontier segment of another province, or without its accuracy, is drawn',
      );
      await screenshot(page, `frontier-${province.replace('_', '-')}`);
    });
  }

  await test('runs the frontier smooth through Huu Nghi at zoom 15', async () => {
    await page.evaluate((center) => window.__brmMap?.jumpTo({ center, zoom: 15 }), HUU_NGHI);
    await mapIdle(page);
    const segments = await rendered(page, ['frontier-line']);
    const codes = [...new Set(segments.map((f) => f.properties.code))];
    check(codes.includes('ls-4'), `segment ls-4 (Huu Nghi) not drawn here: ${codes.join(', ')}`);
    const here = segments.find((f) => f.properties.code === 'ls-4');
    check(here?.properties.accuracy_m === 1500, 'ls-4 does not carry its 1.5 km accuracy');
    // The line passes through the gate: the gate symbol sits on it at the centre of the view.
    const onLine = await page.evaluate(() => {
      const map = window.__brmMap;
      if (!map) return false;
      const { x, y } = map.project(map.getCenter());
      const box = /** @type {[[number, number], [number, number]]} */ ([
        [x - 6, y - 6],
        [x + 6, y + 6],
      ]);
      return map.queryRenderedFeatures(box, { layers: ['frontier-line'] }).length > 0;
    });
    check(onLine, 'the frontier does not pass through the Huu Nghi gate');
    await screenshot(page, 'frontier-huu-nghi-z15');
  });

  // The scenarios after this one continue from the view the map scenarios left.
  await page.goto(start);
  await layersLoaded(page);
}
