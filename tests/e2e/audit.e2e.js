/**
 * The audit log page: an administrator reads, filters and shares it in both languages, groups
 * the map's reads by hour and opens a group, filters by target and downloads the CSV; anyone
 * else is told it is not theirs to read, and a failure of its API is shown with its reference.
 * Without an administrator account only the refusal is tested.
 */
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

/**
 * The audit rows on screen, as the table's data attributes and cell texts.
 * @param {import('playwright-core').Page} page
 */
function auditRows(page) {
  return page.$$eval('[data-testid=audit-table] tr.entry', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-id'),
      action: r.getAttribute('data-action'),
      outcome: r.getAttribute('data-outcome'),
      username: r.getAttribute('data-username'),
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    })),
  );
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function auditScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { admin, commander } = accounts;
  const { pageErrors } = watch;
  /** The name a deliberate failed sign-in tries; it must not be rate-limited already. */
  const triedName = 'demo.planner';
  if (!admin) log('SKIP audit tests: set E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD');
  const adminContext = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
  });
  const auditPage = await adminContext.newPage();
  auditPage.on('pageerror', (e) => pageErrors.push(`audit: ${e.message}`));

  if (admin) {
    await test('lists the audit log for an administrator, with a link in the header', async () => {
      await auditPage.goto(`${baseUrl}/audit`);
      // A failed sign-in before anyone is signed in on this browser, so it is recorded as tried.
      const status = await auditPage.evaluate(async (username) => {
        const res = await fetch('/api/auth/login', {
          method: 'POST',
          // Without this browser's session, as from another workstation.
          credentials: 'omit',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'not-the-password' }),
        });
        return res.status;
      }, triedName);
      check(status === 401, `a wrong password answered ${status}, not 401`);
      await signInWithDialog(auditPage, admin);
      await auditPage.locator('[data-testid=nav-audit]').waitFor({ timeout: 10_000 });
      check(
        (await auditPage.getAttribute('[data-testid=nav-audit]', 'aria-current')) === 'page',
        'the audit link is not marked as the current page',
      );
      await auditPage.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
      const rows = await auditRows(auditPage);
      const login = rows.find(
        (r) => r.action === 'login' && r.username === admin.username && r.outcome === 'ok',
      );
      check(login, `no ok login by ${admin.username}: ${JSON.stringify(rows.slice(0, 3))}`);
      check(
        /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(login.cells[0]),
        `time is not dd/mm/yyyy HH:mm:ss: ${login.cells[0]}`,
      );
      check(login.cells[4] === 'Đăng nhập', `action label is "${login.cells[4]}"`);
      check(login.cells[6] === 'Thành công', `outcome badge says "${login.cells[6]}"`);
      check(login.cells[2] === 'Quản trị', `role is "${login.cells[2]}"`);
      const range = (await auditPage.textContent('[data-testid=audit-range]'))?.trim() ?? '';
      const counts = /^1–(\d+) trong ([\d.]+) mục$/.exec(range);
      check(
        counts &&
          Number(counts[1]) === rows.length &&
          Number(counts[2].replace(/\./g, '')) >= rows.length,
        `range reads "${range}" for ${rows.length} rows`,
      );
      // Unfold the failed sign-in's details: the JSON says why it failed.
      const failed = rows.find((r) => r.action === 'login' && r.outcome === 'failed');
      check(
        failed && failed.username === triedName,
        `the failed sign-in is not listed for ${triedName}`,
      );
      await auditPage.click(`tr.entry[data-id="${failed.id}"] button.unfold`);
      const json = await auditPage.textContent('[data-testid=audit-details-json]');
      check(json?.includes('"reason": "wrong_password"'), `details are not the JSON: ${json}`);
      await screenshot(auditPage, 'audit-admin');
    });

    await test('filters the audit log by outcome, in the URL, and refreshes', async () => {
      await auditPage.selectOption('#audit-outcome', 'failed');
      await auditPage.waitForFunction(() => location.search.includes('outcome=failed'));
      await auditPage.waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('[data-testid=audit-table] tr.entry')];
          return rows.length > 0 && rows.every((r) => r.getAttribute('data-outcome') === 'failed');
        },
        null,
        { timeout: 15_000 },
      );
      let rows = await auditRows(auditPage);
      check(
        rows.some((r) => r.action === 'login' && r.username === triedName),
        `the failed sign-in of ${triedName} is not among ${rows.length} failed entries`,
      );
      check(
        (await auditPage.textContent('[data-testid=audit-range]'))?.trim() ===
          `1–${rows.length} trong ${rows.length} mục`,
        'the range does not count the filtered entries',
      );
      await screenshot(auditPage, 'audit-failed');

      // A shared link opens the same filter.
      const shared = await adminContext.newPage();
      await shared.goto(auditPage.url());
      await shared.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
      check(
        (await shared.inputValue('#audit-outcome')) === 'failed',
        'the outcome filter is not restored from the URL',
      );
      await shared.close();

      // Another failed sign-in appears after a refresh, not before.
      const before = rows.length;
      await auditPage.evaluate(async () => {
        await fetch('/api/auth/login', {
          method: 'POST',
          // Without this browser's session, as from another workstation.
          credentials: 'omit',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'e2e.nobody', password: 'wrong' }),
        });
      });
      check((await auditRows(auditPage)).length === before, 'the table changed by itself');
      await auditPage.click('[data-testid=audit-refresh]');
      await auditPage.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=audit-table] tr.entry').length === n + 1,
        before,
        { timeout: 15_000 },
      );
      rows = await auditRows(auditPage);
      check(rows[0].username === 'e2e.nobody', `the newest entry is ${rows[0].username}`);
    });

    await test('shows the audit log in English with action labels', async () => {
      await auditPage.click('[data-testid=locale-switch]');
      await auditPage.waitForFunction(() => location.search.includes('lang=en'));
      await auditPage.selectOption('#audit-outcome', '');
      await auditPage.waitForFunction(() => !location.search.includes('outcome='));
      await auditPage.waitForFunction(
        () => document.querySelector('[data-testid=audit-table] tr.entry[data-outcome=ok]'),
        null,
        { timeout: 15_000 },
      );
      const rows = await auditRows(auditPage);
      const login = rows.find((r) => r.action === 'login' && r.outcome === 'ok');
      check(login?.cells[4] === 'Sign in', `English action label is "${login?.cells[4]}"`);
      check(login?.cells[6] === 'OK', `English outcome is "${login?.cells[6]}"`);
      check(
        (await auditPage.textContent('[data-testid=nav-audit]'))?.trim() === 'Audit log',
        'the header link is not in English',
      );
      await screenshot(auditPage, 'audit-admin-en');
    });
  }

  await test('hides the audit log from a commander and says why', async () => {
    check(commander, 'no commander account to sign in with');
    const other = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    try {
      const p = await other.newPage();
      p.on('pageerror', (e) => pageErrors.push(`audit (commander): ${e.message}`));
      await p.goto(`${baseUrl}/audit`);
      await signInWithDialog(p, commander);
      const refused = p.locator('[data-testid=audit-forbidden]');
      await refused.waitFor({ timeout: 15_000 });
      const text = (await refused.textContent()) ?? '';
      check(
        text.includes('Chỉ quản trị viên được xem nhật ký'),
        `no not-permitted message: ${text}`,
      );
      check((await p.locator('[data-testid=nav-audit]').count()) === 0, 'audit link shown');
      check(
        (await p.locator('nav.sections a').first().textContent())?.trim() === 'Bản đồ',
        'no link to the map in the header',
      );
      check(
        (await p.locator('[data-testid=audit-table]').count()) === 0,
        'the table is shown to a commander',
      );
      await screenshot(p, 'audit-forbidden');
    } finally {
      await other.close();
    }
  });
  if (admin) {
    await test('finds a refused request by its action code and a Vietnam day', async () => {
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const [y, m, d] = today.split('-');
      await auditPage.click('[data-testid=locale-switch]');
      await auditPage.waitForFunction(() => !location.search.includes('lang=en'));
      await auditPage.selectOption('#audit-action', '__other__');
      await auditPage.fill('#audit-action-code', 'GET /api/audit');
      await auditPage.press('#audit-action-code', 'Enter');
      await auditPage.fill('#audit-from', `${d}/${m}/${y}`);
      await auditPage.press('#audit-from', 'Enter');
      await auditPage.fill('#audit-to', `${d}/${m}/${y}`);
      await auditPage.press('#audit-to', 'Enter');
      await auditPage.waitForFunction(
        (day) =>
          location.search.includes('action=GET+/api/audit') &&
          location.search.includes(`from=${day}&to=${day}`),
        today,
      );
      await auditPage.waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('[data-testid=audit-table] tr.entry')];
          return (
            rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'GET /api/audit')
          );
        },
        null,
        { timeout: 15_000 },
      );
      const rows = await auditRows(auditPage);
      const refused = rows.find((r) => r.username === commander?.username);
      check(refused, `no refused request by the commander among ${rows.length}`);
      check(refused.outcome === 'denied', `the refusal is recorded as ${refused.outcome}`);
      check(refused.cells[6] === 'Bị từ chối', `the badge says "${refused.cells[6]}"`);
    });

    await test('shows a failure of the audit API with its reference', async () => {
      const audit = (/** @type {URL} */ url) => url.pathname === '/api/audit';
      await auditPage.route(audit, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'internal', message: 'x', details: { request_id: 'e2e-audit-1' } },
          }),
        }),
      );
      await auditPage.click('[data-testid=audit-refresh]');
      const banner = auditPage.locator('[data-testid=error-banner]');
      await banner.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await banner.textContent()) ?? '';
      check(text.includes('Không tải được nhật ký'), `banner says: ${text}`);
      check(text.includes('e2e-audit-1'), 'banner does not give the reference');
      check(
        (await auditPage.locator('[data-testid=audit-table] tr.entry').count()) > 0,
        'the rows already shown were dropped',
      );
      await screenshot(auditPage, 'audit-error');
      await auditPage.unroute(audit);
      await banner.locator('button.primary').click();
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
    });

    await groupScenarios({ auditPage, baseUrl, test, screenshot });
  }
  await adminContext.close();
}

