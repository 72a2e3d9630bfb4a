/**
 * The printed briefing (/briefing): a commander sees the map as SVG, the top hot spots, the two
 * monthly charts and the forecast sentence, reached from the header link; a planner gets a clear
 * refusal and no link. Chromium's A4 PDF of the page is saved with a PNG of each of its pages
 * (pdftoppm, from poppler-utils) for review, and the screen view at 1366x768 and 390x844 in
 * Vietnamese and English (briefing-<size>-<lang>.png).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/server.js';
import { check, log } from './lib/runner.js';
import { signInWithDialog } from './lib/session.js';

const SHOTS = join(ROOT, 'tests/e2e/screenshots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * Waits for a briefing with its map and both charts drawn.
 * @param {import('playwright-core').Page} page
 */
async function briefingShown(page) {
  await page.waitForSelector('[data-testid=briefing-sheet]:not([aria-busy=true])', {
    timeout: 60_000,
  });
  // Attached, not visible: an empty month draws a bar of height 0.
  const drawn = { state: /** @type {const} */ ('attached'), timeout: 15_000 };
  await page.waitForSelector('[data-testid=briefing-map] svg path', drawn);
  await page.waitForSelector('[data-testid=briefing-chart-category] svg rect', drawn);
  await page.waitForSelector('[data-testid=briefing-chart-agency] svg rect', drawn);
}

/**
 * How many pages a PDF has, from its page objects (Chromium writes one `/Type /Page` each).
 * @param {Buffer} pdf
 */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/** @param {string} name */
