/**
 * Formatting shared by every screen. Dates are dd/mm/yyyy in both languages and shown in
 * Vietnam's time zone (UTC+7, no daylight saving), computed by offset rather than through Intl's
 * time zones so the result is the same on every runtime. Numbers follow the interface language:
 * Vietnamese groups with dots and uses a decimal comma (`1.234,5`), English the reverse (`1,234.5`).
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const NBSP = '\u00a0';

/** The interface languages (kept here so formatting depends on nothing else). */
export type NumberLocale = 'vi' | 'en';

const TAGS: Record<NumberLocale, string> = { vi: 'vi-VN', en: 'en-GB' };
const integerFormats = formats({ maximumFractionDigits: 0 });
const decimalFormats = formats({ maximumFractionDigits: 1 });

function formats(options: Intl.NumberFormatOptions): Record<NumberLocale, Intl.NumberFormat> {
  return {
    vi: new Intl.NumberFormat(TAGS.vi, options),
    en: new Intl.NumberFormat(TAGS.en, options),
  };
}

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

/**
 * Whole numbers grouped in the interface language.
 * @example formatInteger(1234567, 'vi') // '1.234.567'; in 'en' '1,234,567'
 */
export function formatInteger(n: number | null | undefined, locale: NumberLocale = 'vi'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return integerFormats[locale].format(n);
}

/**
 * One decimal at most, in the interface language's separators.
 * @example formatDecimal(1734.66, 'vi') // '1.734,7'; in 'en' '1,734.7'
 */
export function formatDecimal(n: number | null | undefined, locale: NumberLocale = 'vi'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return decimalFormats[locale].format(n);
}

function toNumber(n: number | string | null | undefined): number | undefined {
  const v = typeof n === 'string' && n.trim() !== '' ? Number(n) : n;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A sum in dong, whole: the symbol after the figure in Vietnamese, the ISO code before it in
 * English (the way English-language Vietnamese press writes it).
 * @example formatVnd(1234567, 'vi') // '1.234.567 ₫'; in 'en' 'VND 1,234,567'
 */
export function formatVnd(
  n: number | string | null | undefined,
  locale: NumberLocale = 'vi',
): string {
  const v = toNumber(n);
  if (v === undefined) return '–';
  const figure = integerFormats[locale].format(v);
  return locale === 'vi' ? `${figure}${NBSP}₫` : `VND${NBSP}${figure}`;
}

const SCALES: Record<NumberLocale, { million: string; billion: string }> = {
  vi: { million: 'triệu', billion: 'tỷ' },
  en: { million: 'million', billion: 'billion' },
};

/**
 * Large sums in the words officers use: `triệu` / `tỷ đồng` in Vietnamese, million / billion in
 * English. Rounded to one decimal of the scale first, so 999.96 million reads as 1 billion.
 * @example formatVndShort(12_660_000_000, 'vi') // '12,7 tỷ đồng'; in 'en' 'VND 12.7 billion'
 */
export function formatVndShort(n: number, locale: NumberLocale): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs < 1e6) return formatVnd(n, locale);
  const millions = Math.round(abs / 1e5) / 10;
  const billions = millions >= 1000;
  const scaled = Math.sign(n) * (billions ? Math.round(abs / 1e8) / 10 : millions);
  const figure = decimalFormats[locale].format(scaled);
  const word = SCALES[locale][billions ? 'billion' : 'million'];
  return locale === 'vi'
    ? `${figure}${NBSP}${word}${NBSP}đồng`
    : `VND${NBSP}${figure}${NBSP}${word}`;
}

/**
 * An amount in the scale words alone, without the currency, for lists whose heading names it
 * (the value legend): `50 triệu`, `1 tỷ`; `50 million`, `1 billion`. Under a million, the figure.
 * @example formatScaleShort(200_000_000, 'vi') // '200 triệu'; in 'en' '200 million'
 */
export function formatScaleShort(n: number, locale: NumberLocale): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs < 1e6) return integerFormats[locale].format(n);
  const millions = Math.round(abs / 1e5) / 10;
  const billions = millions >= 1000;
  const scaled = Math.sign(n) * (billions ? Math.round(abs / 1e8) / 10 : millions);
  const word = SCALES[locale][billions ? 'billion' : 'million'];
  return `${decimalFormats[locale].format(scaled)}${NBSP}${word}`;
}

/**
 * A point as `latitude, longitude` in decimal degrees, 5 decimals (about 1 m), with a decimal
 * point in every language: the form GPS units and map search boxes accept when pasted.
 * @example formatLatLon(10.705371, 105.123449) // '10.70537, 105.12345'
 */
export function formatLatLon(lat: number, lon: number): string {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return '–';
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
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
