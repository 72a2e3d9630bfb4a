import { badParameter } from './errors';
import { YEAR_RANGE_MESSAGE, yearInRange } from './limits';

/**
 * Instants and half-open ranges from the dates officers give: a bare date is a day in Vietnam.
 * The API's query parsers and the services that build windows from day strings both read them.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO date (`2024-01-31`, a day in Vietnam time) or date-time with a zone. A bare date as an
 * upper bound means the whole of that day, so `to=2024-01-31` includes seizures on the 31st.
 */
export function instant(name: string, value: string | undefined, end = false): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DATE.test(value) && !DATETIME.test(value)) {
    throw badParameter(name, 'expected an ISO date (YYYY-MM-DD) or date-time with zone');
  }
  // A bare date is a day in Vietnam (UTC+7), the zone officers read dates in and months are
  // counted in: `to=2024-01-31` ends at midnight in Hanoi, not seven hours later.
  const date = new Date(DATE.test(value) ? `${value}T00:00:00+07:00` : value);
  if (
    Number.isNaN(date.getTime()) ||
    (DATE.test(value) &&
      new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) !== value)
  ) {
    throw badParameter(name, 'not a real calendar date');
  }
  if (!yearInRange(value)) throw badParameter(name, YEAR_RANGE_MESSAGE);
  if (end && DATE.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

export interface TimeRange {
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

export function timeRange(from: string | undefined, to: string | undefined): TimeRange {
  const range = { from: instant('from', from), to: instant('to', to, true) };
  if (range.from && range.to && range.from >= range.to)
    throw badParameter('from', 'must be before to');
  return range;
}
