/**
 * Popups: a click opens what lies under the pointer, nearest first; seizures piled on one spot
 * are one entry; a seizure reads in the page's language with its time of day and coordinates,
 * and fits the screen at 1920x1080, 1366x768 and 390x844; a frontier says its accuracy.
 */
import { drawnSeizures, layersLoaded, mapIdle } from './lib/map.js';
import { caseRefOf, densestPile, drawnPoints, loneSeizure, px } from './lib/points.js';
import { check } from './lib/runner.js';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

/**
 * Opens the map at `query` (signed in already) and waits for every layer.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} query
 */
async function openMap(page, baseUrl, query) {
  await page.goto(`${baseUrl}/${query}`);
  await layersLoaded(page);
}

/**
 * Clicks a page point and waits for the popup (a maplibre popup, or the sheet on a phone).
 * @param {import('playwright-core').Page} page
 * @param {{ x: number, y: number }} at
 */
async function clickAt(page, at) {
  await page.keyboard.press('Escape');
  await page.mouse.click(at.x, at.y);
  await page.locator('.brm-popup').waitFor({ state: 'visible', timeout: 5000 });
}

/**
 * The layer of every entry of the open popup, paging through with "next", then back to the first.
 * @param {import('playwright-core').Page} page
 */
async function entryLayers(page) {
  const layers = [];
  const next = page.locator('.brm-popup button.step').nth(1);
  for (let i = 0; i < 30; i++) {
    layers.push(await page.getAttribute('.brm-popup article.popup', 'data-layer'));
    if (!(await next.count()) || (await next.isDisabled())) break;
    await next.click();
  }
  const previous = page.locator('.brm-popup button.step').first();
  while ((await previous.count()) && !(await previous.isDisabled())) await previous.click();
  return layers;
}

/**
 * Waits until the popup has stopped moving (the map pans to keep it on the screen).
 * @param {import('playwright-core').Page} page
 */
async function settled(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await page.locator('.brm-popup').first().boundingBox());
    if (box === last) return;
    last = box;
    await page.waitForTimeout(100);
  }
}

/**
 * The popup (or sheet) lies wholly inside the viewport.
 * @param {import('playwright-core').Page} page
 */
