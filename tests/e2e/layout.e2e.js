/**
 * The map page's legibility and layout: every international gate named at each province's
 * default view (1920x1080, 1366x768 and a 390x844 phone) and drawn over the seizure marks, the
 * layer switches and legend on screen at 1366x768 without scrolling, panel sections that close
 * and stay closed, and the phone layout (the map first, one bottom sheet per tab, sign-out and
 * the language switch on screen, filters sized for a thumb). Screenshots of each province's
 * default map at the three sizes in both languages: map-<province>-<lang>-<width>.png.
 */
import { layersLoaded, mapIdle, rendered } from './lib/map.js';
import { check } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844, phone: true },
];
const PROVINCES = ['an_giang', 'lang_son'];
/** The colour inside each major gate's badge (GATE_STYLES in src/lib/map/styles.ts). */
const BADGE_INK = { international: [0x16, 0x23, 0x3a], main: [0x24, 0x56, 0xa6] };

/**
 * The gates of the map's source, with their position on screen.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ name: string, kind: string, x: number, y: number }[]>}
 */
function gatesOnScreen(page) {
  return page.evaluate(() => {
    const map = window.__brmMap;
    if (!map) return [];
    const seen = new Set();
    return map.querySourceFeatures('border_gates').flatMap((f) => {
      const name = String(f.properties?.name_en);
      if (seen.has(name) || f.geometry.type !== 'Point') return [];
      seen.add(name);
      const p = map.project(/** @type {[number, number]} */ (f.geometry.coordinates));
      return [{ name, kind: String(f.properties?.kind), x: p.x, y: p.y }];
    });
  });
}

/**
 * RGB of the map canvas at CSS pixel (x, y).
 * @param {import('playwright-core').Page} page
 * @param {number} x
 * @param {number} y
 * @returns {Promise<number[]>}
 */
function pixel(page, x, y) {
  return page.evaluate(
    ([px, py]) => {
      const source = /** @type {HTMLCanvasElement} */ (window.__brmMap?.getCanvas());
      const ratio = source.width / source.clientWidth;
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(source, 0, 0);
      return [...ctx.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data];
    },
    [x, y],
  );
}

/**
 * Opens a province's default view (no saved camera) in a language and waits for every layer.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} province
 * @param {'vi' | 'en'} lang
 */
async function openDefault(page, baseUrl, province, lang) {
  const query = new URLSearchParams();
  if (province !== 'an_giang') query.set('p', province);
  if (lang === 'en') query.set('lang', 'en');
  await page.goto(`${baseUrl}/?${query}`);
  await layersLoaded(page);
  // The first frame waits for the frontier; let the camera settle before reading the view.
  await page.waitForFunction(() => window.__brmMap && !window.__brmMap.isMoving());
  await mapIdle(page);
}

/**
 * Every element matching `selector` lies inside the viewport.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function allInViewport(page, selector) {
  const viewport = page.viewportSize();
  check(viewport, 'no viewport');
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  check(boxes.length > 0, `nothing matches ${selector}`);
  const outside = boxes.filter(
    (b) => b.top < 0 || b.left < 0 || b.bottom > viewport.height || b.right > viewport.width,
  );
  check(outside.length === 0, `${selector}: ${outside.length} of ${boxes.length} off screen`);
}

/**
 * Height of every element matching `selector` that is shown.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function shownHeights(page, selector) {
  return page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height).filter((h) => h > 0));
}

/**
 * Checks the default view of one province at the page's size and takes its screenshot.
 * @param {import('playwright-core').Page} page
 * @param {{ width: number, phone?: boolean }} size
 * @param {string} province
 * @param {'vi' | 'en'} lang
 * @param {typeof import('./lib/browser.js').screenshot} screenshot
 */
