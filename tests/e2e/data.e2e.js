/**
 * The data page (`/data`), as an analyst works it: (a) imports a CSV with a bad row, reads the
 * report, fixes the file, imports it, finds the records in the table and on the map (and back);
 * (b) records a seizure by hand with a click on the small map and finds it in the table; (c)
 * exports the seizures of a province as CSV through the dialog and counts the downloaded rows.
 * Screenshots of each screen at 1920x1080, 1366x768 and 390x844, Vietnamese and English.
 */
import { readFile } from 'node:fs/promises';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SIZES = {
  wide: { width: 1920, height: 1080 },
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
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.app-header *, .data-page *, dialog[open] *')]
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

/**
 * Switches the language, also while a dialog holds the page inert (a click in code, not a pointer).
 * @param {import('playwright-core').Page} page
 */
async function switchLocale(page) {
  await page.$eval('[data-testid=locale-switch]', (b) => /** @type {HTMLElement} */ (b).click());
}

/**
 * Closes a dialog a failed scenario left open, so the next one starts on the page.
 * @param {import('playwright-core').Page} page
 */
async function closeDialogs(page) {
  for (let i = 0; i < 3 && (await page.$('dialog[open]')); i++) await page.keyboard.press('Escape');
}

/**
 * Waits for the table to answer with `n` matching records.
 * @param {import('playwright-core').Page} page
 * @param {number} n
 */
async function totalIs(page, n) {
  await page
    .waitForFunction(
      (want) => {
        const text = document.querySelector('[data-testid=data-count]')?.textContent ?? '';
        return Number(text.replace(/\D/g, '')) === want && !text.includes('…');
      },
      n,
      { timeout: 20_000 },
    )
    .catch(() => {});
  const text = (await page.textContent('[data-testid=data-count]')) ?? '';
  check(Number(text.replace(/\D/g, '')) === n, `the table counts "${text}", not ${n}`);
}

/**
 * Types into the search box and waits for the rows of that search.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function search(page, text) {
  await page.fill('[data-testid=data-search]', text);
  await page.press('[data-testid=data-search]', 'Enter');
  await page.waitForFunction(
    (q) => new URL(location.href).searchParams.get('q') === (q || null),
    text,
  );
}

/**
 * @param {string} run
 * @param {{ badDate: boolean }} o
 */
function csvFile(run, { badDate }) {
  const lines = [
    'case_ref,occurred_at,province,lon,lat,category,goods,quantity,unit,value_vnd,subjects,transport_mode,lead_agency',
    `${run}-A,05/03/2024,an_giang,105.1,10.6,cigarettes,Thuốc lá điếu E2E,1500,bao,1250000,2,motorbike,joint`,
    `${run}-B,${badDate ? '31/02/2024' : '28/02/2024'},an_giang,105.12,10.61,sugar,Đường E2E,2000,kg,3400000,1,boat,joint`,
    `${run}-C,06/03/2024,lang_son,106.7,21.9,electronics,Điện thoại E2E,40,chiếc,98000000,3,truck,joint`,
  ];
  return {
    name: `thu-giu-${run}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  };
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function dataScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { analyst, commander } = accounts;
  if (!analyst) {
    log('SKIP data page tests: they need an analyst account');
    return;
  }
  const context = await browser.newContext({
    viewport: SIZES.desktop,
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.pageErrors.push(`data: ${e.message}`));
  const run = `E2E${Date.now().toString(36).toUpperCase()}`;

  try {
    await test('shows every seizure in a sortable, filtered table whose state is in the URL', async () => {
      await page.goto(`${baseUrl}/data`);
      await signInWithDialog(page, analyst);
      await page.waitForSelector('[data-testid=data-row]', { timeout: 30_000 });
      check(
        (await page.getAttribute('[data-testid=nav-data]', 'aria-current')) === 'page',
        'the Data link is not marked as the current page',
      );
      const all = await page.evaluate(
        async () => (await (await fetch('/api/layers')).json()).layers,
      );
      const seizures = all.find((/** @type {{id: string}} */ l) => l.id === 'seizures').count;
      await totalIs(page, seizures);
      check(
        (await page.$$('[data-testid=data-row]')).length === 50,
        'the first page does not hold 50 rows',
      );
      // Sort by value, largest first: the first row's value is the largest of the province.
      await page.click('[data-testid=sort-value_vnd]');
      await page.waitForFunction(() => location.search.includes('sort=value_vnd&dir=desc'));
      await page.waitForFunction(
        () => !document.querySelector('.table-area[aria-busy=true]'),
        undefined,
        { timeout: 20_000 },
      );
      const top = await page.evaluate(async () => {
        const r = await fetch('/api/layers/seizures?limit=10000');
        const fc = await r.json();
        let max = 0;
        for (const f of fc.features) max = Math.max(max, Number(f.properties.value_vnd ?? 0));
        return { max, matched: fc.numberMatched };
      });
      const firstValue = await page.textContent('[data-testid=data-row] td.value');
      if (top.matched <= 10000) {
        check(
          Number(firstValue?.replace(/\D/g, '')) === top.max,
          `first value ${firstValue}, the largest is ${top.max}`,
        );
      }
      await page.selectOption('[data-testid=data-province]', 'lang_son');
      await page.fill('#data-from', '01/01/2024');
      await page.press('#data-from', 'Tab');
      await page.waitForFunction(() => location.search.includes('p=lang_son&from=2024-01-01'));
      const expected = await page.evaluate(async () => {
        const r = await fetch('/api/stats?province=lang_son&from=2024-01-01');
        return (await r.json()).cases;
      });
      await totalIs(page, expected);
      // A reload keeps the filters and the order.
      await page.reload();
      await page.waitForSelector('[data-testid=data-row]', { timeout: 20_000 });
      await totalIs(page, expected);
      check(
        (await page.inputValue('[data-testid=data-province]')) === 'lang_son' &&
          (await page.inputValue('#data-from')) === '01/01/2024',
        'the filters did not survive a reload',
      );
      for (const [size, vp] of Object.entries(SIZES)) {
        await page.setViewportSize(vp);
        await noSidewaysOverflow(page);
        await screenshot(page, `data-table-${size}-vi`);
      }
      await switchLocale(page);
      await page.waitForFunction(() => location.search.includes('lang=en'));
      for (const [size, vp] of Object.entries(SIZES)) {
        await page.setViewportSize(vp);
        await noSidewaysOverflow(page);
        await screenshot(page, `data-table-${size}-en`);
      }
      await switchLocale(page);
      await page.setViewportSize(SIZES.desktop);
      await page.click('[data-testid=data-clear]');
      await totalIs(page, seizures);
    });

    await test('imports a CSV: a bad row is reported, the fixed file goes in', async () => {
      await closeDialogs(page);
      await page.click('[data-testid=data-import]');
      const dialog = page.locator('[data-testid=import-dialog]');
      await dialog.waitFor({ state: 'visible' });
      await dialog
        .locator('[data-testid=import-file]')
        .setInputFiles(csvFile(run, { badDate: true }));
      await dialog.locator('[data-testid=import-report]').waitFor({ timeout: 30_000 });
      const summary = (await dialog.locator('.summary').textContent()) ?? '';
      check(
        summary.includes('3 dòng, 2 hợp lệ, 1 có lỗi'),
        `the report's summary reads "${summary}"`,
      );
      // The second record is on spreadsheet line 3 (the header is line 1).
      const row = dialog.locator('[data-testid=import-problems] tr[data-line="3"]');
      const problem = (await row.textContent()) ?? '';
      check(
        problem.includes(`${run}-B`) && problem.includes('ngày không hợp lệ'),
        `line 3 reads "${problem}"`,
      );
      check(
        (await dialog.locator('[data-testid=import-commit]').count()) === 0,
        'a report with problems offers the import',
      );
      await noSidewaysOverflow(page);
      await screenshot(page, 'data-import-report-desktop-vi');
      await switchLocale(page);
      const en = (await row.textContent()) ?? '';
      check(en.includes('not a valid date (date)'), `line 3 in English reads "${en}"`);
      await screenshot(page, 'data-import-report-desktop-en');
      await page.setViewportSize(SIZES.phone);
      await noSidewaysOverflow(page);
      await screenshot(page, 'data-import-report-phone-en');
      await switchLocale(page);
      await screenshot(page, 'data-import-report-phone-vi');
      await page.setViewportSize(SIZES.wide);
      await screenshot(page, 'data-import-report-wide-vi');
      await page.setViewportSize(SIZES.desktop);

      await dialog
        .locator('[data-testid=import-file]')
        .setInputFiles(csvFile(run, { badDate: false }));
      await dialog.locator('[data-testid=import-commit]').waitFor({ timeout: 30_000 });
      const preview = await dialog.locator('[data-testid=import-preview] tbody tr').count();
      check(preview === 3, `the preview lists ${preview} records, not 3`);
      await screenshot(page, 'data-import-clean-desktop-vi');
      await dialog.locator('[data-testid=import-commit]').click();
      await dialog.locator('[data-testid=import-done]').waitFor({ timeout: 30_000 });
      const done = (await dialog.locator('[data-testid=import-done]').textContent()) ?? '';
      check(done.includes('Đã nhập 3 vụ'), `the import says "${done}"`);
      await dialog.locator('[data-testid=import-close]').click();
      await search(page, run);
      await totalIs(page, 3);
      const refs = await page.$$eval('[data-testid=data-row] td.ref', (c) =>
        c.map((x) => x.textContent?.trim()),
      );
      check(
        [`${run}-A`, `${run}-B`, `${run}-C`].every((r) => refs.includes(r)),
        `the table lists ${refs.join(', ')}`,
      );
    });

    await test('goes from a row to its popup on the map, and from the popup back to the row', async () => {
      await closeDialogs(page);
      const row = page.locator('[data-testid=data-row]', { hasText: `${run}-C` });
      const id = Number(await row.getAttribute('data-id'));
      await row.locator('[data-testid=row-map]').click();
      await page.waitForURL(/\/(\?.*)?$/);
      await page.locator('.brm-popup').waitFor({ state: 'visible', timeout: 30_000 });
      const popup = (await page.locator('.brm-popup').textContent()) ?? '';
      check(popup.includes(`${run}-C`), `the popup shows "${popup.slice(0, 120)}"`);
      const centre = await page.evaluate(() => window.__brmMap?.getCenter().toArray());
      check(
        !!centre && Math.abs(centre[0] - 106.7) < 0.01 && Math.abs(centre[1] - 21.9) < 0.01,
        `the map is centred on ${centre}, not the seizure at 106.7, 21.9`,
      );
      check(
        !new URL(page.url()).searchParams.has('seizure') ||
          new URL(page.url()).searchParams.get('p') === 'lang_son',
        `map URL ${page.url()}`,
      );
      await screenshot(page, 'data-map-popup-desktop-vi');
      await page.click('[data-testid=popup-open-table]');
      await page.waitForURL(new RegExp(`/data\\?id=${id}`));
      await page.waitForSelector(`[data-testid=data-row][data-id="${id}"].highlight`, {
        timeout: 20_000,
      });
    });

    await test('records a seizure by hand with a click on the small map', async () => {
      await closeDialogs(page);
      if (new URL(page.url()).pathname !== '/data') {
        await page.goto(`${baseUrl}/data`);
        await page.waitForSelector('[data-testid=data-row]', { timeout: 30_000 });
      }
      await page.click('[data-testid=data-record]');
      const form = page.locator('[data-testid=seizure-form]');
      await form.waitFor({ state: 'visible' });
      // Saving an empty form names what is missing beside each field.
      await form.locator('[data-testid=sf-save]').click();
      check(
        (await form.locator('.problem[data-field=category]').textContent())?.trim() ===
          'Bắt buộc.' && (await form.locator('.problem[data-field=place]').count()) === 1,
        'the empty form does not name its missing fields',
      );
      await page.fill('#sf-date', '07/03/2024');
      await page.press('#sf-date', 'Tab');
      await form.locator('[data-testid=sf-category]').selectOption('fuel');
      await form.locator('[data-testid=sf-goods]').fill('Xăng RON95 E2E');
      await form.locator('[data-testid=sf-quantity]').fill('1200,5');
      await form.locator('[data-testid=sf-unit]').fill('lít');
      await form.locator('[data-testid=sf-value]').fill('27.000.000');
      await form.locator('[data-testid=sf-subjects]').fill('1');
      await form.locator('[data-testid=sf-transport]').selectOption('boat');
      await form.locator('[data-testid=sf-agency]').selectOption('joint');
      await form.locator('[data-testid=sf-case-ref]').fill(`${run}-TAY`);
      await page.waitForFunction(() => window.__brmPicker?.loaded(), undefined, {
        timeout: 30_000,
      });
      // Click where 105.05, 10.55 (in An Giang) is drawn on the small map.
      const target = await page.evaluate(() => {
        const m = window.__brmPicker;
        if (!m) return null;
        m.jumpTo({ center: [105.05, 10.55], zoom: 10 });
        const p = m.project([105.05, 10.55]);
        return { x: p.x, y: p.y };
      });
      const box = await form.locator('[data-testid=point-picker]').boundingBox();
      check(!!target && !!box, 'no small map');
      if (!target || !box) return;
      await page.mouse.click(box.x + target.x, box.y + target.y);
      const lon = Number(await form.locator('[data-testid=sf-a]').inputValue());
      const lat = Number(await form.locator('[data-testid=sf-b]').inputValue());
      check(
        Math.abs(lon - 105.05) < 0.005 && Math.abs(lat - 10.55) < 0.005,
        `the click put ${lon}, ${lat}`,
      );
      const other = (await form.locator('[data-testid=sf-other]').textContent()) ?? '';
      check(
        /VN-2000: X [\d.]+ m, Y 1\.1\d\d\.\d{3} m/.test(other),
        `the other form reads "${other}"`,
      );
      await form.locator('[data-testid=sf-crs-3405]').check();
      const x = Number(await form.locator('[data-testid=sf-a]').inputValue());
      check(x > 500_000 && x < 510_000, `VN-2000 X ${x}`);
      await noSidewaysOverflow(page);
      await screenshot(page, 'data-form-desktop-vi');
      await page.setViewportSize(SIZES.wide);
      await screenshot(page, 'data-form-wide-vi');
      await switchLocale(page);
      await screenshot(page, 'data-form-wide-en');
      await page.setViewportSize(SIZES.phone);
      await noSidewaysOverflow(page);
      await screenshot(page, 'data-form-phone-en');
      await switchLocale(page);
      await screenshot(page, 'data-form-phone-vi');
      await page.setViewportSize(SIZES.desktop);
      await screenshot(page, 'data-form-desktop-vi');
      await form.locator('[data-testid=sf-save]').click();
      await form.waitFor({ state: 'detached', timeout: 20_000 });
      const notice = (await page.textContent('[data-testid=data-notice]')) ?? '';
      check(notice.includes(`${run}-TAY`), `the notice reads "${notice}"`);
      await search(page, `${run}-TAY`);
      await totalIs(page, 1);
      const stored = await page.evaluate(async (q) => {
        const r = await fetch(`/api/seizures?q=${encodeURIComponent(q)}`);
        return (await r.json()).items[0];
      }, `${run}-TAY`);
      check(
        stored?.source === 'manual' &&
          Math.abs(stored.lon - 105.05) < 0.005 &&
          Math.abs(stored.lat - 10.55) < 0.005 &&
          Number(stored.value_vnd) === 27_000_000 &&
          stored.quantity === 1200.5 &&
          stored.province === 'an_giang',
        `stored ${JSON.stringify(stored)}`,
      );
    });

    await test('explains an edit of a stale version and saves mine on top', async () => {
      await closeDialogs(page);
      const row = page.locator('[data-testid=data-row]', { hasText: `${run}-TAY` });
      await row.locator('[data-testid=row-edit]').click();
      const form = page.locator('[data-testid=seizure-form]');
      await form.waitFor({ state: 'visible' });
      // Someone else saves a change first.
      await page.evaluate(async (q) => {
        const r = (await (await fetch(`/api/seizures?q=${q}`)).json()).items[0];
        // The body of a write: the record's fields, not the list's read-only ones (id, source).
        const fields = Object.fromEntries(
          Object.entries(r).filter(
            ([k]) => !['id', 'source', 'synthetic', 'updated_at'].includes(k),
          ),
        );
        const res = await fetch(`/api/seizures/${r.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...fields, goods: 'Dầu DO (người khác sửa)' }),
        });
        if (res.status !== 200)
          throw new Error(`the other save got ${res.status}: ${await res.text()}`);
      }, `${run}-TAY`);
      await form.locator('[data-testid=sf-subjects]').fill('4');
      await form.locator('[data-testid=sf-save]').click();
      await form.locator('[data-testid=seizure-conflict]').waitFor({ timeout: 15_000 });
      const text = (await form.locator('[data-testid=seizure-conflict]').textContent()) ?? '';
      check(
        text.includes('phiên bản 2') && text.includes('người khác sửa'),
        `the conflict reads "${text}"`,
      );
      await screenshot(page, 'data-conflict-desktop-vi');
      await form.locator('[data-testid=conflict-keep]').click();
      await form.waitFor({ state: 'detached', timeout: 15_000 });
      const stored = await page.evaluate(async (q) => {
        return (await (await fetch(`/api/seizures?q=${q}`)).json()).items[0];
      }, `${run}-TAY`);
      check(
        stored.version === 3 && stored.subjects === 4 && stored.goods === 'Xăng RON95 E2E',
        `after keeping mine: ${JSON.stringify(stored)}`,
      );
    });

    await test('exports the filtered seizures as CSV with the server file name', async () => {
      await closeDialogs(page);
      await search(page, '');
      await page.selectOption('[data-testid=data-province]', 'lang_son');
      await page.fill('#data-from', '01/01/2024');
      await page.press('#data-from', 'Tab');
      await page.fill('#data-to', '31/03/2024');
      await page.press('#data-to', 'Tab');
      await page.waitForFunction(() => location.search.includes('to=2024-03-31'));
      await page.waitForFunction(
        () => !document.querySelector('.table-area[aria-busy=true]'),
        undefined,
        { timeout: 20_000 },
      );
      const total = Number(
        ((await page.textContent('[data-testid=data-count]')) ?? '').replace(/\D/g, ''),
      );
      check(total > 0, 'no seizures to export');
      await page.click('[data-testid=data-export]');
      const dialog = page.locator('[data-testid=export-dialog]');
      await dialog.waitFor({ state: 'visible' });
      const filters = (await dialog.locator('[data-testid=export-filters]').textContent()) ?? '';
      check(
        filters.includes('Lạng Sơn') && filters.includes('01/01/2024 – 31/03/2024'),
        `the dialog names the filters "${filters}"`,
      );
      await dialog.locator('[data-testid=export-format-kml]').check();
      check(
        await dialog.locator('[data-testid=export-crs-3405]').isDisabled(),
        'KML offers VN-2000',
      );
      await dialog.locator('[data-testid=export-format-csv]').check();
      await screenshot(page, 'data-export-desktop-vi');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.locator('[data-testid=export-start]').click(),
      ]);
      const name = download.suggestedFilename();
      check(
        /^seizures_lang_son_2024-?01-?01_2024-?03-?31_\d{8}\.csv$/.test(name),
        `the file is named ${name}`,
      );
      const path = await download.path();
      const text = await readFile(path, 'utf8');
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
      check(
        lines.length - 1 === total,
        `the CSV holds ${lines.length - 1} rows, the table ${total}`,
      );
      await dialog.locator('[data-testid=export-done]').waitFor();
      const progress =
        (await dialog.locator('[data-testid=export-progress-text]').textContent()) ?? '';
      check(
        progress.includes(`${total.toLocaleString('vi-VN')} đối tượng`),
        `the progress reads "${progress}"`,
      );
      await screenshot(page, 'data-export-done-desktop-vi');
      await switchLocale(page);
      await screenshot(page, 'data-export-done-desktop-en');
      await page.setViewportSize(SIZES.phone);
      await noSidewaysOverflow(page);
      await screenshot(page, 'data-export-phone-en');
      await switchLocale(page);
      await screenshot(page, 'data-export-phone-vi');
      await page.setViewportSize(SIZES.wide);
      await screenshot(page, 'data-export-wide-vi');
      await page.setViewportSize(SIZES.desktop);
      await dialog.locator('[data-testid=export-close]').click();
    });

    await test('gives a commander the table without the tools', async () => {
      if (!commander) return;
      const other = await browser.newContext({ viewport: SIZES.desktop, locale: 'vi-VN' });
      const p = await other.newPage();
      try {
        await p.goto(`${baseUrl}/data`);
        await signInWithDialog(p, commander);
        await p.waitForSelector('[data-testid=data-row]', { timeout: 20_000 });
        for (const tool of ['data-record', 'data-import', 'data-export', 'row-edit']) {
          check((await p.$(`[data-testid=${tool}]`)) === null, `a commander sees ${tool}`);
        }
      } finally {
        await other.close();
      }
    });
  } finally {
    await context.close();
  }
}
