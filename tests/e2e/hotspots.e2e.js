/**
 * The commander's hot-spot view on the map page: the hex layer (deck.gl, under the frontier,
 * gates and names) follows the time window and sends the window with its request; the switch
 * to "how it is changing" shows trend categories and their legend; a window too short for a
 * trend says so; density has its own ramp; a top hot spot flies the map to its cell; play
 * steps the window a month at a time and the URL follows; the forecast sentence quotes the
 * API's numbers. Screenshots: hotspots-<mode>-<lang>-<width>.png at 1366x768 and 390x844.
 */
import { mapIdle } from './lib/map.js';
import { check } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

/**
 * The hexagons deck.gl draws in the main map (or an inset): layer id, cells, their fills.
 * @param {import('playwright-core').Page} page
 * @param {'an_giang' | 'lang_son'} [inset]
 */
export function drawnHexes(page, inset) {
  return page.evaluate((which) => {
    const overlay = which ? window.__brmDecks?.[which] : window.__brmDeck;
    // @ts-expect-error the overlay keeps its props private
    const layers = overlay?._props?.layers ?? overlay?._deck?.props?.layers ?? [];
    /** @type {any} */
    const layer = layers.find((/** @type {any} */ l) => String(l.id).startsWith('hotspots-'));
    if (!layer) return null;
    /** @type {any[]} */
    const data = layer.props.data;
    return {
      id: String(layer.id),
      beforeId: layer.props.beforeId,
      cells: data.map((f) => String(f.properties.cell_id)),
      fills: data.map((f) => layer.props.getFillColor(f).join(',')),
      categories: data.map((f) => f.properties.category ?? null),
      lineWidths: data.map((f) => layer.props.getLineWidth(f)),
    };
  }, inset);
}

/**
 * Runs `action` and resolves with the hot-spot answer it caused (the request's URL and body),
 * once the panel has drawn it.
 * @param {import('playwright-core').Page} page
 * @param {RegExp} path
 * @param {() => Promise<unknown>} action
 * @param {(url: URL) => boolean} [match] Which request, when the action makes several.
 */
