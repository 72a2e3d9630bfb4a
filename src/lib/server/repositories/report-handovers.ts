import type { Sql } from '../db/client';
import { group } from './reports';
import { visibleTo, type Viewer } from './visibility';

/**
 * The handover of a report to the other force: one row per receiving agency, created when the
 * distribution first reaches it, then acknowledged and assessed by that force. Reads that name
 * reports (the inbox) join the report and its visibility predicate.
 */

export interface Handover {
  agency: 'customs' | 'border_guard';
  delivered_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  assessment: 'valuable' | 'not_valuable' | 'duplicate' | null;
  assessment_reason: string | null;
  assessed_at: Date | null;
  assessed_by: string | null;
  action_taken: string | null;
}

/** The handovers of each report among `ids` (reports the caller already sees), by agency. */
export async function handoversOf(sql: Sql, ids: number[]): Promise<Map<number, Handover[]>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<(Handover & { report_id: number })[]>`
    select h.report_id, h.agency, h.delivered_at, h.acknowledged_at, ua.username as acknowledged_by,
      h.assessment, h.assessment_reason, h.assessed_at, us.username as assessed_by, h.action_taken
    from report_handovers h
      left join users ua on ua.id = h.acknowledged_by
      left join users us on us.id = h.assessed_by
    where h.report_id = any(${ids}::int[])
    order by h.report_id, h.agency collate "C"`;
  return group(
    rows,
    (r) => r.report_id,
    ({ report_id: _, ...h }) => h,
  );
}

/** Hands a report over to `agency`; false when it already was (the first delivery stands). */
export async function insertHandover(
  sql: Sql,
  reportId: number,
  agency: string,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    insert into report_handovers (report_id, agency, delivered_at)
    values (${reportId}, ${agency}, ${now})
    on conflict do nothing returning report_id`;
  return rows.length === 1;
}

/** The agencies a report has been handed over to. */
export async function handedOverTo(sql: Sql, reportId: number): Promise<string[]> {
  const rows = await sql<{ agency: string }[]>`
    select agency from report_handovers where report_id = ${reportId} order by agency collate "C"`;
  return rows.map((r) => r.agency);
}

/** The handover row to `agency`, locked for the rest of the transaction. */
export async function lockHandover(
  sql: Sql,
  reportId: number,
  agency: string,
): Promise<{ acknowledged_at: Date | null; action_taken: string | null } | undefined> {
  const [row] = await sql<{ acknowledged_at: Date | null; action_taken: string | null }[]>`
    select acknowledged_at, action_taken from report_handovers
    where report_id = ${reportId} and agency = ${agency} for update`;
  return row;
}

export async function acknowledge(
  sql: Sql,
  reportId: number,
  agency: string,
  userId: number,
  now: Date,
): Promise<void> {
  // delivered_at is the floor: a clock set back must not break the table's check.
  await sql`
    update report_handovers set acknowledged_at = greatest(${now}::timestamptz, delivered_at),
      acknowledged_by = ${userId}
    where report_id = ${reportId} and agency = ${agency} and acknowledged_at is null`;
}

export async function assess(
  sql: Sql,
  reportId: number,
  agency: string,
  userId: number,
  a: { value: string; reason: string; action_taken: string | null },
  now: Date,
): Promise<void> {
  await sql`
    update report_handovers set assessment = ${a.value}, assessment_reason = ${a.reason},
      assessed_at = ${now}, assessed_by = ${userId},
      action_taken = coalesce(${a.action_taken}::text, action_taken)
    where report_id = ${reportId} and agency = ${agency}`;
}

/**
 * Reports handed over to the viewer's agency that the viewer sees: unacknowledged first, then
 * the newest delivered; `total` and `unread` over all of them.
 */
export async function inboxPage(
  sql: Sql,
  viewer: Viewer,
  limit: number,
  offset: number,
): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select t.id from reports t
      join report_handovers h on h.report_id = t.id and h.agency = ${viewer.agency}
    where ${visibleTo(sql, viewer, 'reports', 't')}
    order by (h.acknowledged_at is null) desc, h.delivered_at desc, t.id desc
    limit ${limit} offset ${offset}`;
  return rows.map((r) => r.id);
}

export async function inboxCounts(
  sql: Sql,
  viewer: Viewer | undefined,
): Promise<{ total: number; unread: number }> {
  if (!viewer) return { total: 0, unread: 0 };
  const [row] = await sql<{ total: number; unread: number }[]>`
    select count(*)::int as total, count(*) filter (where h.acknowledged_at is null)::int as unread
    from reports t
      join report_handovers h on h.report_id = t.id and h.agency = ${viewer.agency}
    where ${visibleTo(sql, viewer, 'reports', 't')}`;
  return row;
}
