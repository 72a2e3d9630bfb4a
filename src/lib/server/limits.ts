/**
 * Ranges every input is held to before SQL sees it, so an absurd value is a 400 that names it
 * rather than a PostgreSQL error (a 500) or a row nobody meant to store.
 */

/** Largest PostgreSQL `integer` (int4): ids and versions are int4 columns. */
export const INT4_MAX = 2_147_483_647;

/** Dates are accepted in these years (PostgreSQL has no year 0; nothing here predates 1900). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

export const YEAR_RANGE_MESSAGE = `the year must lie between ${YEAR_MIN} and ${YEAR_MAX}`;

/** Whether an ISO 8601 date or date-time (`YYYY-...`) is written with a year in range. */
export function yearInRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return /^\d{4}/.test(iso) && year >= YEAR_MIN && year <= YEAR_MAX;
}
