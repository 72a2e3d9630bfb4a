/**
 * Plain facts for the handover timeline (pure): how long the receiver took to acknowledge, and
 * the one-line detail of a history step.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { HistoryEntry } from './reports-api';

/**
 * Whole hours (one decimal under ten) between two instants, or null when either is missing.
 * @example hoursBetween('2026-11-01T00:00:00Z', '2026-11-01T05:30:00Z') // 5.5
 */
export function hoursBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const h = ms / 3_600_000;
  return h < 10 ? Math.round(h * 10) / 10 : Math.round(h);
}

/**
 * How long a step took, in minutes under an hour, else in hours (see hoursBetween).
 * @example tookText('2026-11-01T00:00:00Z', '2026-11-01T00:12:00Z') // { unit: 'min', n: 12 }
 */
export function tookText(
  from: string | null,
  to: string | null,
): { unit: 'min' | 'h'; n: number } | null {
  const h = hoursBetween(from, to);
  if (h === null) return null;
  if (h < 1)
    return {
      unit: 'min',
      n: Math.max(1, Math.round((Date.parse(to!) - Date.parse(from!)) / 60_000)),
    };
  return { unit: 'h', n: h };
}

/** The detail fields of a step worth a line (ids, the assessment, a reason), as key/value. */
export function stepDetails(e: HistoryEntry): { key: string; value: string }[] {
  const d = e.details ?? {};
  const keys = ['value', 'assessment', 'reason', 'action_taken', 'seizure_id', 'patrol_id', 'to'];
  const out: { key: string; value: string }[] = [];
  for (const k of keys) {
    const v = d[k];
    if (v === undefined || v === null || v === '') continue;
    out.push({ key: k, value: Array.isArray(v) ? v.join(', ') : String(v) });
  }
  return out;
}

/** The form's label of each field the API names in an edit's `changed`. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'info.form.title',
  kind: 'info.form.kind',
  category: 'info.form.category',
  province: 'info.form.where',
  geometry: 'info.form.where',
  place: 'info.form.where',
  reliability: 'info.form.reliability',
  credibility: 'info.form.credibility',
  distribution: 'info.form.distribution',
  units: 'info.form.distribution',
  tlp: 'info.form.tlp',
  observed_from: 'info.col.observed',
  observed_to: 'info.col.observed',
  received_at: 'info.col.received',
  text: 'info.form.text',
};

/**
 * What an edit changed, as the form's labels (once each, in the API's order); [] for other steps.
 * @example changedLabels({ action: 'edited', details: { changed: ['geometry', 'province'] }, ... })
 * // ['info.form.where']
 */
export function changedLabels(e: HistoryEntry): MessageKey[] {
  const changed = e.details?.changed;
  if (e.action !== 'edited' || !Array.isArray(changed)) return [];
  const keys = changed.map((f) => FIELD_LABELS[String(f)]).filter(Boolean);
  return [...new Set(keys)];
}
