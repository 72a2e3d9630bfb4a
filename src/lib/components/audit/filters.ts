/**
 * The audit screen's filters in its address (so a link shares the same view) and as an API query.
 * Defaults are left out, and anything malformed in a pasted link falls back to the default.
 *
 * `from` / `to` Vietnam calendar days (`YYYY-MM-DD`, inclusive), `username`, `action` (a code),
 * `outcome`, `page` (1-based, 100 entries each), `lang` interface language.
 */
import { AUDIT_OUTCOMES, type AuditOutcome, type AuditQuery } from '$lib/api';
import type { Locale } from '$lib/i18n/translate';

export const PAGE_SIZE = 100;
/** The API refuses longer usernames and action codes. */
const MAX_TEXT = 100;
/** The API's largest offset is 100,000 (then the filters must be narrowed). */
const MAX_PAGE = 100_000 / PAGE_SIZE + 1;

export interface AuditFilters {
  /** `YYYY-MM-DD` (a day in Vietnam) or '' for an open bound. */
  from: string;
  to: string;
  username: string;
  action: string;
  outcome: AuditOutcome | '';
  /** 1-based. */
  page: number;
}

export const NO_FILTERS: AuditFilters = {
  from: '',
  to: '',
  username: '',
  action: '',
  outcome: '',
  page: 1,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  if (!value || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function text(value: string | null): string {
  const s = (value ?? '').trim();
  return s.length <= MAX_TEXT ? s : '';
}

/** True when both days are set and the first comes after the second. */
export function invalidRange(f: Pick<AuditFilters, 'from' | 'to'>): boolean {
  return f.from !== '' && f.to !== '' && f.from > f.to;
}

/** Whether any filter (not the page) differs from the default. */
export function filtersActive(f: AuditFilters): boolean {
  return f.from !== '' || f.to !== '' || f.username !== '' || f.action !== '' || f.outcome !== '';
}

/** Parses the address's query into complete filters, falling back field by field. */
export function decodeAuditFilters(params: URLSearchParams): AuditFilters {
  const f: AuditFilters = { ...NO_FILTERS };
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from)) f.from = from;
  if (isDay(to)) f.to = to;
  if (invalidRange(f)) f.to = '';
  f.username = text(params.get('username'));
  f.action = text(params.get('action'));
  const outcome = params.get('outcome');
  if ((AUDIT_OUTCOMES as readonly (string | null)[]).includes(outcome)) {
    f.outcome = outcome as AuditOutcome;
  }
  const page = params.get('page') ?? '';
  if (/^\d{1,7}$/.test(page) && Number(page) >= 1 && Number(page) <= MAX_PAGE) {
    f.page = Number(page);
  }
  return f;
}

/** The query for the address: only what differs from the default, in a fixed order. */
export function encodeAuditFilters(f: AuditFilters, locale: Locale = 'vi'): URLSearchParams {
  const params = new URLSearchParams();
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.username) params.set('username', f.username);
  if (f.action) params.set('action', f.action);
  if (f.outcome) params.set('outcome', f.outcome);
  if (f.page > 1) params.set('page', String(f.page));
  if (locale !== 'vi') params.set('lang', locale);
  return params;
}

/**
 * `encodeAuditFilters` as text, with slashes left readable (legal in a query string).
 * @example auditUrlQuery({ ...NO_FILTERS, action: 'GET /api/audit' }) // 'action=GET+/api/audit'
 */
export function auditUrlQuery(f: AuditFilters, locale: Locale = 'vi'): string {
  return encodeAuditFilters(f, locale).toString().replace(/%2F/gi, '/');
}

/** The day after a `YYYY-MM-DD` day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The API query for the filters. Days are Vietnam days: the API reads a bare date as a UTC day,
 * so the bounds go as instants at midnight UTC+7, the upper one exclusive.
 * @example auditApiQuery({ ...NO_FILTERS, from: '2024-03-05', to: '2024-03-05' })
 * // { from: '2024-03-05T00:00:00+07:00', to: '2024-03-06T00:00:00+07:00', limit: 100, offset: 0 }
 */
export function auditApiQuery(f: AuditFilters): AuditQuery {
  const query: AuditQuery = { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE };
  if (f.from) query.from = `${f.from}T00:00:00+07:00`;
  if (f.to) query.to = `${nextDay(f.to)}T00:00:00+07:00`;
  if (f.username) query.username = f.username;
  if (f.action) query.action = f.action;
  if (f.outcome) query.outcome = f.outcome;
  return query;
}
