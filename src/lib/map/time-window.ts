/**
 * The play button's arithmetic: windows of whole calendar days (`YYYY-MM-DD`, inclusive) moved
 * a month at a time. Pure, so year ends and short months are tested without a browser.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Days in a month (1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `day` is the last day of its month. */
export function isMonthEnd(day: string): boolean {
  const [y, m, d] = parts(day);
  return d === daysInMonth(y, m);
}

/**
 * `day` moved by `months` calendar months. A month's last day moves to the last day of the
 * target month; other days keep their number, clamped to the target month's length.
 * @example addMonths('2024-12-31', 2) // '2025-02-28'
 * @example addMonths('2024-01-15', -1) // '2023-12-15'
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  return iso(ty, tm, isMonthEnd(day) ? last : Math.min(d, last));
}

/** The first and last day of the month of `day`. */
export function monthOf(day: string): [string, string] {
  const [y, m] = parts(day);
  return [iso(y, m, 1), iso(y, m, daysInMonth(y, m))];
}

export interface Window {
  from: string;
  to: string;
}

/**
 * The window a play starts from: the current one if both ends are set and it ends before the
 * data's last day, else `months` whole months from the first month of the data.
 */
export function playStart(current: Window, period: [string, string], months: number): Window {
  if (current.from && current.to && current.to < period[1]) return current;
  const from = monthOf(period[0])[0];
  return { from, to: lastDayBefore(addMonths(from, months)) };
}

/** The day before `day`. */
export function lastDayBefore(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The window one month later, or null when the current one already reaches the data's last day
 * (`end`): the play stops there.
 * @example nextWindow({ from: '2024-12-01', to: '2024-12-31' }, '2025-06-30')
 * // { from: '2025-01-01', to: '2025-01-31' }
 */
export function nextWindow(window: Window, end: string): Window | null {
  if (window.to >= end) return null;
  return { from: addMonths(window.from, 1), to: addMonths(window.to, 1) };
}

/** The window one month earlier (the step-back button), never before the data's first month. */
export function previousWindow(window: Window, start: string): Window | null {
  if (window.from <= start) return null;
  return { from: addMonths(window.from, -1), to: addMonths(window.to, -1) };
}
