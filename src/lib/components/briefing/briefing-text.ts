/**
 * The words and colours of the briefing, kept out of the components so they can be tested:
 * hot-spot classes, confidence, trend categories and the forecast sentence.
 */
import { formatDecimal, formatInteger, type NumberLocale } from '$lib/i18n/format';
import type { Category } from '$lib/domain';
import { CATEGORY_FAMILY, GOODS_FAMILIES, type GoodsFamily } from '$lib/map/goods-families';
import type { ForecastRow, MonthSeries } from './briefing-api';

/**
 * Fill per Gi* class -3..3: the diverging red-blue of hot-spot maps (ColorBrewer RdBu), light
 * near zero so the strongest cells stand out in print as on screen.
 */
export const CLASS_COLOURS: Record<number, string> = {
  3: '#b2182b',
  2: '#ef8a62',
  1: '#fddbc7',
  0: '#f4f4f4',
  [-1]: '#d1e5f0',
  [-2]: '#67a9cf',
  [-3]: '#2166ac',
};

/**
 * The width to draw a figure at: its box's width, between a phone's 300 px and the 703 px of
 * the printed column (186 mm); 700 before the box is measured.
 */
export function drawWidth(boxPx: number): number {
  return boxPx > 0 ? Math.max(300, Math.min(703, Math.floor(boxPx))) : 700;
}

/** 99, 95 or 90 for classes +/-3, +/-2, +/-1; null for 0. */
export function confidencePct(cls: number): number | null {
  return ({ 3: 99, 2: 95, 1: 90 } as Record<number, number>)[Math.abs(cls)] ?? null;
}

/** `'1.2 km'`, or metres under one kilometre, in the interface language's separators. */
export function formatDistance(m: number, locale: NumberLocale): string {
  return m < 1000
    ? `${formatInteger(Math.round(m), locale)} m`
    : `${formatDecimal(m / 1000, locale)} km`;
}

/** `YYYY-MM` as `mm/yyyy`, the month form beside dd/mm/yyyy dates. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** A share 0..1 as a whole percentage: 0.347 -> `'35 %'` (vi) or `'35%'` (en). */
export function formatPct(share: number | null, locale: NumberLocale): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const figure = formatInteger(Math.round(share * 100), locale);
  return locale === 'vi' ? `${figure}\u00a0%` : `${figure}%`;
}

/**
 * The row of the forecast check a commander reads first: 5 % of the area flagged, else the
 * first row with a hit rate. Null when no split had seizures after it.
 */
export function headlineRow(rows: ForecastRow[]): ForecastRow | null {
  const scored = rows.filter((r) => r.hit_rate !== null && r.pai !== null);
  return scored.find((r) => r.share_pct === 5) ?? scored[0] ?? null;
}

/**
 * The month x category table summed into goods families (the map's six colours), keeping the
 * families with seizures in the order of GOODS_FAMILIES.
 * @example byFamily({ keys: ['sugar', 'fuel'], cases: [[1, 2]] }) // { families: ['food_fuel'], cases: [[3]] }
 */
export function byFamily(series: MonthSeries<Category>): {
  families: GoodsFamily[];
  cases: number[][];
} {
  const present = GOODS_FAMILIES.filter((f) => series.keys.some((k) => CATEGORY_FAMILY[k] === f));
  const index = new Map(present.map((f, j) => [f, j]));
  const cases = series.cases.map((row) => {
    const out = present.map(() => 0);
    row.forEach((n, j) => (out[index.get(CATEGORY_FAMILY[series.keys[j]])!] += n));
    return out;
  });
  return { families: present, cases };
}

/**
 * The calendar months a span of days covers, `mm/yyyy – mm/yyyy` (one month alone).
 * @example formatSpan('2024-04-01', '2024-06-30') // '04/2024 – 06/2024'
 */
export function formatSpan(start: string, end: string): string {
  const a = formatMonth(start.slice(0, 7));
  const b = formatMonth(end.slice(0, 7));
  return a === b ? a : `${a} – ${b}`;
}
