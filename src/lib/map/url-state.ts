/**
 * The shareable view in the query string. Defaults are left out so a plain `/` is the default
 * view, and anything unknown or malformed in a pasted link is ignored rather than fatal.
 *
 * `p` province (an_giang | lang_son | all), `layers` visible layers, `from` / `to` dates,
 * `cat` categories, `agency` lead agencies, `by` seizure colouring, `c` centre lon,lat,
 * `z` zoom, `lang` interface language, `seizure` a record whose popup opens (the data table's
 * "show on map"; dropped from the address once opened). `p=all` shows both provinces side by side, each map
 * framed on its own frontier: such a view has no one camera, so it carries no `c` or `z`.
 * The hot-spot fields (`hs`, `cell`, `fdr`, `step`, `spot`) are hotspot-url.ts's.
 */
import {
  AGENCIES,
  CATEGORIES,
  LAYER_IDS,
  PROVINCES,
  isOneOf,
  type Agency,
  type Category,
  type LayerId,
  type Province,
} from '$lib/domain';
import type { ColourMode } from './styles';
import {
  DEFAULT_HOTSPOT_VIEW,
  decodeHotspotView,
  encodeHotspotView,
  type HotspotView,
} from './hotspot-url';

export type ProvinceChoice = Province | 'all';

export interface ViewState {
  province: ProvinceChoice;
  visible: LayerId[];
  /** `YYYY-MM-DD` or '' for an open bound. */
  from: string;
  to: string;
  categories: Category[];
  agencies: Agency[];
  colourBy: ColourMode;
  /** [lon, lat], or null to frame the province (always null for both provinces). */
  center: [number, number] | null;
  zoom: number | null;
  locale: 'vi' | 'en';
  hotspots: HotspotView;
  /** A seizure id whose popup the map opens, flying there; null (or absent) for none. */
  seizure?: number | null;
}

export const DEFAULT_VIEW: ViewState = {
  province: 'an_giang',
  visible: [...LAYER_IDS],
  from: '',
  to: '',
  categories: [],
  agencies: [],
  colourBy: 'agency',
  center: null,
  zoom: null,
  locale: 'vi',
  hotspots: DEFAULT_HOTSPOT_VIEW,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | null): value is string {
  if (!value || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function listOf<T extends string>(allowed: readonly T[], value: string | null): T[] {
  if (!value) return [];
  const items = value.split(',').filter((v): v is T => isOneOf(allowed, v));
  // Keep the allowlist's order so equal selections encode to equal URLs.
  return allowed.filter((a) => items.includes(a));
}

/** Parses a query string into a complete view, falling back to defaults field by field. */
export function decodeView(params: URLSearchParams): ViewState {
  const view: ViewState = { ...DEFAULT_VIEW, visible: [...DEFAULT_VIEW.visible] };
  const p = params.get('p');
  if (p === 'all' || isOneOf(PROVINCES, p)) view.province = p;
  if (params.has('layers')) view.visible = listOf(LAYER_IDS, params.get('layers'));
  const from = params.get('from');
  const to = params.get('to');
  if (isDate(from)) view.from = from;
  if (isDate(to)) view.to = to;
  if (view.from && view.to && view.from > view.to) view.to = '';
  view.categories = listOf(CATEGORIES, params.get('cat'));
  view.agencies = listOf(AGENCIES, params.get('agency'));
  if (params.get('by') === 'category') view.colourBy = 'category';
  const c = params.get('c')?.split(',').map(Number);
  const z = Number(params.get('z'));
  if (
    view.province !== 'all' &&
    c &&
    c.length === 2 &&
    c.every(Number.isFinite) &&
    Math.abs(c[0]) <= 180 &&
    Math.abs(c[1]) <= 85 &&
    params.get('z') !== null &&
    Number.isFinite(z) &&
    z >= 0 &&
    z <= 22
  ) {
    view.center = [c[0], c[1]];
    view.zoom = z;
  }
  if (params.get('lang') === 'en') view.locale = 'en';
  view.hotspots = decodeHotspotView(params);
  const seizure = Number(params.get('seizure'));
  if (params.has('seizure') && Number.isInteger(seizure) && seizure > 0) view.seizure = seizure;
  return view;
}

/** The query string for a view: only what differs from the default, in a fixed order. */
export function encodeView(view: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (view.province !== DEFAULT_VIEW.province) params.set('p', view.province);
  const visible = LAYER_IDS.filter((id) => view.visible.includes(id));
  if (visible.length !== LAYER_IDS.length) params.set('layers', visible.join(','));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  const cats = CATEGORIES.filter((c) => view.categories.includes(c));
  if (cats.length > 0) params.set('cat', cats.join(','));
  const ags = AGENCIES.filter((a) => view.agencies.includes(a));
  if (ags.length > 0) params.set('agency', ags.join(','));
  if (view.colourBy !== DEFAULT_VIEW.colourBy) params.set('by', view.colourBy);
  if (view.province !== 'all' && view.center && view.zoom !== null) {
    // 5 decimals is about 1 m: enough for a shared view, short enough to paste.
    params.set('c', `${+view.center[0].toFixed(5)},${+view.center[1].toFixed(5)}`);
    params.set('z', String(+view.zoom.toFixed(2)));
  }
  if (view.locale !== DEFAULT_VIEW.locale) params.set('lang', view.locale);
  encodeHotspotView(view.hotspots, params);
  if (view.seizure) params.set('seizure', String(view.seizure));
  return params;
}

/** `encodeView` as text, with commas left readable (they are legal in a query string). */
export function viewQuery(view: ViewState): string {
  return encodeView(view).toString().replace(/%2C/gi, ',');
}
