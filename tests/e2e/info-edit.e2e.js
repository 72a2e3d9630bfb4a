/**
 * Changing a report on /info after it was recorded, as two Border Guard officers work on one tip:
 * the author (an analyst of the station) closes it with a reason and reopens it, links it to the
 * seizure it led to and the patrol that checked it and removes a wrong link; the province's
 * commander edits it in another browser meanwhile, so the author's save meets a 409 that names
 * the commander and what each changed, and the author keeps their change on purpose (the
 * commander's stay), then, the next time, takes the commander's version. A close sent on a stale
 * version is explained in Vietnamese, and an open report is not read again and again.
 * Screenshots of the close form, the links and the 409 at 1366x768 and 390x844 in Vietnamese and
 * English (info-edit-<what>-<size>-<lang>.png).
 */
import { addAccount } from './lib/api.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SIZES = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};

/** @param {import('playwright-core').Page} page */
async function switchLocale(page) {
  // The header sits behind an open modal (inert): a click from script still reaches it.
  await page.$eval('[data-testid=locale-switch]', (b) => /** @type {HTMLElement} */ (b).click());
}

/**
 * Elements reaching past the viewport sideways, outside any scroller.
 * @param {import('playwright-core').Page} page
 */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    /** @param {Element} el */
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.info-page *, dialog[open] *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -1 || r.right > width + 1);
      })
      .filter((el) => !inScroller(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      .slice(0, 5);
  });
}

/**
 * Shots of the page as it stands, both sizes and languages, with `target` scrolled into view
 * (back to vi, desktop).
 * @param {import('playwright-core').Page} page
 * @param {(page: import('playwright-core').Page, name: string) => Promise<void>} screenshot
 * @param {string} name
 * @param {string} target
 */
async function shots(page, screenshot, name, target) {
  for (const locale of ['vi', 'en']) {
    for (const [size, vp] of Object.entries(SIZES)) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(400);
      await page.locator(target).first().scrollIntoViewIfNeeded();
      const outside = await sidewaysOverflow(page);
      check(outside.length === 0, `${name} ${size} ${locale}: past the viewport: ${outside}`);
      await screenshot(page, `info-edit-${name}-${size}-${locale}`);
    }
    await switchLocale(page);
  }
  await page.setViewportSize(SIZES.desktop);
}

/**
 * The report as the API gives it to the page's user.
 * @param {import('playwright-core').Page} page
 * @param {number} id
 */
const readReport = (page, id) =>
  page.evaluate(async (n) => (await fetch(`/api/reports/${n}`)).json(), id);

/**
 * Waits until `locator`'s text matches `pattern`, and returns it.
 * @param {import('playwright-core').Locator} locator
 * @param {RegExp} pattern
 */
async function textMatching(locator, pattern) {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.count()) ? await locator.first().textContent() : '') ?? '';
    if (pattern.test(text)) return text;
    await locator.page().waitForTimeout(200);
  }
  throw new Error(`"${text.trim().slice(0, 200)}" does not match ${pattern}`);
}

/**
 * Waits for the detail's close button, saying what the detail offers instead when it is missing.
 * @param {import('playwright-core').Locator} detail
 * @param {string} who
 */
