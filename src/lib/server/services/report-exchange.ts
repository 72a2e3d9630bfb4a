import { median, shareOf } from '../../analysis';
import type { Province } from '../../domain';
import type { Sql } from '../db/client';
import { timeRange } from '../time-range';
import { visibleHandovers, type HandoverRow } from '../repositories/report-exchange';
import type { Viewer } from '../repositories/visibility';
import {
  EXCHANGE_AGENCIES,
  type ExchangeAgency,
  type ExchangeAgencyFigures,
  type ExchangeFigures,
} from '../../exchange';

export interface ExchangeQuery {
  from?: string;
  to?: string;
  province?: Province;
}

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The figures of one agency's handovers (rows all passed by that agency). */
export function agencyFigures(agency: ExchangeAgency, rows: HandoverRow[]): ExchangeAgencyFigures {
  const count = (f: (r: HandoverRow) => boolean) => rows.filter(f).length;
  const ack = rows.flatMap((r) => (r.ack_hours === null ? [] : [r.ack_hours]));
  const valuable = count((r) => r.assessment === 'valuable');
  const led = count((r) => r.led_to_seizure);
  return {
    agency,
    passed: rows.length,
    acknowledged: ack.length,
    median_ack_hours: round(median(ack), 2),
    assessed: count((r) => r.assessment !== null),
    valuable,
    not_valuable: count((r) => r.assessment === 'not_valuable'),
    duplicate: count((r) => r.assessment === 'duplicate'),
    valuable_share: round(shareOf(valuable, rows.length), 4),
    led_to_seizure: led,
    seizure_share: round(shareOf(led, rows.length), 4),
  };
}

/**
 * GET /api/reports/exchange (DESIGN.md section 6, "The exchange measured"): per agency, the
 * reports it handed over in the window (delivered_at; bare dates are Vietnam days) and what the
 * receiver made of them, over the reports the viewer can see. Both agencies are always listed.
 */
export async function exchangeFigures(
  sql: Sql,
  viewer: Viewer | undefined,
  query: ExchangeQuery,
): Promise<ExchangeFigures> {
  const rows = await visibleHandovers(sql, viewer, timeRange(query.from, query.to), query.province);
  const months = new Map<string, ExchangeFigures['months'][number]>();
  for (const r of rows) {
    const key = `${r.month}/${r.agency}`;
    const m = months.get(key) ?? { month: r.month, agency: r.agency, passed: 0, valuable: 0 };
    m.passed++;
    if (r.assessment === 'valuable') m.valuable++;
    months.set(key, m);
  }
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    province: query.province ?? null,
    agencies: EXCHANGE_AGENCIES.map((a) =>
      agencyFigures(
        a,
        rows.filter((r) => r.agency === a),
      ),
    ),
    months: [...months.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.agency.localeCompare(b.agency),
    ),
  };
}
