/**
 * The audit log page: an administrator reads, filters and shares it in both languages, anyone
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
  }
  await adminContext.close();
}