async function closeButton(detail, who) {
  try {
    await detail.locator('[data-testid=report-close]').waitFor({ timeout: 10_000 });
  } catch {
    const status = await detail.locator('[data-testid=report-status]').textContent();
    const actions = await detail.locator('.actions').textContent();
    throw new Error(`the ${who} is not offered a close: status ${status}, actions "${actions}"`);
  }
}

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function infoEditScenarios({ browser, baseUrl, accounts, watch, test, screenshot }) {
  const { admin } = accounts;
  if (!admin) {
    log('SKIP info-edit tests: they need the admin account to create the two officers');
    return;
  }
  const run = Date.now().toString(36);
  const title = `Ghe chở đường qua kênh Vĩnh Tế sửa ${run}`;
  /** @type {Record<'author' | 'chief', { username: string, password: string }>} */
  const users = /** @type {any} */ ({});

  const newPage = async (/** @type {string} */ who) => {
    const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => watch.pageErrors.push(`info-edit ${who}: ${e.message}`));
    return { context, page };
  };
  /** @param {import('playwright-core').Page} page */
  const detailOf = (page) => page.locator(`[data-testid=report-detail][data-report-id="${id}"]`);

  const author = await newPage('author');
  const chief = await newPage('chief');
  let id = 0;

  /**
   * Opens the report on /info for `page`'s user.
   * @param {import('playwright-core').Page} page
   */
  const open = async (page) => {
    await page.goto(`${baseUrl}/info?report=${id}&status=all`);
    await detailOf(page).waitFor({ timeout: 20_000 });
  };

  try {
    await test('info-edit: the admin makes a station analyst and the province commander', async () => {
      const { context, page } = await newPage('admin');
      try {
        await page.goto(`${baseUrl}/users`);
        await signInWithDialog(page, admin);
        users.author = await addAccount(page, {
          username: `e2e.ed.bg.${run}`,
          role: 'analyst',
          agency: 'border_guard',
          unit: 'bp_vinh_xuong',
        });
        users.chief = await addAccount(page, {
          username: `e2e.ed.chief.${run}`,
          role: 'commander',
          agency: 'border_guard',
          unit: 'bdbp_an_giang',
        });
      } finally {
        await context.close();
      }
    });
    if (!users.author) return;

    await test('info-edit: the author closes a report with a reason and reopens it', async () => {
      const page = author.page;
      await page.goto(`${baseUrl}/info`);
      await signInWithDialog(page, users.author);
      id = await page.evaluate(async (t) => {
        const res = await fetch('/api/reports', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            title: t,
            kind: 'boat',
            category: 'sugar',
            reliability: 'B',
            credibility: 2,
            distribution: 'both',
            tlp: 'amber',
            geometry: {
              type: 'LineString',
              coordinates: [
                [105.05, 10.55],
                [105.09, 10.57],
              ],
            },
            text: 'Ghe máy chở đường cát, đi lúc 22 giờ. (dữ liệu thử)',
          }),
        });
        return (await res.json()).id;
      }, title);
      check(Number.isInteger(id) && id > 0, `the report was not created: ${id}`);
      await open(page);
      const detail = detailOf(page);
      const status = detail.locator('[data-testid=report-status]');
      check((await status.textContent())?.trim() === 'Đang theo dõi', 'not open to start with');

      await detail.locator('[data-testid=report-close]').click();
      const confirm = detail.locator('[data-testid=close-confirm]');
      check(await confirm.isDisabled(), 'a close without a reason can be sent');
      const reason = 'Đã kiểm tra: ghe là ghe chở khách, không chở hàng.';
      await detail.locator('[data-testid=close-reason]').fill(reason);
      check(await confirm.isEnabled(), 'the reason does not enable the close');
      await shots(page, screenshot, 'close', '[data-testid=close-reason]');
      check(
        (await status.textContent())?.trim() === 'Đang theo dõi',
        'the shots changed the status',
      );
      await confirm.click();
      await textMatching(status, /^\s*Đã kết thúc\s*$/);
      check((await detail.locator('[data-testid=close-reason]').count()) === 0, 'form stays');
      const closed = await textMatching(detail.locator('.facts'), /Đã kết thúc/);
      check(closed.includes(reason), `the reason is not shown: ${closed}`);
      // The history (read again after the action) records who closed it and why.
      const history = detail.locator('[data-testid=report-history]');
      const h = await textMatching(history, /Kết thúc tin/);
      check(h.includes(users.author.username) && h.includes(reason), `history: ${h}`);
      check(
        (await detail.locator('[data-testid=report-close]').count()) === 0,
        'a closed report still offers to close',
      );

      await detail.locator('[data-testid=report-reopen]').click();
      await textMatching(status, /^\s*Đang theo dõi\s*$/);
      await textMatching(history, /Mở lại tin/);
      const body = await readReport(page, id);
      check(
        body.status === 'open' && body.close_reason === null && body.version === 3,
        `after close and reopen: ${body.status}, ${body.close_reason}, version ${body.version}`,
      );
    });

    await test('info-edit: the author links the seizure and the patrol, and removes a wrong link', async () => {
      const page = author.page;
      const detail = detailOf(page);
      const targets = await page.evaluate(async () => {
        const idOf = (/** @type {any} */ f) => Number(f?.id ?? f?.properties?.id);
        const s = await (await fetch('/api/layers/seizures?province=an_giang&limit=2')).json();
        const p = await (await fetch('/api/patrols?province=an_giang&limit=1')).json();
        return { seizures: s.features.map(idOf), patrol: idOf(p.features[0]) };
      });
      const [seizure, other] = targets.seizures;
      const { patrol } = targets;
      check(seizure > 0 && other > 0 && patrol > 0, `no ids to link: ${JSON.stringify(targets)}`);
      const links = detail.locator('[data-testid=report-links]');
      const add = async (/** @type {string} */ kind, /** @type {string} */ text) => {
        await links.locator('[data-testid=link-kind]').selectOption(kind);
        await links.locator('[data-testid=link-id]').fill(text);
        await links.locator('[data-testid=link-add]').click();
      };
      const problem = links.locator('[data-testid=link-problem]');

      await add('seizure', 'abc');
      await textMatching(problem, /^Nhập số hiệu là một số nguyên dương\.$/);
      await add('seizure', `#${seizure}`);
      await links.locator(`[data-testid=link-seizure-${seizure}]`).waitFor({ timeout: 15_000 });
      check((await problem.count()) === 0, 'the refusal stays after a link is made');
      check(
        (await links.locator('[data-testid=link-id]').inputValue()) === '',
        'the number stays typed after linking',
      );
      const href = await links
        .locator(`[data-testid=link-seizure-${seizure}] a`)
        .getAttribute('href');
      check(href === `/data?id=${seizure}`, `the seizure links to ${href}`);
      await add('seizure', String(seizure));
      await textMatching(problem, /^Đã liên kết rồi\.$/);
      await add('seizure', '987654321');
      await textMatching(problem, /^Không có #987654321\.$/);
      await add('seizure', String(other));
      await links.locator(`[data-testid=link-seizure-${other}]`).waitFor({ timeout: 15_000 });
      await add('patrol', String(patrol));
      await links.locator(`[data-testid=link-patrol-${patrol}]`).waitFor({ timeout: 15_000 });
      await shots(page, screenshot, 'links', '[data-testid=report-links]');

      // The second seizure was a slip: removed, it leaves the first and the patrol.
      await links.locator(`[data-testid=link-seizure-${other}] button`).click();
      await links
        .locator(`[data-testid=link-seizure-${other}]`)
        .waitFor({ state: 'detached', timeout: 15_000 });
      const body = await readReport(page, id);
      check(
        JSON.stringify(body.seizures) === JSON.stringify([seizure]) &&
          JSON.stringify(body.patrols) === JSON.stringify([patrol]),
        `links now: seizures ${body.seizures}, patrols ${body.patrols}`,
      );
      const h = await textMatching(
        detail.locator('[data-testid=report-history]'),
        /Bỏ liên kết vụ bắt giữ/,
      );
      check(h.includes(String(other)), `the history does not name the removed seizure: ${h}`);
      // Links are not edits: the version the next edit carries is still 3.
      check(body.version === 3, `linking changed the version to ${body.version}`);
    });

    await test('info-edit: the commander saves meanwhile; the author gets the 409 and keeps their change', async () => {
      const a = author.page;
      const c = chief.page;
      await c.goto(`${baseUrl}/info?report=${id}&status=all`);
      await signInWithDialog(c, users.chief);
      await detailOf(c).waitFor({ timeout: 20_000 });

      await open(a);
      await detailOf(a).locator('[data-testid=report-edit]').click();
      const formA = a.locator('[data-testid=report-form]');
      await formA.waitFor({ state: 'visible' });
      const mine = `${title} (đoạn Vĩnh Ngươn)`;
      await formA.locator('[data-testid=rf-title]').fill(mine);

      // Meanwhile the commander raises the credibility and adds to the text, and saves.
      await detailOf(c).locator('[data-testid=report-edit]').click();
      const formC = c.locator('[data-testid=report-form]');
      await formC.waitFor({ state: 'visible' });
      await formC.locator('[data-testid=rf-credibility]').selectOption('3');
      const theirText = 'Ghe máy chở đường cát, hai chuyến mỗi đêm. (dữ liệu thử)';
      await formC.locator('[data-testid=rf-text]').fill(theirText);
      await formC.locator('[data-testid=rf-save]').click();
      await formC.waitFor({ state: 'detached', timeout: 20_000 });

      await formA.locator('[data-testid=rf-save]').click();
      const conflict = formA.locator('[data-testid=report-conflict]');
      await conflict.waitFor({ state: 'visible', timeout: 15_000 });
      const who = (await conflict.locator('[data-testid=conflict-who]').textContent()) ?? '';
      check(
        who.includes(users.chief.username) && who.includes('Bản 4'),
        `the 409 does not name the commander and version 4: ${who}`,
      );
      const theirs = (await conflict.locator('[data-testid=conflict-theirs]').textContent()) ?? '';
      check(
        /Họ đã sửa:\s*Độ xác thực của tin, Nội dung\s*$/.test(theirs),
        `their changes read "${theirs.trim()}"`,
      );
      const mineText = (await conflict.locator('[data-testid=conflict-mine]').textContent()) ?? '';
      check(/Bạn đã sửa:\s*Tiêu đề\s*$/.test(mineText), `my changes read "${mineText.trim()}"`);
      check(
        (await formA.locator('[data-testid=rf-title]').inputValue()) === mine,
        'the 409 dropped what the author typed',
      );
      // The explanation is in view although the save button sits at the foot of the form.
      const box = await conflict.boundingBox();
      check(!!box && box.y >= 0 && box.y < SIZES.desktop.height - 40, `409 at ${box?.y}`);
      await shots(a, screenshot, 'conflict', '[data-testid=report-conflict]');

      await formA.locator('[data-testid=conflict-keep]').click();
      await formA.waitFor({ state: 'detached', timeout: 20_000 });
      const body = await readReport(a, id);
      check(
        body.version === 5 &&
          body.title === mine &&
          body.credibility === 3 &&
          body.text === theirText,
        `keep mine saved v${body.version}: ${body.title} / ${body.credibility} / ${body.text}`,
      );
      await textMatching(detailOf(a).locator('[data-testid=report-title]'), /Vĩnh Ngươn/);
      // The history says what each edit changed, in the form's words.
      await textMatching(detailOf(a).locator('[data-testid=report-history]'), /Tiêu đề/);
      const changed = await detailOf(a).locator('[data-testid=history-changed]').allTextContents();
      check(
        JSON.stringify(changed.map((x) => x.replace(/\s+/g, ' ').trim())) ===
          JSON.stringify(['Đã sửa: Độ xác thực của tin, Nội dung', 'Đã sửa: Tiêu đề']),
        `the history's edits read ${JSON.stringify(changed)}`,
      );
    });

    await test("info-edit: the next time the author takes the commander's version", async () => {
      const a = author.page;
      const c = chief.page;
      await open(a);
      await detailOf(a).locator('[data-testid=report-edit]').click();
      const formA = a.locator('[data-testid=report-form]');
      await formA.waitFor({ state: 'visible' });
      await formA.locator('[data-testid=rf-title]').fill(`${title} (tác giả)`);

      await open(c);
      await detailOf(c).locator('[data-testid=report-edit]').click();
      const formC = c.locator('[data-testid=report-form]');
      await formC.waitFor({ state: 'visible' });
      const theirTitle = `${title} (chỉ huy)`;
      await formC.locator('[data-testid=rf-title]').fill(theirTitle);
      await formC.locator('[data-testid=rf-save]').click();
      await formC.waitFor({ state: 'detached', timeout: 20_000 });

      await formA.locator('[data-testid=rf-save]').click();
      const conflict = formA.locator('[data-testid=report-conflict]');
      await conflict.waitFor({ state: 'visible', timeout: 15_000 });
      const both = (await conflict.locator('[data-testid=conflict-both]').textContent()) ?? '';
      check(/Cả hai cùng sửa: Tiêu đề\./.test(both), `the overlap reads "${both.trim()}"`);
      await formA.locator('[data-testid=conflict-reload]').click();
      await conflict.waitFor({ state: 'detached', timeout: 5_000 });
      check(
        (await formA.locator('[data-testid=rf-title]').inputValue()) === theirTitle,
        'the form does not show their title',
      );
      // Their version is now the one edited: a save goes through as version 7.
      await formA
        .locator('[data-testid=rf-text]')
        .fill('Hai chuyến mỗi đêm, từ 22 giờ. (dữ liệu thử)');
      await formA.locator('[data-testid=rf-save]').click();
      await formA.waitFor({ state: 'detached', timeout: 20_000 });
      const body = await readReport(a, id);
      check(
        body.version === 7 && body.title === theirTitle && body.text.startsWith('Hai chuyến'),
        `after taking theirs: v${body.version} ${body.title} / ${body.text}`,
      );
    });

    await test('info-edit: a close on a stale version is explained in Vietnamese and reloads', async () => {
      const a = author.page;
      const c = chief.page;
      await open(a);
      // The author's page keeps the version it read, as a page left open for a while does: its
      // own later reads of the report are answered with that version until the author confirms.
      const seen = await readReport(a, id);
      const reportUrl = new RegExp(`/api/reports/${id}$`);
      /** @type {string[]} */
      const rereads = [];
      await a.route(reportUrl, (route) => {
        if (route.request().method() !== 'GET') return route.continue();
        rereads.push(new Date().toISOString());
        return route.fulfill({ json: seen });
      });
      // The author starts closing first; the commander's close lands while the author types.
      const detailA = detailOf(a);
      await closeButton(detailA, 'author');
      await detailA.locator('[data-testid=report-close]').click();
      await detailA.locator('[data-testid=close-reason]').fill('Tác giả kết thúc.');

      await open(c);
      const detailC = detailOf(c);
      await closeButton(detailC, 'commander');
      await detailC.locator('[data-testid=report-close]').click();
      await detailC.locator('[data-testid=close-reason]').fill('Chỉ huy kết thúc: trùng tin #1.');
      await detailC.locator('[data-testid=close-confirm]').click();
      await textMatching(detailC.locator('[data-testid=report-status]'), /Đã kết thúc/);

      const statusA = (await detailA.locator('[data-testid=report-status]').textContent()) ?? '';
      check(/Đang theo dõi/.test(statusA), `the author's page already reads "${statusA}"`);
      // An open report is read once: the page once re-read it in a loop, each answer setting off
      // the next (hundreds of audited reads a minute, and the page changing under the officer).
      check(
        rereads.length === 0,
        `the author's page read the report ${rereads.length} times while nobody acted on it`,
      );
      await a.unroute(reportUrl);
      await detailA.locator('[data-testid=close-confirm]').click();
      const said = await textMatching(
        detailA.locator('[data-testid=report-problem]'),
        /nay là bản 8/,
      );
      check(/^Tin vừa được người khác thay đổi/.test(said.trim()), `the refusal reads "${said}"`);
      await textMatching(detailA.locator('[data-testid=report-status]'), /Đã kết thúc/);
      check(
        (await detailA.locator('[data-testid=close-reason]').count()) === 0,
        'the close form stays open on a report now closed',
      );
      const facts = (await detailA.locator('.facts').textContent()) ?? '';
      check(facts.includes('trùng tin #1'), `the commander's reason is not shown: ${facts}`);
    });
  } finally {
    await author.context.close();
    await chief.context.close();
  }
}
