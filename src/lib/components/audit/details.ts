/** How audit entries read in the table: times to the second in Vietnam, details as JSON. */
import { formatDate } from '$lib/i18n/format';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `dd/mm/yyyy HH:mm:ss` in Vietnam time (UTC+7) of an ISO instant or epoch milliseconds; '–'
 * when missing, the raw text if unreadable.
 * @example formatAuditTime('2024-03-05T20:04:09.512Z') // '06/03/2024 03:04:09'
 */
export function formatAuditTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const local = new Date(d.getTime() + VIETNAM_OFFSET_MS);
  const time = [local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()].map(pad2);
  return `${formatDate(d)} ${time.join(':')}`;
}

/** Details as a value: the API sends JSON, but a text column may hold JSON as a string. */
function asValue(details: unknown): unknown {
  if (typeof details !== 'string') return details;
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

/**
 * Details pretty-printed (two-space indent), or '' when there are none.
 * @example formatDetails({ reason: 'wrong_password' }) // '{\n  "reason": "wrong_password"\n}'
 */
export function formatDetails(details: unknown): string {
  const value = asValue(details);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** A value in a few characters; objects `depth` levels down are spelled out, deeper ones not. */
function brief(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object' && depth > 0) {
    const pairs = Object.entries(value).map(([k, v]) => `${k}: ${brief(v, depth - 1)}`);
    return `{${pairs.join(', ')}}`;
  }
  if (typeof value === 'object') return Object.keys(value).length ? '{…}' : '{}';
  return String(value);
}

/**
 * One line for the collapsed cell: top-level `key: value` pairs, nested values abbreviated,
 * cut at `maxChars` characters with an ellipsis.
 * @example detailsSummary({ reason: 'wrong_password' }) // 'reason: wrong_password'
 * @example detailsSummary({ filters: { p: 'x' }, ids: [1, 2] }) // 'filters: {…}, ids: [2]'
 * @example detailsSummary({ filters: { p: 'x' } }, 60, 1) // 'filters: {p: x}'
 */
export function detailsSummary(details: unknown, maxChars = 60, depth = 0): string {
  const value = asValue(details);
  if (value === null || value === undefined) return '';
  const line =
    typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value)
          .map(([k, v]) => `${k}: ${brief(v, depth)}`)
          .join(', ')
      : brief(value, depth);
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1).trimEnd()}…`;
}

/**
 * The first and last entry numbers (1-based) shown on a page, and the number of pages.
 * @example pageSpan(2345, 2, 100) // { first: 101, last: 200, pages: 24 }
 */
export function pageSpan(
  total: number,
  page: number,
  pageSize: number,
): { first: number; last: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  if (first > total) return { first: 0, last: 0, pages };
  return { first, last: Math.min(total, page * pageSize), pages };
}

/** `HH:mm` in Vietnam time of an instant. */
function vietnamClock(d: Date): string {
  const local = new Date(d.getTime() + VIETNAM_OFFSET_MS);
  return `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/**
 * When a group's entries happened: the Vietnam day, then the first and last minute (one minute
 * alone when they match).
 * @example formatAuditSpan('2024-03-04T18:13:00Z', '2024-03-04T18:58:59Z') // '05/03/2024 01:13–01:58'
 * @example formatAuditSpan('2024-03-04T18:13:05Z', '2024-03-04T18:13:40Z') // '05/03/2024 01:13'
 */
export function formatAuditSpan(first: string, last: string): string {
  const a = new Date(first);
  const b = new Date(last);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${first}–${last}`;
  const from = vietnamClock(a);
  const to = vietnamClock(b);
  return `${formatDate(a)} ${from === to ? from : `${from}–${to}`}`;
}

/**
 * Requests refused without a session in the window an entry stands for, from its details
 * (`denials_in_window`), or null.
 * @example denialsOf({ status: 401, denials_in_window: 37 }) // 37
 */
export function denialsOf(details: unknown): number | null {
  const value = asValue(details);
  if (!value || typeof value !== 'object') return null;
  const n = (value as { denials_in_window?: unknown }).denials_in_window;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}
