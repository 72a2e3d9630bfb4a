/**
 * Browser tests of the Map (data, filters, layout), Audit log, Users, API tokens, Patrols and Data
 * pages: `npm run test:e2e`.
 *
 * Without BASE_URL it starts the production build (`npm run build` first) as `node build` on a
 * free port with a fresh embedded database and the demo data, signs in with the demo accounts the
 * server prints on its first start, and stops it at the end. With BASE_URL it tests that server
 * and signs in with E2E_USERNAME / E2E_PASSWORD (and E2E_ADMIN_USERNAME / E2E_ADMIN_PASSWORD).
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH); WebGL runs on SwiftShader.
 * Screenshots go to tests/e2e/screenshots/. The last line is "N passed, N failed".
 *
 * The scenarios share one map page and run in this order; each module says what it covers.
 */
import { auditScenarios } from './audit.e2e.js';
import { offlineBasemapScenarios, pmtilesBasemapScenarios } from './basemap.e2e.js';
import { briefingScenarios } from './briefing.e2e.js';
import { compareScenarios } from './compare.e2e.js';
import { dataScenarios } from './data.e2e.js';
import { dateFilterScenarios } from './date-filter.e2e.js';
import { effortScenarios } from './effort.e2e.js';
import { filterScenarios } from './filters.e2e.js';
import { frontierScenarios } from './frontier.e2e.js';
import { hotspotScenarios } from './hotspots.e2e.js';
import { infoEditScenarios } from './info-edit.e2e.js';
import { infoMapScenarios } from './info-map.e2e.js';
import { infoScenarios } from './info.e2e.js';
import { infoObjectsScenarios } from './info-objects.e2e.js';
import { launchBrowser, prepareBrowser, screenshot, watchPage } from './lib/browser.js';
import { layoutScenarios } from './layout.e2e.js';
import { createRunner } from './lib/runner.js';
import { startServer } from './lib/server.js';
import { resolveAccounts } from './lib/session.js';
import { mapScenarios } from './map.e2e.js';
import { planScenarios } from './plan.e2e.js';
import { patrolScenarios } from './patrols.e2e.js';
import { popupScenarios } from './popups.e2e.js';
import { manyPointsScenarios } from './points.e2e.js';
import { noForeignRequestScenario, sameOriginWriteScenario } from './security.e2e.js';
import { statsScenarios } from './stats.e2e.js';
import { tokenScenarios } from './tokens.e2e.js';
import { userScenarios } from './users.e2e.js';

const runner = createRunner();

async function main() {
  prepareBrowser();

  /** @type {import('./lib/server.js').Server | null} */
  let server = null;
  let baseUrl = process.env.BASE_URL?.replace(/\/$/, '');
  if (!baseUrl) {
    server = await startServer();
    baseUrl = server.baseUrl;
  }
  const accounts = resolveAccounts(server ? server.output() : null);
  const origin = new URL(baseUrl).origin;

  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);

    /** @type {import('./lib/context.js').E2EContext} */
    const ctx = { browser, context, page, baseUrl, accounts, watch, test: runner.test, screenshot };
    /** @type {[string, (ctx: import('./lib/context.js').E2EContext) => Promise<void>][]} */
    const suites = [
      ['map', mapScenarios],
      ['frontier', frontierScenarios],
      ['same-origin', sameOriginWriteScenario],
      ['filters', filterScenarios],
      ['layout', layoutScenarios],
      ['popups', popupScenarios],
      ['compare', compareScenarios],
      ['date-filter', dateFilterScenarios],
      ['stats', statsScenarios],
      ['hotspots', hotspotScenarios],
      ['effort', effortScenarios],
      ['audit', auditScenarios],
      ['users', userScenarios],
      ['tokens', tokenScenarios],
      ['patrols', patrolScenarios],
      ['data', dataScenarios],
      ['info', infoScenarios],
      ['info-edit', infoEditScenarios],
      ['briefing', briefingScenarios],
      ['plan', planScenarios],
      ['info-map', infoMapScenarios],
      ['offline-basemap', offlineBasemapScenarios],
      ['no-foreign-request', noForeignRequestScenario],
      ['pmtiles-basemap', pmtilesBasemapScenarios],
      ['points', manyPointsScenarios],
      // Last: its 55 reports and 53 objects are its own station's, yet no suite counts after it.
      ['info-objects', infoObjectsScenarios],
    ];
    // E2E_ONLY=map,points runs some suites while working on them; `map` signs in, which most
    // of the others expect. CI runs them all.
    const only = process.env.E2E_ONLY?.split(',').map((s) => s.trim());
    for (const [name, run] of suites) {
      if (only && !only.includes(name)) continue;
      if (name === 'audit') await page.setViewportSize({ width: 1280, height: 800 });
      await run(ctx);
    }
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main()
  .catch(runner.failSetup)
  .finally(() => process.exit(runner.summary()));
