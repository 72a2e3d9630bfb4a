/**
 * How much an open information report adds to the risk surface (DESIGN.md section 6, "Risk"):
 * a report is a weighted kernel point beside the past seizures, each seizure weighing 1, so a
 * report of weight w counts as w seizures at its representative point.
 *
 *   weight = reliability factor x credibility factor x recency factor
 *
 * | reliability (source)       | factor | credibility (information) | factor |
 * |----------------------------|--------|---------------------------|--------|
 * | A completely reliable      | 1.0    | 1 confirmed               | 1.0    |
 * | B usually reliable         | 0.8    | 2 probably true           | 0.8    |
 * | C fairly reliable          | 0.6    | 3 possibly true           | 0.6    |
 * | D not usually reliable     | 0.4    | 4 doubtful                | 0.4    |
 * | E unreliable               | 0.2    | 5 improbable              | 0.2    |
 * | F cannot be judged         | 0.5    | 6 cannot be judged        | 0.5    |
 *
 * "Cannot be judged" sits between fairly reliable and not usually reliable: unknown is neither
 * trusted nor dismissed. Recency halves the weight every 30 days of age and drops it to 0 after
 * 180 days (1/64 by then): a tip speaks of what is happening now, and an old open tip should not
 * hold the surface up for ever. The age runs from the end of the window the report speaks of
 * (observed_to, else observed_from, else received_at) to the time of the question; a window in
 * the future has age 0.
 */

export type ReportReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type ReportCredibility = 1 | 2 | 3 | 4 | 5 | 6;

/** Source reliability factor, A to F (the table above). */
export const RELIABILITY_FACTOR: Readonly<Record<ReportReliability, number>> = {
  A: 1,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.5,
};

/** Information credibility factor, 1 to 6 (the table above). */
export const CREDIBILITY_FACTOR: Readonly<Record<ReportCredibility, number>> = {
  1: 1,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.5,
};

/** Days in which a report's weight halves. */
export const REPORT_HALF_LIFE_DAYS = 30;
/** Age in days after which a report weighs nothing. */
export const REPORT_MAX_AGE_DAYS = 180;

const MS_PER_DAY = 86_400_000;

/**
 * The recency factor of a report `ageDays` old: 0.5^(age / 30), 0 beyond 180 days; a negative
 * age (a window still to come) counts as 0 days.
 * @example recencyFactor(0) // 1
 * @example recencyFactor(60) // 0.25
 * @example recencyFactor(181) // 0
 */
export function recencyFactor(ageDays: number): number {
  if (!Number.isFinite(ageDays)) throw new RangeError(`age ${ageDays} days`);
  const age = Math.max(0, ageDays);
  if (age > REPORT_MAX_AGE_DAYS) return 0;
  return 0.5 ** (age / REPORT_HALF_LIFE_DAYS);
}

/**
 * A report's weight in the risk surface, in seizure-equivalents (0 to 1).
 * @example reportWeight('A', 1, 0) // 1
 * @example reportWeight('B', 2, 30) // 0.32 (0.8 x 0.8 x 0.5)
 * @example reportWeight('F', 6, 0) // 0.25
 */
export function reportWeight(
  reliability: ReportReliability,
  credibility: ReportCredibility,
  ageDays: number,
): number {
  const r = RELIABILITY_FACTOR[reliability];
  const c = CREDIBILITY_FACTOR[credibility];
  if (r === undefined) throw new RangeError(`reliability ${reliability}`);
  if (c === undefined) throw new RangeError(`credibility ${credibility}`);
  return r * c * recencyFactor(ageDays);
}

/**
 * The age in days of a report at `at`: from observed_to, else observed_from, else received_at.
 * @example reportAgeDays({ received_at: new Date('2026-01-01T00:00:00Z') }, new Date('2026-01-16T00:00:00Z')) // 15
 */
export function reportAgeDays(
  report: { received_at: Date; observed_from?: Date | null; observed_to?: Date | null },
  at: Date,
): number {
  const ref = report.observed_to ?? report.observed_from ?? report.received_at;
  return (at.getTime() - ref.getTime()) / MS_PER_DAY;
}
