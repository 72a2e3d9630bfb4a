/**
 * The small test runner: named tests whose failures are recorded and the run goes on, one
 * `[e2e] PASS|FAIL <name>` line per test and a last line "N passed, N failed".
 */

/** @typedef {{ name: string, ok: boolean, error?: string }} Result */

/** @param {string} message */
export const log = (message) => console.log(`[e2e] ${message}`);

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** @param {unknown} e */
const messageOf = (e) => (e instanceof Error ? e.message : String(e));

/** A runner with its own results, so nothing is shared between runs. */
export function createRunner() {
  /** @type {Result[]} */
  const results = [];

  /**
   * Runs one named test; a failure is recorded and the run goes on.
   * @param {string} name
   * @param {() => Promise<void>} fn
   */
  async function test(name, fn) {
    try {
      await fn();
      results.push({ name, ok: true });
      log(`PASS ${name}`);
    } catch (e) {
      const error = messageOf(e);
      results.push({ name, ok: false, error });
      log(`FAIL ${name}: ${error}`);
    }
  }

  /**
   * Records a failure outside any test (starting the server or the browser).
   * @param {unknown} e
   */
  function failSetup(e) {
    results.push({ name: 'setup', ok: false, error: messageOf(e) });
    log(`FAIL setup: ${messageOf(e)}`);
  }

  /**
   * Prints the last line; the exit code is 1 on a failure or when nothing passed.
   * @returns {number}
   */
  function summary() {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 || passed === 0 ? 1 : 0;
  }

  return { results, test, failSetup, summary };
}
