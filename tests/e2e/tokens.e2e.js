/**
 * The API tokens page: an analyst creates a token for QGIS, sees it once with the QGIS and GDAL
 * set-up filled in, uses it as the password of HTTP Basic (as QGIS and GDAL do) to read
 * /api/layers, and revokes it, after which the same request is a 401 with the Basic challenge.
 * A commander gets no link and the not-permitted view. Screenshots at 1366x768 and 390x844,
 * Vietnamese and English.
 */
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * Reads /api/layers from the page with Basic credentials and no cookie, as GDAL would.
 * @param {import('playwright-core').Page} page
 * @param {string} username
 * @param {string} token
 */
function readWithBasic(page, username, token) {
  return page.evaluate(
    async ([u, tk]) => {
      const res = await fetch('/api/layers', {
        credentials: 'omit',
        headers: { authorization: `Basic ${btoa(`${u}:${tk}`)}` },
      });
      const body = await res.json();
      return {
        status: res.status,
        challenge: res.headers.get('www-authenticate'),
        layers: Array.isArray(body.layers)
          ? body.layers.map((/** @type {{ id: string }} */ l) => l.id)
          : null,
      };
    },
    [username, token],
  );
}

/**
 * The tokens listed, as the rows' data attributes and cell texts.
 * @param {import('playwright-core').Page} page
 */
function tokenRows(page) {
  return page.$$eval('[data-testid=tokens-table] tr.token', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-token-id'),
      state: r.getAttribute('data-state'),
      cells: [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
    })),
  );
}

/**
 * Fills the form and creates a token; returns the secret the dialog shows.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string} days
 */
