/** Small pure helpers for the exchange panel: shares as text and widths, months as rows. */
import { formatDecimal, type NumberLocale } from '$lib/i18n/format';
import type { ExchangeAgency, ExchangeMonth } from './exchange-api';

/**
 * A 0..1 share as a percentage with one decimal, `–` when unknown.
 * @example percent(336 / 468, 'en') // '71.8 %'
 */
export function percent(share: number | null | undefined, locale: NumberLocale): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatDecimal(Math.round(share * 1000) / 10, locale)} %`;
}

/** A 0..1 share as a CSS width, clamped; unknown is 0 %. @example shareWidth(0.5) // '50%' */
export function shareWidth(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '0%';
  return `${Math.min(100, Math.max(0, share * 100)).toFixed(1)}%`;
}

export interface MonthRow {
  month: string;
  agencies: { agency: ExchangeAgency; passed: number; valuable: number }[];
}

/** The months newest first, each with its forces in a fixed order (Border Guard, Customs). */
export function monthRows(months: readonly ExchangeMonth[]): MonthRow[] {
  const byMonth = new Map<string, MonthRow>();
  for (const m of months) {
    const row = byMonth.get(m.month) ?? { month: m.month, agencies: [] };
    row.agencies.push({ agency: m.agency, passed: m.passed, valuable: m.valuable });
    byMonth.set(m.month, row);
  }
  const order: ExchangeAgency[] = ['border_guard', 'customs'];
  return [...byMonth.values()]
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((r) => ({
      ...r,
      agencies: r.agencies.sort((a, b) => order.indexOf(a.agency) - order.indexOf(b.agency)),
    }));
}
