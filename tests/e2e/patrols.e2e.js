/**
 * The patrols page: a planner sees the demo's joint patrols (the reported 4,071 + 3,083),
 * filters them by province and dates, records one along a route with the seizure it led to and
 * one from a GPX file (segments joined: 25.4 km), and sees a refused file explained in the form.
 * A commander sees the list without the record button. Screenshots at 1366x768 and 390x844,
 * Vietnamese and English.
 */
import { resolve } from 'node:path';
import { check, log } from './lib/runner.js';
import { ROOT } from './lib/server.js';
import { signInWithDialog } from './lib/session.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const GPX = resolve(ROOT, 'tests/fixtures/tracks/two-segments.gpx');

/** @param {import('playwright-core').Page} page */
const countText = (page) => page.textContent('[data-testid=patrols-count]');

/**
 * Waits for the count to read `text` (the list answered for the current filters).
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function countIs(page, text) {
  await page
    .waitForFunction(
      (t) => document.querySelector('[data-testid=patrols-count]')?.textContent?.trim() === t,
      text,
      { timeout: 20_000 },
    )
    .catch(() => {});
  check(
    (await countText(page))?.trim() === text,
    `count "${await countText(page)}", not "${text}"`,
  );
}

/**
 * Types a day into a dd/mm/yyyy field and leaves it (the field commits on change).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {string} text
 */
