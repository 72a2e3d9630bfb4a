/**
 * Calendar time steps of the emerging analysis and the forecast check: months or quarters in
 * Vietnam time (UTC+7, no daylight saving). A month is numbered year * 12 + month - 1, the
 * number repositories/hotspot-bins.ts gives each seizure, so steps are plain integer ranges.
 */

/** Vietnam is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The month number (year * 12 + month - 1) of an instant in Vietnam time.
 * @example vietnamMonth(new Date('2024-01-31T17:00:00Z')) // 24289 (February 2024)
 */
export function vietnamMonth(at: Date): number {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/**
 * The month number of `YYYY-MM`.
 * @example monthNumber('2024-02') // 24289
 */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `YYYY-MM-DD` of the first day of a month number.
 * @example monthStart(24289) // '2024-02-01'
 */
export function monthStart(month: number): string {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-01`;
}

/**
 * `YYYY-MM-DD` of the last day of a month number.
 * @example monthEnd(24289) // '2024-02-29'
 */
export function monthEnd(month: number): string {
  const last = new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0));
  return last.toISOString().slice(0, 10);
}

/** The instant a month number starts in Vietnam (midnight, UTC+7). */
export function monthStartInstant(month: number): Date {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1) - VIETNAM_OFFSET_MS);
}

/** A time step: its first month number and its first and last day (`YYYY-MM-DD`). */
export interface TimeStep {
  month: number;
  start: string;
  end: string;
}

/**
 * The steps of `monthsPerStep` months (1 or 3, quarters starting in January) covering the months
 * `first` to `last` (month numbers, both included).
 * @example calendarSteps(24288, 24293, 3).map((s) => s.start) // ['2024-01-01', '2024-04-01']
 */
export function calendarSteps(first: number, last: number, monthsPerStep: 1 | 3): TimeStep[] {
  const steps: TimeStep[] = [];
  const start = Math.floor(first / monthsPerStep) * monthsPerStep;
  for (let m = start; m <= last; m += monthsPerStep) {
    steps.push({ month: m, start: monthStart(m), end: monthEnd(m + monthsPerStep - 1) });
  }
  return steps;
}

/**
 * How many steps `calendarSteps` would give, without listing them (to refuse a window first).
 * @example stepCount(24288, 24299, 1) // 12
 */
export function stepCount(first: number, last: number, monthsPerStep: 1 | 3): number {
  if (last < first) return 0;
  return Math.floor(last / monthsPerStep) - Math.floor(first / monthsPerStep) + 1;
}
