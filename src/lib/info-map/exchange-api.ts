/**
 * The exchange measured (GET /api/reports/exchange): per agency, the reports it passed to the
 * other force over what the caller may see, and the reviews' 2012-2019 counts to read them against.
 */
import { ApiError, getJson } from '$lib/api';
import type { Province } from '$lib/domain';
import {
  EXCHANGE_BASELINE,
  type ExchangeAgency,
  type ExchangeAgencyFigures,
  type ExchangeFigures as SharedFigures,
} from '$lib/exchange';

export type { ExchangeAgency, ExchangeMonth } from '$lib/exchange';
/** One force's row (named for the panel; the shared shape is ExchangeAgencyFigures). */
export type ExchangeFigures = ExchangeAgencyFigures;
/** The whole answer. */
export type Exchange = SharedFigures;

export interface ExchangeQuery {
  province?: Province | null;
  /** `YYYY-MM-DD`, inclusive (delivered_at, Vietnam days). */
  from?: string | null;
  to?: string | null;
}

/**
 * What the reviews of 2012-2019 counted by hand: information sources passed to the other force
 * and how many the receiver rated valuable. The reference line on the panel.
 */
export const REVIEW_BASELINE: Record<ExchangeAgency, { passed: number; valuable: number }> = {
  border_guard: EXCHANGE_BASELINE.border_guard,
  customs: EXCHANGE_BASELINE.customs,
};

/** valuable / passed of the reviews, 0..1 (border_guard 0.718, customs 0.593). */
export function baselineShare(agency: ExchangeAgency): number {
  const b = REVIEW_BASELINE[agency];
  return b.valuable / b.passed;
}

export function exchangeUrl(query: ExchangeQuery): string {
  const params = new URLSearchParams();
  if (query.province) params.set('province', query.province);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const qs = params.toString();
  return qs ? `/api/reports/exchange?${qs}` : '/api/reports/exchange';
}

export async function fetchExchange(
  query: ExchangeQuery,
  init: RequestInit = {},
): Promise<Exchange> {
  const body = (await getJson(exchangeUrl(query), init)) as Partial<Exchange>;
  if (!Array.isArray(body?.agencies)) throw new ApiError(200, 'bad_response', 'no agencies');
  return {
    from: body.from ?? null,
    to: body.to ?? null,
    province: body.province ?? null,
    agencies: body.agencies,
    months: Array.isArray(body.months) ? body.months : [],
  };
}
