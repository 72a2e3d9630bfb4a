/**
 * The forecast check told in one sentence (issue 8 item 5): how much the hot spots of the
 * months before were worth on the seizures after them, with numbers formatted for the
 * interface language. Pure, so both languages are tested without a browser.
 */
import { formatDecimal } from '$lib/i18n/format';
import { translate, type Locale } from '$lib/i18n/translate';
import type { ForecastAnswer, ForecastRanker } from '$lib/hotspots-api';

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

/** The check as the panel shows it: the rows of one split or the means of rolling splits. */
export interface ForecastTable {
  /** `quarter`: the window's last quarter scored on the flag of the one before; `rolling`:
   *  the mean over monthly splits (the quarter before each month against that month). */
  kind: 'quarter' | 'rolling';
  /** Splits the rows stand for (1 for a quarter). */
  splits: number;
  /** Months learnt from and scored on (`YYYY-MM-DD`), for one split. */
  training?: { start: string | null; end: string };
  scored?: { start: string; end: string };
  rows: { ranker: ForecastRanker; sharePct: number; hitRate: number | null; pai: number | null }[];
}

/**
 * The table of a forecast answer: the last quarter when the window holds one (six months or
 * more), else the rolling means; null when there is neither.
 */
export function forecastTable(answer: ForecastAnswer): ForecastTable | null {
  const split = answer.last_quarter ?? (answer.mode === 'split' ? answer.result : undefined);
  if (split && split.results.length > 0) {
    return {
      kind: 'quarter',
      splits: 1,
      training: split.training,
      scored: split.scored,
      rows: split.results.map((r) => ({
        ranker: r.ranker,
        sharePct: r.share_pct,
        hitRate: r.hit_rate,
        pai: r.pai,
      })),
    };
  }
  const summary = answer.summary ?? [];
  const splits = Math.max(0, ...summary.map((s) => s.splits));
  if (splits === 0) return null;
  return {
    kind: 'rolling',
    splits,
    rows: summary.map((s) => ({
      ranker: s.ranker,
      sharePct: s.share_pct,
      hitRate: s.mean_hit_rate,
      pai: s.mean_pai,
    })),
  };
}

/** The row the sentence quotes: the map's own hot spots (Gi* z) flagging 5 % of the area. */
export function headlineRow(
  table: ForecastTable,
  ranker: ForecastRanker = 'gi_z',
  sharePct = 5,
): ForecastFigures | null {
  const row = table.rows.find((r) => r.ranker === ranker && r.sharePct === sharePct);
  if (!row || row.hitRate === null || row.pai === null) return null;
  return { sharePct: row.sharePct, hitRate: row.hitRate, pai: row.pai };
}

/** The one sentence for an answer, or null when it cannot be said. */
export function forecastHeadline(locale: Locale, answer: ForecastAnswer): string | null {
  const table = forecastTable(answer);
  const row = table && headlineRow(table);
  if (!table || !row) return null;
  return forecastSentence(
    locale,
    row,
    table.kind === 'rolling' ? { splits: table.splits } : undefined,
  );
}
