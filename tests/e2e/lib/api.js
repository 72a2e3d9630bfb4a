/**
 * Calls to the API from a signed-in page (its session cookie), for the suites that set up data
 * through the API rather than through the screens they do not test.
 */
import { check } from './runner.js';

/**
 * A same-origin JSON call from the page; fails the test on a non-2xx answer.
 * @param {import('playwright-core').Page} page
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 */
export async function api(page, method, url, body) {
  const answer = await page.evaluate(
    async ({ method, url, body }) => {
      const r = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { method, url, body },
  );
  check(
    answer.status >= 200 && answer.status < 300,
    `${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`,
  );
  return answer.body;
}

/**
 * Makes an account through the admin API (the page signed in as an admin) and returns what
 * signing in needs: the username and the password the server generated.
 * @param {import('playwright-core').Page} page
 * @param {{ username: string, role: string, agency: string, unit?: string }} account
 * @returns {Promise<{ username: string, password: string }>}
 */
export async function addAccount(page, account) {
  const made = await api(page, 'POST', '/api/users', account);
  check(typeof made?.generatedPassword === 'string', `no password for ${account.username}`);
  return { username: account.username, password: made.generatedPassword };
}
