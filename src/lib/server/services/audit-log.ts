/**
 * Reading the audit log in groups: the entries of one user, action, target and outcome within
 * a clock hour become one row, counted over every matching entry. The work is bounded by
 * counting first (at most `maxRows + 1` rows) and refusing more, as exports are.
 */
import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import {
  countAuditUpTo,
  groupAudit,
  type AuditFilter,
  type AuditGroup,
} from '../repositories/audit-query';
import type { Outcome } from '../repositories/audit';

/** The most entries one grouping reads (about half a second on the embedded engine). */
export const AUDIT_GROUP_MAX_ROWS = 200_000;

const HOUR_MS = 60 * 60 * 1000;

export function tooManyRows(max: number, what: string): ApiError {
  return new ApiError(
    400,
    'too_many_rows',
    `More than ${max} audit entries match: narrow the filters (a shorter date range, a user or an action) to ${what}.`,
    { max_rows: max },
  );
}

export interface AuditGroupPage {
  /** Groups in all. */
  total: number;
  /** Entries the groups stand for, in all. */
  entries: number;
  groups: AuditGroup[];
}

export async function auditGroups(
  sql: Sql,
  f: AuditFilter,
  page: { limit: number; offset: number },
  maxRows = AUDIT_GROUP_MAX_ROWS,
): Promise<AuditGroupPage> {
  const { count } = await countAuditUpTo(sql, f, maxRows);
  if (count > maxRows) throw tooManyRows(maxRows, 'group them');
  if (count === 0) return { total: 0, entries: 0, groups: [] };
  return { ...(await groupAudit(sql, f, page)), entries: count };
}

/** What names one group: its hour and the four values its entries share. */
export interface AuditGroupKey {
  /** The start of a clock hour. */
  hour: Date;
  username: string | null;
  action: string;
  target: string | null;
  outcome: Outcome;
}

/**
 * The filter that selects exactly one group's entries: its key, within its hour and within the
 * date bounds the groups were made under.
 * @example groupFilter({ hour: new Date('2024-03-05T01:00:00Z'), username: null, action: 'login', target: null, outcome: 'failed' }, {})
 * // { from: 2024-03-05T01:00Z, to: 2024-03-05T02:00Z, username: null, action: 'login', target: null, outcome: 'failed' }
 */
export function groupFilter(key: AuditGroupKey, bounds: Pick<AuditFilter, 'from' | 'to'>) {
  const end = new Date(key.hour.getTime() + HOUR_MS);
  return {
    from: bounds.from && bounds.from > key.hour ? bounds.from : key.hour,
    to: bounds.to && bounds.to < end ? bounds.to : end,
    username: key.username,
    action: key.action,
    target: key.target,
    outcome: key.outcome,
  } satisfies AuditFilter;
}
