import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import type { AssessmentInput } from '../api/report-body';
import * as repo from '../repositories/report-handovers';
import { insertEvent, type EventActor } from '../repositories/report-events';
import { getReports } from '../repositories/reports';
import type { SessionUser } from './auth';
import { actorOf, loadReport, present, reportView, viewer, type ReportView } from './report-view';

/**
 * Passing reports to the other force: the handover a distribution creates, the receiver's
 * acknowledgement and assessment, and the receiver's inbox. Writes run inside the route's
 * audited transaction, so a refusal leaves nothing written.
 */

type Agency = 'customs' | 'border_guard';

export const otherAgency = (agency: Agency): Agency =>
  agency === 'customs' ? 'border_guard' : 'customs';

/**
 * The force a distribution reaches beyond the author's own, if any: `both` reaches the other
 * force, `units` does when one of its units belongs to it.
 * @example receivingAgency('customs', 'units', ['border_guard']) // => 'border_guard'
 */
export function receivingAgency(
  authorAgency: Agency,
  distribution: string,
  unitAgencies: readonly string[],
): Agency | null {
  const other = otherAgency(authorAgency);
  if (distribution === 'both') return other;
  if (distribution === 'units' && unitAgencies.includes(other)) return other;
  return null;
}

/** Hands the report over to `agency` (once; later calls keep the first delivery). */
export async function handOver(
  sql: Sql,
  reportId: number,
  agency: Agency,
  actor: EventActor,
  now: Date,
): Promise<boolean> {
  const created = await repo.insertHandover(sql, reportId, agency, now);
  if (created) await insertEvent(sql, reportId, 'handed_over', actor, now, { agency });
  return created;
}

const notRecipient = (id: number, agency: string) =>
  new ApiError(
    403,
    'not_recipient',
    `Report ${id} was not handed over to ${agency}: only the receiving force acknowledges and assesses it.`,
  );

export async function acknowledgeReport(
  sql: Sql,
  user: SessionUser,
  id: number,
  now: Date,
): Promise<ReportView> {
  await loadReport(sql, user, id, true);
  const handover = await repo.lockHandover(sql, id, user.agency);
  if (!handover) throw notRecipient(id, user.agency);
  if (handover.acknowledged_at !== null)
    throw new ApiError(
      409,
      'already_acknowledged',
      `Report ${id} was already acknowledged by ${user.agency} at ${handover.acknowledged_at.toISOString()}.`,
    );
  await repo.acknowledge(sql, id, user.agency, user.id, now);
  await insertEvent(sql, id, 'acknowledged', actorOf(user), now, { agency: user.agency });
  return reportView(sql, user, id);
}

/**
 * The receiving force's assessment, acknowledging the report first if nobody had. A later
 * assessment replaces the earlier one on the handover; the history keeps both. An assessment
 * without `action_taken` keeps the action recorded before.
 */
export async function assessReport(
  sql: Sql,
  user: SessionUser,
  id: number,
  input: AssessmentInput,
  now: Date,
): Promise<ReportView> {
  await loadReport(sql, user, id, true);
  const handover = await repo.lockHandover(sql, id, user.agency);
  if (!handover) throw notRecipient(id, user.agency);
  const actor = actorOf(user);
  if (handover.acknowledged_at === null) {
    await repo.acknowledge(sql, id, user.agency, user.id, now);
    await insertEvent(sql, id, 'acknowledged', actor, now, { agency: user.agency });
  }
  await repo.assess(sql, id, user.agency, user.id, input, now);
  await insertEvent(sql, id, 'assessed', actor, now, {
    agency: user.agency,
    value: input.value,
    reason: input.reason,
  });
  if (input.action_taken !== null)
    await insertEvent(sql, id, 'action_recorded', actor, now, {
      agency: user.agency,
      action_taken: input.action_taken,
    });
  return reportView(sql, user, id);
}

/** The caller's inbox: reports handed over to their agency that they may see, unread first. */
export async function inbox(
  sql: Sql,
  user: SessionUser,
  limit: number,
  offset: number,
): Promise<{ unread: number; total: number; items: ReportView[] }> {
  const v = viewer(user);
  const counts = await repo.inboxCounts(sql, v);
  const ids = await repo.inboxPage(sql, v, limit, offset);
  const items = await present(sql, user, await getReports(sql, ids));
  return { ...counts, items };
}

export async function inboxCount(sql: Sql, user: SessionUser): Promise<number> {
  return (await repo.inboxCounts(sql, viewer(user))).unread;
}
