/**
 * The body of `GET /api/stats`, shared by the service that builds it and the pages that read it.
 */
import type { Agency, Category, Province } from './domain';

export interface Figures {
  cases: number;
  value_vnd: number;
}

/** Every matching seizure's figures (README, "HTTP API"). */
export interface SeizureStats extends Figures {
  subjects: number;
  /** Of the cases, how many are synthetic demonstration records. */
  synthetic: number;
  /** First and last day with a case (`YYYY-MM-DD`, Vietnam time), or null without cases. */
  period: { first: string; last: string } | null;
  /** Categories with cases, most cases first (ties by name). */
  by_category: (Figures & { category: Category })[];
  /** Every agency, in the order of AGENCIES, zeros included. */
  by_agency: (Figures & { agency: Agency })[];
  /** Every province, zeros included. */
  by_province: (Figures & { province: Province; subjects: number })[];
  /** Every month (`YYYY-MM`, Vietnam time) of the window, zeros included. */
  by_month: (Figures & { month: string })[];
}