async function typeDay(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

/** @param {import('playwright-core').Page} page */
async function noSidewaysOverflow(page) {
  const outside = await page.evaluate(() => {
    const width = window.innerWidth;
    /** @param {Element} el */
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.app-header *, .patrols-page *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -1 || r.right > width + 1);
      })
      .filter((el) => !inScroller(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      .slice(0, 5);
  });
  check(outside.length === 0, `elements reach past the viewport: ${outside.join(', ')}`);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function patrolScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { planner, commander } = accounts;
  if (!planner || !commander) {
    log('SKIP patrol tests: they need a planner and a commander account');
    return;
  }
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.pageErrors.push(`patrols: ${e.message}`));

  try {
    await test('lists the demo joint patrols, newest first, and filters them', async () => {
      await page.goto(`${baseUrl}/patrols`);
      await signInWithDialog(page, planner);
      await page.waitForSelector('[data-testid=patrol-row]', { timeout: 20_000 });
      check(
        (await page.getAttribute('[data-testid=nav-patrols]', 'aria-current')) === 'page',
        'the Patrols link is not marked as the current page',
      );
      await countIs(page, '7.154 chuyến phù hợp');
      const first = await page.textContent('[data-testid=patrol-row] .when');
      // An Giang's window ends on 25/09/2024, later than Lang Son's: the newest is there.
      check(first?.includes('/09/2024') === true, `the newest patrol is ${first}`);
      check(first?.includes('tổng hợp') === true, 'a demo patrol is not marked synthetic');
      await page.selectOption('[data-testid=patrols-province]', 'lang_son');
      await countIs(page, '3.083 chuyến phù hợp');
      await typeDay(page, '#patrols-from', '01/01/2024');
      await typeDay(page, '#patrols-to', '31/01/2024');
      // Both bounds applied: every row on screen is in January (or the wait runs out).
      await page
        .waitForFunction(
          () => {
            const cells = [...document.querySelectorAll('[data-testid=patrol-row] .when')];
            return cells.length > 0 && cells.every((c) => c.textContent?.includes('/01/2024'));
          },
          undefined,
          { timeout: 20_000 },
        )
        .catch(() => {});
      const rows = await page.$$eval('[data-testid=patrol-row] .when', (cells) =>
        cells.map((c) => c.textContent ?? ''),
      );
      check(rows.length > 0 && rows.length < 200, `${rows.length} patrols in January 2024`);
      check(
        rows.every((r) => r.includes('/01/2024')),
        `a row outside January 2024: ${rows.find((r) => !r.includes('/01/2024'))}`,
      );
      await typeDay(page, '#patrols-from', '');
      await typeDay(page, '#patrols-to', '');
      await page.selectOption('[data-testid=patrols-province]', '');
      await countIs(page, '7.154 chuyến phù hợp');
      // Keyset paging: the second page follows the first.
      await page.click('[data-testid=patrols-more]');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid=patrol-row]').length === 100,
        undefined,
        { timeout: 20_000 },
      );
      await screenshot(page, 'patrols-desktop-vi');
    });

    await test('records a patrol along a route with the seizure it led to', async () => {
      const seizure = await page.evaluate(async () => {
        const res = await fetch('/api/layers/seizures?province=an_giang&limit=1');
        return (await res.json()).features[0].id;
      });
      await page.click('[data-testid=patrols-record]');
      const form = page.locator('[data-testid=patrol-form]');
      await form.waitFor({ state: 'visible' });
      await typeDay(page, '#patrol-day', '14/05/2024');
      await form.locator('input[name=start]').fill('21:00');
      await form.locator('input[name=end]').fill('01:30');
      await form.locator('select[name=province]').selectOption('an_giang');
      await form.locator('select[name=agency]').selectOption('joint');
      await form.locator('input[name=unit]').fill('Tổ tuần tra E2E');
      await page.waitForFunction(
        () => document.querySelectorAll('select[name=route] option').length > 1,
        undefined,
        { timeout: 15_000 },
      );
      const route = await form.locator('select[name=route] option:nth-child(2)').textContent();
      await form.locator('select[name=route]').selectOption({ index: 1 });
      await form.locator('select[name=result]').selectOption('seizures');
      await form.locator('input[name=seizures]').fill(`${seizure}`);
      await screenshot(page, 'patrols-form-desktop-vi');
      await page.click('[data-testid=patrol-form-submit]');
      await page.waitForSelector('[data-testid=patrols-saved]', { timeout: 15_000 });
      const saved = (await page.textContent('[data-testid=patrols-saved]')) ?? '';
      // The route's length as the list of routes showed it, e.g. "… · 29,3 km".
      const km = route?.match(/([\d.,]+) km/)?.[1];
      check(!!km && saved.includes(`(${km} km)`), `saved "${saved}" for route "${route}"`);
      const id = Number(saved.match(/số (\d+)/)?.[1]);
      const stored = await page.evaluate(
        async (n) => (await fetch(`/api/patrols/${n}`)).json(),
        id,
      );
      check(
        stored.properties.started_at.startsWith('2024-05-14T14:00:00') &&
          stored.properties.ended_at.startsWith('2024-05-14T18:30:00'),
        `stored times ${stored.properties.started_at} – ${stored.properties.ended_at}`,
      );
      check(
        JSON.stringify(stored.properties.seizure_ids) === JSON.stringify([seizure]) &&
          stored.properties.source === 'route' &&
          stored.properties.unit === 'Tổ tuần tra E2E',
        `stored ${JSON.stringify(stored.properties)}`,
      );
      await countIs(page, '7.155 chuyến phù hợp');
    });

    await test('records a GPX track and explains a refused file', async () => {
      await page.click('[data-testid=patrols-record]');
      const form = page.locator('[data-testid=patrol-form]');
      await form.waitFor({ state: 'visible' });
      await typeDay(page, '#patrol-day', '14/05/2024');
      await form.locator('input[type=radio][value=file]').check();
      await form.locator('input[name=track]').setInputFiles({
        name: 'diem.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from('{"type":"Point","coordinates":[105.01,10.52]}'),
      });
      await page.click('[data-testid=patrol-form-submit]');
      const error = page.locator('[data-testid=users-action-error]');
      await error.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await error.textContent()) ?? '';
      check(
        text.includes('Yêu cầu không hợp lệ') && text.includes('(got Point)'),
        `the refusal reads "${text}"`,
      );
      await form.locator('input[name=track]').setInputFiles(GPX);
      await page
        .waitForFunction(
          () =>
            document
              .querySelector('[data-testid=patrol-form] small.hint:last-of-type')
              ?.textContent?.includes('two-segments.gpx'),
          undefined,
          { timeout: 10_000 },
        )
        .catch(() => {});
      await page.click('[data-testid=patrol-form-submit]');
      await page
        .waitForSelector('[data-testid=patrols-saved]', { timeout: 15_000 })
        .catch(async (e) => {
          const refusal = await page
            .textContent('[data-testid=users-action-error]')
            .catch(() => '');
          throw new Error(`not saved: ${refusal || e.message}`);
        });
      const saved = (await page.textContent('[data-testid=patrols-saved]')) ?? '';
      // Two segments joined A-B-C-B: 25,431.73 m by hand (the fixture's comment).
      check(saved.includes('(25,4 km)'), `saved "${saved}"`);
      await countIs(page, '7.156 chuyến phù hợp');
    });

    await test('shows the page in English and on a phone', async () => {
      await page.click('[data-testid=locale-switch]');
      await page.waitForFunction(() => location.search === '?lang=en');
      await countIs(page, '7,156 matching patrols');
      await screenshot(page, 'patrols-desktop-en');
      await page.setViewportSize(PHONE);
      await noSidewaysOverflow(page);
      await screenshot(page, 'patrols-phone-en');
      await page.click('[data-testid=locale-switch]');
      await page.waitForFunction(() => location.search === '');
      await countIs(page, '7.156 chuyến phù hợp');
      await noSidewaysOverflow(page);
      await screenshot(page, 'patrols-phone-vi');
      await page.click('[data-testid=patrols-record]');
      await page.locator('[data-testid=patrol-form]').waitFor({ state: 'visible' });
      await noSidewaysOverflow(page);
      await screenshot(page, 'patrols-form-phone-vi');
      await page.keyboard.press('Escape');
    });

    await test('gives a commander the list without the record button', async () => {
      const other = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
      const p = await other.newPage();
      try {
        await p.goto(`${baseUrl}/patrols`);
        await signInWithDialog(p, commander);
        await p.waitForSelector('[data-testid=patrol-row]', { timeout: 20_000 });
        check((await p.$('[data-testid=patrols-record]')) === null, 'a commander may record');
      } finally {
        await other.close();
      }
    });
  } finally {
    await context.close();
  }
}
