/**
 * The data page's state in its query string, so a copied link shows the same rows: `p` province,
 * `from` / `to` days, `cat` categories, `agency`, `q` search, `sort` and `dir`, `page` (1-based),
 * `id` the record opened from the map, `lang`. Defaults are left out; anything malformed ignored.
 */
import {
  AGENCIES,
  CATEGORIES,
  PROVINCES,
  isOneOf,
  type Agency,
  type Category,
  type Province,
} from '$lib/domain';
import { parseDay } from '$lib/i18n/format';
import { SORT_COLUMNS, type SeizureQuery, type SortColumn } from './seizures-api';

export const PAGE_SIZE = 50;

export interface DataView {
  province: Province | '';
  from: string;
  to: string;
  categories: Category[];
  agencies: Agency[];
  q: string;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  page: number;
  /** A record to highlight and open (from the map's popup), or null. */
  id: number | null;
}

export const DEFAULT_DATA_VIEW: DataView = {
  province: '',
  from: '',
  to: '',
  categories: [],
  agencies: [],
  q: '',
  sort: 'occurred_at',
  dir: 'desc',
  page: 1,
  id: null,
};

function listOf<T extends string>(allowed: readonly T[], value: string | null): T[] {
  const items = (value ?? '').split(',');
  return allowed.filter((a) => items.includes(a));
}

function day(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  return parseDay(value) ?? '';
}

export function decodeDataView(params: URLSearchParams): DataView {
  const p = params.get('p');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const id = Number(params.get('id'));
  return {
    province: isOneOf(PROVINCES, p) ? p : '',
    from: day(params.get('from')),
    to: day(params.get('to')),
    categories: listOf(CATEGORIES, params.get('cat')),
    agencies: listOf(AGENCIES, params.get('agency')),
    q: (params.get('q') ?? '').slice(0, 100),
    sort: isOneOf(SORT_COLUMNS, sort) ? sort : DEFAULT_DATA_VIEW.sort,
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    id: Number.isInteger(id) && id > 0 ? id : null,
  };
}

/** The query string of a view (the page adds `lang`), commas left readable. */
export function encodeDataView(view: DataView, locale: 'vi' | 'en'): string {
  const params = new URLSearchParams();
  if (view.province) params.set('p', view.province);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  // The allowlists' order, so equal selections make equal links.
  const cats = CATEGORIES.filter((c) => view.categories.includes(c));
  const agencies = AGENCIES.filter((a) => view.agencies.includes(a));
  if (cats.length) params.set('cat', cats.join(','));
  if (agencies.length) params.set('agency', agencies.join(','));
  if (view.q) params.set('q', view.q);
  if (view.sort !== DEFAULT_DATA_VIEW.sort || view.dir !== DEFAULT_DATA_VIEW.dir) {
    params.set('sort', view.sort);
    params.set('dir', view.dir);
  }
  if (view.page > 1) params.set('page', String(view.page));
  if (view.id !== null) params.set('id', String(view.id));
  if (locale !== 'vi') params.set('lang', locale);
  return params.toString().replace(/%2C/gi, ',');
}

/** The API query of a view's filters (no paging). */
export function filterQuery(view: DataView): SeizureQuery {
  return {
    province: view.province || undefined,
    from: view.from || undefined,
    to: view.to || undefined,
    category: view.categories,
    agency: view.agencies,
  };
}

/** The API query of a view: filters, search, order and the page's rows. */
export function listQuery(view: DataView): SeizureQuery {
  return {
    ...filterQuery(view),
    q: view.q.trim() || undefined,
    sort: view.sort,
    dir: view.dir,
    limit: PAGE_SIZE,
    offset: (view.page - 1) * PAGE_SIZE,
  };
}

/** A click on a column header: that column descending first (newest, largest), again flips it. */
export function sortBy(view: DataView, column: SortColumn): DataView {
  const dir = view.sort === column ? (view.dir === 'desc' ? 'asc' : 'desc') : 'desc';
  return { ...view, sort: column, dir, page: 1 };
}

/** The map's link to a seizure: its province, the record's popup (`seizure`), the language. */
export function mapHref(record: { id: number; province: Province | null }, locale: 'vi' | 'en') {
  const params = new URLSearchParams();
  if (record.province && record.province !== 'an_giang') params.set('p', record.province);
  params.set('seizure', String(record.id));
  if (locale !== 'vi') params.set('lang', locale);
  return `/?${params}`;
}
