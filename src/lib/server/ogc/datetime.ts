import { badParameter } from '../errors';
import { instant } from '../api/params';

/**
 * The `datetime` parameter as bounds on the time column: `start` inclusive, `end` inclusive
 * unless `endExclusive` (a bare date as an end covers that whole day, Vietnam time, as the
 * layers API reads dates).
 */
export interface TimeWindow {
  start?: Date;
  end?: Date;
  endExclusive: boolean;
}

const OPEN = new Set(['..', '']);

function bound(value: string, end: boolean): Date | undefined {
  if (OPEN.has(value)) return undefined;
  // The API's own date parser, under this parameter's name: a date-time needs a zone.
  return instant('datetime', value.replace(/^(\d{4}-\d{2}-\d{2})t/, '$1T').replace(/z$/, 'Z'), end);
}

/**
 * An instant (`2024-03-01T10:00:00Z`, or a date: that whole day), a closed interval
 * (`a/b`) or a half-bounded one (`../b`, `a/..`), as OGC API - Features part 1 says.
 * @example parseDatetime('2024-01-01/..') // { start: 2023-12-31T17:00Z, endExclusive: false }
 */
export function parseDatetime(value: string | undefined): TimeWindow | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = value.split('/');
  if (parts.length > 2) throw badParameter('datetime', 'expected an instant or start/end');
  if (parts.length === 1) {
    if (value === '..') throw badParameter('datetime', 'an instant cannot be open');
    const start = bound(value, false)!;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value))
      return { start, end: bound(value, true), endExclusive: true };
    return { start, end: start, endExclusive: false };
  }
  const [a, b] = parts;
  if (OPEN.has(a) && OPEN.has(b)) throw badParameter('datetime', 'both ends cannot be open');
  const start = bound(a, false);
  const end = bound(b, true);
  const endExclusive = /^\d{4}-\d{2}-\d{2}$/.test(b);
  if (start && end && (endExclusive ? start >= end : start > end))
    throw badParameter('datetime', 'the start must not be after the end');
  return { start, end, endExclusive };
}