async function popupFits(page) {
  const box = await page.locator('.brm-popup').first().boundingBox();
  const view = page.viewportSize();
  check(box && view, 'no popup box');
  check(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 0.5,
    `popup ${JSON.stringify(box)} leaves the ${view.width}x${view.height} screen sideways`,
  );
  check(
    box.y + box.height <= view.height + 0.5,
    `popup ${JSON.stringify(box)} runs off the bottom of ${view.width}x${view.height}`,
  );
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function popupScenarios({ page, baseUrl, test, screenshot }) {
  await test('a click on a seizure beside a gate opens the seizure first', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openMap(page, baseUrl, '');
    const drawn = await drawnPoints(page);
    const pairs = drawn.seizures
      .flatMap((s) => drawn.gates.map((g) => ({ s, g, d: px(s, g) })))
      .filter((p) => p.d > 3 && p.d < 9)
      .sort((a, b) => a.d - b.d);
    check(pairs.length > 0, 'no seizure drawn within 9 px of a gate to test with');
    const { s, g } = pairs[0];
    await clickAt(page, s);
    const layers = await entryLayers(page);
    check(layers[0] === 'seizures', `first entry is ${layers[0]}, not the clicked seizure`);
    check(
      layers.includes('border_gates'),
      `the gate ${g.name} beside the seizure is not listed: ${layers.join(', ')}`,
    );
    const text = (await page.textContent('.brm-popup')) ?? '';
    const here = await Promise.all(
      drawn.seizures.filter((o) => px(o, s) < 1).map((o) => caseRefOf(page, o.id)),
    );
    check(
      here.some((ref) => text.includes(ref)),
      `the popup does not show the clicked seizure ${here.join(' or ')}`,
    );
  });

  await test('seizures piled on one spot are one entry listing them all', async () => {
    const drawn = await drawnPoints(page);
    const pile = densestPile(drawn, 3);
    check(pile.members.length >= 2, 'no two seizures drawn on one spot to test with');
    await clickAt(page, pile.at);
    const stack = page.locator('[data-testid=seizure-stack]');
    check(await stack.isVisible(), 'the pile is not shown as one group');
    const listed = Number(await stack.getAttribute('data-count'));
    check(
      listed >= pile.members.length,
      `the group lists ${listed} seizures, ${pile.members.length} lie on the spot`,
    );
    const heading = (await stack.locator('h3').textContent()) ?? '';
    check(heading.includes(`${listed} vụ bắt giữ tại đây`), `group heading: ${heading}`);
    const keys = await stack
      .locator('button.row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    const missing = pile.members.filter((m) => !keys.includes(`seizures/${m.id}`));
    check(missing.length === 0, `piled seizures not in the group: ${missing.map((m) => m.id)}`);
    const layers = await entryLayers(page);
    check(layers[0] === 'seizures', `the group is not the first entry: ${layers.join(', ')}`);
    // One row open (the nearest), the others a click away.
    check((await stack.locator('button.row[aria-expanded=true]').count()) === 1, 'no row open');
    await settled(page);
    await popupFits(page);
    await stack.locator('button.row').nth(1).click();
    check(
      (await stack.locator('button.row').nth(1).getAttribute('aria-expanded')) === 'true',
      'a second row does not open',
    );
    await settled(page);
    await popupFits(page);
    await screenshot(page, 'popup-stack-vi-1366x768');
  });

  // A pile's popup is taller than half the map: opened near an edge it used to run off the
  // screen, its lower rows out of reach. The map now moves to bring it whole into view.
  for (const corner of ['bottom', 'top-left']) {
    await test(`a pile's popup opened near the map's ${corner} is moved onto the screen`, async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openMap(page, baseUrl, '');
      await page.keyboard.press('Escape');
      const drawn = await drawnPoints(page);
      const pile = densestPile(drawn, 3);
      check(pile.members.length >= 2, 'no pile to test with');
      const target =
        corner === 'bottom'
          ? { x: drawn.left + drawn.width / 2, y: drawn.top + drawn.height - 60 }
          : { x: drawn.left + 60, y: drawn.top + 60 };
      await page.evaluate(
        ([dx, dy]) => window.__brmMap?.panBy([dx, dy], { duration: 0 }),
        [pile.at.x - target.x, pile.at.y - target.y],
      );
      await mapIdle(page);
      await page.mouse.click(target.x, target.y);
      await page
        .locator('[data-testid=seizure-stack]')
        .waitFor({ state: 'visible', timeout: 5000 });
      await page.locator('[data-testid=seizure-stack] button.row').nth(1).click();
      await settled(page);
      await popupFits(page);
      await page.keyboard.press('Escape');
    });
  }

  for (const locale of ['vi', 'en']) {
    for (const size of SIZES) {
      const name = `popup-seizure-${locale}-${size.width}x${size.height}`;
      await test(`a seizure popup in ${locale} at ${size.width}x${size.height}`, async () => {
        await page.setViewportSize(size);
        await openMap(page, baseUrl, locale === 'en' ? '?lang=en' : '');
        const target = loneSeizure(await drawnPoints(page));
        check(target, 'no seizure drawn');
        await clickAt(page, target);
        const popup = page.locator('.brm-popup').first();
        const text = (await popup.innerText()) ?? '';
        const caseRef = await caseRefOf(page, target.id);
        check(text.includes(caseRef), `popup is not the clicked ${caseRef}: ${text}`);
        // Time of day in Vietnam, and coordinates to 5 decimals with a decimal point.
        check(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(text), `no dd/mm/yyyy HH:mm in: ${text}`);
        check(/\b\d{1,2}\.\d{5}, \d{3}\.\d{5}\b/.test(text), `no lat, lon to 5 decimals: ${text}`);
        check(
          !/synthetic-demo|\b[a-z]{2}-[a-z]+-[a-z-]+\b/.test(text),
          `an internal code: ${text}`,
        );
        if (locale === 'vi') {
          check(text.includes('Thời gian (UTC+7)'), 'time row not in Vietnamese');
          check(/\d{1,3}(\.\d{3})*\s₫/.test(text), `no dong value: ${text}`);
          check(text.includes('Nguồn') && text.includes('Dữ liệu mô phỏng'), 'source not readable');
          check(
            !/\b(packs|pieces|bottles|litres|boxes|cigarettes|sugar)\b/i.test(text),
            `English goods or units in a Vietnamese popup: ${text}`,
          );
        } else {
          check(text.includes('Time (UTC+7)'), 'time row not in English');
          check(/VND\s\d{1,3}(,\d{3})*/.test(text), `no VND value with commas: ${text}`);
          check(text.includes('Synthetic demo data'), 'source not readable');
          check(!/\b(bao|cái|chai|lít|hộp)\b/.test(text), `Vietnamese units in English: ${text}`);
        }
        await popupFits(page);
        if (size.width < 640) {
          check(await page.isVisible('.brm-sheet'), 'no bottom sheet on a phone');
          check(await page.isVisible('.brm-pick-ring'), 'the picked place is not marked');
        }
        await screenshot(page, name);
        await page.click('.brm-popup button.close');
        await popup.waitFor({ state: 'detached' });
      });
    }
  }

  await test('a frontier popup says how accurate the line is, when the data says', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const frontier = (/** @type {URL} */ url) => url.pathname === '/api/layers/frontier';
    // The accuracy comes with the frontier geodata; add it here so the page is tested either way.
    await page.route(frontier, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      for (const f of body.features) {
        f.properties.accuracy_m = 1500;
        f.properties.accuracy_note_vi = 'Vẽ trơn nơi không rõ hướng tuyến dưới 1 km.';
        f.properties.accuracy_note_en = 'Drawn smooth where the course is not known below 1 km.';
      }
      // Fresh headers: the body is decoded, so the original encoding and length no longer hold.
      await route.fulfill({
        status: res.status(),
        contentType: 'application/geo+json',
        body: JSON.stringify(body),
      });
    });
    try {
      for (const locale of ['vi', 'en']) {
        await openMap(page, baseUrl, locale === 'en' ? '?lang=en' : '');
        const seizures = (await drawnSeizures(page)).map((d) => d.point);
        const at = await page.evaluate((seizures) => {
          const map = window.__brmMap;
          if (!map) throw new Error('no map');
          const box = map.getCanvas().getBoundingClientRect();
          const clickable = [
            'gates-symbol',
            'gates-symbol-minor',
            'waterways-river',
            'waterways-canal',
            'trails-path',
            'trails-road',
          ];
          for (const f of map.queryRenderedFeatures(undefined, { layers: ['frontier-line'] })) {
            if (f.geometry.type !== 'LineString') continue;
            for (const c of f.geometry.coordinates) {
              const p = map.project(/** @type {[number, number]} */ (c));
              if (p.x < 60 || p.y < 60 || p.x > box.width - 80 || p.y > box.height - 60) continue;
              const near = map.queryRenderedFeatures(
                [
                  [p.x - 12, p.y - 12],
                  [p.x + 12, p.y + 12],
                ],
                { layers: clickable.filter((id) => map.getLayer(id)) },
              );
              const seizure = seizures.some(
                (s) => Math.abs(s.x - p.x) <= 12 && Math.abs(s.y - p.y) <= 12,
              );
              if (near.length === 0 && !seizure) return { x: p.x + box.left, y: p.y + box.top };
            }
          }
          return null;
        }, seizures);
        check(at, 'no clear stretch of frontier to click');
        await clickAt(page, at);
        const text = (await page.locator('.brm-popup').innerText()) ?? '';
        check(
          (await page.getAttribute('.brm-popup article.popup', 'data-layer')) === 'frontier',
          `the click on the frontier opened: ${text}`,
        );
        if (locale === 'vi') {
          check(text.includes('Độ chính xác vị trí') && text.includes('± 1,5 km'), text);
          check(text.includes('Vẽ trơn nơi không rõ hướng tuyến'), `no Vietnamese note: ${text}`);
        } else {
          check(text.includes('Position accuracy') && text.includes('± 1.5 km'), text);
          check(text.includes('Drawn smooth where the course'), `no English note: ${text}`);
        }
        await screenshot(page, `popup-frontier-${locale}`);
      }
    } finally {
      await page.unroute(frontier);
    }
  });
}
