import type postgres from 'postgres';
import type { Sql } from '../db/client';

export type Outcome = 'ok' | 'denied' | 'failed' | 'error';

export interface AuditEntry {
  at: Date;
  action: string;
  outcome: Outcome;
  user?: { id: number; username: string; role: string; agency: string } | null;
  /** For failed logins: the name that was tried. */
  username?: string;
  target?: string;
  details?: Record<string, unknown>;
  requestId?: string;
  client?: string;
}

export async function appendAudit(sql: Sql, e: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (at, user_id, username, role, agency, action, target, outcome, details, request_id, client)
    values (${e.at}, ${e.user?.id ?? null}, ${e.user?.username ?? e.username ?? null}, ${e.user?.role ?? null},
      ${e.user?.agency ?? null}, ${e.action}, ${e.target ?? null}, ${e.outcome},
      ${e.details ? sql.json(e.details as postgres.JSONValue) : null}, ${e.requestId ?? null}, ${e.client ?? null})`;
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  username?: string;
  action?: string;
  outcome?: Outcome;
  limit: number;
  offset: number;
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
}

export async function queryAudit(
  sql: Sql,
  f: AuditFilter,
): Promise<{ total: number; rows: AuditRow[] }> {
  const conditions = [
    f.from ? sql`at >= ${f.from}` : null,
    f.to ? sql`at < ${f.to}` : null,
    f.username ? sql`username = ${f.username}` : null,
    f.action ? sql`action = ${f.action}` : null,
    f.outcome ? sql`outcome = ${f.outcome}` : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? conditions.reduce((a, b) => sql`${a} and ${b}`) : sql`true`;
  const [{ n }] = await sql<
    { n: number }[]
  >`select count(*)::int as n from audit_log where ${where}`;
  const rows = await sql<AuditRow[]>`
    select id::int as id, at, username, role, agency, action, target, outcome, details, request_id, client
    from audit_log where ${where} order by id desc limit ${f.limit} offset ${f.offset}`;
  return { total: n, rows };
}

/** Failed logins since `since`, for one username and for one client address. */
export async function recentLoginFailures(
  sql: Sql,
  since: Date,
  username: string,
  client: string,
): Promise<{ byUser: number; byClient: number }> {
  const [row] = await sql<{ u: number; c: number }[]>`
    select count(*) filter (where username = ${username})::int as u,
      count(*) filter (where client = ${client})::int as c
    from audit_log
    where action = 'login' and outcome = 'failed' and at >= ${since}`;
  return { byUser: row.u, byClient: row.c };
}
