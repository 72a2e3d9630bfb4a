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

// Control, format (bidi overrides, zero-width), lone surrogate and line separator characters.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * Text as it may be shown to an admin: characters that could move the cursor, recolour a
 * terminal or reorder a line are written as `\u{...}` escapes, so a log reads as it was sent.
 * @example printable('root\u001b[2J') // 'root\\u{1b}[2J'
 */
export function printable(text: string, maxChars = 200): string {
  const escaped = text.replace(UNPRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
  return escaped.length <= maxChars ? escaped : `${escaped.slice(0, maxChars)}…`;
}

/** Details with every string made printable, keys included. */
function printableDetails(value: unknown): unknown {
  if (typeof value === 'string') return printable(value, 1000);
  if (Array.isArray(value)) return value.map(printableDetails);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [printable(k, 100), printableDetails(v)]),
    );
  }
  return value;
}

const text = (value: string | null | undefined) => (value == null ? null : printable(value));

/** Appends one entry; pass the transaction of the write it records, so both or neither land. */
export async function appendAudit(sql: Sql, e: AuditEntry): Promise<void> {
  const details = e.details ? (printableDetails(e.details) as postgres.JSONValue) : null;
  await sql`
    insert into audit_log (at, user_id, username, role, agency, action, target, outcome, details, request_id, client)
    values (${e.at}, ${e.user?.id ?? null}, ${text(e.user?.username ?? e.username)}, ${e.user?.role ?? null},
      ${e.user?.agency ?? null}, ${e.action}, ${text(e.target)}, ${e.outcome},
      ${details === null ? null : sql.json(details)}, ${e.requestId ?? null}, ${text(e.client)})`;
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
  // The first anonymous denial of a window is logged; how many followed it is in its counter.
  const rows = await sql<AuditRow[]>`
    select a.id::int as id, a.at, a.username, a.role, a.agency, a.action, a.target, a.outcome,
      case when d.count is null then a.details
        else a.details || jsonb_build_object('denials_in_window', d.count) end as details,
      a.request_id, a.client
    from (select * from audit_log where ${where} order by id desc limit ${f.limit} offset ${f.offset}) a
    left join anonymous_denials d
      on a.details ? 'window_start' and d.client = a.client
      and d.window_start = (a.details->>'window_start')::timestamptz
    order by a.id desc`;
  return { total: n, rows };
}
