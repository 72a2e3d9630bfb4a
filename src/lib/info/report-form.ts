/**
 * The report form's values and their check before sending (pure: no DOM, no fetch). The server
 * checks everything again; this only spares a round trip for what the user can see is missing.
 */
import type { Geometry, Position } from 'geojson';
import type { Category, Province } from '$lib/domain';
import { isoDay } from '$lib/i18n/format';
import {
  TLP_DISTRIBUTIONS,
  type Credibility,
  type Distribution,
  type Reliability,
  type ReportKind,
  type Tlp,
} from '$lib/information';
import type { Report, ReportInput } from './reports-api';

/** How the place is given: a clicked point, a drawn line or area, or a named feature. */
export const WHERE_MODES = ['point', 'line', 'area', 'place'] as const;
export type WhereMode = (typeof WHERE_MODES)[number];

export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;

export interface ReportFormValues {
  title: string;
  kind: ReportKind | '';
  category: Category | '';
  province: Province;
  reliability: Reliability | '';
  credibility: Credibility | '';
  distribution: Distribution;
  units: string[];
  tlp: Tlp;
  /** `YYYY-MM-DD` days in Vietnam, '' when open. */
  observedFrom: string;
  observedTo: string;
  text: string;
  mode: WhereMode;
  /** Vertices [lon, lat] drawn for the point, line or area (the area not closed). */
  vertices: [number, number][];
  /** `layer:CODE` of a named gate, trail or waterway. */
  place: string;
}

export type ReportField =
  | 'title'
  | 'kind'
  | 'reliability'
  | 'credibility'
  | 'units'
  | 'tlp'
  | 'observed'
  | 'text'
  | 'where';

/** A problem as a message key of messages-info.ts. */
export type ReportProblems = Partial<Record<ReportField, string>>;

