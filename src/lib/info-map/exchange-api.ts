/**
 * The exchange measured (GET /api/reports/exchange): per agency, the reports it passed to the
 * other force over what the caller may see, and the reviews' 2012-2019 counts to read them against.
 */
import { ApiError, getJson } from '$lib/api';
import type { Province } from '$lib/domain';

export type ExchangeAgency = 'customs' | 'border_guard';

export interface ExchangeFigures {
  agency: ExchangeAgency;
  passed: number;
  acknowledged: number;
  /** Median hours from delivery to acknowledgement, null when none was acknowledged. */
  median_ack_hours: number | null;
  assessed: number;
  valuable: number;
  not_valuable: number;
  duplicate: number;
  /** valuable / passed, 0..1. */
  valuable_share: number | null;
  led_to_seizure: number;
  /** led_to_seizure / passed, 0..1. */
  seizure_share: number | null;
}

export interface ExchangeMonth {
  /** `YYYY-MM`. */
  month: string;
  agency: ExchangeAgency;
  passed: number;
  valuable: number;
}

export interface Exchange {
  from: string | null;
  to: string | null;
  agencies: ExchangeFigures[];
  months: ExchangeMonth[];
}

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
  border_guard: { passed: 468, valuable: 336 },
  customs: { passed: 398, valuable: 236 },
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
    agencies: body.agencies,
    months: Array.isArray(body.months) ? body.months : [],
  };
}
