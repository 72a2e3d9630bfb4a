import type postgres from 'postgres';
import type { Sql } from '../db/client';

/**
 * A report's history: each step of its life (created, handed over, acknowledged, assessed...),
 * shown to whoever sees the report. Callers read it only for a report the viewer sees.
 */

export const EVENT_ACTIONS = [
  'created',
  'edited',
  'handed_over',
  'acknowledged',
  'assessed',
  'action_recorded',
  'seizure_linked',
  'seizure_unlinked',
  'patrol_linked',
  'patrol_unlinked',
  'closed',
  'reopened',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export interface ReportEvent {
  at: Date;
  action: EventAction;
  username: string;
  agency: string;
  unit: string | null;
  details: Record<string, unknown>;
}

/** Who takes a step: the signed-in user as the event names them. */
export interface EventActor {
  id: number;
  username: string;
  agency: string;
  unit: string | null;
}

export async function insertEvent(
  sql: Sql,
  reportId: number,
  action: EventAction,
  actor: EventActor,
  at: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  await sql`
    insert into report_events (report_id, at, action, user_id, username, agency, unit, details)
    values (${reportId}, ${at}, ${action}, ${actor.id}, ${actor.username}, ${actor.agency},
      ${actor.unit}, ${sql.json(details as postgres.JSONValue)})`;
}

/** Oldest first; events of one instant in the order they were written. */
export function eventsOf(sql: Sql, reportId: number): Promise<ReportEvent[]> {
  return sql<ReportEvent[]>`
    select at, action, username, agency, unit, details from report_events
    where report_id = ${reportId} order by at, id`;
}