/**
 * The group rows on screen, as the table's data attributes and the time and count texts.
 * @param {import('playwright-core').Page} page
 */
function groupRows(page) {
  return page.$$eval('[data-testid=audit-groups] tr.group', (rows) =>
    rows.map((r) => ({
      action: r.getAttribute('data-action'),
      outcome: r.getAttribute('data-outcome'),
      username: r.getAttribute('data-username'),
      target: r.getAttribute('data-target'),
      count: Number(r.getAttribute('data-count')),
      span: r.querySelector('td.time .span')?.textContent?.trim() ?? '',
      countText: r.querySelector('td.count')?.textContent?.trim() ?? '',
    })),
  );
}

/** Today's day in Vietnam, `YYYY-MM-DD`. */
const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The grouped view and the CSV export, on the administrator's audit page.
 * @param {{ auditPage: import('playwright-core').Page, baseUrl: string } & Pick<import('./lib/context.js').E2EContext, 'test' | 'screenshot'>} ctx
 */
async function groupScenarios({ auditPage, baseUrl, test, screenshot }) {
  const page = auditPage;
  const waitForGroups = () =>
    page.waitForSelector('[data-testid=audit-groups] tr.group', { timeout: 15_000 });

  await test('groups the map reads by hour and opens a group', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/audit`);
    // Requests without a session are logged once per window and counted: the group shows the count.
    const refused = await page.evaluate(async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch('/api/layers/seizures', { credentials: 'omit' });
        statuses.push(res.status);
      }
      return statuses;
    });
    check(
      refused.every((s) => s === 401),
      `anonymous reads answered ${refused}`,
    );
    await page.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
    await page.click('[data-testid=audit-view] button[data-view=groups]');
    await page.waitForFunction(() => location.search.includes('view=groups'));
    await waitForGroups();
    const rows = await groupRows(page);
    // The map scenarios read the seizures layer many times as the commander.
    const reads = rows.find(
      (r) => r.action === 'layer.read' && r.target === 'seizures' && r.count > 1,
    );
    check(reads, `no group of seizure reads: ${JSON.stringify(rows.slice(0, 4))}`);
    check(reads.countText === `${reads.count} lần`, `count reads "${reads.countText}"`);
    check(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(–\d{2}:\d{2})?$/.test(reads.span),
      `the group's time is not "dd/mm/yyyy HH:mm–HH:mm": ${reads.span}`,
    );
    // On one page, the groups' counts add up to the entries the pager says they stand for.
    const range = (await page.textContent('[data-testid=audit-range]'))?.trim() ?? '';
    const m = /^1–(\d+) trong (\d+) nhóm · ([\d.]+) mục$/.exec(range);
    check(m, `the pager reads "${range}"`);
    if (Number(m[2]) === rows.length) {
      const sum = rows.reduce((n, r) => n + r.count, 0);
      check(Number(m[3].replace(/\./g, '')) === sum, `${range} but the rows count ${sum}`);
    }
    // Opening the group lists its entries: as many as it counts (up to 50).
    const row = page.locator(
      `[data-testid=audit-groups] tr.group[data-action="layer.read"][data-target=seizures][data-count="${reads.count}"]`,
    );
    await row.first().locator('button.unfold').click();
    const listed = page.locator('[data-testid=audit-group-entries] li');
    await listed.first().waitFor({ timeout: 15_000 });
    const shown = await listed.count();
    check(
      shown === Math.min(reads.count, 50),
      `the group of ${reads.count} lists ${shown} entries`,
    );
    const summary = (await listed.first().textContent()) ?? '';
    check(summary.includes('number_returned'), `an entry's details are missing: ${summary}`);
    // The anonymous refusals: one group, its denials counted across the windows it covers.
    const anonymous = page.locator(
      '[data-testid=audit-groups] tr.group[data-username=""][data-action="GET /api/layers/:id"]',
    );
    const denials = anonymous.first().locator('[data-testid=audit-denials]');
    const n = Number(await denials.getAttribute('data-n'));
    check(n >= 5, `the anonymous group counts ${n} refused requests`);
    check(
      (await denials.textContent())?.trim() === `${n} yêu cầu bị chặn`,
      `the denials read "${await denials.textContent()}"`,
    );
    await screenshot(page, 'audit-groups-open-1366-vi');
  });

  await test('filters the groups by target and keeps the view in the URL', async () => {
    await page.fill('#audit-target', 'seizures');
    await page.press('#audit-target', 'Enter');
    await page.waitForFunction(
      () => location.search.includes('view=groups') && location.search.includes('target=seizures'),
    );
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-testid=audit-groups] tr.group')];
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-target') === 'seizures');
      },
      null,
      { timeout: 15_000 },
    );
    const shared = await page.context().newPage();
    await shared.goto(page.url());
    await shared.waitForSelector('[data-testid=audit-groups] tr.group', { timeout: 15_000 });
    check(
      (await shared.inputValue('#audit-target')) === 'seizures',
      'the target filter is not restored from the URL',
    );
    await shared.close();
  });

  await test('downloads the filtered log as CSV and records the export', async () => {
    const link = page.locator('a[data-testid=audit-export]');
    const href = await link.getAttribute('href');
    check(href === '/api/audit/export.csv?target=seizures', `the export link is ${href}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const name = download.suggestedFilename();
    check(name === `audit-log_start_now_${vietnamToday()}.csv`, `the file is named ${name}`);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no UTF-8 byte order mark');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    check(
      lines[0] ===
        'id,time_utc,time_vietnam,username,role,agency,action,target,outcome,client,request_id,details',
      `the header is ${lines[0]}`,
    );
    const rows = lines.slice(1).filter((l) => l !== '');
    const range = (await page.textContent('[data-testid=audit-range]'))?.trim() ?? '';
    const entries = Number(/· ([\d.]+) mục$/.exec(range)?.[1].replace(/\./g, ''));
    check(rows.length === entries, `the CSV has ${rows.length} rows, the page counts ${entries}`);
    check(
      rows.every((r) => /^\d+,[^,]+Z,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},/.test(r)),
      'a row does not start with id, ISO time and Vietnam time',
    );

    // The export is in the log itself.
    await page.goto(`${baseUrl}/audit?action=audit.export`);
    await page.waitForSelector('[data-testid=audit-table] tr.entry[data-action="audit.export"]', {
      timeout: 15_000,
    });
    await page.click('[data-testid=audit-table] tr.entry button.unfold');
    const json = (await page.textContent('[data-testid=audit-details-json]')) ?? '';
    check(
      json.includes('"target": "seizures"') && json.includes(`"row_count": ${entries}`),
      `the export entry says ${json}`,
    );
  });

  await test('shows the grouped view at three sizes in both languages', async () => {
    for (const locale of ['vi', 'en']) {
      for (const [width, height] of [
        [1920, 1080],
        [1366, 768],
        [390, 844],
      ]) {
        await page.setViewportSize({ width, height });
        await page.goto(`${baseUrl}/audit?view=groups${locale === 'en' ? '&lang=en' : ''}`);
        await waitForGroups();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        check(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px`);
        const exportBox = await page.locator('[data-testid=audit-export]').boundingBox();
        check(
          exportBox && exportBox.x >= 0 && exportBox.x + exportBox.width <= width,
          `the export button is off screen at ${width}px`,
        );
        await screenshot(page, `audit-groups-${width}-${locale}`);
      }
      // Phone: the filters fold behind a button; a card opens its entries.
      const toggle = page.locator('[data-testid=audit-filters-toggle]');
      check(await toggle.isVisible(), 'no filters button on the phone');
      check(!(await page.locator('#audit-target').isVisible()), 'the filters are not folded');
      await toggle.click();
      await page.locator('#audit-target').waitFor({ state: 'visible' });
      await screenshot(page, `audit-phone-filters-${locale}`);
      await toggle.click();
      await page.locator('[data-testid=audit-groups] tr.group button.unfold').first().click();
      await page.locator('[data-testid=audit-group-entries] li').first().waitFor();
      await screenshot(page, `audit-phone-group-open-${locale}`);
      await page.click('[data-testid=audit-view] button[data-view=entries]');
      await page.waitForSelector('[data-testid=audit-table] tr.entry', { timeout: 15_000 });
      await screenshot(page, `audit-phone-entries-${locale}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await test('explains when too many entries match to group, and narrows to a week', async () => {
    const groups = (/** @type {URL} */ url) => url.pathname === '/api/audit/groups';
    // The server's answer above its cap (200,000 entries), without writing that many.
    await page.route(groups, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'too_many_rows', message: 'x', details: { max_rows: 200000 } },
        }),
      }),
    );
    try {
      await page.goto(`${baseUrl}/audit?view=groups`);
      const notice = page.locator('[data-testid=audit-too-many]');
      await notice.waitFor({ timeout: 15_000 });
      const text = (await notice.textContent()) ?? '';
      check(text.includes('Hơn 200.000 mục khớp bộ lọc'), `the notice says: ${text}`);
      check((await page.locator('[data-testid=error-banner]').count()) === 0, 'a banner too');
      check(
        (await page.locator('a[data-testid=audit-export]').count()) === 0 &&
          (await page.textContent('[data-testid=audit-export-hint]'))?.includes('100.000'),
        'the export is offered for more entries than it holds',
      );
      await screenshot(page, 'audit-groups-too-many-vi');
      await page.unroute(groups);
      await notice.locator('button').click();
      const today = vietnamToday();
      const from = new Date(`${today}T00:00:00Z`);
      from.setUTCDate(from.getUTCDate() - 6);
      const week = `from=${from.toISOString().slice(0, 10)}&to=${today}`;
      await page.waitForFunction((q) => location.search.includes(q), week, { timeout: 5_000 });
      await waitForGroups();
    } finally {
      await page.unroute(groups).catch(() => {});
    }
  });
}
