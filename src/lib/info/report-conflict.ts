/**
 * What a stale edit of a report ran into (pure): which parts the other person changed, which the
 * user changed, who saved last, and the user's changes laid over the newer version, so "keep
 * mine" saves what the user typed without undoing what the other person saved meanwhile.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { ReportFormValues } from './report-form';
import type { HistoryEntry } from './reports-api';

/** The parts of a report a person edits, each with the form values it is made of. */
export const REPORT_PARTS = {
  title: ['title'],
  kind: ['kind'],
  category: ['category'],
  reliability: ['reliability'],
  credibility: ['credibility'],
  distribution: ['distribution', 'units'],
  tlp: ['tlp'],
  observed: ['observedFrom', 'observedTo'],
  text: ['text'],
  // The province follows the place on the server, so it changes with it.
  where: ['province', 'mode', 'vertices', 'place'],
} as const satisfies Record<string, readonly (keyof ReportFormValues)[]>;

export type ReportPart = keyof typeof REPORT_PARTS;

/** The form's label of each part, for the dialog's lists. */
export const PART_LABELS: Record<ReportPart, MessageKey> = {
  title: 'info.form.title',
  kind: 'info.form.kind',
  category: 'info.form.category',
  reliability: 'info.form.reliability',
  credibility: 'info.form.credibility',
  distribution: 'info.form.distribution',
  tlp: 'info.form.tlp',
  observed: 'info.col.observed',
  text: 'info.form.text',
  where: 'info.form.where',
};

const PARTS = Object.keys(REPORT_PARTS) as ReportPart[];

const same = (a: ReportFormValues, b: ReportFormValues, part: ReportPart) =>
  REPORT_PARTS[part].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/**
 * The parts that differ between two versions of the form, in the form's order.
 * @example changedParts(v, { ...v, title: 'Ghe', text: 'x' }) // ['title', 'text']
 */
export function changedParts(from: ReportFormValues, to: ReportFormValues): ReportPart[] {
  return PARTS.filter((p) => !same(from, to, p));
}

/**
 * The user's changes (from `base`, the version they opened, to `mine`) laid over `theirs`: a part
 * the user did not touch keeps the other person's value; a part both changed takes the user's.
 * @example mergeMine(base, { ...base, title: 'Mine' }, { ...base, text: 'Theirs' })
 * // { ...base, title: 'Mine', text: 'Theirs' }
 */
export function mergeMine(
  base: ReportFormValues,
  mine: ReportFormValues,
  theirs: ReportFormValues,
): ReportFormValues {
  const out: ReportFormValues = structuredClone(theirs);
  const take = <K extends keyof ReportFormValues>(k: K) => (out[k] = structuredClone(mine[k]));
  for (const part of changedParts(base, mine)) REPORT_PARTS[part].forEach(take);
  return out;
}

/** Steps of the history that make a new version of the report. */
const VERSION_STEPS = new Set(['edited', 'closed', 'reopened']);

/**
 * The last step that made a new version: who saved it and when; null without a history.
 * @example lastSave([{ action: 'created', ... }, { action: 'edited', username: 'hq.chi', ... }])
 * // { username: 'hq.chi', at: '...' }
 */
export function lastSave(history: HistoryEntry[] | undefined): HistoryEntry | null {
  const steps = (history ?? []).filter((e) => VERSION_STEPS.has(e.action));
  return steps.length ? steps[steps.length - 1] : null;
}
