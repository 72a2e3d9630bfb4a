/**
 * Chromium and its pages: Debian's browser (/usr/bin/chromium, or CHROMIUM_PATH) with WebGL on
 * SwiftShader, screenshots in tests/e2e/screenshots/, and what a page does that a test reads
 * at the end (requests to another origin, page errors, glyphs that failed to load).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { check } from './runner.js';
import { ROOT } from './server.js';

const SHOTS = join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** @typedef {{ foreign: string[], pageErrors: string[], glyphFailures: string[] }} PageWatch */

/** Makes the screenshot directory and fails early when Chromium is missing. */
export function prepareBrowser() {
  mkdirSync(SHOTS, { recursive: true });
  check(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * Records every request of `page` that leaves `origin`, its page errors and failed glyphs.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 * @returns {PageWatch}
 */
export function watchPage(page, origin) {
  /** @type {PageWatch} */
  const watch = { foreign: [], pageErrors: [], glyphFailures: [] };
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      watch.foreign.push(url);
    }
  });
  page.on('response', (res) => {
    if (res.url().includes('/fonts/') && res.status() !== 200) {
      watch.glyphFailures.push(res.url());
    }
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  return watch;
}
