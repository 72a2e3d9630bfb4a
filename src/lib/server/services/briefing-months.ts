import { AGENCIES, type Agency, type Category } from '../../domain';
import type { MonthlyRow } from '../repositories/seizure-monthly';

/** Seizures per month in one breakdown: `cases[i][j]` = month i, key j (zeros included). */
export interface MonthSeries<K extends string> {
  keys: K[];
  cases: number[][];
}

/**
 * The month x category and month x agency tables of the briefing over `months` (every month of
 * the window, oldest first). Categories are those with seizures, most first; agencies all three
 * in the order of AGENCIES, so the chart's colours and order match the map legend.
 * @example monthTables(['2024-01'], [{ month: '2024-01', by: 'category', key: 'sugar', cases: 2 }])
 * // { by_category: { keys: ['sugar'], cases: [[2]] }, by_agency: { keys: [...AGENCIES], cases: [[0, 0, 0]] } }
 */
export function monthTables(
  months: string[],
  rows: MonthlyRow[],
): { by_category: MonthSeries<Category>; by_agency: MonthSeries<Agency> } {
  const totals = new Map<string, number>();
  for (const r of rows)
    if (r.by === 'category') totals.set(r.key, (totals.get(r.key) ?? 0) + r.cases);
  const categories = [...totals.keys()].sort(
    (a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b),
  ) as Category[];
  return {
    by_category: table(months, categories, rows, 'category'),
    by_agency: table(months, [...AGENCIES], rows, 'agency'),
  };
}

function table<K extends string>(
  months: string[],
  keys: K[],
  rows: MonthlyRow[],
  by: MonthlyRow['by'],
): MonthSeries<K> {
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const keyIndex = new Map<string, number>(keys.map((k, j) => [k, j]));
  const cases = months.map(() => keys.map(() => 0));
  for (const r of rows) {
    const i = monthIndex.get(r.month);
    const j = keyIndex.get(r.key);
    if (r.by === by && i !== undefined && j !== undefined) cases[i][j] += r.cases;
  }
  return { keys, cases };
}
