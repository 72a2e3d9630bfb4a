/**
 * The map page: signing in, every layer of a province, the stats panel, popups, the English
 * interface, switching province and restoring the view from the URL.
 */
import { clickFeature, layersLoaded, rendered, statsReady } from './lib/map.js';
import { check } from './lib/runner.js';

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function mapScenarios({ page, context, baseUrl, accounts, watch, test, screenshot }) {
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
      const credentials = accounts.user;
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
      seizures: ['seizure-points'],
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
    check(
      watch.glyphFailures.length === 0,
      `glyphs failed to load: ${watch.glyphFailures.join(', ')}`,
    );
    await screenshot(page, 'map-an-giang-vi');
  });

  await test('shows the seizure count and value in the stats panel', async () => {
    await statsReady(page);
    const count = await page.getAttribute('li[data-layer=seizures] .layer-count', 'data-count');
    const cases = await page.textContent('[data-stat=cases]');
    check(Number(count) > 0, 'no seizures loaded');
    check(cases?.replace(/\./g, '') === count, `stats say ${cases} cases, the layer ${count}`);
    const value = await page.textContent('[data-stat=value]');
    check(/(tỷ|triệu)\sđồng|₫/.test(value ?? ''), `total value not in dong: ${value}`);
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
    await clickFeature(page, 'seizure-points');
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
      JSON.stringify(window.__brmMap?.getLayoutProperty('gates-label', 'text-field')),
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
        document.querySelector('[data-province=lang_son]')?.getAttribute('aria-checked') === 'true',
    );
    check((await restored.textContent('h1'))?.includes('Border Risk Map'), 'language not restored');
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
}
