/**
 * The user-management page: an administrator disables the demo analyst and the analyst's open
 * session (another browser) is signed out on its next request; re-enabled, the analyst signs in
 * again; a new account's password is shown once and works, a reset replaces it; anyone else gets
 * no link and the not-permitted view. Screenshots at 1366x768 and 390x844, Vietnamese and English.
 */
import { layersLoaded } from './lib/map.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const NEW_USER = 'e2e.officer';

/**
 * The accounts on screen, as the rows' data attributes and cell texts.
 * @param {import('playwright-core').Page} page
 */
function userRows(page) {
  return page.$$eval('[data-testid=users-table] tr.user', (rows) =>
    rows.map((r) => ({
      username: r.getAttribute('data-username'),
      disabled: r.getAttribute('data-disabled') === 'true',
      cells: [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
      actions: [...r.querySelectorAll('button[data-action]')].map((b) =>
        b.getAttribute('data-action'),
      ),
    })),
  );
}

/**
 * Clicks an action in an account's row.
 * @param {import('playwright-core').Page} page
 * @param {string} username
 * @param {string} action
 */
async function rowAction(page, username, action) {
  await page.click(`tr.user[data-username="${username}"] button[data-action=${action}]`);
}

/**
 * Waits until the row of `username` shows the given state.
 * @param {import('playwright-core').Page} page
 * @param {string} username
 * @param {boolean} disabled
 */
async function rowDisabled(page, username, disabled) {
  await page.waitForSelector(`tr.user[data-username="${username}"][data-disabled="${disabled}"]`, {
    timeout: 15_000,
  });
}

/**
 * Signs in through the API from the page, without touching its session; returns the status.
 * @param {import('playwright-core').Page} page
 * @param {string} username
 * @param {string} password
 */
function tryLogin(page, username, password) {
  return page.evaluate(
    async ([u, p]) =>
      (
        await fetch('/api/auth/login', {
          method: 'POST',
          // As from another workstation: the page's own session stays as it is.
          credentials: 'omit',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: u, password: p }),
        })
      ).status,
    [username, password],
  );
}

/**
 * Fails when anything on screen reaches past the viewport's sides. The body hides overflow, so
 * the page's scroll width cannot tell: each visible element's box is measured instead.
 * @param {import('playwright-core').Page} page
 */
