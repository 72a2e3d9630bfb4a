/**
 * Reading the audit log: pages of entries, hourly groups and id-ordered batches for exports,
 * all under one filter. Writing stays in ./audit.ts (`appendAudit`).
 */
import type { Sql } from '../db/client';
import type { Outcome } from './audit';

export interface AuditFilter {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Undefined: anyone; null: only entries without a name (requests nobody signed in made). */
  username?: string | null;
  action?: string;
  /** Undefined: any target; null: only entries without one (sign-ins, for example). */
  target?: string | null;
  outcome?: Outcome;
}

export interface AuditRow {
  id: number;
  at: Date;
  username: string | null;
  role: string | null;
  agency: string | null;
  action: string;
  target: string | null;
  outcome: Outcome;
  details: unknown;
  request_id: string | null;
  client: string | null;
  /** The API token that authenticated the request (null for a session, the CLI, the system). */
  token_id?: number | null;
}

/** The entries with the same user, action, target and outcome within one clock hour. */
export interface AuditGroup {
  /** The start of the hour (UTC; Vietnam's offset is whole hours, so also a Vietnam hour). */
  hour: Date;
  username: string | null;
  action: string;
  target: string | null;
  outcome: Outcome;
  count: number;
  first_at: Date;
  last_at: Date;
  first_id: number;
  last_id: number;
  /** Anonymous refusals counted in the windows of the group's entries, or null if none. */
  denials: number | null;
}

/** `column = value`, `column is null` for null, nothing for undefined. */
function equals(sql: Sql, column: 'username' | 'target', value: string | null | undefined) {
  if (value === undefined) return null;
  return value === null ? sql`${sql(column)} is null` : sql`${sql(column)} = ${value}`;
}

/** The filter as a condition on audit_log's own columns. */
export function auditWhere(sql: Sql, f: AuditFilter) {
  const conditions = [
    f.from ? sql`at >= ${f.from}` : null,
    f.to ? sql`at < ${f.to}` : null,
    equals(sql, 'username', f.username),
    f.action ? sql`action = ${f.action}` : null,
    equals(sql, 'target', f.target),
    f.outcome ? sql`outcome = ${f.outcome}` : null,
  ].filter((c) => c !== null);
  return conditions.length ? conditions.reduce((a, b) => sql`${a} and ${b}`) : sql`true`;
}

/**
 * How many entries match, counting no further than `cap + 1` (so the answer costs at most that
 * many rows), and the smallest and largest matching ids (0 when none match; exact only when
 * `count <= cap`): an export reads that range and no later entry.
 */
export async function countAuditUpTo(
  sql: Sql,
  f: AuditFilter,
  cap: number,
): Promise<{ count: number; minId: number; maxId: number }> {
  const [row] = await sql<{ count: number; min_id: number; max_id: number }[]>`
    select count(*)::int as count, coalesce(min(id), 0)::int as min_id,
      coalesce(max(id), 0)::int as max_id
    from (select id from audit_log where ${auditWhere(sql, f)} limit ${cap + 1}) m`;
  return { count: row.count, minId: row.min_id, maxId: row.max_id };
}

// The first anonymous denial of a window is logged; how many followed it is in its counter.
const DENIALS_JOIN = (sql: Sql) => sql`
  left join anonymous_denials d
    on a.details ? 'window_start' and d.client = a.client
    and d.window_start = (a.details->>'window_start')::timestamptz`;

const ROW_COLUMNS = (sql: Sql) => sql`
  a.id::int as id, a.at, a.username, a.role, a.agency, a.action, a.target, a.outcome,
  case when d.count is null then a.details
    else a.details || jsonb_build_object('denials_in_window', d.count) end as details,
  a.request_id, a.client, a.token_id`;

/** A page of entries, newest first, with how many match in all. */
export async function queryAudit(
  sql: Sql,
  f: AuditFilter & { limit: number; offset: number },
): Promise<{ total: number; rows: AuditRow[] }> {
  const where = auditWhere(sql, f);
  const [{ n }] = await sql<
    { n: number }[]
  >`select count(*)::int as n from audit_log where ${where}`;
  const rows = await sql<AuditRow[]>`
    select ${ROW_COLUMNS(sql)}
    from (select * from audit_log where ${where} order by id desc limit ${f.limit} offset ${f.offset}) a
    ${DENIALS_JOIN(sql)}
    order by a.id desc`;
  return { total: n, rows };
}

/**
 * The next `size` matching entries after id `afterId` up to `throughId`, oldest first: an
 * export reads the log in these batches, each one a range of the primary key.
 */
export function auditBatch(
  sql: Sql,
  f: AuditFilter,
  afterId: number,
  throughId: number,
  size: number,
): Promise<AuditRow[]> {
  return sql<AuditRow[]>`
    select ${ROW_COLUMNS(sql)}
    from (select * from audit_log
      where id > ${afterId} and id <= ${throughId} and ${auditWhere(sql, f)}
      order by id limit ${size}) a
    ${DENIALS_JOIN(sql)}
    order by a.id`;
}

/**
 * Every matching entry grouped by user, action, target, outcome and clock hour, counted in
 * SQL; one page of the groups, newest hour first, with how many groups there are in all.
 * Callers bound the matching rows first (countAuditUpTo): the grouping reads them all.
 */
export async function groupAudit(
  sql: Sql,
  f: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; groups: AuditGroup[] }> {
  const rows = await sql<(AuditGroup & { total: number; hour: Date | null })[]>`
    with g as (
      select date_trunc('hour', a.at, 'UTC') as hour, a.username, a.action, a.target, a.outcome,
        count(*)::int as count, min(a.at) as first_at, max(a.at) as last_at,
        min(a.id)::int as first_id, max(a.id)::int as last_id, sum(d.count)::int as denials
      from (select * from audit_log where ${auditWhere(sql, f)}) a
      ${DENIALS_JOIN(sql)}
      group by 1, 2, 3, 4, 5
    )
    select t.total, p.* from (select count(*)::int as total from g) t
    left join lateral (
      select * from g order by hour desc, last_id desc limit ${page.limit} offset ${page.offset}
    ) p on true`;
  const total = rows[0]?.total ?? 0;
  const groups = rows
    .filter((r) => r.hour !== null)
    .map(({ total: _, ...group }) => group as AuditGroup);
  return { total, groups };
}
