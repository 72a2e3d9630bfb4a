/**
 * The briefing's choice of province and period, as the address holds it, and the period a bare
 * address opens on.
 */
import { PROVINCES, type Province } from '$lib/domain';

export interface BriefingChoice {
  province: Province;
  /** `YYYY-MM-DD` or '' for an open bound. */
  from: string;
  to: string;
}

/** The choice a URL names; missing dates stay '' (the page then picks the latest year). */
export function decodeChoice(params: URLSearchParams): BriefingChoice {
  const p = params.get('province');
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    province: (PROVINCES as readonly string[]).includes(p ?? '') ? (p as Province) : 'an_giang',
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/**
 * Twelve calendar months ending on the last day with a seizure: the default briefing period,
 * long enough for an emerging trend (10 months) and short enough for a monthly chart.
 * @example latestYear('2024-06-30') // { from: '2023-07-01', to: '2024-06-30' }
 */
export function latestYear(lastDay: string): { from: string; to: string } {
  const y = Number(lastDay.slice(0, 4));
  const m = Number(lastDay.slice(5, 7));
  const start = y * 12 + (m - 1) - 11;
  const from = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: lastDay };
}

/** The address query of a choice (and the English switch), so a copied link prints the same. */
export function choiceQuery(choice: BriefingChoice, locale: 'vi' | 'en'): string {
  const q = new URLSearchParams({ province: choice.province });
  if (choice.from) q.set('from', choice.from);
  if (choice.to) q.set('to', choice.to);
  if (locale === 'en') q.set('lang', 'en');
  return q.toString();
}
