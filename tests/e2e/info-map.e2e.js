/**
 * The information register on the map (issue 11, part ui-map): a commander records three reports
 * through the API (one new, one 100 days old, one along a canal) and a suspicious object seen
 * twice on the frontier; the Map page draws them: the reports layer switches off and on, the old
 * report is drawn fainter than the new one (pixels read back), the popup shows the TLP marking
 * and links to /info?report=<id>, the object shows as a layer. A planner's plan with a route
 * beside the new report gets it flagged on /plan ("Reports near the routes"), ringed on the map.
 * Screenshots at 1366x768 and 390x844 in Vietnamese and English (info-map-*.png).
 */
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { api } from './lib/api.js';
import { mapIdle } from './lib/map.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const DAY_MS = 86_400_000;

/**
 * Two points inside An Giang about 4 km apart, and a frontier vertex.
 * @param {import('playwright-core').Page} page
 */
async function placesInAnGiang(page) {
  const provinces = await api(page, 'GET', '/api/layers/provinces?province=an_giang');
  const outline =
    provinces.features.find(
      (/** @type {any} */ f) =>
        f.properties.code === 'an_giang' || f.properties.province === 'an_giang',
    ) ?? provinces.features[0];
  // Clear of the province's name, which is written around its representative point.
  const centre = pointOnFeature(outline).geometry.coordinates;
  const inside = [
    [0.1, 0.06],
    [-0.1, 0.06],
    [0.1, -0.06],
    [-0.1, -0.06],
    [0.16, 0],
    [-0.16, 0],
    [0, 0.12],
    [0, -0.12],
  ]
    .map(([dx, dy]) => [centre[0] + dx, centre[1] + dy])
    .filter((p) => booleanPointInPolygon(p, outline));
  const a = inside[0];
  const b = inside.map((p) => [p[0] + 0.04, p[1]]).find((p) => booleanPointInPolygon(p, outline));
  check(a && b, 'no two points inside An Giang');
  // A third, about 2 km from the first and clear of the second.
  const c = [
    [0.02, 0],
    [-0.02, 0],
    [0, 0.02],
    [0, -0.02],
  ]
    .map(([dx, dy]) => [a[0] + dx, a[1] + dy])
    .find((p) => booleanPointInPolygon(p, outline) && Math.hypot(p[0] - b[0], p[1] - b[1]) > 0.01);
  check(c, 'no third point inside An Giang');
  const frontier = await api(page, 'GET', '/api/layers/frontier?province=an_giang');
  const line = frontier.features[0].geometry;
  const coords = line.type === 'LineString' ? line.coordinates : line.coordinates[0];
  const v = coords[Math.floor(coords.length / 2)];
  const canals = await api(page, 'GET', '/api/layers/waterways?province=an_giang');
  const canal = canals.features.find(
    (/** @type {any} */ f) => f.properties.kind === 'canal' && f.geometry.type === 'LineString',
  );
  return { a, b, c, frontierVertex: v, canalCode: canal?.properties.code ?? null };
}

/**
 * The colour drawn at a map point, RGB, read back from the map's canvas.
 * @param {import('playwright-core').Page} page
 * @param {number[]} lngLat
 */
