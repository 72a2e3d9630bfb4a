/**
 * The information register (`/info`), as the two users work it: a Border Guard analyst
 * records a tip (a canal stretch drawn on the small map) shared with Customs; a Customs commander
 * sees the unread count in the header, opens the report from the inbox, acknowledges and assesses
 * it; the Border Guard author sees the assessment; the exchange panel's figures change by one.
 * The two accounts are made through the admin API (with units), so the suite needs the demo admin.
 * Screenshots at 1366x768 and 390x844, Vietnamese and English.
 */
import { addAccount } from './lib/api.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SIZES = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};

/** @param {import('playwright-core').Page} page */
async function noSidewaysOverflow(page) {
  const outside = await page.evaluate(() => {
    const width = window.innerWidth;
    /** @param {Element} el */
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.app-header *, .info-page *, dialog[open] *')]
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

/** @param {import('playwright-core').Page} page */
async function switchLocale(page) {
  await page.$eval('[data-testid=locale-switch]', (b) => /** @type {HTMLElement} */ (b).click());
}

/**
 * Shots of the page as it stands, at both sizes and in both languages (back to vi, desktop).
 * @param {import('playwright-core').Page} page
 * @param {(page: import('playwright-core').Page, name: string) => Promise<void>} screenshot
 * @param {string} name
 */
async function shots(page, screenshot, name) {
  for (const locale of ['vi', 'en']) {
    for (const [size, vp] of Object.entries(SIZES)) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(400);
      await noSidewaysOverflow(page);
      await screenshot(page, `info-${name}-${size}-${locale}`);
    }
    await switchLocale(page);
  }
  await page.setViewportSize(SIZES.desktop);
}

/**
 * The first whole number in a cell (`1.234 (56 %)` -> 1234).
 * @param {string | null} text
 */
const firstInt = (text) => Number((/[\d.,]+/.exec(text ?? '')?.[0] ?? '').replace(/[.,]/g, ''));

/**
 * The Border Guard figures of the exchange (passed to Customs, assessed valuable), from the API.
 * @param {import('playwright-core').Page} page
 */
async function exchangeFigures(page) {
  return page.evaluate(async () => {
    const body = await (await fetch('/api/reports/exchange')).json();
    const row = (body.agencies ?? []).find(
      (/** @type {{ agency: string }} */ a) => a.agency === 'border_guard',
    );
    return { passed: Number(row?.passed ?? 0), valuable: Number(row?.valuable ?? 0) };
  });
}

/**
 * Waits for the panel's Border Guard row to show `want` (passed, valuable).
 * @param {import('playwright-core').Page} page
 * @param {{ passed: number, valuable: number }} want
 */
async function panelShows(page, want) {
  const read = () =>
    page.evaluate(() => {
      const row = document.querySelector('[data-testid=exchange-row][data-agency=border_guard]');
      const n = (/** @type {string} */ id) =>
        Number(
          (
            /[\d.,]+/.exec(row?.querySelector(`[data-testid=${id}]`)?.textContent ?? '')?.[0] ?? ''
          ).replace(/[.,]/g, ''),
        );
      return { passed: n('exchange-passed'), valuable: n('exchange-valuable') };
    });
  const deadline = Date.now() + 20_000;
  let seen = await read();
  while (
    Date.now() < deadline &&
    (seen.passed !== want.passed || seen.valuable !== want.valuable)
  ) {
    await page.waitForTimeout(300);
    seen = await read();
  }
  check(
    seen.passed === want.passed && seen.valuable === want.valuable,
    `the exchange panel shows ${JSON.stringify(seen)}, not ${JSON.stringify(want)}`,
  );
}

/**
 * Clicks the small drawing map where `lngLat` is drawn.
 * @param {import('playwright-core').Page} page
 * @param {[number, number]} lngLat
 */
async function clickPicker(page, lngLat) {
  // The drawing map sits low in a tall dialog: scrolled into view, or the click misses it.
  await page.locator('[data-testid=geometry-picker]').scrollIntoViewIfNeeded();
  const target = await page.evaluate((p) => {
    const m = window.__brmInfoPicker;
    if (!m) return null;
    const xy = m.project(p);
    return { x: xy.x, y: xy.y };
  }, lngLat);
  const box = await page.locator('[data-testid=geometry-picker]').boundingBox();
  check(!!target && !!box, 'no drawing map');
  if (!target || !box) return;
  await page.mouse.click(box.x + target.x, box.y + target.y);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function infoScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { admin } = accounts;
  if (!admin) {
    log('SKIP info tests: they need the admin account to create the two forces users');
    return;
  }
  const run = Date.now().toString(36);
  const title = `Ghe chở đường qua kênh Vĩnh Tế E2E ${run}`;
  /** @type {Record<'bg' | 'hq', { username: string, password: string }>} */
  const users = /** @type {any} */ ({});

  const newPage = async (/** @type {string} */ who) => {
    const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => watch.pageErrors.push(`info ${who}: ${e.message}`));
    return { context, page };
  };

  const bg = await newPage('bg');
  const hq = await newPage('hq');
  let before = { passed: 0, valuable: 0 };

  try {
    await test('the admin gives each force an account with a unit', async () => {
      const { context, page } = await newPage('admin');
      try {
        await page.goto(`${baseUrl}/users`);
        await signInWithDialog(page, admin);
        users.bg = await addAccount(page, {
          username: `e2e.bg.${run}`,
          role: 'analyst',
          agency: 'border_guard',
          unit: 'bp_vinh_xuong',
        });
        users.hq = await addAccount(page, {
          username: `e2e.hq.${run}`,
          role: 'commander',
          agency: 'customs',
          unit: 'hq_tinh_bien',
        });
        // The admin's header gains Info and still holds every section on one row at 1366 px.
        await page.waitForSelector('[data-testid=nav-info]');
        const tops = await page.$$eval('.sections a', (links) =>
          links.map((a) => Math.round(a.getBoundingClientRect().top)),
        );
        check(new Set(tops).size === 1 && tops.length === 9, `header rows at ${tops.join(',')}`);
      } finally {
        await context.close();
      }
    });
    if (!users.bg) return;

    await test('a Border Guard analyst records a tip on a canal stretch shared with Customs', async () => {
      const page = bg.page;
      await page.goto(`${baseUrl}/info?tab=exchange`);
      await signInWithDialog(page, users.bg);
      await page.waitForSelector('[data-testid=nav-info][aria-current=page]');
      before = await exchangeFigures(page);
      await panelShows(page, before);
      await page.click('[data-testid=info-tab-reports]');
      await page.waitForSelector('[data-testid=report-list]', { state: 'attached' });
      await page.click('[data-testid=info-new]');
      const form = page.locator('[data-testid=report-form]');
      await form.waitFor({ state: 'visible' });
      // Submitting empty names the missing fields and sends nothing.
      await form.locator('[data-testid=rf-save]').click();
      check(
        (await form.locator('.problem').count()) >= 4,
        'an empty form did not name its missing fields',
      );
      await form.locator('[data-testid=rf-title]').fill(title);
      await form.locator('[data-testid=rf-kind]').selectOption('boat');
      await form.locator('[data-testid=rf-category]').selectOption('sugar');
      await form.locator('[data-testid=rf-reliability]').selectOption('B');
      await form.locator('[data-testid=rf-credibility]').selectOption('2');
      check(
        (await form.locator('[data-testid=rf-rating]').textContent())?.trim() === 'B2',
        'the rating does not read B2',
      );
      check(await form.locator('[data-testid=rf-dist-both]').isChecked(), 'not shared with both');
      check(
        await form.locator('[data-testid=rf-tlp-red]').isDisabled(),
        'TLP:RED is offered for a report to both forces',
      );
      await form
        .locator('[data-testid=rf-text]')
        .fill('Ghe máy chở đường cát, đi lúc 22 giờ, từ phía Campuchia sang. (dữ liệu thử)');
      await shots(page, screenshot, 'form-top');
      await form.locator('[data-testid=rf-mode-line]').check();
      await page.waitForFunction(() => window.__brmInfoPicker?.loaded(), undefined, {
        timeout: 30_000,
      });
      await page.evaluate(() =>
        window.__brmInfoPicker?.jumpTo({ center: [105.07, 10.56], zoom: 11 }),
      );
      await clickPicker(page, [105.05, 10.55]);
      await clickPicker(page, [105.09, 10.57]);
      const placed = (await form.locator('[data-testid=rf-vertices]').textContent()) ?? '';
      check(/2/.test(placed), `the line has "${placed}"`);
      await shots(page, screenshot, 'form');
      await form.locator('[data-testid=rf-save]').click();
      await form.waitFor({ state: 'detached', timeout: 20_000 });
      const detail = page.locator('[data-testid=report-detail]');
      await detail.waitFor({ timeout: 20_000 });
      check((await detail.locator('[data-testid=report-title]').textContent()) === title, 'title');
      check(
        (await detail.locator('[data-testid=tlp-banner]').getAttribute('data-tlp')) === 'amber',
        'no amber banner',
      );
      const step = (await detail.locator('[data-testid=handover-customs]').textContent()) ?? '';
      check(/Hải quan/.test(step), `the handover reads "${step}"`);
      check(
        (await detail.locator('[data-testid=step-ack]').textContent())?.includes('Chờ'),
        'the acknowledgement is not awaited',
      );
      await page.waitForSelector(`[data-testid=report-row]:has-text("${run}")`);
      await shots(page, screenshot, 'reports');
    });

    let reportId = 0;
    await test('the Customs commander sees the unread count, acknowledges and assesses', async () => {
      const page = hq.page;
      await page.goto(`${baseUrl}/`);
      await signInWithDialog(page, users.hq);
      const badge = page.locator('[data-testid=nav-info-unread]');
      await badge.waitFor({ timeout: 20_000 });
      const unread = firstInt(await badge.textContent());
      check(unread >= 1, `the header counts ${unread} unread`);
      await page.click('[data-testid=nav-info]');
      await page.waitForURL(/\/info/);
      await page.click('[data-testid=info-tab-inbox]');
      const row = page.locator(
        `[data-testid=inbox-list] [data-testid=report-row]:has-text("${run}")`,
      );
      await row.waitFor({ timeout: 20_000 });
      check(await row.evaluate((el) => el.classList.contains('unread')), 'the row is not unread');
      reportId = Number(await row.getAttribute('data-report-id'));
      await shots(page, screenshot, 'inbox');
      await row.click();
      const detail = page.locator('[data-testid=report-detail]');
      await detail.waitFor();
      await shots(page, screenshot, 'detail-received');
      await detail.locator('[data-testid=report-acknowledge]').click();
      await detail.locator('[data-testid=step-ack].done').waitFor({ timeout: 15_000 });
      // The badge follows at once, not at the next minute's poll.
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-testid=nav-info-unread]');
          const now = el ? Number((el.textContent ?? '').replace(/\D/g, '')) : 0;
          return now === n - 1;
        },
        unread,
        { timeout: 10_000 },
      );
      await detail.locator('[data-testid=report-assess]').click();
      const assess = detail.locator('[data-testid=assess-form]');
      await assess.locator('[data-testid=assess-valuable]').check();
      await assess
        .locator('[data-testid=assess-reason]')
        .fill('Khớp với tin của Đội Kiểm soát về ghe chở đường qua kênh Vĩnh Tế.');
      await assess
        .locator('[data-testid=assess-action]')
        .fill('Tổ kiểm soát phục kích đoạn kênh đêm hôm sau.');
      await assess.locator('[data-testid=assess-save]').click();
      await assess.waitFor({ state: 'detached', timeout: 15_000 });
      const value = await detail.locator('[data-testid=assessment-value]').textContent();
      check(value?.trim() === 'Có giá trị', `the assessment reads "${value}"`);
      await shots(page, screenshot, 'detail-assessed');
    });

    await test('the Border Guard author sees the assessment, and the exchange figures move', async () => {
      const page = bg.page;
      check(reportId > 0, 'no report id from the inbox');
      await page.goto(`${baseUrl}/info?report=${reportId}&status=all`);
      const detail = page.locator(`[data-testid=report-detail][data-report-id="${reportId}"]`);
      await detail.waitFor({ timeout: 20_000 });
      await detail.locator('[data-testid=step-assess].done').waitFor({ timeout: 15_000 });
      const reason = (await detail.locator('[data-testid=assessment-reason]').textContent()) ?? '';
      check(reason.includes('Khớp với tin'), `the author reads "${reason}"`);
      const history = (await detail.locator('[data-testid=report-history]').textContent()) ?? '';
      check(
        history.includes(users.hq.username) && history.includes('Đánh giá'),
        `the history does not show the assessment: ${history.slice(0, 200)}`,
      );
      const row = page.locator(`[data-testid=report-row][data-report-id="${reportId}"]`);
      check(
        (await row.locator('[data-testid=row-handover]').textContent())?.trim() === 'Có giá trị',
        'the list does not show the assessment',
      );
      const after = await exchangeFigures(page);
      check(
        after.passed === before.passed + 1 && after.valuable === before.valuable + 1,
        `exchange went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
      );
      await page.click('[data-testid=info-tab-exchange]');
      await panelShows(page, after);
      await shots(page, screenshot, 'exchange');
    });
  } finally {
    await bg.context.close();
    await hq.context.close();
  }
}