async function createToken(page, name, days) {
  await page.fill('[data-testid=tokens-name]', name);
  await page.selectOption('[data-testid=tokens-expiry]', days);
  await page.click('[data-testid=tokens-create]');
  const reveal = page.locator('[data-testid=tokens-reveal]');
  await reveal.waitFor({ timeout: 15_000 });
  return reveal.locator('[data-testid=tokens-secret]').inputValue();
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function tokenScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { analyst, commander } = accounts;
  if (!analyst) {
    log('SKIP token tests: they need an analyst account');
    return;
  }
  const { pageErrors } = watch;
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`tokens: ${e.message}`));
  const origin = new URL(baseUrl).origin;
  let token = '';
  let tokenId = '';

  try {
    await test('an analyst creates a token and sees it once, with the set-up filled in', async () => {
      await page.goto(`${baseUrl}/tokens`);
      await signInWithDialog(page, analyst);
      await page.waitForSelector('[data-testid=tokens-form]', { timeout: 15_000 });
      check(
        (await page.getAttribute('[data-testid=nav-tokens]', 'aria-current')) === 'page',
        'the tokens link is not marked as the current page',
      );
      check(
        (await page.textContent('[data-testid=nav-tokens]'))?.trim() === 'Mã API',
        'the header link is not "Mã API"',
      );
      const before = (await tokenRows(page)).map((r) => r.id);
      token = await createToken(page, 'QGIS máy văn phòng', '30');
      check(/^[A-Za-z0-9_-]{43}$/.test(token), `the token shown is "${token}"`);
      const reveal = page.locator('[data-testid=tokens-reveal]');
      const text = (await reveal.textContent()) ?? '';
      check(text.includes('Mã chỉ hiện một lần này'), `no shown-once warning: ${text}`);
      check(
        (await reveal.locator('[data-testid=tokens-url]').inputValue()) === `${origin}/api/ogc`,
        'the QGIS URL is not this server’s /api/ogc',
      );
      const ogr2ogr = await reveal.locator('[data-testid=tokens-ogr2ogr]').inputValue();
      check(
        ogr2ogr ===
          `GDAL_HTTP_AUTH=BASIC GDAL_HTTP_USERPWD='${analyst.username}:${token}' ogr2ogr -f GPKG seizures.gpkg OAPIF:${origin}/api/ogc seizures`,
        `the ogr2ogr line reads: ${ogr2ogr}`,
      );
      await reveal.locator('[data-testid=tokens-secret-copy]').click();
      await reveal.getByText('Đã sao chép').first().waitFor({ timeout: 5000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === token, 'the copy button did not copy the token');
      await screenshot(page, 'tokens-reveal-desktop-vi');
      // Escape does not throw the only copy away.
      await page.keyboard.press('Escape');
      check(await reveal.isVisible(), 'Escape closed the token dialog');
      await reveal.locator('[data-testid=tokens-reveal-done]').click();
      await reveal.waitFor({ state: 'detached', timeout: 5000 });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=tokens-table] tr.token').length > n,
        before.length,
        { timeout: 15_000 },
      );
      const rows = await tokenRows(page);
      const added = rows.find((r) => !before.includes(r.id));
      check(added, 'the new token is not listed');
      tokenId = added.id ?? '';
      check(added.cells[0] === 'QGIS máy văn phòng', `name cell: ${added.cells[0]}`);
      check(added.cells[1] === 'Đang dùng được', `status cell: ${added.cells[1]}`);
      check(
        /^\d{2}\/\d{2}\/\d{4}$/.test(added.cells[3]),
        `expiry is not dd/mm/yyyy: ${added.cells[3]}`,
      );
      check(added.cells[4] === 'Chưa dùng', `last used: ${added.cells[4]}`);
      // Shown once: the secret is nowhere on the page any more.
      const html = await page.content();
      check(!html.includes(token), 'the token is still on the page after the dialog closed');
      await screenshot(page, 'tokens-desktop-vi');
    });

    await test('the token reads /api/layers as HTTP Basic, as QGIS and GDAL send it', async () => {
      const ok = await readWithBasic(page, analyst.username, token);
      check(ok.status === 200, `Basic with the token: ${ok.status}`);
      check(ok.layers?.includes('seizures'), `layers: ${ok.layers}`);
      const wrongUser = await readWithBasic(page, 'demo.commander', token);
      check(wrongUser.status === 401, `under another username: ${wrongUser.status}`);
      await page.click('[data-testid=tokens-refresh]');
      await page.waitForFunction(
        (id) =>
          !document
            .querySelector(`tr.token[data-token-id="${id}"]`)
            ?.textContent?.includes('Chưa dùng'),
        tokenId,
        { timeout: 15_000 },
      );
      const row = (await tokenRows(page)).find((r) => r.id === tokenId);
      check(
        /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(row?.cells[4] ?? ''),
        `last used: ${row?.cells[4]}`,
      );
    });

    await test('revoking the token makes the same request a 401 with the Basic challenge', async () => {
      await page.click(`tr.token[data-token-id="${tokenId}"] [data-testid=tokens-revoke]`);
      const confirm = page.locator('[data-testid=tokens-confirm]');
      await confirm.waitFor({ timeout: 5000 });
      const text = (await confirm.textContent()) ?? '';
      check(text.includes('Thu hồi mã QGIS máy văn phòng?'), `confirmation: ${text}`);
      await screenshot(page, 'tokens-confirm-vi');
      await page.click('[data-testid=tokens-confirm-ok]');
      await confirm.waitFor({ state: 'detached', timeout: 15_000 });
      await page.waitForSelector(`tr.token[data-token-id="${tokenId}"][data-state=revoked]`, {
        timeout: 15_000,
      });
      const refused = await readWithBasic(page, analyst.username, token);
      check(refused.status === 401, `a revoked token: ${refused.status}`);
      check(
        refused.challenge === 'Basic realm="Border Risk Map"',
        `challenge: ${refused.challenge}`,
      );
    });

    await test('shows the page and the set-up in English', async () => {
      await page.click('[data-testid=locale-switch]');
      await page.waitForFunction(() => location.search === '?lang=en');
      check(
        (await page.textContent('[data-testid=nav-tokens]'))?.trim() === 'API tokens',
        'the header link is not "API tokens"',
      );
      const row = (await tokenRows(page)).find((r) => r.id === tokenId);
      check(row?.cells[1] === 'Revoked', `English status: ${row?.cells[1]}`);
      await screenshot(page, 'tokens-desktop-en');
      const second = await createToken(page, 'GDAL server', '7');
      const reveal = page.locator('[data-testid=tokens-reveal]');
      check(
        ((await reveal.textContent()) ?? '').includes('The token is shown this once'),
        'no English warning',
      );
      await screenshot(page, 'tokens-reveal-desktop-en');
      await reveal.locator('[data-testid=tokens-reveal-done]').click();
      check((await readWithBasic(page, analyst.username, second)).status === 200, 'second token');
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
        p.on('pageerror', (e) => pageErrors.push(`tokens (phone): ${e.message}`));
        await p.goto(`${baseUrl}/tokens`);
        await signInWithDialog(p, analyst);
        await p.waitForSelector('[data-testid=tokens-table] tr.token', { timeout: 15_000 });
        const wide = await p.evaluate(() =>
          [...document.querySelectorAll('.tokens-page *, .app-header *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
            .slice(0, 5),
        );
        check(wide.length === 0, `elements reach past the screen: ${wide.join(', ')}`);
        await screenshot(p, 'tokens-phone-vi');
        await createToken(p, 'Điện thoại', '7');
        await screenshot(p, 'tokens-phone-reveal-vi');
        await p.click('[data-testid=tokens-reveal-done]');
        await p.click('[data-testid=locale-switch]');
        await p.waitForFunction(() => location.search === '?lang=en');
        await screenshot(p, 'tokens-phone-en');
      } finally {
        await phone.close();
      }
    });

    if (accounts.admin) {
      const admin = accounts.admin;
      await test('an admin gets the link too, and the nine sections (Info since issue 11) fit a laptop header', async () => {
        const other = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
        try {
          const p = await other.newPage();
          await p.goto(`${baseUrl}/tokens`);
          await signInWithDialog(p, admin);
          await p.waitForSelector('[data-testid=tokens-form]', { timeout: 15_000 });
          const links = await p.$$eval('.app-header .sections a', (as) =>
            as.map((a) => {
              const r = a.getBoundingClientRect();
              return { text: a.textContent?.trim(), top: r.top, right: r.right };
            }),
          );
          check(links.length === 9, `the admin has ${links.length} sections`);
          check(
            links.every((l) => l.top === links[0].top && l.right <= DESKTOP.width),
            `the sections do not fit one row: ${JSON.stringify(links)}`,
          );
          await screenshot(p, 'tokens-admin-desktop-vi');
        } finally {
          await other.close();
        }
      });
    }

    if (commander) {
      await test('a commander gets no link and the not-permitted view', async () => {
        const other = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
        try {
          const p = await other.newPage();
          await p.goto(`${baseUrl}/tokens`);
          await signInWithDialog(p, commander);
          const panel = p.locator('[data-testid=tokens-forbidden]');
          await panel.waitFor({ timeout: 15_000 });
          check(
            (await p.locator('[data-testid=nav-tokens]').count()) === 0,
            'the commander sees a tokens link',
          );
          check(
            ((await panel.textContent()) ?? '').includes(commander.username),
            'the refusal does not name the account',
          );
          await screenshot(p, 'tokens-forbidden-vi');
        } finally {
          await other.close();
        }
      });
    }
  } finally {
    await context.close();
  }
}
