import type { HotspotQuery } from '../api/hotspot-params';
import type { Sql } from '../db/client';
import type { Viewer } from '../repositories/visibility';
import { exchangeFigures, type ExchangeFigures } from './report-exchange';

/**
 * The reviews' own count of the exchange, 2012-2019, printed beside this period's figures as a
 * reference: what one force passed to the other and how many the receiver rated valuable.
 */
export const EXCHANGE_BASELINE = {
  period: '2012-2019',
  border_guard: { passed: 468, valuable: 336 },
  customs: { passed: 398, valuable: 236 },
} as const;

/** The briefing's "information exchange" section. */
export interface BriefingExchange extends Omit<ExchangeFigures, 'months'> {
  baseline: typeof EXCHANGE_BASELINE;
}

/**
 * The exchange over the briefing's province and window (reports delivered from `from` to `to`,
 * Vietnam days; an open window counts every handover), over what the reader may see: the same
 * figures as GET /api/reports/exchange.
 */
export async function briefingExchange(
  sql: Sql,
  viewer: Viewer | undefined,
  query: HotspotQuery,
): Promise<BriefingExchange> {
  const f = await exchangeFigures(sql, viewer, {
    province: query.filter.province,
    from: query.from ?? undefined,
    to: query.to ?? undefined,
  });
  return {
    from: f.from,
    to: f.to,
    province: f.province,
    agencies: f.agencies,
    baseline: EXCHANGE_BASELINE,
  };
}
