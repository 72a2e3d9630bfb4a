import type { Sql } from '../db/client';
import type { TimeRange } from '../time-range';
import { visibleTo, type Viewer } from './visibility';

/** One handover of a report the viewer can see: who passed it and what came of it. */
export interface HandoverRow {
  /** The agency that passed the report (its author's). */
  agency: 'customs' | 'border_guard';
  /** `YYYY-MM` of delivery, Vietnam time (UTC+7). */
  month: string;
  /** Hours from delivery to acknowledgement; null while unacknowledged. */
  ack_hours: number | null;
  assessment: 'valuable' | 'not_valuable' | 'duplicate' | null;
  /** Whether the report is linked to at least one seizure. */
  led_to_seizure: boolean;
}

/**
 * Every handover delivered in `range` (delivered_at, upper bound exclusive) of a report the
 * viewer can see, optionally of one province. The visibility predicate is on the report row, so
 * a handover of a report outside the viewer's distribution is never read.
 */
export async function visibleHandovers(
  sql: Sql,
  viewer: Viewer | undefined,
  range: TimeRange,
  province?: string,
): Promise<HandoverRow[]> {
  const rows = await sql<(Omit<HandoverRow, 'ack_hours'> & { ack_s: number | null })[]>`
    select r.agency,
      to_char((h.delivered_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month,
      extract(epoch from (h.acknowledged_at - h.delivered_at))::float8 as ack_s,
      h.assessment,
      exists (select 1 from report_seizures s where s.report_id = r.id) as led_to_seizure
    from report_handovers h
      join reports r on r.id = h.report_id
    where ${visibleTo(sql, viewer, 'reports', 'r')}
      ${province ? sql`and r.province = ${province}` : sql``}
      ${range.from ? sql`and h.delivered_at >= ${range.from}` : sql``}
      ${range.to ? sql`and h.delivered_at < ${range.to}` : sql``}
    order by h.delivered_at, r.id`;
  return rows.map(({ ack_s, ...row }) => ({
    ...row,
    ack_hours: ack_s === null ? null : Number(ack_s) / 3600,
  }));
}
