/**
 * The object register and the lists of /info past their first page, as a Border Guard station
 * works them: its analyst registers a boat (seen in a report and at a seizure) shared with two
 * stations; the detail names the stations and links the report and the seizure; the analyst
 * edits it; the station's commander saves meanwhile, so the analyst's save meets the 409 with
 * the typed text kept and overwrites on purpose, and the commander's next stale save loads the
 * analyst's version; a planner of the other station sees no edit button. Then the reports list
 * (55 reports of the station) and the object register page: "1–50 trong 55", next, a reload
 * keeps page 2, a filter goes back to page 1. The accounts are made through the admin API.
 * Screenshots at 1366x768 and 390x844, Vietnamese and English.
 */
import { addAccount, api } from './lib/api.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SIZES = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};
const STATION = 'bp_khanh_binh';
const OTHER_STATION = 'bp_ha_tien';
const NAMES = {
  vi: ['Đồn Biên phòng Khánh Bình', 'Đồn Biên phòng cửa khẩu quốc tế Hà Tiên'],
  en: ['Khanh Binh Border Guard Station', 'Ha Tien International Gate Border Guard Station'],
};

/**
 * Nothing of the page or an open dialog reaches past the viewport's sides (a field pushed out of
 * the edit dialog by a long option was the first phone bug here).
 * @param {import('playwright-core').Page} page
 */
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
    const dialog = document.querySelector('dialog[open]');
    const box = dialog?.getBoundingClientRect();
    return [...document.querySelectorAll('.info-page *, dialog[open] *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // Inside a dialog, its own edges count: a field cut by the dialog is cut all the same.
        const [left, right] = box && dialog?.contains(el) ? [box.left, box.right] : [0, width];
        return r.left < left - 1 || r.right > right + 1;
      })
      .filter((el) => !inScroller(el) || dialog?.contains(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      .slice(0, 5);
  });
  check(outside.length === 0, `elements reach past their edges: ${outside.join(', ')}`);
}

/** @param {import('playwright-core').Page} page */
async function switchLocale(page) {
  await page.$eval('[data-testid=locale-switch]', (b) => /** @type {HTMLElement} */ (b).click());
}

/**
 * Shots of the page as it stands, at both sizes and in both languages (back to vi, desktop).
 * `ready` runs after each change, for what must be on screen before the shot.
 * @param {import('playwright-core').Page} page
 * @param {(page: import('playwright-core').Page, name: string) => Promise<void>} screenshot
 * @param {string} name
 * @param {(locale: string) => Promise<void>} [ready]
 */
async function shots(page, screenshot, name, ready) {
  for (const locale of ['vi', 'en']) {
    for (const [size, vp] of Object.entries(SIZES)) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(400);
      if (ready) await ready(locale);
      await noSidewaysOverflow(page);
      await screenshot(page, `info-objects-${name}-${size}-${locale}`);
    }
    await switchLocale(page);
  }
  await page.setViewportSize(SIZES.desktop);
}

/**
 * The pager's range ("1–50 trong 55"), once it reads `want`.
 * @param {import('playwright-core').Page} page
 * @param {string} pager
 * @param {string} want
 */