async function noSidewaysOverflow(page) {
  const outside = await page.evaluate(() => {
    const width = window.innerWidth;
    /** @param {Element} el */
    const clippedByScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.app-header *, .users-page *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -1 || r.right > width + 1);
      })
      .filter((el) => !clippedByScroller(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      .slice(0, 5);
  });
  check(outside.length === 0, `elements reach past the viewport: ${outside.join(', ')}`);
  const scrolled = await page.evaluate(() => document.scrollingElement?.scrollLeft ?? 0);
  check(scrolled === 0, `the page is scrolled ${scrolled}px sideways`);
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function userScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { admin, analyst } = accounts;
  if (!admin || !analyst) {
    log('SKIP user-management tests: they need an administrator and an analyst account');
    return;
  }
  const { pageErrors } = watch;
  const adminContext = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const adminPage = await adminContext.newPage();
  adminPage.on('pageerror', (e) => pageErrors.push(`users (admin): ${e.message}`));
  // The analyst works on the map in a browser of their own.
  const fieldContext = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  const fieldPage = await fieldContext.newPage();
  fieldPage.on('pageerror', (e) => pageErrors.push(`users (analyst): ${e.message}`));
  /** The password the page showed for the new account. */
  let shownPassword = '';

  try {
    await test('lists the accounts for an administrator, with a Users link', async () => {
      await adminPage.goto(`${baseUrl}/users`);
      await signInWithDialog(adminPage, admin);
      await adminPage.waitForSelector('[data-testid=users-table] tr.user', { timeout: 15_000 });
      check(
        (await adminPage.getAttribute('[data-testid=nav-users]', 'aria-current')) === 'page',
        'the Users link is not marked as the current page',
      );
      check(
        (await adminPage.textContent('[data-testid=nav-users]'))?.trim() === 'Người dùng',
        'the header link is not "Người dùng"',
      );
      const rows = await userRows(adminPage);
      const names = rows.map((r) => r.username);
      for (const name of ['demo.admin', 'demo.analyst', 'demo.commander', 'demo.planner']) {
        check(names.includes(name), `${name} is not listed: ${names.join(', ')}`);
      }
      const me = rows.find((r) => r.username === admin.username);
      check(me && !me.actions.includes('disable'), 'the admin is offered to disable themselves');
      check(me.cells[0].includes('bạn'), `the own row is not marked: ${me.cells[0]}`);
      check(
        /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(me.cells[4]),
        `last sign-in is not dd/mm/yyyy HH:mm:ss: ${me.cells[4]}`,
      );
      check(Number(me.cells[5]) >= 1, `the admin has ${me.cells[5]} open sessions`);
      const target = rows.find((r) => r.username === analyst.username);
      check(target && !target.disabled, `${analyst.username} is not listed as enabled`);
      check(target.cells[1] === 'Phân tích', `role reads "${target.cells[1]}"`);
      check(target.cells[3] === 'Hoạt động', `status reads "${target.cells[3]}"`);
      const count = (await adminPage.textContent('[data-testid=users-count]'))?.trim();
      check(
        count === `${rows.length} tài khoản · 0 đang khóa`,
        `the count reads "${count}" for ${rows.length} rows`,
      );
      await screenshot(adminPage, 'users-desktop-vi');
    });

    await test('gives a non-admin no Users link and the not-permitted view', async () => {
      await fieldPage.goto(`${baseUrl}/`);
      await signInWithDialog(fieldPage, analyst);
      await layersLoaded(fieldPage);
      check(
        (await fieldPage.locator('[data-testid=nav-users]').count()) === 0,
        'the analyst sees a Users link',
      );
      const refused = await fieldContext.newPage();
      try {
        await refused.goto(`${baseUrl}/users`);
        const panel = refused.locator('[data-testid=users-forbidden]');
        await panel.waitFor({ timeout: 15_000 });
        const text = (await panel.textContent()) ?? '';
        check(
          text.includes('Chỉ quản trị viên được quản lý người dùng') &&
            text.includes(analyst.username),
          `no not-permitted message: ${text}`,
        );
        check(
          (await refused.locator('[data-testid=users-table]').count()) === 0,
          'the table is shown to an analyst',
        );
        await screenshot(refused, 'users-forbidden-vi');
      } finally {
        await refused.close();
      }
    });

    await test('disabling the analyst signs their open session out on its next request', async () => {
      await rowAction(adminPage, analyst.username, 'disable');
      const dialog = adminPage.locator('[data-testid=users-confirm]');
      await dialog.waitFor({ timeout: 5000 });
      // The list was read before the analyst signed in; the dialog asks for fresh figures.
      await dialog
        .getByText('(1 phiên đang mở)')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      const text = (await dialog.textContent()) ?? '';
      check(
        text.includes(`Khóa tài khoản ${analyst.username}?`) &&
          text.includes('kết thúc ngay bây giờ (1 phiên đang mở)'),
        `the confirmation does not name the user and their open session: ${text}`,
      );
      await screenshot(adminPage, 'users-confirm-vi');
      await adminPage.click('[data-testid=users-confirm-ok]');
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      await rowDisabled(adminPage, analyst.username, true);
      const row = (await userRows(adminPage)).find((r) => r.username === analyst.username);
      check(row?.cells[3] === 'Đã khóa' && row.cells[5] === '0', `row after: ${row?.cells}`);
      check(row.actions.includes('enable'), 'no enable button on the disabled row');
      await screenshot(adminPage, 'users-disabled-vi');

      // The analyst's next request (changing the province reloads the layers) meets a 401.
      await fieldPage.click('[data-province=lang_son]');
      await fieldPage
        .locator('[data-testid=login-form]')
        .waitFor({ state: 'visible', timeout: 15_000 });
      check(
        (await fieldPage.locator('.app-header .user').count()) === 0,
        'the header still shows the analyst as signed in',
      );
      const form = fieldPage.locator('[data-testid=login-form]');
      await form.locator('input[name=username]').fill(analyst.username);
      await form.locator('input[name=password]').fill(analyst.password);
      await form.locator('button[type=submit]').click();
      await form.locator('[role=alert]').waitFor({ timeout: 10_000 });
      const refusal = (await form.locator('[role=alert]').textContent())?.trim();
      check(
        refusal === 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
        `a disabled account's sign-in says: ${refusal}`,
      );
      await screenshot(fieldPage, 'users-analyst-signed-out');
    });

    await test('re-enabling the analyst lets them sign in again', async () => {
      await rowAction(adminPage, analyst.username, 'enable');
      await adminPage.click('[data-testid=users-confirm-ok]');
      await rowDisabled(adminPage, analyst.username, false);
      const form = fieldPage.locator('[data-testid=login-form]');
      await form.locator('input[name=password]').fill(analyst.password);
      await form.locator('button[type=submit]').click();
      await form.waitFor({ state: 'detached', timeout: 15_000 });
      check(
        (await fieldPage.textContent('.app-header .user b'))?.trim() === analyst.username,
        'the analyst is not signed in again',
      );
    });

    await test('adds an account whose password is shown once and works', async () => {
      await adminPage.click('[data-testid=users-add]');
      const form = adminPage.locator('[data-testid=users-form]');
      await form.waitFor({ timeout: 5000 });
      // A name that exists is refused in the page's language, the dialog staying open.
      await form.locator('input[name=username]').fill(analyst.username);
      await form.locator('[data-testid=users-form-submit]').click();
      const error = form.locator('[data-testid=users-action-error]');
      await error.waitFor({ timeout: 10_000 });
      const said = (await error.textContent()) ?? '';
      check(
        said.includes(`Tên đăng nhập ${analyst.username} đã có người dùng.`),
        `a duplicate name is explained as: ${said}`,
      );
      await screenshot(adminPage, 'users-add-error-vi');

      await form.locator('input[name=username]').fill(NEW_USER);
      await form.locator('select[name=role]').selectOption('planner');
      await form.locator('select[name=agency]').selectOption('border_guard');
      await form.locator('[data-testid=users-form-submit]').click();
      const reveal = adminPage.locator('[data-testid=users-password]');
      await reveal.waitFor({ timeout: 15_000 });
      shownPassword = await reveal.locator('[data-testid=users-password-value]').inputValue();
      check(/^[A-Za-z2-9]{20}$/.test(shownPassword), `the password shown is "${shownPassword}"`);
      const warning = (await reveal.textContent()) ?? '';
      check(
        warning.includes('Mật khẩu chỉ hiển thị một lần này'),
        `no warning that it is shown once: ${warning}`,
      );
      await reveal.locator('[data-testid=users-password-copy]').click();
      await reveal.getByText('Đã sao chép').waitFor({ timeout: 5000 });
      const copied = await adminPage.evaluate(() => navigator.clipboard.readText());
      check(copied === shownPassword, 'the copy button did not copy the password');
      await screenshot(adminPage, 'users-password-vi');
      // Escape does not throw the only copy away.
      await adminPage.keyboard.press('Escape');
      check(await reveal.isVisible(), 'Escape closed the password dialog');
      await reveal.locator('[data-testid=users-password-done]').click();
      await reveal.waitFor({ state: 'detached', timeout: 5000 });
      await adminPage.waitForSelector(`tr.user[data-username="${NEW_USER}"]`, { timeout: 15_000 });
      const row = (await userRows(adminPage)).find((r) => r.username === NEW_USER);
      check(
        row?.cells[1] === 'Lập kế hoạch' && row.cells[2] === 'Biên phòng',
        `new row: ${row?.cells}`,
      );
      check(row.cells[4] === 'Chưa đăng nhập', `a new account's last sign-in: ${row.cells[4]}`);
      check((await tryLogin(adminPage, NEW_USER, shownPassword)) === 200, 'it cannot sign in');
    });

    await test('resets a password: a new one is shown and the old one stops working', async () => {
      await rowAction(adminPage, NEW_USER, 'reset');
      const confirm = adminPage.locator('[data-testid=users-confirm]');
      const text = (await confirm.textContent()) ?? '';
      check(text.includes(`Đặt lại mật khẩu của ${NEW_USER}?`), `confirmation: ${text}`);
      await adminPage.click('[data-testid=users-confirm-ok]');
      const reveal = adminPage.locator('[data-testid=users-password]');
      await reveal.waitFor({ timeout: 15_000 });
      check(
        ((await reveal.textContent()) ?? '').includes(`Mật khẩu mới của ${NEW_USER}`),
        'the reset dialog does not name the user',
      );
      const fresh = await reveal.locator('[data-testid=users-password-value]').inputValue();
      check(fresh !== shownPassword && fresh.length === 20, 'no new password shown');
      await reveal.locator('[data-testid=users-password-done]').click();
      check((await tryLogin(adminPage, NEW_USER, shownPassword)) === 401, 'the old one works');
      check((await tryLogin(adminPage, NEW_USER, fresh)) === 200, 'the new one does not work');
    });

    await test('shows the page in English', async () => {
      await adminPage.click('[data-testid=locale-switch]');
      await adminPage.waitForFunction(() => location.search === '?lang=en');
      const head = await adminPage.$$eval('[data-testid=users-table] thead th', (ths) =>
        ths.map((th) => th.textContent?.trim()),
      );
      check(head[0] === 'Username' && head[4] === 'Last sign-in', `English headers: ${head}`);
      check(
        (await adminPage.textContent('[data-testid=nav-users]'))?.trim() === 'Users',
        'the header link is not "Users"',
      );
      const row = (await userRows(adminPage)).find((r) => r.username === analyst.username);
      check(row?.cells[3] === 'Active' && row.cells[1] === 'Analyst', `English row: ${row?.cells}`);
      await screenshot(adminPage, 'users-desktop-en');
      await rowAction(adminPage, NEW_USER, 'disable');
      const confirm = adminPage.locator('[data-testid=users-confirm]');
      // The sign-in with the new password above opened one session.
      await confirm
        .getByText('(1 open)')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      const text = (await confirm.textContent()) ?? '';
      check(
        text.includes(`Disable ${NEW_USER}?`) && text.includes('ends now (1 open)'),
        `English confirmation: ${text}`,
      );
      await screenshot(adminPage, 'users-confirm-en');
      await adminPage.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached', timeout: 5000 });
      // A reload keeps the language (it is in the address).
      await adminPage.reload();
      await adminPage.waitForSelector('[data-testid=users-table] tr.user', { timeout: 15_000 });
      check(
        (await adminPage.textContent('[data-testid=users-add]'))?.trim().endsWith('Add user'),
        'the reloaded page is not in English',
      );
    });

    await test('is usable on a phone (390x844), in Vietnamese and English', async () => {
      const phone = await browser.newContext({
        viewport: PHONE,
        locale: 'vi-VN',
        isMobile: true,
        hasTouch: true,
      });
      try {
        const p = await phone.newPage();
        p.on('pageerror', (e) => pageErrors.push(`users (phone): ${e.message}`));
        await p.goto(`${baseUrl}/users`);
        await signInWithDialog(p, admin);
        await p.waitForSelector('[data-testid=users-table] tr.user', { timeout: 15_000 });
        await noSidewaysOverflow(p);
        for (const sel of ['[data-testid=nav-users]', '[data-testid=locale-switch]']) {
          const box = await p.locator(sel).boundingBox();
          check(
            box && box.x >= 0 && box.x + box.width <= PHONE.width,
            `${sel} is not on screen: ${JSON.stringify(box)}`,
          );
        }
        // Cards, not a table: the column headers are hidden and each value is labelled.
        check(
          !(await p.locator('[data-testid=users-table] thead').isVisible()),
          'the table header is shown on a phone',
        );
        const card = await p.locator(`tr.user[data-username="${NEW_USER}"]`).boundingBox();
        check(card && card.width <= PHONE.width - 16, `a card is ${card?.width}px wide`);
        const button = await p
          .locator(`tr.user[data-username="${NEW_USER}"] button[data-action=disable]`)
          .boundingBox();
        check(button && button.height >= 30, `the disable button is ${button?.height}px high`);
        await screenshot(p, 'users-phone-vi');
        await p.click(`tr.user[data-username="${NEW_USER}"] button[data-action=disable]`);
        await p.locator('[data-testid=users-confirm]').waitFor({ timeout: 5000 });
        await screenshot(p, 'users-phone-confirm-vi');
        await p.click('[data-testid=users-confirm] button:not(.danger)');
        await p.click('[data-testid=users-add]');
        await p.locator('[data-testid=users-form] input[name=username]').fill('nguyen.van.an');
        await noSidewaysOverflow(p);
        await screenshot(p, 'users-phone-add-vi');
        await p.click('[data-testid=users-form] button:not(.primary)');
        await p.locator('[data-testid=users-form]').waitFor({ state: 'detached', timeout: 5000 });
        await p.click('[data-testid=locale-switch]');
        await p.waitForFunction(() => location.search === '?lang=en');
        await noSidewaysOverflow(p);
        await screenshot(p, 'users-phone-en');
      } finally {
        await phone.close();
      }
    });
  } finally {
    await adminContext.close();
    await fieldContext.close();
  }
}
