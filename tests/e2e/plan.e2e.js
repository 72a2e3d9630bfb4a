/**
 * The planner's screen (/plan): a planner creates a plan, draws a route along the frontier with
 * the mouse and watches the live preview and the server's covered km rise, saves, reloads and
 * finds the route; a second planner (the admin, in another browser context) saves the same plan
 * meanwhile, so the first one's save gets the 409 explained (which routes changed, by whom) and
 * keeps theirs on top on purpose. Screenshots of the planner with gaps and uncovered crossings
 * marked at 1920x1080, 1366x768 and 390x844 in Vietnamese and English (plan-<size>-<lang>.png).
 */
import { mapIdle } from './lib/map.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const DESKTOP = { width: 1366, height: 768 };

/**
 * Opens /plan in a new context and signs in.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl
 * @param {import('./lib/session.js').Account} account
 */
async function openPlanner(browser, baseUrl, account) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/plan`);
  await signInWithDialog(page, account);
  await page.waitForSelector('[data-testid=plan-create]', { timeout: 30_000 });
  await mapIdle(page, { timeout: 60_000 });
  return { context, page, errors };
}

/**
 * Three screen points along An Giang's frontier, inside the map and clear of its overlays.
 * @param {import('playwright-core').Page} page
 */
async function frontierPoints(page) {
  await mapIdle(page);
  return page.evaluate(async () => {
    const map = window.__brmMap;
    if (!map) throw new Error('no map');
    const canvas = map.getCanvas().getBoundingClientRect();
    // The whole frontier lines from the API (the rendered ones are cut at tile edges); the
    // longest one, its vertices on screen where the map is clear of its overlays.
    const fc = await (await fetch('/api/layers/frontier?province=an_giang')).json();
    /** @type {[number, number][][]} */
    const runs = fc.features.flatMap((/** @type {any} */ f) =>
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
    );
    const on = runs
      .map((run) =>
        run
          .map((c) => map.project(c))
          .filter(
            (p) => p.x > 80 && p.x < canvas.width - 90 && p.y > 170 && p.y < canvas.height - 60,
          ),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (!on || on.length < 10) return [];
    return [0.2, 0.5, 0.8].map((k) => {
      const p = on[Math.floor(on.length * k)];
      return { x: p.x + canvas.left, y: p.y + canvas.top };
    });
  });
}

/** @param {import('playwright-core').Page} page */
const previewKm = async (page) =>
  Number(await page.getAttribute('[data-testid=card-preview]', 'data-km'));

/** @param {import('playwright-core').Page} page */
async function serverKm(page) {
  // Only figures the server gave for the line as it is now: while a newer draft waits for its
  // answer the card still shows the previous one (the fresh-clone run read 7.25 km, the line's
  // figure from halfway through the drawing, where 20.9 km was drawn).
  await page.waitForSelector(
    '[data-testid=coverage-card][data-status=ready] [data-testid=card-covered-km]',
    { timeout: 30_000 },
  );
  return Number(await page.getAttribute('[data-testid=card-covered-km]', 'data-km'));
}

/**
 * @param {import('playwright-core').Page} page
 * @param {RegExp} pattern
 */
async function planState(page, pattern) {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        document.querySelector('[data-testid=plan-state]')?.textContent ?? '',
      ),
    pattern.source,
    { timeout: 30_000 },
  );
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function planScenarios({ browser, baseUrl, accounts, test, screenshot }) {
  const planner = accounts.planner;
  const other = accounts.admin;
  const name = `E2E kế hoạch ${Date.now().toString(36)}`;
  /** @type {Awaited<ReturnType<typeof openPlanner>> | null} */
  let first = null;

  await test('plan: a planner draws a route with the mouse, sees covered km rise, saves and finds it after a reload', async () => {
    check(planner, 'no planner account');
    first = await openPlanner(browser, baseUrl, planner);
    const { page } = first;
    check(
      (await page.textContent('[data-testid=nav-plan]'))?.includes('Kế hoạch tuần tra'),
      'no "Kế hoạch tuần tra" link in the header',
    );
    await page.fill('[data-testid=plan-create] input:not([type=checkbox])', name);
    await page.click('[data-testid=plan-create] button[type=submit]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=plan-name]')?.textContent === n,
      name,
      { timeout: 15_000 },
    );
    await planState(page, /phiên bản 1/);

    await page.click('[data-testid=draw-new]');
    const [a, b, c] = await frontierPoints(page);
    check(a && b && c, 'could not find three points along the frontier on screen');
    await page.mouse.click(a.x, a.y);
    // The pointer moving towards the next point drags the line's end: the preview follows.
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await page.waitForSelector('[data-testid=card-preview]', { timeout: 5_000 });
    const halfway = await previewKm(page);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    const atB = await previewKm(page);
    check(atB > halfway && halfway > 0, `preview km did not rise: ${halfway} then ${atB}`);
    await page.mouse.click(b.x, b.y);
    await page.mouse.move(c.x, c.y, { steps: 6 });
    const atC = await previewKm(page);
    check(atC > atB, `preview km did not rise towards the third point: ${atB} then ${atC}`);
    await page.mouse.click(c.x, c.y);
    await page.waitForTimeout(300);
    // A click on the last point again finishes the line.
    await page.mouse.click(c.x, c.y);
    await page.waitForSelector('[data-testid=route-list] [data-route=T1]', { timeout: 10_000 });
    const km = await serverKm(page);
    log(
      `preview ${halfway.toFixed(2)} -> ${atB.toFixed(2)} -> ${atC.toFixed(2)} km; server ${km} km`,
    );
    check(km > 0, `the server's covered km did not rise above 0: ${km}`);
    // The server's figure and the browser's preview measure the same thing differently; they
    // must still agree roughly for a route drawn along the frontier.
    check(Math.abs(km - atC) < Math.max(2, 0.25 * km), `preview ${atC} km vs server ${km} km`);
    await planState(page, /Chưa lưu/);

    await page.click('[data-testid=plan-save]');
    await planState(page, /phiên bản 2/);
    await page.reload();
    await page.waitForSelector(`[data-plan="${name}"] [data-testid=plan-open]`, {
      timeout: 30_000,
    });
    await page.click(`[data-plan="${name}"] [data-testid=plan-open]`);
    await page.waitForSelector('[data-testid=route-list] [data-route=T1]', { timeout: 15_000 });
    await planState(page, /phiên bản 2/);
    check(first.errors.length === 0, `page errors: ${first.errors.join('; ')}`);
  });

  await test('plan: a second planner saves meanwhile; the first gets the 409 explained and keeps theirs on purpose', async () => {
    check(first && other, 'needs the first scenario and an admin account');
    const second = await openPlanner(browser, baseUrl, other);
    try {
      const p2 = second.page;
      await p2.click(`[data-plan="${name}"] [data-testid=plan-open]`);
      await p2.click('[data-testid=route-list] [data-route=T1]');
      await p2.fill('[data-testid=route-name]', 'T1 BĐBP');
      await p2.click('[data-testid=plan-save]');
      await planState(p2, /phiên bản 3/);

      const p1 = first.page;
      await p1.click('[data-testid=route-list] [data-route=T1]');
      await p1.fill('[data-testid=route-radius]', '3000');
      await p1.press('[data-testid=route-radius]', 'Tab');
      await p1.click('[data-testid=plan-save]');
      const dialog = p1.locator('[data-testid=plan-conflict]');
      await dialog.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await dialog.textContent()) ?? '';
      check(text.includes(other.username), `the dialog does not say who saved: ${text}`);
      check(text.includes('phiên bản 3'), 'the dialog does not name the version');
      check(/Tuyến họ sửa[\s\S]*T1 BĐBP/.test(text), `the changed route is not listed: ${text}`);
      await screenshot(p1, 'plan-conflict-1366-vi');
      await p1.click('[data-testid=conflict-keep]');
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      await planState(p1, /phiên bản 4/);

      const saved = await p2.evaluate(async (n) => {
        const list = await (await fetch(`/api/plans?province=an_giang`)).json();
        const id = list.plans.find((/** @type {{name: string}} */ p) => p.name === n).id;
        return (await fetch(`/api/plans/${id}`)).json();
      }, name);
      const route = saved.routes.features[0].properties;
      check(saved.version === 4, `plan version ${saved.version}, expected 4`);
      check(
        route.name === 'T1' && route.radius_m === 3000,
        `keep mine did not write mine: ${route.name}, ${route.radius_m} m`,
      );
    } finally {
      await second.context.close();
    }
  });

  await test('plan: screenshots with gaps and uncovered crossings at three sizes, vi and en', async () => {
    check(first, 'needs the first scenario');
    const page = first.page;
    await page.waitForSelector('[data-testid=card-covered-km]', { timeout: 30_000 });
    const marks = await page.evaluate(() => {
      const map = window.__brmMap;
      const count = (/** @type {string} */ id) => map?.querySourceFeatures(id).length ?? 0;
      return { gaps: count('plan-gaps'), crossings: count('plan-crossings') };
    });
    check(marks.gaps > 0, 'no gap drawn on the map');
    check(marks.crossings > 0, 'no crossing drawn on the map');
    for (const lang of ['vi', 'en']) {
      if (lang === 'en') await page.click('[data-testid=locale-switch]');
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1366, height: 768 },
      ]) {
        await page.setViewportSize(size);
        await page.click('[data-side-tab=coverage]');
        await page.waitForSelector('[data-testid=coverage-panel] [data-testid=covered-km]');
        await mapIdle(page);
        await screenshot(page, `plan-${size.width}-${lang}`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await mapIdle(page);
      await screenshot(page, `plan-390-${lang}-map`);
      await page.click('[data-tab=coverage]');
      await page.waitForSelector('[data-testid=coverage-panel]', { state: 'visible' });
      await screenshot(page, `plan-390-${lang}`);
      await page.click('[data-tab=coverage]');
    }
    await page.setViewportSize(DESKTOP);
    check(first.errors.length === 0, `page errors: ${first.errors.join('; ')}`);
    await first.context.close();
  });
}
