/**
 * The exchange measured (GET /api/reports/exchange and the briefing's section): the answer's
 * shape and the reviews' baseline, shared by the server that computes them and the pages that
 * show them, so the two cannot drift apart.
 */
import type { Province } from './domain';

/** The forces that pass reports to each other, in the order panels list them. */
export const EXCHANGE_AGENCIES = ['border_guard', 'customs'] as const;
export type ExchangeAgency = (typeof EXCHANGE_AGENCIES)[number];

/** One force's handovers to the other over a window. */
export interface ExchangeAgencyFigures {
  agency: ExchangeAgency;
  /** Reports handed over to the other force in the window. */
  passed: number;
  acknowledged: number;
  /** Median hours from delivery to acknowledgement over the acknowledged ones; null for none. */
  median_ack_hours: number | null;
  assessed: number;
  valuable: number;
  not_valuable: number;
  duplicate: number;
  /** valuable / passed (0 to 1); null when nothing was passed. */
  valuable_share: number | null;
  /** Passed reports linked to at least one seizure. */
  led_to_seizure: number;
  /** led_to_seizure / passed (0 to 1); null when nothing was passed. */
  seizure_share: number | null;
}

/** Per Vietnamese calendar month with handovers, each agency that passed. */
export interface ExchangeMonth {
  /** `YYYY-MM`. */
  month: string;
  agency: ExchangeAgency;
  passed: number;
  valuable: number;
}

/** The answer of GET /api/reports/exchange. */
export interface ExchangeFigures {
  from: string | null;
  to: string | null;
  province: Province | null;
  agencies: ExchangeAgencyFigures[];
  /** Oldest first. */
  months: ExchangeMonth[];
}

/**
 * What the reviews counted by hand, 2012-2019: information sources one force passed to the other
 * and how many the receiver rated valuable; printed beside a period's figures as a reference.
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
