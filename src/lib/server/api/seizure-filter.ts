import { isoDay } from '../../i18n/format';
import type { LayerFilter } from '../repositories/layers';
import * as p from './params';

/** The filters every read of seizures takes (the layer, the stats): no `province` means both. */
export const SEIZURE_FILTER_PARAMS = ['province', 'from', 'to', 'category', 'agency'] as const;

export type SeizureFilter = Omit<LayerFilter, 'bbox'>;

/**
 * The seizure filters of a query, each checked by its parser in ./params (a 400 naming the
 * parameter otherwise). A bare `to` date includes that whole day.
 */
export function seizureFilter(q: p.Query): SeizureFilter {
  return {
    province: p.province(q.province),
    ...p.timeRange(q.from, q.to),
    categories: p.categories(q.category),
    agencies: p.agencies(q.agency),
  };
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM` in Vietnam time (UTC+7), the zone the app shows dates in. */
const vietnamMonth = (at: Date) => isoDay(at)!.slice(0, 7);

/**
 * The calendar months (`YYYY-MM`, Vietnam time) that `from` and `to` name, for a series that
 * lists every month of the window: a bare date is a day of its own month, a date-time with a zone
 * falls in the Vietnamese month of that instant (for `to`, of the last instant before it).
 * Call after `seizureFilter` has accepted the same query.
 * @example monthWindow({ from: '2024-01-01', to: '2024-03-31' }, filter) // { first: '2024-01', last: '2024-03' }
 */
export function monthWindow(
  q: p.Query,
  filter: Pick<SeizureFilter, 'from' | 'to'>,
): { first?: string; last?: string } {
  const window: { first?: string; last?: string } = {};
  if (q.from && filter.from)
    window.first = BARE_DATE.test(q.from) ? q.from.slice(0, 7) : vietnamMonth(filter.from);
  if (q.to && filter.to) {
    window.last = BARE_DATE.test(q.to)
      ? q.to.slice(0, 7)
      : vietnamMonth(new Date(filter.to.getTime() - 1));
  }
  return window;
}
