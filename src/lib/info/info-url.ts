/**
 * The /info page's state in its query string, so a copied link (or a map popup's
 * `/info?report=<id>`) opens the same view: `tab`, `report` the one open, `p` province,
 * `status`, `kind`, `tlp`, `q` search, `lang`. Defaults are left out; anything malformed ignored.
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

export const LIST_LIMIT = 200;

export interface InfoView {
  tab: InfoTab;
  report: number | null;
  province: Province | '';
  status: ReportStatus | '';
  kind: ReportKind | '';
  tlp: Tlp | '';
  q: string;
}

export const DEFAULT_INFO_VIEW: InfoView = {
  tab: 'reports',
  report: null,
  province: '',
  status: 'open',
  kind: '',
  tlp: '',
  q: '',
};

export function decodeInfoView(params: URLSearchParams): InfoView {
  const tab = params.get('tab');
  const p = params.get('p');
  const status = params.get('status');
  const kind = params.get('kind');
  const tlp = params.get('tlp');
  const id = Number(params.get('report'));
  return {
    tab: isOneOf(INFO_TABS, tab) ? tab : 'reports',
    report: Number.isInteger(id) && id > 0 ? id : null,
    province: isOneOf(PROVINCES, p) ? p : '',
    // `all` in the address means both states; no parameter means the default (open).
    status: status === 'all' ? '' : isOneOf(REPORT_STATUSES, status) ? status : 'open',
    kind: isOneOf(REPORT_KINDS, kind) ? kind : '',
    tlp: isOneOf(TLP, tlp) ? tlp : '',
    q: (params.get('q') ?? '').slice(0, 100),
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
  if (locale !== 'vi') params.set('lang', locale);
  return params.toString();
}

/** The list request of a view: newest received first, one page of up to LIST_LIMIT. */
export function infoListQuery(view: InfoView): ReportQuery {
  return {
    province: view.province || undefined,
    status: view.status || undefined,
    kind: view.kind || undefined,
    tlp: view.tlp || undefined,
    q: view.q.trim() || undefined,
    sort: 'received_at',
    dir: 'desc',
    limit: LIST_LIMIT,
  };
}
