/**
 * Security checks across the other scenarios: a same-origin write passes the CSRF guard (and is
 * refused by role), and nothing the map page did sent a request to another origin or threw.
 */
import { check } from './lib/runner.js';

/**
 * Runs on the map page while a commander is signed in, between the view and filter scenarios.
 * @param {import('./lib/context.js').E2EContext} ctx
 */
export async function sameOriginWriteScenario({ page, test }) {
  await test('lets a same-origin write through the CSRF guard (plain http, no ORIGIN)', async () => {
    // Signed in as a commander: the server must refuse by role (forbidden), not as cross-site.
    const { status, code } = await page.evaluate(async () => {
      const res = await fetch('/api/patrol-routes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, code: (await res.json()).error?.code };
    });
    check(status === 403 && code === 'forbidden', `same-origin write got ${status} ${code}`);
  });
}

/**
 * Runs last, so that it covers the requests and page errors of every scenario before it.
 * @param {import('./lib/context.js').E2EContext} ctx
 */
export async function noForeignRequestScenario({ watch, test }) {
  const { foreign, pageErrors } = watch;
  await test('sends no request to another origin', async () => {
    check(foreign.length === 0, `requests left the origin: ${foreign.slice(0, 5).join(', ')}`);
    check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
}