function pixelAt(page, lngLat) {
  return page.evaluate((lngLat) => {
    const map = window.__brmMap;
    if (!map) throw new Error('no map');
    const canvas = map.getCanvas();
    const p = map.project(/** @type {[number, number]} */ (lngLat));
    const ratio = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(canvas, 0, 0);
    const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, lngLat);
}

/** @param {number[]} c @param {string} hex */
const distance = (c, hex) => {
  const n = parseInt(hex.slice(1), 16);
  return Math.hypot(c[0] - (n >> 16), c[1] - ((n >> 8) & 255), c[2] - (n & 255));
};

/**
 * Sets a layer row's switch in the layer panel.
 * @param {import('playwright-core').Page} page
 * @param {string} layer
 * @param {boolean} on
 */
async function setLayer(page, layer, on) {
  const box = page.locator(`li[data-layer=${layer}] input[type=checkbox]`).first();
  if ((await box.isChecked()) !== on) await box.click();
}

/**
 * The plan's report flags in the phone's sheet (the open plan's coverage tab), scrolled into
 * view: screenshot info-map-plan-flags-390x844-<lang>, then back to the desktop size.
 * @param {import('playwright-core').Page} page
 * @param {import('./lib/context.js').E2EContext['screenshot']} screenshot
 * @param {string} lang
 * @param {string} heading the "near the routes" heading in that language
 */
async function flagsOnPhone(page, screenshot, lang, heading) {
  await page.setViewportSize(PHONE);
  await page.click('nav.tabs [data-tab=coverage]');
  const flags = page.locator('[data-testid=report-flags]');
  await flags.waitFor({ state: 'visible', timeout: 10_000 });
  await flags.locator('[data-testid=flag-near]').first().scrollIntoViewIfNeeded();
  check((await flags.innerText()).includes(heading), `phone flags (${lang}) lack "${heading}"`);
  // Nothing in the flags wider than the sheet (a long title or route name would push it).
  const overflow = await flags.evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    return [...el.querySelectorAll('*')]
      .filter((c) => c.getBoundingClientRect().right > right + 1)
      .map((c) => c.outerHTML.slice(0, 80));
  });
  check(overflow.length === 0, `flags wider than the sheet (${lang}): ${overflow.join(' | ')}`);
  // Each flagged report is one link a finger can hit.
  const target = await flags.locator('[data-testid=flag-near] a').first().boundingBox();
  check(target && target.height >= 44, `flag link ${target?.height} px tall on a phone`);
  await mapIdle(page);
  await screenshot(page, `info-map-plan-flags-390x844-${lang}`);
  await page.click('nav.tabs [data-tab=coverage]');
  await page.setViewportSize(DESKTOP);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function infoMapScenarios({ browser, baseUrl, accounts, test, screenshot }) {
  const commander = accounts.commander ?? accounts.user;
  if (!commander) {
    log('info-map: no commander account, skipped');
    return;
  }
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString(36);
  /** @type {{ fresh: number, old: number, bare: number, line: number | null, object: number | null }} */
  const ids = { fresh: 0, old: 0, bare: 0, line: null, object: null };
  /** @type {Awaited<ReturnType<typeof placesInAnGiang>>} */
  let places;

  try {
    await test('info-map: a commander records reports and an object through the API', async () => {
      await page.goto(`${baseUrl}/?p=an_giang&hs=off`);
      await signInWithDialog(page, commander);
      places = await placesInAnGiang(page);
      const common = {
        reliability: 'B',
        credibility: 2,
        distribution: 'both',
        tlp: 'green',
        category: 'cigarettes',
        text: 'Tin thử nghiệm (synthetic) của kiểm thử trình duyệt.',
      };
      const fresh = await api(page, 'POST', '/api/reports', {
        ...common,
        title: `Ghe lạ neo gần bờ ${stamp}`,
        kind: 'boat',
        geometry: { type: 'Point', coordinates: places.a },
      });
      const old = await api(page, 'POST', '/api/reports', {
        ...common,
        title: `Xe tải nghi chở hàng lậu ${stamp}`,
        kind: 'vehicle',
        received_at: new Date(Date.now() - 100 * DAY_MS).toISOString(),
        geometry: { type: 'Point', coordinates: places.b },
      });
      // A tip without a goods category, 2 km from the new one: the goods filter hides it.
      const bare = await api(page, 'POST', '/api/reports', {
        ...common,
        category: null,
        title: `Kho tạm ven kênh ${stamp}`,
        kind: 'warehouse',
        geometry: { type: 'Point', coordinates: places.c },
      });
      ids.fresh = fresh.id;
      ids.old = old.id;
      ids.bare = bare.id;
      if (places.canalCode) {
        const line = await api(page, 'POST', '/api/reports', {
          ...common,
          reliability: 'E',
          credibility: 5,
          tlp: 'amber',
          title: `Ghe chạy đêm trên kênh ${stamp}`,
          kind: 'boat',
          place: `waterways:${places.canalCode}`,
        });
        ids.line = line.id;
      }
      const object = await api(page, 'POST', '/api/objects', {
        kind: 'boat',
        identifier: `AG-E2E-${stamp}`,
        description: 'Ghe gỗ sơn xanh (synthetic)',
        province: 'an_giang',
        distribution: 'both',
        tlp: 'green',
      });
      ids.object = object.id;
      const [lon, lat] = places.frontierVertex;
      for (const [dx, i] of [
        [0, 1],
        [0.004, 2],
      ])
        await api(page, 'POST', `/api/objects/${object.id}/sightings`, {
          seen_at: new Date(Date.now() - i * DAY_MS).toISOString(),
          lon: lon + dx,
          lat,
          note: 'e2e',
        });
    });

    await test('info-map: the reports layer is listed, counted and drawn by kind', async () => {
      await page.reload();
      await page.waitForSelector('li[data-layer=reports] .layer-count[data-count]', {
        timeout: 60_000,
      });
      const count = Number(
        await page.getAttribute('li[data-layer=reports] .layer-count', 'data-count'),
      );
      check(count >= 2, `reports layer counts ${count}`);
      await page.waitForSelector('[data-legend=reports]', { timeout: 10_000 });
      await page.click('[data-testid=reports-legend] summary');
      await page.waitForSelector('[data-testid=reports-legend-age]');
      // Seizures, gates and hot spots off: nothing above the reports where the pixels are read.
      await setLayer(page, 'seizures', false);
      await setLayer(page, 'border_gates', false);
      await page.evaluate(
        ([a, b]) =>
          window.__brmMap?.fitBounds(
            [
              [Math.min(a[0], b[0]) - 0.03, Math.min(a[1], b[1]) - 0.03],
              [Math.max(a[0], b[0]) + 0.03, Math.max(a[1], b[1]) + 0.03],
            ],
            { duration: 0 },
          ),
        [places.a, places.b],
      );
      await mapIdle(page);
      const drawn = await page.evaluate(() =>
        (
          window.__brmMap?.queryRenderedFeatures(undefined, { layers: ['reports-point'] }) ?? []
        ).map((f) => ({
          title: f.properties.title,
          age: f.properties.age_days,
          kind: f.properties.kind,
        })),
      );
      const fresh = drawn.find((f) => String(f.title).endsWith(stamp) && f.kind === 'boat');
      const old = drawn.find((f) => String(f.title).endsWith(stamp) && f.kind === 'vehicle');
      check(fresh && old, `both reports drawn: ${JSON.stringify(drawn)}`);
      check(Number(fresh.age) < 1, `new report age ${fresh.age}`);
      check(Number(old.age) >= 99, `old report age ${old.age}`);
    });

    await test('info-map: an old report is drawn fainter than a new one', async () => {
      const freshPx = await pixelAt(page, places.a);
      const oldPx = await pixelAt(page, places.b);
      // The new boat is its kind's colour at full opacity; the 100-day-old vehicle is its colour
      // at a quarter over the land, so far from it.
      const dFresh = distance(freshPx, '#1b9e77');
      const dOld = distance(oldPx, '#d6246e');
      log(
        `info-map: new ${freshPx} (${dFresh.toFixed(0)} from its colour), old ${oldPx} (${dOld.toFixed(0)})`,
      );
      check(dFresh < 30, `new report pixel ${freshPx} is not its kind colour`);
      check(dOld > 90, `old report pixel ${oldPx} is not faded`);
    });

    await test('info-map: the layer switches off and on', async () => {
      await setLayer(page, 'reports', false);
      await mapIdle(page);
      const off = await page.evaluate(() => ({
        visibility: window.__brmMap?.getLayoutProperty('reports-point', 'visibility'),
        n: window.__brmMap?.queryRenderedFeatures(undefined, { layers: ['reports-point'] }).length,
      }));
      check(
        off.visibility === 'none' && off.n === 0,
        `still drawn when off: ${JSON.stringify(off)}`,
      );
      await setLayer(page, 'reports', true);
      await mapIdle(page);
      const on = await page.evaluate(
        () =>
          window.__brmMap?.queryRenderedFeatures(undefined, { layers: ['reports-point'] }).length ??
          0,
      );
      check(on >= 2, `not drawn again when on: ${on}`);
    });

    await test('info-map: the popup shows the marking and links to the register', async () => {
      const box = await page.locator('.maplibregl-canvas').boundingBox();
      check(box, 'no canvas');
      const p = await page.evaluate(
        (a) => window.__brmMap?.project(/** @type {[number, number]} */ (a)),
        places.a,
      );
      check(p, 'no projection');
      await page.mouse.click(box.x + p.x, box.y + p.y);
      const popup = page.locator('.brm-popup article[data-layer=reports]');
      await popup.waitFor({ state: 'visible', timeout: 5000 });
      const text = await popup.innerText();
      check(text.includes(`Ghe lạ neo gần bờ ${stamp}`), `popup text: ${text}`);
      check(text.includes('B2'), 'popup lacks the rating');
      check((await popup.locator('[data-tlp=green]').count()) === 1, 'popup lacks TLP:GREEN');
      const href = await popup.locator('[data-testid=popup-open-info]').getAttribute('href');
      check(href?.endsWith(`/info?report=${ids.fresh}`), `link ${href}`);
      await screenshot(page, 'info-map-1366x768-vi');
      await page.keyboard.press('Escape');
    });

    await test('info-map: the object seen twice on the frontier is a layer', async () => {
      await page.waitForSelector('li[data-layer=objects_near_frontier] .layer-count[data-count]', {
        timeout: 30_000,
      });
      const n = Number(
        await page.getAttribute('li[data-layer=objects_near_frontier] .layer-count', 'data-count'),
      );
      check(n >= 1, `objects near the frontier: ${n}`);
      const [lon, lat] = places.frontierVertex;
      await page.evaluate(
        ([lon, lat]) => window.__brmMap?.jumpTo({ center: [lon + 0.002, lat], zoom: 12 }),
        [lon, lat],
      );
      await mapIdle(page);
      const objects = await page.evaluate(
        () =>
          window.__brmMap
            ?.queryRenderedFeatures(undefined, { layers: ['objects-point'] })
            .map((f) => Number(f.id ?? f.properties.id)) ?? [],
      );
      check(objects.includes(Number(ids.object)), `object ${ids.object} not drawn: ${objects}`);
      await setLayer(page, 'objects_near_frontier', false);
      await mapIdle(page);
      const hidden = await page.evaluate(() =>
        window.__brmMap?.getLayoutProperty('objects-point', 'visibility'),
      );
      check(hidden === 'none', 'objects still drawn when off');
      await setLayer(page, 'objects_near_frontier', true);
    });

    await test("info-map: the reports follow the map's dates, goods and province", async () => {
      // Framed on the three test reports (the new one, the old one and the one without goods).
      await page.evaluate(
        (points) => {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          window.__brmMap?.fitBounds(
            [
              [Math.min(...xs) - 0.03, Math.min(...ys) - 0.03],
              [Math.max(...xs) + 0.03, Math.max(...ys) + 0.03],
            ],
            { duration: 0 },
          );
        },
        [places.a, places.b, places.c],
      );
      await mapIdle(page);
      /** Which of the test's reports are drawn: n(ew), o(ld), b(are), sorted. */
      const drawn = async () => {
        await mapIdle(page);
        return page.evaluate((stamp) => {
          const kinds = { boat: 'n', vehicle: 'o', warehouse: 'b' };
          const features =
            window.__brmMap?.queryRenderedFeatures(undefined, { layers: ['reports-point'] }) ?? [];
          return features
            .filter((f) => String(f.properties.title).endsWith(stamp))
            .map((f) => kinds[/** @type {keyof typeof kinds} */ (f.properties.kind)])
            .sort()
            .join('');
        }, stamp);
      };
      const countOf = async () =>
        Number(await page.getAttribute('li[data-layer=reports] .layer-count', 'data-count'));
      const all = await countOf();
      check((await drawn()) === 'bno', `unfiltered: ${await drawn()}`);
      /** @type {string[]} */
      const asked = [];
      const onRequest = (/** @type {import('playwright-core').Request} */ r) => {
        if (new URL(r.url()).pathname === '/api/layers/reports') asked.push(r.url());
      };
      page.on('request', onRequest);
      try {
        // The last ten Vietnamese days: the 100-day-old report leaves the map.
        const vnDay = (/** @type {number} */ daysAgo) =>
          new Date(Date.now() + 7 * 3_600_000 - daysAgo * DAY_MS)
            .toISOString()
            .slice(0, 10)
            .split('-')
            .reverse()
            .join('/');
        await page.fill('#filter-from', vnDay(10));
        await page.press('#filter-from', 'Enter');
        await page.fill('#filter-to', vnDay(0));
        await page.press('#filter-to', 'Enter');
        await page.waitForSelector('[data-testid=reports-filtered][data-dates=true]');
        check((await drawn()) === 'bn', `last ten days: ${await drawn()}`);
        const shown = await countOf();
        check(shown < all, `row counts ${shown} of ${all} with the window`);
        const note = await page.locator('[data-testid=reports-filtered]').innerText();
        check(
          note.includes('Lọc theo ngày nhận tin') && note.includes(`${shown}/${all}`),
          `note: ${note}`,
        );
        // Cigarettes only: the report without goods leaves too.
        await page.click('details.categories summary');
        await page
          .locator('details.categories .grid label', { hasText: 'Thuốc lá' })
          .locator('input')
          .check();
        await page.waitForSelector('[data-testid=reports-filtered][data-goods=true]');
        check((await drawn()) === 'n', `cigarettes, last ten days: ${await drawn()}`);
        await page.locator('li[data-layer=reports]').scrollIntoViewIfNeeded();
        await screenshot(page, 'info-map-filtered-1366x768-vi');
        await page.click('.years .chip:has-text("Toàn bộ thời gian")');
        await page.waitForSelector('[data-testid=reports-filtered][data-dates=false]');
        check((await drawn()) === 'no', `cigarettes, all time: ${await drawn()}`);
        await page
          .locator('details.categories .grid label', { hasText: 'Thuốc lá' })
          .locator('input')
          .uncheck();
        await page.waitForSelector('[data-testid=reports-filtered]', { state: 'detached' });
        check((await drawn()) === 'bno', `filters off: ${await drawn()}`);
        check((await countOf()) === all, 'the row does not count them all again');
        check(asked.length === 0, `the filters asked the server: ${asked.join(' ')}`);
        // Lang Son: the layer is asked again for that province, An Giang's reports leave.
        await page.click('[data-province=lang_son]');
        await page.waitForFunction(
          async (stamp) => {
            const el = document.querySelector('li[data-layer=reports] .layer-count[data-count]');
            const source = /** @type {import('maplibre-gl').GeoJSONSource | undefined} */ (
              window.__brmMap?.getSource('reports')
            );
            const data = source ? JSON.stringify(await source.getData()) : '';
            return el && data.includes('Feature') && !data.includes(stamp);
          },
          stamp,
          { timeout: 30_000 },
        );
        check(
          asked.some((u) => u.includes('province=lang_son')),
          `Lang Son not asked for: ${asked.join(' ')}`,
        );
        await page.click('[data-province=an_giang]');
        // The address follows a moment later; the next scenarios start from it.
        await page.waitForFunction(() => !location.search.includes('p=lang_son'));
        await page.waitForFunction(
          async (stamp) => {
            const source = /** @type {import('maplibre-gl').GeoJSONSource | undefined} */ (
              window.__brmMap?.getSource('reports')
            );
            return source ? JSON.stringify(await source.getData()).includes(stamp) : false;
          },
          stamp,
          { timeout: 30_000 },
        );
      } finally {
        page.off('request', onRequest);
      }
    });

    await test('info-map: the filtered reports row in English and on a phone', async () => {
      const back = page.url();
      const filtered = new URL(back);
      const isoDay = (/** @type {number} */ daysAgo) =>
        new Date(Date.now() + 7 * 3_600_000 - daysAgo * DAY_MS).toISOString().slice(0, 10);
      filtered.searchParams.set('from', isoDay(10));
      filtered.searchParams.set('to', isoDay(0));
      filtered.searchParams.set('cat', 'cigarettes');
      filtered.searchParams.set('agency', 'customs');
      filtered.searchParams.set('lang', 'en');
      // On the new report (drawn), whatever camera the province switch left.
      filtered.searchParams.set('c', places.a.map((v) => v.toFixed(5)).join(','));
      filtered.searchParams.set('z', '11');
      await page.goto(filtered.toString());
      const note = page.locator('[data-testid=reports-filtered][data-dates=true][data-goods=true]');
      await note.waitFor({ timeout: 60_000 });
      check(
        (await note.innerText()).startsWith('Filtered by date received and goods'),
        `English note: ${await note.innerText()}`,
      );
      check(
        (await page.locator('[data-testid=reports-agency-ignored]').innerText()).includes(
          'force filter does not apply',
        ),
        'no word that the force filter leaves the reports alone',
      );
      await page.locator('li[data-layer=reports]').scrollIntoViewIfNeeded();
      await mapIdle(page);
      await screenshot(page, 'info-map-filtered-1366x768-en');
      for (const lang of ['vi', 'en']) {
        const phone = await browser.newContext({
          viewport: PHONE,
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'vi-VN',
          storageState: await context.storageState(),
        });
        try {
          const p = await phone.newPage();
          p.on('pageerror', (e) => errors.push(e.message));
          filtered.searchParams.set('lang', lang);
          await p.goto(filtered.toString());
          await p.click('nav.tabs button[data-tab=layers]');
          const row = p.locator('[data-testid=reports-filtered]');
          await row.waitFor({ timeout: 60_000 });
          await p.locator('li[data-layer=reports]').scrollIntoViewIfNeeded();
          await mapIdle(p);
          await screenshot(p, `info-map-filtered-390x844-${lang}`);
        } finally {
          await phone.close();
        }
      }
      await page.goto(back);
      await page.waitForSelector('li[data-layer=reports] .layer-count[data-count]', {
        timeout: 60_000,
      });
    });

    await test('info-map: the object register lists, opens and records a sighting', async () => {
      const info = await context.newPage();
      info.on('pageerror', (e) => errors.push(e.message));
      try {
        // The map popup's link to an object: its tab, that object open.
        await info.goto(`${baseUrl}/info?tab=objects&object=${ids.object}`);
        const detail = info.locator(`[data-testid=object-detail][data-id="${ids.object}"]`);
        await detail.locator('[data-testid=object-sighting]').first().waitFor({ timeout: 30_000 });
        check(
          (await detail.locator('[data-testid=object-sighting]').count()) === 2,
          'the object has not its two sightings',
        );
        // A commander reads identifiers (view_identifiers).
        const ident = await detail.locator('[data-testid=object-identifier]').innerText();
        check(ident.includes(`AG-E2E-${stamp}`), `identifier shown as ${ident}`);
        const row = info.locator(`[data-testid=object-row][data-id="${ids.object}"]`);
        await row.waitFor({ timeout: 15_000 });
        const listed = await info.evaluate(async (id) => {
          const r = await fetch('/api/objects?limit=200', { credentials: 'same-origin' });
          const body = await r.json();
          return body.items?.find((/** @type {any} */ o) => o.id === id) ?? body;
        }, ids.object);
        check(
          (await row.locator('[data-testid=object-near]').count()) === 1,
          `not marked near the frontier in the list: ${JSON.stringify(listed)} / ${await row.innerText()}`,
        );
        // Seen again, from the new report.
        await detail.locator('[data-testid=sighting-mode]').selectOption('report');
        await detail.locator('[data-testid=sighting-ref]').fill(String(ids.fresh));
        await detail.locator('[data-testid=sighting-submit]').click();
        await info.waitForFunction(
          (id) =>
            document.querySelectorAll(
              `[data-testid=object-detail][data-id="${id}"] [data-testid=object-sighting]`,
            ).length === 3,
          ids.object,
          { timeout: 15_000 },
        );
        check(
          (await detail.locator('[data-testid=object-report-link]').count()) >= 1,
          'the report is not linked from the object',
        );
        await screenshot(info, 'info-map-objects-1366x768-vi');
        // A new object through the form.
        await info.click('[data-testid=object-new]');
        await info.locator('[data-testid=object-form-identifier]').fill(`LS-E2E-${stamp}`);
        await info.locator('[data-testid=object-form-kind]').selectOption('vehicle');
        await info.locator('[data-testid=object-form-province]').selectOption('lang_son');
        await info.click('[data-testid=object-form-submit]');
        await info.waitForFunction(
          (ident) =>
            document
              .querySelector('[data-testid=object-detail] [data-testid=object-identifier]')
              ?.textContent?.includes(ident),
          `LS-E2E-${stamp}`,
          { timeout: 15_000 },
        );
        // The exchange panel: both forces and the reviews' baseline.
        await info.goto(`${baseUrl}/info?tab=exchange&lang=en`);
        await info.waitForSelector('[data-testid=exchange-row][data-agency=border_guard]', {
          timeout: 30_000,
        });
        const baseline = await info
          .locator('[data-testid=exchange-baseline][data-agency=border_guard]')
          .innerText();
        check(baseline.includes('336/468'), `baseline: ${baseline}`);
        await info.waitForSelector('[data-testid=exchange-panel][aria-busy=false]');
        await screenshot(info, 'info-map-exchange-1366x768-en');
        for (const lang of ['vi', 'en']) {
          await info.setViewportSize(PHONE);
          await info.goto(`${baseUrl}/info?tab=exchange&lang=${lang}`);
          await info.waitForSelector('[data-testid=exchange-panel][aria-busy=false]', {
            timeout: 30_000,
          });
          await screenshot(info, `info-map-exchange-390x844-${lang}`);
          await info.goto(`${baseUrl}/info?tab=objects&object=${ids.object}&lang=${lang}`);
          await detail
            .locator('[data-testid=object-sighting]')
            .first()
            .waitFor({ timeout: 30_000 });
          await screenshot(info, `info-map-objects-390x844-${lang}`);
        }
      } finally {
        await info.close();
      }
    });

    await test('info-map: screenshots in English and on a phone', async () => {
      // Frame the reports and the object together; the address then carries that camera.
      await page.evaluate(
        (points) => {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          window.__brmMap?.fitBounds(
            [
              [Math.min(...xs), Math.min(...ys)],
              [Math.max(...xs), Math.max(...ys)],
            ],
            { padding: 60, duration: 0 },
          );
        },
        [places.a, places.b, places.frontierVertex],
      );
      await mapIdle(page);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('c'));
      await page.waitForTimeout(500);
      const url = new URL(page.url());
      url.searchParams.set('lang', 'en');
      await page.goto(url.toString());
      await page.waitForSelector('li[data-layer=reports] .layer-count[data-count]', {
        timeout: 60_000,
      });
      await mapIdle(page);
      await screenshot(page, 'info-map-1366x768-en');
      for (const lang of ['vi', 'en']) {
        const phone = await browser.newContext({
          viewport: PHONE,
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'vi-VN',
          storageState: await context.storageState(),
        });
        const p = await phone.newPage();
        p.on('pageerror', (e) => errors.push(e.message));
        const phoneUrl = new URL(url.toString());
        phoneUrl.searchParams.set('lang', lang);
        await p.goto(phoneUrl.toString());
        await p.waitForFunction(() => Boolean(window.__brmMap?.isStyleLoaded()), null, {
          timeout: 60_000,
        });
        await p.click('nav.tabs button[data-tab=layers]');
        await p.waitForSelector('li[data-layer=reports] .layer-count[data-count]', {
          timeout: 60_000,
        });
        await mapIdle(p);
        await screenshot(p, `info-map-390x844-${lang}`);
        // The map itself, the sheet closed: the reports and the object in view.
        await p.click('[data-testid=sheet-close]');
        await mapIdle(p);
        await screenshot(p, `info-map-390x844-${lang}-map`);
        await phone.close();
      }
    });

    await test('info-map: the planner sees the reports near a planned route', async () => {
      const planner = accounts.planner;
      if (!planner) {
        log('info-map: no planner account, flags skipped');
        return;
      }
      const plannerContext = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
      const pp = await plannerContext.newPage();
      pp.on('pageerror', (e) => errors.push(e.message));
      try {
        await pp.goto(`${baseUrl}/plan`);
        await signInWithDialog(pp, planner);
        await pp.waitForSelector('[data-testid=plan-create]', { timeout: 30_000 });
        const name = `Kế hoạch tin ${stamp}`;
        const plan = await api(pp, 'POST', '/api/plans', {
          name,
          province: 'an_giang',
          agency: 'border_guard',
        });
        const [x, y] = places.a;
        await api(pp, 'PUT', `/api/plans/${plan.id}`, {
          version: plan.version,
          name,
          agency: plan.agency,
          routes: [
            {
              name: 'Tuyến ven kênh',
              agency: plan.agency,
              radius_m: 1000,
              shifts_per_week: 7,
              // About 600 m north of the new report, running east-west.
              geometry: {
                type: 'LineString',
                coordinates: [
                  [x - 0.02, y + 0.0055],
                  [x + 0.02, y + 0.0055],
                ],
              },
            },
          ],
        });
        const asked = await api(pp, 'POST', '/api/reports/flags', {
          province: 'an_giang',
          plan: plan.id,
        });
        log(
          `info-map: flags of the plan: near ${JSON.stringify(asked.near_route.map((/** @type {any} */ f) => [f.id, Math.round(f.distance_m)]))}`,
        );
        await pp.reload();
        await pp.waitForSelector(`[data-plan="${name}"] [data-testid=plan-open]`, {
          timeout: 30_000,
        });
        await pp.click(`[data-plan="${name}"] [data-testid=plan-open]`);
        await pp.click('[data-side-tab=coverage]');
        await pp.waitForSelector(`[data-testid=flag-near][data-id="${ids.fresh}"]`, {
          timeout: 60_000,
        });
        const flagged = await pp.locator('[data-testid=flag-near]').count();
        check(flagged >= 1, 'no report near the routes');
        // The 100-day-old report lies 4 km away: not near the route.
        check(
          (await pp.locator(`[data-testid=flag-near][data-id="${ids.old}"]`).count()) === 0,
          'the far report is flagged near the route',
        );
        const text = await pp.locator('[data-testid=report-flags]').innerText();
        check(text.includes('Tin gần tuyến'), `flags panel: ${text}`);
        await pp.evaluate(
          (a) => window.__brmMap?.jumpTo({ center: /** @type {[number, number]} */ (a), zoom: 12 }),
          places.a,
        );
        await mapIdle(pp);
        const rings = await pp.evaluate(
          () =>
            window.__brmMap?.queryRenderedFeatures(undefined, {
              layers: ['plan-report-flags-ring'],
            }).length ?? 0,
        );
        check(rings >= 1, 'the flagged report is not ringed on the map');
        await screenshot(pp, 'info-map-plan-1366x768-vi');
        await flagsOnPhone(pp, screenshot, 'vi', 'Tin gần tuyến');
        const en = new URL(pp.url());
        en.searchParams.set('lang', 'en');
        await pp.goto(en.toString());
        await pp.waitForSelector(`[data-plan="${name}"] [data-testid=plan-open]`, {
          timeout: 30_000,
        });
        await pp.click(`[data-plan="${name}"] [data-testid=plan-open]`);
        await pp.click('[data-side-tab=coverage]');
        await pp.waitForSelector(`[data-testid=flag-near][data-id="${ids.fresh}"]`, {
          timeout: 60_000,
        });
        check(
          (await pp.locator('[data-testid=report-flags]').innerText()).includes(
            'Reports near the routes',
          ),
          'no English flags heading',
        );
        await mapIdle(pp);
        await screenshot(pp, 'info-map-plan-1366x768-en');
        await flagsOnPhone(pp, screenshot, 'en', 'Reports near the routes');
      } finally {
        await plannerContext.close();
      }
    });

    await test('info-map: no page errors', async () => {
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    });
  } finally {
    await context.close();
  }
}
