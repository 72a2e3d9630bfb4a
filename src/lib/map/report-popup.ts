/**
 * What a popup says about a report of the `reports` layer or a suspicious object near the
 * frontier: labelled rows in the page's language, and where the register shows the record.
 * Pure, so every string can be tested.
 */
import { formatDateTime, formatInteger } from '$lib/i18n/format';
import { vi, type MessageKey } from '$lib/i18n/messages';
import { translate, type Locale } from '$lib/i18n/translate';
import { isOneOf } from '$lib/domain';
import { TLP, type Tlp } from '$lib/information';

export interface InfoRow {
  key: MessageKey;
  value: string;
}

const has = (v: unknown) => v !== null && v !== undefined && v !== '';

function labelIn(locale: Locale, prefix: string, value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return key in vi ? translate(locale, key as MessageKey) : has(value) ? String(value) : '–';
}

/**
 * A report's age in words: `hôm nay` / `today` under a day, else whole days.
 * @example ageText(12.6, 'en') // '12 days'
 */
export function ageText(ageDays: unknown, locale: Locale): string {
  const d = typeof ageDays === 'string' ? Number(ageDays) : ageDays;
  if (typeof d !== 'number' || !Number.isFinite(d)) return '–';
  if (d < 1) return translate(locale, 'infomap.popup.ageToday');
  return translate(locale, 'infomap.popup.ageDays', { n: formatInteger(Math.floor(d), locale) });
}

/**
 * The Admiralty rating with both halves in words.
 * @example ratingText('B', 2, 'en') // 'B2 · B: usually reliable · 2: probably true'
 */
export function ratingText(reliability: unknown, credibility: unknown, locale: Locale): string {
  if (!has(reliability) || !has(credibility)) return '–';
  return [
    `${String(reliability)}${String(credibility)}`,
    labelIn(locale, 'infomap.rating', reliability),
    labelIn(locale, 'infomap.credibility', credibility),
  ].join(' · ');
}

/** The TLP marking of a feature, or null if it carries none the app knows. */
export function tlpOf(p: Record<string, unknown>): Tlp | null {
  return isOneOf(TLP, p.tlp) ? p.tlp : null;
}

export function reportRows(locale: Locale, p: Record<string, unknown>): InfoRow[] {
  return [
    { key: 'infomap.popup.kind', value: labelIn(locale, 'infomap.kind', p.kind) },
    { key: 'infomap.popup.rating', value: ratingText(p.reliability, p.credibility, locale) },
    { key: 'infomap.popup.age', value: ageText(p.age_days, locale) },
    { key: 'infomap.popup.received', value: formatDateTime(p.received_at as string) },
    { key: 'infomap.popup.status', value: labelIn(locale, 'infomap.status', p.status) },
    { key: 'infomap.popup.agency', value: labelIn(locale, 'agency', p.agency) },
    { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
  ];
}

export function objectRows(locale: Locale, p: Record<string, unknown>): InfoRow[] {
  return [
    { key: 'infomap.popup.kind', value: labelIn(locale, 'infomap.kind', p.kind) },
    {
      key: 'infomap.popup.sightings',
      value: has(p.sightings_count) ? formatInteger(Number(p.sightings_count), locale) : '–',
    },
    { key: 'infomap.popup.lastSeen', value: formatDateTime(p.last_seen_at as string) },
  ];
}

export function reportTitle(p: Record<string, unknown>, locale: Locale): string {
  return has(p.title)
    ? String(p.title)
    : translate(locale, 'infomap.popup.report', { id: String(p.id ?? '') });
}

export function objectTitle(p: Record<string, unknown>, locale: Locale): string {
  const kind = labelIn(locale, 'infomap.kind', p.kind);
  return has(p.identifier_masked) ? `${kind} ${String(p.identifier_masked)}` : kind;
}

/**
 * Where the register shows a report or an object (the /info page's address), in the page's
 * language; null without a numeric id.
 * @example infoHref('/info', 'reports', 7, 'en') // '/info?report=7&lang=en'
 */
export function infoHref(
  base: string,
  layer: 'reports' | 'objects_near_frontier',
  id: unknown,
  locale: Locale,
): string | null {
  const n = typeof id === 'string' ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) return null;
  const lang = locale === 'vi' ? '' : `&lang=${locale}`;
  return layer === 'reports'
    ? `${base}?report=${n}${lang}`
    : `${base}?tab=objects&object=${n}${lang}`;
}
