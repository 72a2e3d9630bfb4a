/**
 * The audit screen's state in its address (so a link shares the same view) and as an API query.
 * Defaults are left out, and anything malformed in a pasted link falls back to the default.
 *
 * `view` (`groups` for entries grouped by hour; entries otherwise), `from` / `to` Vietnam
 * calendar days (`YYYY-MM-DD`, inclusive), `username`, `action` (a code), `target`, `outcome`,
 * `page` (1-based: 100 entries or 50 groups each), `lang` interface language.
 */
import {
  AUDIT_GROUP_MAX_ROWS,
  AUDIT_OUTCOMES,
  type AuditGroup,
  type AuditOutcome,
  type AuditQuery,
} from '$lib/api';
import { isoDay } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/translate';

export const PAGE_SIZE = 100;
export const GROUP_PAGE_SIZE = 50;
/** The API refuses longer usernames and action codes, and longer targets. */
const MAX_TEXT = 100;
const MAX_TARGET = 200;
/** The API's largest offsets: 100,000 entries, or as many groups as it groups entries. */
const MAX_PAGE = {
  entries: 100_000 / PAGE_SIZE + 1,
  groups: AUDIT_GROUP_MAX_ROWS / GROUP_PAGE_SIZE + 1,
};

export const AUDIT_VIEWS = ['entries', 'groups'] as const;
export type AuditView = (typeof AUDIT_VIEWS)[number];

export interface AuditFilters {
  /** One row per entry, or one per user, action, target and outcome in a clock hour. */
  view: AuditView;
  /** `YYYY-MM-DD` (a day in Vietnam) or '' for an open bound. */
  from: string;
  to: string;
  username: string;
  action: string;
  /** Exactly as logged: `seizures`, `patrol_routes/12`. */
  target: string;
  outcome: AuditOutcome | '';
  /** 1-based, in the current view. */
  page: number;
}

export const NO_FILTERS: AuditFilters = {
  view: 'entries',
  from: '',
  to: '',
  username: '',
  action: '',
  target: '',
  outcome: '',
  page: 1,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  if (!value || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function text(value: string | null, max = MAX_TEXT): string {
  const s = (value ?? '').trim();
  return s.length <= max ? s : '';
}

/** True when both days are set and the first comes after the second. */
export function invalidRange(f: Pick<AuditFilters, 'from' | 'to'>): boolean {
  return f.from !== '' && f.to !== '' && f.from > f.to;
}

/** Whether any filter (not the view or the page) differs from the default. */
export function filtersActive(f: AuditFilters): boolean {
  return activeFilterCount(f) > 0;
}

/** How many filters are set (the date range counts once). */
export function activeFilterCount(f: AuditFilters): number {
  return [f.from || f.to, f.username, f.action, f.target, f.outcome].filter(Boolean).length;
}

/** Parses the address's query into complete filters, falling back field by field. */
export function decodeAuditFilters(params: URLSearchParams): AuditFilters {
  const f: AuditFilters = { ...NO_FILTERS };
  if (params.get('view') === 'groups') f.view = 'groups';
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from)) f.from = from;
  if (isDay(to)) f.to = to;
  if (invalidRange(f)) f.to = '';
  f.username = text(params.get('username'));
  f.action = text(params.get('action'));
  f.target = text(params.get('target'), MAX_TARGET);
  const outcome = params.get('outcome');
  if ((AUDIT_OUTCOMES as readonly (string | null)[]).includes(outcome)) {
    f.outcome = outcome as AuditOutcome;
  }
  const page = params.get('page') ?? '';
  if (/^\d{1,7}$/.test(page) && Number(page) >= 1 && Number(page) <= MAX_PAGE[f.view]) {
    f.page = Number(page);
  }
  return f;
}

/** The query for the address: only what differs from the default, in a fixed order. */
export function encodeAuditFilters(f: AuditFilters, locale: Locale = 'vi'): URLSearchParams {
  const params = new URLSearchParams();
  if (f.view !== 'entries') params.set('view', f.view);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.username) params.set('username', f.username);
  if (f.action) params.set('action', f.action);
  if (f.target) params.set('target', f.target);
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
 * The last `n` Vietnam days up to and including today's.
 * @example recentDays(7, new Date('2024-03-04T18:00:00Z')) // { from: '2024-02-28', to: '2024-03-05' }
 */
export function recentDays(n: number, now = new Date()): { from: string; to: string } {
  const to = isoDay(now)!;
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (n - 1));
  return { from: from.toISOString().slice(0, 10), to };
}

/**
 * The API query for the filters, without paging: what the export and a group's entries use.
 * Days are Vietnam days: the API reads a bare date as a UTC day, so the bounds go as instants
 * at midnight UTC+7, the upper one exclusive.
 * @example auditFilterQuery({ ...NO_FILTERS, from: '2024-03-05', to: '2024-03-05' })
 * // { from: '2024-03-05T00:00:00+07:00', to: '2024-03-06T00:00:00+07:00' }
 */
export function auditFilterQuery(f: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (f.from) query.from = `${f.from}T00:00:00+07:00`;
  if (f.to) query.to = `${nextDay(f.to)}T00:00:00+07:00`;
  if (f.username) query.username = f.username;
  if (f.action) query.action = f.action;
  if (f.target) query.target = f.target;
  if (f.outcome) query.outcome = f.outcome;
  return query;
}

/** Rows per page in a view. */
export const pageSizeOf = (view: AuditView) => (view === 'groups' ? GROUP_PAGE_SIZE : PAGE_SIZE);

/**
 * The API query for the current page of the current view.
 * @example auditApiQuery({ ...NO_FILTERS, view: 'groups', page: 3 }) // { limit: 50, offset: 100 }
 */
export function auditApiQuery(f: AuditFilters): AuditQuery {
  const size = pageSizeOf(f.view);
  return { ...auditFilterQuery(f), limit: size, offset: (f.page - 1) * size };
}

/**
 * The entries view of one group's values on its Vietnam day, for "open in the list". The
 * list's filters cannot say "no user": a group without one has no such view (null).
 * @example groupDayFilters(NO_FILTERS, { hour: '2024-03-04T18:00:00.000Z', username: 'ops', action: 'login', target: null, outcome: 'ok' })
 * // { ...NO_FILTERS, from: '2024-03-05', to: '2024-03-05', username: 'ops', action: 'login', outcome: 'ok' }
 */
export function groupDayFilters(
  f: AuditFilters,
  g: Pick<AuditGroup, 'hour' | 'username' | 'action' | 'target' | 'outcome'>,
): AuditFilters | null {
  const day = isoDay(g.hour);
  if (!g.username || !day) return null;
  return {
    ...f,
    view: 'entries',
    from: day,
    to: day,
    username: g.username,
    action: g.action,
    target: g.target ?? '',
    outcome: g.outcome,
    page: 1,
  };
}
