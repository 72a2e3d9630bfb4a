/**
 * The /info page's state in its query string, so a copied link (or a map popup's
 * `/info?report=<id>`) opens the same view: `tab`, `report` the one open, `p` province,
 * `status`, `kind`, `tlp`, `q` search, `page` of the tab's list (1-based), on the objects tab
 * `object` the one open, `okind` and `near` its filters, and `lang`. Defaults are left out;
 * anything malformed ignored. The object register's identifier search stays out of the address:
 * a plate in a link travels to people who may not read it.
 */
import { PROVINCES, isOneOf, type Province } from '$lib/domain';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  TLP,
  type ReportKind,
  type ReportStatus,
  type Tlp,
} from '$lib/information';
import type { ReportQuery } from './reports-api';

export const INFO_TABS = ['reports', 'inbox', 'objects', 'exchange'] as const;
export type InfoTab = (typeof INFO_TABS)[number];

/** Rows a page of the reports list and of the object register holds. */
export const PAGE_SIZE = 50;
const MAX_PAGE = 100_000;

export interface InfoView {
  tab: InfoTab;
  report: number | null;
  province: Province | '';
  status: ReportStatus | '';
  kind: ReportKind | '';
  tlp: Tlp | '';
  q: string;
  /** The page of the open tab's list, 1-based. */
  page: number;
  object: number | null;
  okind: ReportKind | '';
  near: boolean;
}

export const DEFAULT_INFO_VIEW: InfoView = {
  tab: 'reports',
  report: null,
  province: '',
  status: 'open',
  kind: '',
  tlp: '',
  q: '',
  page: 1,
  object: null,
  okind: '',
  near: false,
};

const positive = (value: string | null): number | null => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function decodeInfoView(params: URLSearchParams): InfoView {
  const tab = params.get('tab');
  const p = params.get('p');
  const status = params.get('status');
  const kind = params.get('kind');
  const tlp = params.get('tlp');
  const okind = params.get('okind');
  return {
    tab: isOneOf(INFO_TABS, tab) ? tab : 'reports',
    report: positive(params.get('report')),
    province: isOneOf(PROVINCES, p) ? p : '',
    // `all` in the address means both states; no parameter means the default (open).
    status: status === 'all' ? '' : isOneOf(REPORT_STATUSES, status) ? status : 'open',
    kind: isOneOf(REPORT_KINDS, kind) ? kind : '',
    tlp: isOneOf(TLP, tlp) ? tlp : '',
    q: (params.get('q') ?? '').slice(0, 100),
    // Far beyond any list, still inside what the API takes as an offset (the page then clamps).
    page: Math.min(positive(params.get('page')) ?? 1, MAX_PAGE),
    object: positive(params.get('object')),
    okind: isOneOf(REPORT_KINDS, okind) ? okind : '',
    near: params.get('near') === '1',
  };
}

export function encodeInfoView(view: InfoView, locale: 'vi' | 'en'): string {
  const params = new URLSearchParams();
  if (view.tab !== 'reports') params.set('tab', view.tab);
  if (view.report !== null) params.set('report', String(view.report));
  if (view.province) params.set('p', view.province);
  if (view.status !== 'open') params.set('status', view.status || 'all');
  if (view.kind) params.set('kind', view.kind);
  if (view.tlp) params.set('tlp', view.tlp);
  if (view.q) params.set('q', view.q);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.object !== null) params.set('object', String(view.object));
  if (view.okind) params.set('okind', view.okind);
  if (view.near) params.set('near', '1');
  if (locale !== 'vi') params.set('lang', locale);
  return params.toString();
}

/** What narrows a list: changing one of these shows its first page again. */
const FILTERS = ['province', 'status', 'kind', 'tlp', 'q', 'okind', 'near'] as const;

/**
 * The view after `patch`: back to page 1 when a filter changes (page 3 of other rows means
 * nothing), the page kept otherwise (opening a report, a page of its own).
 * @example withChange({ ...DEFAULT_INFO_VIEW, page: 3 }, { kind: 'boat' }).page // 1
 */
export function withChange(view: InfoView, patch: Partial<InfoView>): InfoView {
  const next = { ...view, ...patch };
  if (patch.page === undefined && FILTERS.some((f) => next[f] !== view[f])) next.page = 1;
  return next;
}

/** The last page of `total` rows (1 when there are none). */
export const lastPage = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

/** The list request of a view: newest received first, the view's page of PAGE_SIZE rows. */
export function infoListQuery(view: InfoView): ReportQuery {
  return {
    province: view.province || undefined,
    status: view.status || undefined,
    kind: view.kind || undefined,
    tlp: view.tlp || undefined,
    q: view.q.trim() || undefined,
    sort: 'received_at',
    dir: 'desc',
    limit: PAGE_SIZE,
    offset: view.page > 1 ? (view.page - 1) * PAGE_SIZE : undefined,
  };
}