export function emptyReportForm(province: Province, unit: string | null): ReportFormValues {
  return {
    title: '',
    kind: '',
    category: '',
    province,
    reliability: '',
    credibility: '',
    distribution: 'both',
    units: unit ? [unit] : [],
    tlp: 'amber',
    observedFrom: '',
    observedTo: '',
    text: '',
    mode: 'point',
    vertices: [],
    place: '',
  };
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The instant a Vietnam day starts (or, with `end`, its last second), as ISO 8601 UTC.
 * @example vietnamDayBound('2026-11-30', false) // '2026-11-29T17:00:00.000Z'
 */
export function vietnamDayBound(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  const start = Date.UTC(y, m - 1, d) - VIETNAM_OFFSET_MS;
  return new Date(end ? start + 86_400_000 - 1000 : start).toISOString();
}

/** The drawn geometry, or null while too few vertices are placed for the mode. */
export function geometryOf(mode: WhereMode, vertices: [number, number][]): Geometry | null {
  const pts: Position[] = vertices.map(([x, y]) => [+x.toFixed(6), +y.toFixed(6)]);
  if (mode === 'point')
    return pts.length >= 1 ? { type: 'Point', coordinates: pts[pts.length - 1] } : null;
  if (mode === 'line') return pts.length >= 2 ? { type: 'LineString', coordinates: pts } : null;
  if (mode === 'area')
    return pts.length >= 3 ? { type: 'Polygon', coordinates: [[...pts, pts[0]]] } : null;
  return null;
}

/** A report's geometry back as a mode and its vertices (the area's closing vertex dropped). */
export function verticesOf(geometry: Geometry): { mode: WhereMode; vertices: [number, number][] } {
  const two = (p: Position) => [p[0], p[1]] as [number, number];
  if (geometry.type === 'Point') return { mode: 'point', vertices: [two(geometry.coordinates)] };
  if (geometry.type === 'LineString')
    return { mode: 'line', vertices: geometry.coordinates.map(two) };
  if (geometry.type === 'Polygon')
    return { mode: 'area', vertices: geometry.coordinates[0].slice(0, -1).map(two) };
  return { mode: 'point', vertices: [] };
}

export function reportToForm(r: Report): ReportFormValues {
  const where = r.place ? { mode: 'place' as const, vertices: [] } : verticesOf(r.geometry);
  return {
    title: r.title,
    kind: r.kind,
    category: r.category ?? '',
    province: r.province,
    reliability: r.reliability,
    credibility: r.credibility,
    distribution: r.distribution,
    units: [...r.units],
    tlp: r.tlp,
    observedFrom: r.observed_from ? (isoDay(r.observed_from) ?? '') : '',
    observedTo: r.observed_to ? (isoDay(r.observed_to) ?? '') : '',
    text: r.text ?? '',
    ...where,
    place: r.place ?? '',
  };
}

/** The request body, or the problems that keep it from being sent. */
export function formToReportInput(v: ReportFormValues): {
  input: ReportInput | null;
  problems: ReportProblems;
} {
  const problems: ReportProblems = {};
  const title = v.title.trim();
  if (!title) problems.title = 'info.form.required';
  else if (title.length > TITLE_MAX) problems.title = 'info.form.tooLong';
  if (!v.kind) problems.kind = 'info.form.required';
  if (!v.reliability) problems.reliability = 'info.form.required';
  if (!v.credibility) problems.credibility = 'info.form.required';
  if (v.distribution === 'units' && v.units.length === 0) problems.units = 'info.form.unitsNeeded';
  if (!TLP_DISTRIBUTIONS[v.tlp].includes(v.distribution)) problems.tlp = 'info.form.redNeedsUnits';
  if (v.observedFrom && v.observedTo && v.observedFrom > v.observedTo)
    problems.observed = 'info.form.observedOrder';
  if (v.text.length > TEXT_MAX) problems.text = 'info.form.tooLong';
  const geometry = v.mode === 'place' ? null : geometryOf(v.mode, v.vertices);
  if (v.mode === 'place' ? !v.place : !geometry) problems.where = `info.where.need.${v.mode}`;
  if (Object.keys(problems).length > 0) return { input: null, problems };
  const input: ReportInput = {
    title,
    kind: v.kind as ReportKind,
    reliability: v.reliability as Reliability,
    credibility: Number(v.credibility) as Credibility,
    distribution: v.distribution,
    tlp: v.tlp,
    // The province follows from the place or the drawn geometry (the server derives it).
    ...(v.mode === 'place' ? { place: v.place } : { geometry: geometry! }),
  };
  if (v.category) input.category = v.category;
  if (v.distribution === 'units') input.units = [...v.units];
  if (v.observedFrom) input.observed_from = vietnamDayBound(v.observedFrom, false);
  if (v.observedTo) input.observed_to = vietnamDayBound(v.observedTo, true);
  if (v.text.trim()) input.text = v.text.trim();
  return { input, problems };
}

/** Maps the server's 400/422 details onto fields when it names one; the rest stays general. */
export function serverField(path: unknown): ReportField | null {
  const p = String(Array.isArray(path) ? path[0] : (path ?? ''));
  if (p === 'geometry' || p === 'place' || p === 'province') return 'where';
  if (p === 'observed_from' || p === 'observed_to') return 'observed';
  if (['title', 'kind', 'reliability', 'credibility', 'units', 'tlp', 'text'].includes(p))
    return p as ReportField;
  if (p === 'distribution') return 'units';
  return null;
}

/** The values each field's problem was found in (a problem goes once its field changes). */
const FIELD_VALUES: Record<ReportField, (keyof ReportFormValues)[]> = {
  title: ['title'],
  kind: ['kind'],
  reliability: ['reliability'],
  credibility: ['credibility'],
  units: ['distribution', 'units'],
  tlp: ['tlp', 'distribution'],
  observed: ['observedFrom', 'observedTo'],
  text: ['text'],
  where: ['mode', 'vertices', 'place'],
};

/**
 * The problems still standing: those whose field holds the value it was checked with.
 * @example standing({ title: 'info.form.required' }, { ...v, title: '' }, { ...v, title: 'Ghe' }) // {}
 */
export function standing(
  problems: ReportProblems,
  checked: ReportFormValues,
  now: ReportFormValues,
): ReportProblems {
  const out: ReportProblems = {};
  for (const [field, key] of Object.entries(problems) as [ReportField, string][]) {
    const same = FIELD_VALUES[field].every(
      (k) => JSON.stringify(checked[k]) === JSON.stringify(now[k]),
    );
    if (same) out[field] = key;
  }
  return out;
}
