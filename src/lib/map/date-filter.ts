/**
 * Whether the seizure date filter can be applied. A range that ends before it starts, or a field
 * whose text is not a day, matches nothing the user meant: the map then shows no results rather
 * than the previous ones, and asks the API nothing until the dates are fixed.
 */

export interface DateFilter {
  /** `YYYY-MM-DD` or '' for an open bound. */
  from: string;
  to: string;
  /** Fields whose typed text is not a real day (the field keeps the text for correcting). */
  malformed: { from: boolean; to: boolean };
}

export type DateFilterProblem = 'malformed' | 'range' | null;

/**
 * @example dateFilterProblem({ from: '2024-05-01', to: '2024-01-01', malformed }) // 'range'
 */
export function dateFilterProblem(f: DateFilter): DateFilterProblem {
  if (f.malformed.from || f.malformed.to) return 'malformed';
  if (f.from !== '' && f.to !== '' && f.from > f.to) return 'range';
  return null;
}