async function checkDefaultView(page, size, province, lang, screenshot) {
  const labelled = new Set(
    (await rendered(page, ['gates-label'])).map((f) => String(f.properties.name_en)),
  );
  const gates = await gatesOnScreen(page);
  const wanted = gates.filter(
    (g) => g.kind === 'international' || (!size.phone && g.kind === 'main'),
  );
  check(
    wanted.some((g) => g.kind === 'international'),
    `no international gate in ${province}`,
  );
  const missing = wanted.filter((g) => !labelled.has(g.name)).map((g) => g.name);
  check(missing.length === 0, `unlabelled at ${size.width}px (${lang}): ${missing.join(', ')}`);
  await screenshot(page, `map-${province.replace('_', '-')}-${lang}-${size.width}`);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function layoutScenarios({ browser, context, baseUrl, accounts, test, screenshot }) {
  const desk = await context.newPage();
  try {
    for (const size of SIZES.filter((s) => !s.phone)) {
      await test(`names every international and main gate at the default views, ${size.width}x${size.height}`, async () => {
        await desk.setViewportSize({ width: size.width, height: size.height });
        for (const province of PROVINCES) {
          for (const lang of /** @type {const} */ (['vi', 'en'])) {
            await openDefault(desk, baseUrl, province, lang);
            await checkDefaultView(desk, size, province, lang, screenshot);
          }
        }
      });
    }

    await test('draws gates and their names over the seizure marks', async () => {
      // getLayersOrder() lists deck.gl's custom layers too, unlike getStyle().
      const order = await desk.evaluate(() => window.__brmMap?.getLayersOrder() ?? []);
      // deck.gl draws its layers in maplibre's stack as a group named after their `beforeId`.
      const marks = order.indexOf('deck-layer-group-before:gates-symbol-minor');
      check(marks >= 0, 'no seizure layer');
      for (const id of ['gates-symbol-minor', 'gates-label', 'gates-symbol']) {
        check(order.indexOf(id) > marks, `${id} is drawn under the seizures`);
      }
      // Pixels: the middle of a major gate's badge shows the badge, whatever seizure lies there.
      let checked = 0;
      for (const province of PROVINCES) {
        await openDefault(desk, baseUrl, province, 'vi');
        const gates = await gatesOnScreen(desk);
        const apart = gates.filter(
          (g) =>
            g.kind in BADGE_INK &&
            gates.every((o) => o === g || Math.hypot(o.x - g.x, o.y - g.y) > 24),
        );
        for (const g of apart) {
          const [r, gr, b] = await pixel(desk, g.x, g.y);
          const ink = BADGE_INK[/** @type {keyof typeof BADGE_INK} */ (g.kind)];
          const off = Math.max(Math.abs(r - ink[0]), Math.abs(gr - ink[1]), Math.abs(b - ink[2]));
          check(off <= 40, `${g.name}: pixel ${r},${gr},${b} is not its badge (${ink})`);
          checked++;
        }
      }
      check(checked >= 3, `only ${checked} gates stood apart enough to check`);
    });

    await test('shows the layer switches and legend without scrolling at 1366x768', async () => {
      await desk.setViewportSize({ width: 1366, height: 768 });
      await desk.evaluate(() => localStorage.removeItem('brm.panel.open'));
      await openDefault(desk, baseUrl, 'an_giang', 'vi');
      check(
        (await desk.evaluate(() => document.getElementById('map-panel')?.scrollTop)) === 0,
        'the panel opened scrolled',
      );
      await allInViewport(desk, 'li[data-layer] .row');
      await allInViewport(desk, '[data-legend]');
      await allInViewport(desk, '.colour-by button');
      await screenshot(desk, 'layout-panel-1366-vi');
    });

    // "≥ VND 1 billion" once ran out of the panel and was cut off at its edge.
    await test('keeps every value-class label inside the panel in English at 1366x768', async () => {
      await openDefault(desk, baseUrl, 'an_giang', 'en');
      const { panel, labels } = await desk.evaluate(() => {
        const box = document.getElementById('map-panel')?.getBoundingClientRect();
        return {
          panel: box ? { left: box.left, right: box.right } : null,
          labels: [...document.querySelectorAll('.size-label')].map((el) => {
            // The text's own extent: it may overflow its grid column into the next label's.
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            return { text: el.textContent, left: r.left, right: r.right, width: el.scrollWidth };
          }),
        };
      });
      check(panel, 'no panel');
      check(labels.length === 4, `${labels.length} value classes shown`);
      for (const l of labels) {
        check(
          l.left >= panel.left && l.right <= panel.right - 8,
          `"${l.text}" reaches ${l.right}px, the panel ends at ${panel.right}px`,
        );
      }
      for (let i = 1; i < labels.length; i++) {
        check(
          labels[i - 1].right <= labels[i].left,
          `"${labels[i - 1].text}" runs into "${labels[i].text}"`,
        );
      }
      await openDefault(desk, baseUrl, 'an_giang', 'vi');
    });

    await test('closes a panel section and remembers it on the next visit', async () => {
      const head = desk.locator('[data-section=stats] .section-head button');
      check((await head.getAttribute('aria-expanded')) === 'true', 'statistics start closed');
      await head.click();
      check(!(await desk.isVisible('[data-stat=cases]')), 'closed statistics still shown');
      const summary = (await head.textContent()) ?? '';
      check(/\d/.test(summary), `a closed section says nothing: ${summary}`);
      await desk.reload();
      await layersLoaded(desk);
      check(
        (await head.getAttribute('aria-expanded')) === 'false',
        'statistics open again after a reload',
      );
      await head.click();
      check(await desk.isVisible('[data-stat=cases]'), 'statistics do not open again');
    });

    await test('colours seizures by goods group as the legend shows', async () => {
      await desk.click('.colour-by button[aria-checked=false]');
      // The colouring the deck.gl points were last built with (their colour accessor's trigger).
      // The layer is rebuilt after the click, on the next frame or so: poll for it.
      const colourNow = () =>
        desk.evaluate(() => {
          const deck = /** @type {any} */ (window.__brmDeck)?._deck;
          const layer = deck?.layerManager
            ?.getLayers()
            .find((/** @type {{ id: string }} */ l) => l.id === 'seizure-points');
          return String(layer?.props.updateTriggers?.getFillColor);
        });
      let colour = await colourNow();
      for (let i = 0; i < 50 && colour !== 'category'; i++) {
        await desk.waitForTimeout(100);
        colour = await colourNow();
      }
      check(colour === 'category', `marks not coloured by goods: ${colour}`);
      const rows = await desk.locator('[data-legend=seizures] li').count();
      check(rows === 6, `the legend shows ${rows} goods groups, not 6`);
      const drawn = await rendered(desk, ['seizure-points']);
      check(drawn.length > 0, 'no seizure marks drawn');
      await screenshot(desk, 'layout-by-goods-vi');
      await desk.click('.colour-by button[aria-checked=false]');
    });
  } finally {
    await desk.close();
  }

  const account = accounts.user;
  if (!account) return;
  const phoneSize = SIZES[2];
  const phone = await browser.newContext({
    viewport: { width: phoneSize.width, height: phoneSize.height },
    locale: 'vi-VN',
    isMobile: true,
    hasTouch: true,
  });
  try {
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/`);
    await signInWithDialog(p, account);
    await layersLoaded(p);

    await test('names every international gate at the default views on a phone', async () => {
      for (const province of PROVINCES) {
        for (const lang of /** @type {const} */ (['vi', 'en'])) {
          await openDefault(p, baseUrl, province, lang);
          await checkDefaultView(p, phoneSize, province, lang, screenshot);
        }
      }
    });

    await test('fills a phone with the map and keeps sign-out and language on screen', async () => {
      await openDefault(p, baseUrl, 'an_giang', 'vi');
      const canvas = await p.locator('.maplibregl-canvas').boundingBox();
      check(
        canvas && canvas.width >= phoneSize.width - 1 && canvas.height >= 600,
        `the map is ${canvas?.width}x${canvas?.height}`,
      );
      check(!(await p.isVisible('#map-panel')), 'the panel covers the map when the page opens');
      await allInViewport(p, '[data-testid=sign-out], [data-testid=locale-switch]');
      for (const h of await shownHeights(
        p,
        '[data-testid=sign-out], [data-testid=locale-switch]',
      )) {
        check(h >= 40, `a header button is ${h}px high`);
      }
      const title = await p.locator('h1').boundingBox();
      check(title && title.height < 24, `the title wraps: ${title?.height}px high`);
      await allInViewport(p, '.tabs button');
    });

    await test('opens and closes the phone panel from its tabs', async () => {
      await p.click('[data-tab=filters]');
      check(await p.isVisible('[data-section=filters]'), 'filters do not open');
      check(!(await p.isVisible('[data-section=layers]')), 'two sections open at once');
      await p.click('.filters summary');
      const controls =
        '.filters .chip, .filters summary, .filters input[type=text], .filters label';
      const heights = await shownHeights(p, controls);
      check(heights.length >= 20, `only ${heights.length} filter controls shown`);
      for (const h of heights) check(h >= 40, `a filter control is ${h}px high`);
      await screenshot(p, 'layout-phone-filters-vi');
      await p.click('[data-testid=sheet-close]');
      check(!(await p.isVisible('#map-panel')), 'the close button does not close the panel');

      await p.click('[data-tab=layers]');
      check(await p.isVisible('[data-legend=border_gates]'), 'the legend is not in the panel');
      const switches = '[data-section=layers] .row, [data-section=layers] .colour-by button';
      for (const h of await shownHeights(p, switches)) {
        check(h >= 40, `a layer switch is ${h}px high`);
      }
      await screenshot(p, 'layout-phone-layers-vi');
      await p.click('[data-tab=layers]');
      check(!(await p.isVisible('#map-panel')), 'its tab does not close the panel');

      await p.click('[data-tab=stats]');
      check(await p.isVisible('[data-stat=cases]'), 'statistics do not open');
      await p.keyboard.press('Escape');
      check(!(await p.isVisible('#map-panel')), 'Escape does not close the panel');
    });

    await test('signs out on a phone', async () => {
      await p.click('[data-testid=locale-switch]');
      await p.waitForFunction(() => document.documentElement.lang === 'en');
      await p.click('[data-tab=layers]');
      await screenshot(p, 'layout-phone-layers-en');
      await p.click('[data-testid=sheet-close]');
      await p.click('[data-testid=sign-out]');
      await p.locator('[data-testid=login-form]').waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot(p, 'layout-phone-signed-out-en');
    });
  } finally {
    await phone.close();
  }
}
