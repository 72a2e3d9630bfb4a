/**
 * Who the tests sign in as, and signing in through the page's dialog.
 *
 * When the tests start the server, the accounts come from the demo banner it prints on its first
 * start; against BASE_URL they come from E2E_USERNAME / E2E_PASSWORD (a commander) and
 * E2E_ADMIN_USERNAME / E2E_ADMIN_PASSWORD (and E2E_ANALYST_USERNAME / E2E_ANALYST_PASSWORD, an
 * account the user-management tests may disable and enable again).
 */

/** @typedef {{ username: string, password: string }} Account */

/**
 * @typedef {object} Accounts
 * @property {Account | null} user Signs in on the map page (E2E_USERNAME first, then the demo commander).
 * @property {Account | null} commander Must be refused the audit log.
 * @property {Account | null} admin Reads the audit log; without one the audit tests are skipped.
 * @property {Account | null} analyst Disabled and enabled again by the user-management tests.
 * @property {Account | null} [planner] Must be refused the briefing (E2E_PLANNER_USERNAME / _PASSWORD).
 */

/**
 * A demo account from the server's first-start banner, by role (`demo.admin  admin  <pw>`).
 * @param {string} output
 * @param {string} role
 * @returns {Account | null}
 */
export function demoAccount(output, role) {
  const m = new RegExp(`^\\s*(demo\\.${role})\\s+${role}\\s+(\\S+)\\s*$`, 'm').exec(output);
  return m ? { username: m[1], password: m[2] } : null;
}

/**
 * @param {string | undefined} username
 * @param {string | undefined} password
 * @returns {Account | null}
 */
const fromEnv = (username, password) => (username && password ? { username, password } : null);

/**
 * The accounts to sign in with.
 * @param {string | null} output What the server printed, or null when testing BASE_URL.
 * @returns {Accounts}
 */
export function resolveAccounts(output) {
  const env = process.env;
  const user =
    fromEnv(env.E2E_USERNAME, env.E2E_PASSWORD) ??
    (output === null ? null : demoAccount(output, 'commander'));
  if (output === null) {
    return {
      user,
      commander: user,
      admin: fromEnv(env.E2E_ADMIN_USERNAME, env.E2E_ADMIN_PASSWORD),
      analyst: fromEnv(env.E2E_ANALYST_USERNAME, env.E2E_ANALYST_PASSWORD),
      planner: fromEnv(env.E2E_PLANNER_USERNAME, env.E2E_PLANNER_PASSWORD),
    };
  }
  return {
    user,
    commander: demoAccount(output, 'commander'),
    admin: demoAccount(output, 'admin'),
    analyst: demoAccount(output, 'analyst'),
    planner: demoAccount(output, 'planner'),
  };
}

/**
 * Signs in through the page's sign-in dialog and waits for it to close.
 * @param {import('playwright-core').Page} page
 * @param {Account} account
 */
export async function signInWithDialog(page, account) {
  const form = page.locator('[data-testid=login-form]');
  await form.waitFor({ state: 'visible', timeout: 30_000 });
  await form.locator('input[name=username]').fill(account.username);
  await form.locator('input[name=password]').fill(account.password);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
}
