import { CATEGORIES, isOneOf } from '../../domain';
import { REPORT_KINDS, REPORT_STATUSES, TLP } from '../../information';
import { USER_AGENCIES } from '../auth/roles';
import { badParameter } from '../errors';
import { normaliseText } from '../text';
import { REPORT_SORT_KEYS, type ReportQuery } from '../repositories/reports';
import * as p from './params';

/**
 * The query of GET /api/reports: filters (province, status, kind, category, TLP, the author's
 * agency, the received_at window in Vietnam days, a search in title and text), sort and page,
 * each checked here so a bad value is a 400 naming the parameter.
 */

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
export const MAX_OFFSET = 10_000_000;

/** A comma-separated list of allowed values, repeats dropped. */
function list<T extends string>(name: string, allowed: readonly T[], value: string | undefined) {
  if (value === undefined || value === '') return undefined;
  const items = value.split(',').map((s) => s.trim());
  for (const item of items)
    if (!isOneOf(allowed, item))
      throw badParameter(name, `'${item}' is not one of ${allowed.join(', ')}`);
  return [...new Set(items)] as T[];
}

function searchText(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const result = normaliseText(value, { max: 100 });
  if (!result.ok) throw badParameter('q', result.problem);
  return result.value;
}

export const LIST_PARAMS = [
  'province',
  'status',
  'kind',
  'category',
  'tlp',
  'agency',
  'from',
  'to',
  'q',
  'sort',
  'dir',
  'limit',
  'offset',
];

export function listQuery(q: p.Query): ReportQuery {
  const sort = q.sort || 'received_at';
  if (!isOneOf(REPORT_SORT_KEYS, sort))
    throw badParameter('sort', `must be one of ${REPORT_SORT_KEYS.join(', ')}`);
  const dir = q.dir || 'desc';
  if (dir !== 'asc' && dir !== 'desc') throw badParameter('dir', 'must be asc or desc');
  if (q.status && !isOneOf(REPORT_STATUSES, q.status))
    throw badParameter('status', 'must be open or closed');
  return {
    province: p.province(q.province),
    status: (q.status || undefined) as ReportQuery['status'],
    kinds: list('kind', REPORT_KINDS, q.kind),
    categories: list('category', CATEGORIES, q.category),
    tlps: list('tlp', TLP, q.tlp),
    agencies: list('agency', USER_AGENCIES, q.agency),
    ...p.timeRange(q.from, q.to),
    q: searchText(q.q),
    sort,
    dir,
    limit: p.integer('limit', q.limit, 1, MAX_PAGE, DEFAULT_PAGE),
    offset: p.integer('offset', q.offset, 0, MAX_OFFSET, 0),
  };
}
