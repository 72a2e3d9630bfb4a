import type { HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import type { Viewer } from '../repositories/visibility';
import { EXCHANGE_BASELINE, type BriefingExchange } from '../../exchange';
import { exchangeFigures } from './report-exchange';

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