async function answerOf(page, path, action, match = () => true) {
  const response = page.waitForResponse(
    (r) => {
      const url = new URL(r.url());
      return path.test(url.pathname) && match(url);
    },
    { timeout: 60_000 },
  );
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

const HOTSPOTS = /^\/api\/hotspots$/;
const EMERGING = /^\/api\/hotspots\/emerging$/;

/**
 * Opens the map at a query and waits for its first hot-spot answer.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} query
 * @param {RegExp} [path]
 */
async function open(page, baseUrl, query, path = HOTSPOTS) {
  // Leave the previous map first: an answer it was still waiting for must not be taken for
  // the new page's (its body is gone once the page navigates away).
  await page.goto('about:blank');
  return answerOf(page, path, () => page.goto(`${baseUrl}/${query}`));
}

/**
 * Shows the hot-spot section at the top of the panel (a desktop) for a screenshot.
 * @param {import('playwright-core').Page} page
 */
async function panelOnHotspots(page) {
  // The panel scrolls, not the page (scrollIntoView would move the whole page up).
  await page.evaluate(() => {
    const panel = document.getElementById('map-panel');
    const section = document.querySelector('[data-section=hotspots]');
    if (panel && section instanceof HTMLElement)
      panel.scrollTop = section.offsetTop - panel.offsetTop;
  });
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function hotspotScenarios({ browser, page, baseUrl, accounts, test, screenshot }) {
  await page.setViewportSize({ width: 1366, height: 768 });

  await test('draws hot spots as hexagons by confidence, under the frontier, gates and names', async () => {
    const { url, body } = await open(page, baseUrl, '?p=an_giang');
    check(url.searchParams.get('province') === 'an_giang', `asked for ${url.search}`);
    const hexes = await drawnHexes(page);
    check(hexes && hexes.cells.length > 0, 'no hexagons drawn');
    const significant = body.features.filter((/** @type {any} */ f) => f.properties.class !== 0);
    check(
      hexes.cells.length === significant.length,
      `${hexes.cells.length} drawn, ${significant.length} significant cells in the answer`,
    );
    // The strongest class in the answer is drawn in the 99 % red.
    const hot99 = significant.find((/** @type {any} */ f) => f.properties.class === 3);
    if (hot99) {
      const i = hexes.cells.indexOf(hot99.properties.cell_id);
      check(hexes.fills[i] === '178,24,43,173', `a 99 % hot cell is drawn ${hexes.fills[i]}`);
    }
    // deck.gl's layers are custom layers: in the map's order, not in its style's JSON.
    const order = await page.evaluate(() => window.__brmMap?.getLayersOrder());
    check(order, 'no style');
    const group = order.findIndex((id) => id.startsWith('deck-layer-group-before:'));
    check(group >= 0, `no deck.gl layer in the map's stack: ${order.join(' ')}`);
    for (const above of ['frontier-line', 'gates-symbol', 'gates-label', 'provinces-label']) {
      check(order.indexOf(above) > group, `${above} is drawn under the hexagons`);
    }
    const legend = await page.locator('[data-hotspot-legend=gi] tr[data-level]').count();
    check(legend === 3, `${legend} confidence levels in the legend`);
    const words = (await page.textContent('[data-hotspot-legend=gi]')) ?? '';
    check(words.includes('99') && words.includes('ngẫu nhiên'), `legend says: ${words}`);
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-gi-vi-1366');
  });

  await test('changing the time window changes the hex layer and the request', async () => {
    const before = await drawnHexes(page);
    const all = await page.evaluate(() =>
      document.querySelector('[data-testid=hotspot-summary]')?.textContent?.trim(),
    );
    // The first year chip: one year of the data.
    const chip = page.locator('.years .chip').nth(1);
    const year = ((await chip.textContent()) ?? '').trim();
    check(/^\d{4}$/.test(year), `no year chip: ${year}`);
    const { url, body } = await answerOf(page, HOTSPOTS, () => chip.click());
    check(url.searchParams.get('from') === `${year}-01-01`, `from ${url.searchParams.get('from')}`);
    check(url.searchParams.get('to') === `${year}-12-31`, `to ${url.searchParams.get('to')}`);
    const after = await drawnHexes(page);
    check(before && after, 'hexagons missing');
    const drawn = body.features.filter((/** @type {any} */ f) => f.properties.class !== 0).length;
    check(after.cells.length === drawn, `${after.cells.length} drawn, ${drawn} in the answer`);
    check(
      before.cells.join() !== after.cells.join() || before.fills.join() !== after.fills.join(),
      'the hexagons did not change with the window',
    );
    const one = await page.textContent('[data-testid=hotspot-summary]');
    check(one?.trim() !== all, `the summary did not change: ${one}`);
    await answerOf(page, HOTSPOTS, () => chip.click());
  });

  await test('switches to how it is changing: trend categories and their legend', async () => {
    const { url, status, body } = await answerOf(page, EMERGING, () =>
      page.click('[data-mode=emerging]'),
    );
    check(status === 200, `emerging answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
    check(url.searchParams.get('step') === 'month', `step ${url.searchParams.get('step')}`);
    const hexes = await drawnHexes(page);
    check(hexes && hexes.cells.length > 0, 'no emerging cells drawn');
    check(
      hexes.categories.every((c) => c && c !== 'no_pattern'),
      `drawn without a category: ${hexes.categories.slice(0, 5)}`,
    );
    const shown = await page.locator('[data-hotspot-legend=emerging] li[data-category]').count();
    const kinds = new Set(hexes.categories).size;
    check(shown === kinds, `the legend lists ${shown} categories, the map draws ${kinds}`);
    check(
      (await page.locator('[data-hotspot-legend=gi]').count()) === 0,
      'the confidence legend is still shown',
    );
    await page.waitForFunction(() => location.search.includes('hs=emerging'));
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-emerging-vi-1366');
  });

  await test('says in plain words when the window is too short for a trend', async () => {
    const year = ((await page.locator('.years .chip').nth(1).textContent()) ?? '').trim();
    await answerOf(
      page,
      EMERGING,
      async () => {
        await page.fill('#filter-from', `01/01/${year}`);
        await page.press('#filter-from', 'Enter');
        await page.fill('#filter-to', `31/03/${year}`);
        await page.press('#filter-to', 'Enter');
      },
      (url) => url.searchParams.get('to') === `${year}-03-31`,
    );
    const text = (await page.textContent('[data-testid=hotspots-too-short]')) ?? '';
    check(text.includes('quá ngắn') && text.includes('10'), `says: ${text}`);
    check((await drawnHexes(page)) === null, 'hexagons of another window are still drawn');
    await answerOf(page, EMERGING, () => page.click('.years .chip >> nth=0'));
  });

  await test('draws density with its own ramp', async () => {
    await answerOf(page, HOTSPOTS, () => page.click('[data-mode=density]'));
    const ramp = await page.locator('[data-hotspot-legend=density] .ramp li').count();
    check(ramp >= 2 && ramp <= 5, `${ramp} density classes`);
    const hexes = await drawnHexes(page);
    check(hexes && hexes.cells.length > 0, 'no density cells drawn');
    check(
      new Set(hexes.fills).size === ramp,
      `${new Set(hexes.fills).size} fills, ${ramp} classes`,
    );
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-density-vi-1366');
  });

  await test('clicking a top hot spot flies there and outlines its cell', async () => {
    // Density and Gi* share one answer: back to Gi* asks nothing; ask the same for the list.
    await page.click('[data-mode=gi]');
    const body = await page.evaluate(async () =>
      (await fetch('/api/hotspots?province=an_giang&cell=1000&fdr=false')).json(),
    );
    const top = body.summary.top[0];
    check(top, 'no top hot spot in the answer');
    const zoom = await page.evaluate(() => window.__brmMap?.getZoom() ?? 0);
    const moved = page.evaluate(
      () => new Promise((done) => window.__brmMap?.once('moveend', () => done(undefined))),
    );
    await page.click(`[data-testid=top-hotspots] button[data-cell="${top.cell_id}"]`);
    await moved;
    const view = await page.evaluate(() => {
      const m = window.__brmMap;
      return m ? { c: m.getCenter().toArray(), z: m.getZoom() } : null;
    });
    check(view, 'no map');
    const off = Math.hypot(view.c[0] - top.centre[0], view.c[1] - top.centre[1]);
    check(off < 0.005, `the map centres ${off.toFixed(4)}° from the hot spot`);
    check(view.z > zoom + 1, `zoomed from ${zoom} to ${view.z} only`);
    const hexes = await drawnHexes(page);
    check(hexes, 'no hexagons');
    const i = hexes.cells.indexOf(top.cell_id);
    check(i >= 0 && hexes.lineWidths[i] > 0, 'the chosen cell is not outlined');
    check(hexes.lineWidths.filter((w) => w > 0).length === 1, 'more than one cell outlined');
    await page.waitForFunction(
      (id) => new URLSearchParams(location.search).get('spot') === id,
      top.cell_id,
    );
    await screenshot(page, 'hotspots-top-vi-1366');
  });

  await test('play steps the window a month at a time and the URL follows', async () => {
    await page.click('[data-testid=play]');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('from'));
    const first = await page.evaluate(() =>
      Object.fromEntries(new URLSearchParams(location.search)),
    );
    check(/-01$/.test(first.from), `play starts mid-month: ${first.from}`);
    check(
      await page.isVisible('[data-testid=time-player-floating]'),
      'no play controls over the map',
    );
    await page.waitForFunction(
      (from) => {
        const f = new URLSearchParams(location.search).get('from');
        return f !== null && f > from;
      },
      first.from,
      { timeout: 30_000 },
    );
    await page.click('[data-testid=time-player-floating] .play');
    const next = await page.evaluate(() =>
      Object.fromEntries(new URLSearchParams(location.search)),
    );
    const month = (/** @type {string} */ d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    check(month(next.from) - month(first.from) === 1, `${first.from} -> ${next.from}`);
    check(month(next.to) - month(first.to) === 1, `${first.to} -> ${next.to}`);
    const label = (await page.textContent('[data-testid=time-player-floating] .window')) ?? '';
    const [y, m] = next.from.split('-');
    check(label.includes(`01/${m}/${y}`), `the player shows ${label}, the URL ${next.from}`);
    await page.waitForTimeout(2500);
    const paused = await page.evaluate(() => new URLSearchParams(location.search).get('from'));
    check(paused === next.from, `still playing after pause: ${paused}`);
    // Keyboard: the play button is a button; Space on it starts the play again.
    await page.focus('[data-testid=play]');
    await page.keyboard.press('Space');
    check(
      (await page.getAttribute('[data-testid=play]', 'aria-pressed')) === 'true',
      'Space does not play',
    );
    await page.keyboard.press('Space');
    await page.click('[data-testid=time-player-floating] .close');
    await answerOf(page, HOTSPOTS, () => page.click('.years .chip >> nth=0'));
  });

  await test('tells how much last quarter’s hot spots were worth, with the API’s numbers', async () => {
    const forecast = page.waitForResponse((r) => r.url().includes('/api/hotspots/forecast'));
    await open(page, baseUrl, '?p=an_giang');
    const body = await (await forecast).json();
    const row = (body.last_quarter?.results ?? []).find(
      (/** @type {any} */ r) => r.ranker === 'gi_z' && r.share_pct === 5,
    );
    check(
      row && row.hit_rate !== null,
      `no last-quarter row: ${JSON.stringify(body).slice(0, 300)}`,
    );
    await page.waitForSelector('[data-testid=forecast-sentence]');
    const sentence = (await page.textContent('[data-testid=forecast-sentence]')) ?? '';
    const p100 = row.hit_rate * 100;
    const pct = `${p100 < 10 && Math.round(p100) !== p100 ? String(Math.round(p100 * 10) / 10).replace('.', ',') : Math.round(p100)}\u00a0%`;
    const pai = (Math.round(row.pai * 10) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '');
    check(sentence.startsWith('Những ô nóng của quý trước (5'), `sentence: ${sentence}`);
    check(sentence.includes(pct), `sentence lacks ${pct}: ${sentence}`);
    check(
      sentence.includes(`gấp ${pai} lần`) || sentence.includes(`(PAI ${pai})`),
      `no ${pai}: ${sentence}`,
    );
    await page.click('[data-testid=forecast] summary');
    const cells = await page.locator('[data-testid=forecast-table] td').count();
    check(cells === 9, `${cells} cells in the 1/5/10 % table`);
    await panelOnHotspots(page);
    await page.evaluate(() => {
      const panel = document.getElementById('map-panel');
      const box = document.querySelector('[data-testid=forecast]');
      if (panel && box instanceof HTMLElement)
        panel.scrollTop +=
          box.getBoundingClientRect().bottom - panel.getBoundingClientRect().bottom + 8;
    });
    await screenshot(page, 'hotspots-forecast-vi-1366');
  });

  await test('both provinces: hot spots per province, said so', async () => {
    await page.goto(`${baseUrl}/?p=all`);
    await page.waitForFunction(
      () => document.querySelector('.hotspots')?.getAttribute('data-status') === 'ready',
      null,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => window.__brmDecks?.an_giang && window.__brmDecks?.lang_son);
    const ag = await drawnHexes(page, 'an_giang');
    const ls = await drawnHexes(page, 'lang_son');
    check(
      ag?.id === 'hotspots-an_giang' && ls?.id === 'hotspots-lang_son',
      'an inset lacks its hexagons',
    );
    const note = (await page.textContent('.hotspots')) ?? '';
    check(
      note.includes('riêng cho từng tỉnh'),
      'the panel does not say hot spots are per province',
    );
  });

  await test('reads in English at 1366x768', async () => {
    await open(page, baseUrl, '?lang=en');
    await page.waitForSelector('[data-testid=forecast-sentence]');
    const sentence = (await page.textContent('[data-testid=forecast-sentence]')) ?? '';
    check(/^Last quarter's hot spots \(5\u00a0% of the area\)/.test(sentence), sentence);
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-gi-en-1366');
    await answerOf(page, EMERGING, () => page.click('[data-mode=emerging]'));
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-emerging-en-1366');
    await answerOf(page, HOTSPOTS, () => page.click('[data-mode=density]'));
    await panelOnHotspots(page);
    await screenshot(page, 'hotspots-density-en-1366');
    await page.goto(`${baseUrl}/`);
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
    await test('shows hot spots on a phone in both languages', async () => {
      for (const lang of /** @type {const} */ (['vi', 'en'])) {
        const q = lang === 'en' ? '&lang=en' : '';
        for (const [mode, path] of /** @type {const} */ ([
          ['gi', HOTSPOTS],
          ['emerging', EMERGING],
          ['density', HOTSPOTS],
        ])) {
          await open(p, baseUrl, `?hs=${mode}${q}`, path);
          await screenshot(p, `hotspots-${mode}-${lang}-390-map`);
          await p.click('[data-tab=hotspots]');
          check(await p.isVisible(`[data-hotspot-legend=${mode}]`), `no ${mode} legend on a phone`);
          const buttons = await p
            .locator('[data-section=hotspots] .modes button')
            .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
          for (const h of buttons) check(h >= 40, `a mode button is ${h}px high`);
          await screenshot(p, `hotspots-${mode}-${lang}-390`);
          await p.click('[data-testid=sheet-close]');
        }
      }
    });
  } finally {
    await phone.close();
  }
}