async function rangeReads(page, pager, want) {
  const range = page.locator(`[data-testid=${pager}] [data-testid=data-range]`);
  await page
    .waitForFunction(
      ({ pager, want }) =>
        document
          .querySelector(`[data-testid=${pager}] [data-testid=data-range]`)
          ?.textContent?.trim() === want,
      { pager, want },
      { timeout: 20_000 },
    )
    .catch(() => {});
  const text = (await range.textContent().catch(() => null))?.trim();
  check(text === want, `the ${pager} reads "${text}", not "${want}"`);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function infoObjectsScenarios({
  browser,
  baseUrl,
  accounts,
  watch,
  test,
  screenshot,
}) {
  const { admin } = accounts;
  if (!admin) {
    log('SKIP info-objects tests: they need the admin account to create the station users');
    return;
  }
  const run = Date.now().toString(36);
  /** @type {Record<'analyst' | 'commander' | 'planner', { username: string, password: string }>} */
  const users = /** @type {any} */ ({});
  const ids = { object: 0, report: 0, seizure: 0 };

  /** @param {string} who */
  const newPage = async (who) => {
    const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => watch.pageErrors.push(`info-objects ${who}: ${e.message}`));
    return { context, page };
  };
  const analyst = await newPage('analyst');
  const commander = await newPage('commander');

  try {
    await test('info-objects: the admin gives a station an analyst, a commander; another a planner', async () => {
      const { context, page } = await newPage('admin');
      try {
        await page.goto(`${baseUrl}/users`);
        await signInWithDialog(page, admin);
        for (const [key, role, unit] of [
          ['analyst', 'analyst', STATION],
          ['commander', 'commander', STATION],
          ['planner', 'planner', OTHER_STATION],
        ]) {
          users[/** @type {'analyst'} */ (key)] = await addAccount(page, {
            username: `e2e.ob.${key}.${run}`,
            role,
            agency: 'border_guard',
            unit,
          });
        }
      } finally {
        await context.close();
      }
    });
    if (!users.planner) return;

    await test('info-objects: the analyst records 55 reports and 52 objects for the station', async () => {
      const page = analyst.page;
      await page.goto(`${baseUrl}/info?tab=objects`);
      await signInWithDialog(page, users.analyst);
      // Shared with the station only, so the other suites' accounts never see them.
      const shared = { distribution: 'units', units: [STATION], tlp: 'amber' };
      const made = await page.evaluate(
        async ({ run, shared }) => {
          const post = async (/** @type {string} */ path, /** @type {unknown} */ body) => {
            const res = await fetch(path, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
            return (await res.json()).id;
          };
          const reports = [];
          for (let i = 1; i <= 55; i++)
            reports.push(
              await post('/api/reports', {
                ...shared,
                title: `Ghe chở hàng ban đêm ${run} số ${i}`,
                kind: i % 2 ? 'boat' : 'vehicle',
                reliability: 'C',
                credibility: 3,
                text: 'Tin thử nghiệm (synthetic) của kiểm thử trình duyệt.',
                geometry: { type: 'Point', coordinates: [105.07 + i * 0.0005, 10.56] },
              }),
            );
          for (let i = 1; i <= 52; i++)
            await post('/api/objects', {
              ...shared,
              kind: 'warehouse',
              identifier: `KHO-${run}-${i}`,
              province: 'an_giang',
            });
          return { reports };
        },
        { run, shared },
      );
      ids.report = made.reports[0];
      const seizures = await api(page, 'GET', '/api/seizures?province=an_giang&limit=1');
      ids.seizure = seizures.items?.[0]?.id ?? 0;
      check(ids.seizure > 0, `no seizure in An Giang: ${JSON.stringify(seizures).slice(0, 200)}`);
      const boat = await api(page, 'POST', '/api/objects', {
        kind: 'boat',
        identifier: `AG-ED-${run}`,
        description: 'Ghe gỗ sơn xanh, hai máy (synthetic)',
        province: 'an_giang',
        distribution: 'units',
        units: [STATION, OTHER_STATION],
        tlp: 'amber',
      });
      ids.object = boat.id;
      await api(page, 'POST', `/api/objects/${boat.id}/sightings`, { report_id: ids.report });
      await api(page, 'POST', `/api/objects/${boat.id}/sightings`, { seizure_id: ids.seizure });
    });
    if (!ids.object) return;

    await test('info-objects: the detail names the stations and links the report and the seizure', async () => {
      const page = analyst.page;
      await page.goto(`${baseUrl}/info?tab=objects&object=${ids.object}`);
      const detail = page.locator(`[data-testid=object-detail][data-id="${ids.object}"]`);
      await detail.locator('[data-testid=object-sighting]').nth(1).waitFor({ timeout: 30_000 });
      // The names arrive with GET /api/units, which may answer after the object.
      await page
        .waitForFunction(
          (name) =>
            document.querySelector('[data-testid=object-author]')?.textContent?.includes(name),
          NAMES.vi[0],
          { timeout: 15_000 },
        )
        .catch(() => {});
      const units = (await detail.locator('[data-testid=object-units]').textContent()) ?? '';
      check(
        NAMES.vi.every((n) => units.includes(n)) && !units.includes(STATION),
        `the units read "${units}"`,
      );
      const author = (await detail.locator('[data-testid=object-author]').textContent()) ?? '';
      check(author.includes('Đồn Biên phòng Khánh Bình'), `the author line reads "${author}"`);
      const report = detail.locator('[data-testid=object-report-link]');
      check(
        (await report.getAttribute('href')) === `/info?report=${ids.report}`,
        `the report link is ${await report.getAttribute('href')}`,
      );
      const seizure = detail.locator('[data-testid=object-seizure-link]');
      check(
        (await seizure.getAttribute('href')) === `/data?id=${ids.seizure}`,
        `the seizure link is ${await seizure.getAttribute('href')}`,
      );
      check(
        (await detail.locator('[data-testid=object-edit]').count()) === 1,
        'the author has no edit button',
      );
      await shots(page, screenshot, 'detail', async (locale) => {
        await page.waitForFunction(
          ({ names }) => {
            const text = document.querySelector('[data-testid=object-units]')?.textContent ?? '';
            return names.every((/** @type {string} */ n) => text.includes(n));
          },
          { names: NAMES[/** @type {'vi' | 'en'} */ (locale)] },
          { timeout: 10_000 },
        );
        await page
          .locator(`[data-testid=object-detail][data-id="${ids.object}"]`)
          .scrollIntoViewIfNeeded();
      });
      // The seizure link opens that record on the data page; the report link opens the report.
      await seizure.click();
      await page.waitForURL(/\/data\?id=/);
      await page.locator(`tr[data-id="${ids.seizure}"].highlight`).waitFor({ timeout: 20_000 });
      await page.goBack();
      await detail.locator('[data-testid=object-report-link]').click();
      await page
        .locator(`[data-testid=report-detail][data-report-id="${ids.report}"]`)
        .waitFor({ timeout: 20_000 });
    });

    await test("info-objects: an edit saves; a save over someone else's meets the 409 and keeps the input", async () => {
      const a = analyst.page;
      const c = commander.page;
      await c.goto(`${baseUrl}/info?tab=objects&object=${ids.object}`);
      await signInWithDialog(c, users.commander);
      await a.goto(`${baseUrl}/info?tab=objects&object=${ids.object}`);
      for (const page of [a, c]) {
        await page.locator('[data-testid=object-edit]').click({ timeout: 30_000 });
        await page.locator('[data-testid=object-form]').waitFor();
      }
      const form = a.locator('[data-testid=object-form]');
      check(
        (await form.locator('[data-testid=object-form-identifier]').inputValue()) ===
          `AG-ED-${run}`,
        'the form does not hold the identifier',
      );
      await shots(a, screenshot, 'edit');
      // The commander saves first.
      const theirs = `Ghe gỗ sơn xanh, đã thay máy (đồn sửa) ${run}`;
      await c.locator('[data-testid=object-form-description]').fill(theirs);
      await c.locator('[data-testid=object-form-submit]').click();
      await c.locator('[data-testid=object-form]').waitFor({ state: 'detached', timeout: 15_000 });
      await c.locator('[data-testid=object-saved]').waitFor();
      // The analyst's save is now stale.
      const mine = `Ghe gỗ sơn xanh, biển số mới (phân tích viên) ${run}`;
      await form.locator('[data-testid=object-form-description]').fill(mine);
      await form.locator('[data-testid=object-form-tlp]').selectOption('green');
      await form.locator('[data-testid=object-form-submit]').click();
      const conflict = form.locator('[data-testid=object-conflict]');
      await conflict.waitFor({ timeout: 15_000 });
      check(
        /bản 2\b/i.test((await conflict.textContent()) ?? ''),
        'the conflict names no version 2',
      );
      check(
        (await form.locator('[data-testid=object-form-description]').inputValue()) === mine,
        'the typed description was lost at the 409',
      );
      check(
        (await form.locator('[data-testid=object-form-tlp]').inputValue()) === 'green',
        'the chosen marking was lost at the 409',
      );
      await shots(a, screenshot, 'conflict', async () => {
        await conflict.scrollIntoViewIfNeeded();
      });
      await form.locator('[data-testid=object-conflict-keep]').click();
      await form.waitFor({ state: 'detached', timeout: 15_000 });
      const detail = a.locator(`[data-testid=object-detail][data-id="${ids.object}"]`);
      await a.waitForFunction(
        (text) =>
          document
            .querySelector('[data-testid=object-detail] dd:nth-of-type(3)')
            ?.textContent?.includes(text),
        mine,
        { timeout: 15_000 },
      );
      const saved = await api(a, 'GET', `/api/objects/${ids.object}`);
      check(
        saved.version === 3 && saved.description === mine && saved.tlp === 'green',
        `saved as ${JSON.stringify({ v: saved.version, d: saved.description, t: saved.tlp })}`,
      );
      check((await detail.locator('[data-testid=object-saved]').count()) === 1, 'no saved notice');
      // The commander's form, opened again on version 2, is stale: they load the analyst's.
      await c.locator('[data-testid=object-edit]').click();
      const cform = c.locator('[data-testid=object-form]');
      await cform.waitFor();
      check(
        (await cform.locator('[data-testid=object-form-description]').inputValue()) === theirs,
        'the commander did not start from their own saved copy',
      );
      await cform.locator('[data-testid=object-form-description]').fill(`${theirs} (lần 2)`);
      await cform.locator('[data-testid=object-form-submit]').click();
      await cform.locator('[data-testid=object-conflict]').waitFor({ timeout: 15_000 });
      await cform.locator('[data-testid=object-conflict-reload]').click();
      await cform.locator('[data-testid=object-conflict]').waitFor({ state: 'detached' });
      check(
        (await cform.locator('[data-testid=object-form-description]').inputValue()) === mine &&
          (await cform.locator('[data-testid=object-form-tlp]').inputValue()) === 'green',
        "loading their version did not fill the analyst's",
      );
      await cform.locator('[data-testid=object-form-cancel]').click();
      check(
        (await api(c, 'GET', `/api/objects/${ids.object}`)).version === 3,
        'cancelling saved something',
      );
    });

    await test('info-objects: a planner of the other station sees the object, masked, not editable', async () => {
      const { context, page } = await newPage('planner');
      try {
        await page.goto(`${baseUrl}/info?tab=objects&object=${ids.object}`);
        await signInWithDialog(page, users.planner);
        const detail = page.locator(`[data-testid=object-detail][data-id="${ids.object}"]`);
        await detail.locator('[data-testid=object-identifier]').waitFor({ timeout: 30_000 });
        const ident = (await detail.locator('[data-testid=object-identifier]').textContent()) ?? '';
        check(!ident.includes(`AG-ED-${run}`), `the planner reads the identifier: ${ident}`);
        check(
          (await detail.locator('[data-testid=object-edit]').count()) === 0,
          'the planner is offered the edit form',
        );
      } finally {
        await context.close();
      }
    });

    await test('info-objects: the reports list pages: 1–50 of 55, next, a reload keeps it, a filter resets it', async () => {
      const page = analyst.page;
      await page.goto(`${baseUrl}/info?q=${run}`);
      await rangeReads(page, 'info-pager', '1–50 trong 55');
      check(
        (await page.locator('[data-testid=report-list] [data-testid=report-row]').count()) === 50,
        'page 1 does not hold 50 rows',
      );
      // Newest received first: number 55 heads page 1, number 1 closes page 2.
      const first = await page.locator('[data-testid=report-row]').first().textContent();
      check(first?.includes(`${run} số 55`) ?? false, `page 1 starts with "${first}"`);
      await page.locator('[data-testid=info-pager] [data-testid=data-next]').click();
      await rangeReads(page, 'info-pager', '51–55 trong 55');
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid=report-list] [data-testid=report-row]').length ===
          5,
        undefined,
        { timeout: 15_000 },
      );
      check(/[?&]page=2\b/.test(page.url()), `the address has no page: ${page.url()}`);
      await shots(page, screenshot, 'reports-page2', async () => {
        await page.locator('[data-testid=info-pager]').scrollIntoViewIfNeeded();
      });
      await page.reload();
      await rangeReads(page, 'info-pager', '51–55 trong 55');
      const last = await page.locator('[data-testid=report-row]').last().textContent();
      check(last?.includes(`${run} số 1`) ?? false, `page 2 ends with "${last}"`);
      await page.locator('[data-testid=rfl-kind]').selectOption('boat');
      // 28 boats (the odd numbers): one page, no pager, no page in the address.
      await page.waitForFunction(
        () => /28/.test(document.querySelector('[data-testid=info-count]')?.textContent ?? ''),
        undefined,
        { timeout: 15_000 },
      );
      check(!/[?&]page=/.test(page.url()), `a filter kept the page: ${page.url()}`);
      check((await page.locator('[data-testid=info-pager]').count()) === 0, 'a pager for 28 rows');
    });

    await test('info-objects: the object register pages the same way', async () => {
      const page = analyst.page;
      await page.goto(`${baseUrl}/info?tab=objects&okind=warehouse`);
      const { total } = await api(page, 'GET', '/api/objects?kind=warehouse&limit=1');
      check(total >= 52, `warehouses: ${total}`);
      await rangeReads(page, 'object-pager', `1–50 trong ${total}`);
      await page.locator('[data-testid=object-pager] [data-testid=data-next]').click();
      const to = Math.min(100, total);
      await rangeReads(page, 'object-pager', `51–${to} trong ${total}`);
      check(/[?&]page=2\b/.test(page.url()), `the address has no page: ${page.url()}`);
      await page.reload();
      await rangeReads(page, 'object-pager', `51–${to} trong ${total}`);
      check(
        (await page.locator('[data-testid=object-row]').count()) === to - 50,
        'page 2 holds the wrong number of rows',
      );
      await shots(page, screenshot, 'register-page2');
      // On a phone the detail stands above the list: a tap on the last row shows it on screen.
      await page.setViewportSize(SIZES.phone);
      await page.locator('[data-testid=object-row]').last().click();
      const detail = page.locator('[data-testid=object-detail]');
      await detail.waitFor();
      await page.waitForTimeout(300);
      const top = (await detail.boundingBox())?.y ?? -1;
      check(top >= 0 && top < SIZES.phone.height / 2, `the detail opens at y=${top} on a phone`);
      await page.setViewportSize(SIZES.desktop);
      await page.locator('[data-testid=object-detail-close]').click();
      await page.locator('[data-testid=object-filter-kind]').selectOption('');
      await page.waitForFunction(() => !/[?&]page=/.test(location.search), undefined, {
        timeout: 10_000,
      });
      const all = await api(page, 'GET', '/api/objects?limit=1');
      await rangeReads(page, 'object-pager', `1–50 trong ${all.total}`);
    });
  } finally {
    await analyst.context.close();
    await commander.context.close();
  }
}
