/**
 * The forecast check told in one sentence (issue 8 item 5): how much the hot spots of the
 * months before were worth on the seizures after them, with numbers formatted for the
 * interface language. Pure, so both languages are tested without a browser.
 */
import { formatDecimal } from '$lib/i18n/format';
import { translate, type Locale } from '$lib/i18n/translate';

/** One row of the check: the share of the area flagged and how it scored. */
export interface ForecastFigures {
  /** Share of the study area flagged, per cent (1, 5 or 10). */
  sharePct: number;
  /** Share of the later seizures inside the flagged cells, 0..1. */
  hitRate: number;
  /** hitRate / share of the area flagged; 1 is chance. */
  pai: number;
}

/** Per cent for a sentence: whole numbers, one decimal under 10 % so 0.4 % is not "0 %". */
export function formatPercent(share: number, locale: Locale): string {
  const pct = share * 100;
  const text =
    pct < 10 && pct !== 0 && Math.round(pct) !== pct
      ? formatDecimal(Math.round(pct * 10) / 10, locale)
      : String(Math.round(pct));
  return `${text}\u00a0%`;
}

/** A PAI as "7,6" / "7.6": one decimal, enough to compare with chance (1). */
export function formatTimes(pai: number, locale: Locale): string {
  return formatDecimal(Math.round(pai * 10) / 10, locale);
}

/**
 * The sentence for one row of the check. `rolling` is the number of monthly splits averaged
 * (the quarter before each month against that month); without it the check is one split:
 * last quarter against this quarter.
 * @example forecastSentence('en', { sharePct: 5, hitRate: 0.38, pai: 7.6 })
 * // "Last quarter's hot spots (5 % of the area) held 38 % of this quarter's seizures, 7.6 times chance."
 */
export function forecastSentence(
  locale: Locale,
  row: ForecastFigures,
  rolling?: { splits: number },
): string {
  const params = {
    area: formatPercent(row.sharePct / 100, locale),
    hit: formatPercent(row.hitRate, locale),
    pai: formatTimes(row.pai, locale),
    n: rolling?.splits ?? 0,
  };
  const better = row.pai >= 1;
  const key = rolling
    ? better
      ? 'hotspots.forecast.rolling'
      : 'hotspots.forecast.rollingWorse'
    : better
      ? 'hotspots.forecast.quarter'
      : 'hotspots.forecast.quarterWorse';
  return translate(locale, key, params);
}
