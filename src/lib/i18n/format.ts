/**
 * Formatting shared by every screen. Dates are shown in Vietnam's time zone (UTC+7, no daylight
 * saving), computed by offset rather than through Intl's time zones so the result is the same
 * on every runtime.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const NBSP = '\u00a0';

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The calendar day in Vietnam of an instant, or undefined for unparseable input. */
function vietnamDay(value: string | Date): Date | undefined {
  // A bare ISO date is already a calendar day: no zone shift.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + VIETNAM_OFFSET_MS);
}

/**
 * `dd/mm/yyyy` in Vietnam time.
 * @example formatDate('2024-03-05T20:00:00Z') // '06/03/2024' (03:00 on the 6th in Hanoi)
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const d = vietnamDay(value);
  if (!d) return String(value);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `dd/mm/yyyy hh:mm` in Vietnam time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const d = vietnamDay(value);
  if (!d) return String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return `${formatDate(value)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** `YYYY-MM-DD` (the API's and `<input type=date>`'s format) of an instant's day in Vietnam. */
export function isoDay(value: string | Date): string | undefined {
  const d = vietnamDay(value);
  if (!d) return undefined;
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Whole numbers with Vietnamese grouping: `1.234.567`. */
export function formatInteger(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return integerFormat.format(n);
}

/** One decimal at most, Vietnamese separators: `12,5`. */
export function formatDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return decimalFormat.format(n);
}

/**
 * Dong with Vietnamese grouping and the symbol after a no-break space, in every locale.
 * @example formatVnd(1234567) // '1.234.567 ₫'
 */
export function formatVnd(n: number | string | null | undefined): string {
  const v = typeof n === 'string' ? Number(n) : n;
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${integerFormat.format(v)}${NBSP}₫`;
}

/**
 * Large sums in words Vietnamese officers use (`triệu` = 10^6, `tỷ` = 10^9), or `m` / `bn`.
 * @example formatVndShort(22_400_000_000, 'vi') // '22,4 tỷ ₫'
 */
export function formatVndShort(n: number, locale: 'vi' | 'en'): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs >= 1e9)
    return `${decimalFormat.format(n / 1e9)}${NBSP}${locale === 'vi' ? 'tỷ' : 'bn'}${NBSP}₫`;
  if (abs >= 1e6)
    return `${decimalFormat.format(n / 1e6)}${NBSP}${locale === 'vi' ? 'triệu' : 'm'}${NBSP}₫`;
  return formatVnd(n);
}

/**
 * Reads a day typed as `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO
 * `yyyy-mm-dd`). Returns `YYYY-MM-DD`, '' for empty input, or undefined if not a real day.
 * @example parseDay('5/3/2024') // '2024-03-05'
 */
export function parseDay(text: string): string | undefined {
  const s = text.trim();
  if (s === '') return '';
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
