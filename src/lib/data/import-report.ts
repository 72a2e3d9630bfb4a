/**
 * An import report's problems in words of the interface language: each code has a message, the
 * field it names is said as the table's column is. An unknown code falls back to the server's
 * own message, so a newer server is still understood.
 */
import type { MessageKey } from '$lib/i18n/messages';
import { PROBLEM_CODES, type ImportProblem, type ImportReport } from './transfer';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const FIELD_KEYS: Record<string, MessageKey> = {
  occurred_at: 'data.col.date',
  date: 'data.col.date',
  case_ref: 'data.col.caseRef',
  province: 'data.col.province',
  category: 'data.col.category',
  goods: 'data.col.goods',
  quantity: 'data.col.quantity',
  unit: 'form.unit',
  value_vnd: 'data.col.value',
  subjects: 'data.col.subjects',
  transport_mode: 'data.col.transport',
  lead_agency: 'data.col.agency',
  lon: 'form.lon',
  lat: 'form.lat',
  wkt: 'form.place',
  geometry: 'form.place',
};

/** A field of the file as the interface names it (lower case inside a sentence). */
export function fieldName(field: string, t: Translate): string {
  const key = FIELD_KEYS[field];
  return key ? t(key).toLowerCase() : field;
}

/**
 * One problem as a phrase.
 * @example problemText({ field: 'occurred_at', code: 'bad_date', message: '' }, t) // 'not a valid date (date)'
 */
export function problemText(p: ImportProblem, t: Translate): string {
  if (!(PROBLEM_CODES as readonly string[]).includes(p.code)) return p.message || p.code;
  return t(`import.problem.${p.code}` as MessageKey, { field: fieldName(p.field, t) });
}

/** Whether a dry run's report allows the real import: rows to write and no problem listed. */
export function isClean(report: ImportReport): boolean {
  return report.rows.length === 0 && !report.rows_truncated && report.valid > 0;
}