const hasCommand = (name) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** @param {import('./lib/context.js').E2EContext} ctx */
export async function briefingScenarios({ browser, baseUrl, accounts, test, screenshot }) {
  const commander = accounts.commander;
  const planner = accounts.planner;

  await test('briefing: a commander opens it from the header and sees map, table, charts and forecast', async () => {
    check(commander, 'no commander account');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${baseUrl}/`);
      await signInWithDialog(page, commander);
      await page.click('[data-testid=nav-briefing]');
      await page.waitForURL(/\/briefing\?province=an_giang&from=\d{4}-\d{2}-01&to=/);
      await briefingShown(page);

      const api = await page.evaluate(async () => {
        const q = new URL(location.href).searchParams;
        q.delete('lang');
        return (await fetch(`/api/briefing?${q}`)).json();
      });
      const rows = await page.$$eval('[data-testid=briefing-top] tbody tr', (r) => r.length);
      check(
        rows === api.top.length && rows > 0,
        `${rows} table rows, the API has ${api.top.length}`,
      );
      const firstCount = await page.textContent(
        '[data-testid=briefing-top] tbody tr:first-child td:nth-child(4)',
      );
      check(
        Number((firstCount ?? '').replace(/\D/g, '')) === api.top[0].seizures,
        `first hot spot shows ${firstCount}, API ${api.top[0].seizures}`,
      );
      const cells = await page.$$eval('[data-testid=briefing-map] svg path', (p) => p.length);
      check(cells >= api.map.cells.length, `${cells} paths for ${api.map.cells.length} cells`);
      // The demo plans of the province, each with the covered frontier the API computed.
      const planRows = await page.$$eval('[data-testid=briefing-plans] tr[data-plan]', (r) =>
        r.map((tr) => tr.textContent ?? ''),
      );
      check(
        planRows.length === api.plans.length && planRows.length > 0,
        `${planRows.length} plan rows, the API has ${api.plans.length}`,
      );
      const coveredKm = String(Math.round(api.plans[0].covered_km * 10) / 10).replace('.', ',');
      check(planRows[0].includes(coveredKm), `plan row "${planRows[0]}" lacks ${coveredKm} km`);
      const sentence = (await page.textContent('[data-testid=briefing-forecast-sentence]')) ?? '';
      check(sentence.trim().length > 40, `forecast sentence: "${sentence}"`);
      const generated = (await page.textContent('[data-testid=briefing-generated]')) ?? '';
      check(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)$/.test(generated.trim()), generated);
      const period = (await page.textContent('[data-testid=briefing-period]')) ?? '';
      check(/^01\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/.test(period.trim()), `period ${period}`);
      check(
        await page.isVisible('[data-testid=briefing-synthetic]'),
        'the demo data is not marked synthetic',
      );
      check(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await screenshot(page, 'briefing-1366-vi');

      // The printed page: A4, colours kept, the controls and the app header left out.
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pdfPath = join(SHOTS, 'briefing-an_giang-vi.pdf');
      writeFileSync(pdfPath, pdf);
      const pages = pdfPages(pdf);
      check(pages >= 1 && pages <= 2, `the briefing prints on ${pages} A4 pages (1 or 2 wanted)`);
      log(`briefing PDF: ${pages} page(s), ${pdf.length} bytes`);
      if (hasCommand('pdftoppm')) {
        for (const f of readdirSync(SHOTS).filter((n) => /^briefing-pdf-vi-\d+\.png$/.test(n))) {
          rmSync(join(SHOTS, f));
        }
        execFileSync('pdftoppm', ['-png', '-r', '110', pdfPath, join(SHOTS, 'briefing-pdf-vi')]);
        check(existsSync(join(SHOTS, 'briefing-pdf-vi-1.png')), 'no PNG of the first PDF page');
      } else {
        log('pdftoppm missing (apt-get install poppler-utils): PDF pages not rendered to PNG');
      }

      await page.click('[data-testid=locale-switch]');
      await page.waitForSelector('text=Smuggling hot-spot briefing');
      await briefingShown(page);
      await screenshot(page, 'briefing-1366-en');
      writeFileSync(
        join(SHOTS, 'briefing-an_giang-en.pdf'),
        await page.pdf({ format: 'A4', printBackground: true }),
      );

      await page.setViewportSize(PHONE);
      await briefingShown(page);
      await screenshot(page, 'briefing-390-en');
      await page.click('[data-testid=locale-switch]');
      await page.waitForSelector('text=Báo cáo tóm tắt điểm nóng buôn lậu');
      await screenshot(page, 'briefing-390-vi');
    } finally {
      await context.close();
    }
  });

  await test('briefing: Lang Son prints too, with its own frontier and gates', async () => {
    check(commander, 'no commander account');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/briefing?province=lang_son`);
      await signInWithDialog(page, commander);
      await briefingShown(page);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pdfPath = join(SHOTS, 'briefing-lang_son-vi.pdf');
      writeFileSync(pdfPath, pdf);
      check(pdfPages(pdf) <= 2, `Lang Son prints on ${pdfPages(pdf)} pages`);
      if (hasCommand('pdftoppm')) {
        execFileSync('pdftoppm', ['-png', '-r', '110', pdfPath, join(SHOTS, 'briefing-pdf-ls')]);
      }
    } finally {
      await context.close();
    }
  });

  await test('briefing: a planner gets a clear refusal and no link', async () => {
    if (!planner) {
      log('no planner account (E2E_PLANNER_USERNAME): skipped');
      return;
    }
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/briefing?province=an_giang&from=2024-01-01&to=2024-06-30`);
      await signInWithDialog(page, planner);
      await page.waitForSelector('[data-testid=briefing-forbidden]', { timeout: 15_000 });
      check(!(await page.isVisible('[data-testid=briefing-sheet]')), 'the planner sees a sheet');
      check((await page.$('[data-testid=nav-briefing]')) === null, 'the planner has the link');
      const status = await page.evaluate(
        async () => (await fetch('/api/briefing?province=an_giang')).status,
      );
      check(status === 403, `the API answered the planner ${status}`);
      await screenshot(page, 'briefing-planner-refused');
    } finally {
      await context.close();
    }
  });
}
