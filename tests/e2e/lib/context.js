/**
 * What every scenario module receives from tests/e2e/run.js. Stateless helpers (`check`, the
 * map and session helpers) are imported from lib/ instead: TypeScript narrows with an assertion
 * function only when it is called by a declared name, not a destructured property.
 *
 * @typedef {object} E2EContext
 * @property {import('playwright-core').Browser} browser For scenarios that need their own session.
 * @property {import('playwright-core').BrowserContext} context The shared session of `page`.
 * @property {import('playwright-core').Page} page The map page, shared by the scenarios in order.
 * @property {string} baseUrl The server under test, without a trailing slash.
 * @property {import('./session.js').Accounts} accounts
 * @property {import('./browser.js').PageWatch} watch What `page` did; scenarios add page errors.
 * @property {(name: string, fn: () => Promise<void>) => Promise<void>} test
 * @property {typeof import('./browser.js').screenshot} screenshot
 */

export {};
