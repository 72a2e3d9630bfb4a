/**
 * Label points for the offline basemap, derived from the project's own geodata: one per province
 * (inside its outline) and one per neighbouring country, set off the frontier on the side that
 * lies outside the province. No external data is needed, so any geodata update moves them.
 */
import {
  along,
  bearing,
  booleanPointInPolygon,
  destination,
  length,
  lineString,
  pointOnFeature,
} from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { GATE_KINDS } from '$lib/domain';

export type Neighbour = 'cambodia' | 'china';

export interface LabelProps {
  kind: 'province' | 'neighbour';
  label_vi: string;
  label_en: string;
  province?: string;
}

const NEIGHBOUR_NAMES: Record<Neighbour, { vi: string; en: string }> = {
  cambodia: { vi: 'CAMPUCHIA', en: 'CAMBODIA' },
  china: { vi: 'TRUNG QUỐC', en: 'CHINA' },
};

/** Reads the neighbour however the data spells it (ISO codes, English or Vietnamese names). */
export function normaliseNeighbour(value: unknown): Neighbour | undefined {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  if (['kh', 'khm', 'cambodia', 'campuchia'].includes(v)) return 'cambodia';
  if (['cn', 'chn', 'china', 'trung quốc', 'trung quoc'].includes(v)) return 'china';
  return undefined;
}

type AnyFeature = Feature<
  Polygon | MultiPolygon | LineString | MultiLineString | Point | null,
  Record<string, unknown> | null
>;

function linesOf(f: AnyFeature): Position[][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

function inAny(point: Position, polygons: Feature<Polygon | MultiPolygon>[]): boolean {
  return polygons.some((p) => booleanPointInPolygon(point, p));
}

/**
 * Points to label: each province at a point inside it, and each neighbouring country
 * `offsetKm` off the middle of its longest frontier line, on the side outside the provinces.
 */
export function labelPoints(
  provinces: FeatureCollection | undefined,
  frontier: FeatureCollection | undefined,
  offsetKm = 9,
): FeatureCollection<Point, LabelProps> {
  const out: Feature<Point, LabelProps>[] = [];
  const polygons = (provinces?.features ?? []).filter(
    (f): f is Feature<Polygon | MultiPolygon> =>
      f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  for (const p of polygons) {
    const props = (p.properties ?? {}) as Record<string, unknown>;
    const at = pointOnFeature(p).geometry;
    out.push({
      type: 'Feature',
      geometry: at,
      properties: {
        kind: 'province',
        label_vi: String(props.name_vi ?? props.name_en ?? ''),
        label_en: String(props.name_en ?? props.name_vi ?? ''),
        province: String(props.id ?? ''),
      },
    });
  }

  // The longest frontier line per (province, neighbour) carries the country label.
  const longest = new Map<string, { line: Position[]; km: number; neighbour: Neighbour }>();
  for (const f of (frontier?.features ?? []) as AnyFeature[]) {
    const props = f.properties ?? {};
    const neighbour = normaliseNeighbour(props.neighbour);
    if (!neighbour) continue;
    const key = `${String(props.province ?? '')}/${neighbour}`;
    for (const line of linesOf(f)) {
      if (line.length < 2) continue;
      const km = length(lineString(line));
      if (km > (longest.get(key)?.km ?? -1)) longest.set(key, { line, km, neighbour });
    }
  }
  for (const { line, km, neighbour } of longest.values()) {
    const geometry = lineString(line);
    const mid = along(geometry, km / 2).geometry.coordinates;
    const ahead = along(geometry, Math.min(km, km / 2 + Math.max(km / 20, 0.5))).geometry
      .coordinates;
    const heading = bearing(mid, ahead);
    const left = destination(mid, offsetKm, heading - 90).geometry.coordinates;
    const right = destination(mid, offsetKm, heading + 90).geometry.coordinates;
    const outside = !inAny(left, polygons) ? left : !inAny(right, polygons) ? right : left;
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: outside },
      properties: {
        kind: 'neighbour',
        label_vi: NEIGHBOUR_NAMES[neighbour].vi,
        label_en: NEIGHBOUR_NAMES[neighbour].en,
      },
    });
  }
  return { type: 'FeatureCollection', features: out };
}

/** [prefix, replacement], first match wins: the symbol already says "gate", not "rail". */
const GATE_PREFIXES_VI: [string, string][] = [
  ['Cửa khẩu quốc tế ga đường sắt ', 'Ga '],
  ['Cửa khẩu quốc tế ', ''],
  ['Cửa khẩu chính ', ''],
  ['Cửa khẩu phụ ', ''],
  ['Cửa khẩu ', ''],
];
const GATE_SUFFIXES_EN: [string, string][] = [
  [' international railway gate', ' (rail)'],
  [' international border gate', ''],
  [' border gate', ''],
  [' crossing', ''],
  [' gate', ''],
];

/**
 * A gate's name without the words its symbol already says, for map labels (the popup keeps the
 * full name).
 * @example shortGateName('Cửa khẩu quốc tế Tịnh Biên', 'vi') // 'Tịnh Biên'
 */
export function shortGateName(name: unknown, locale: 'vi' | 'en'): string {
  const s = String(name ?? '').trim();
  if (locale === 'vi') {
    const rule = GATE_PREFIXES_VI.find(([p]) => s.startsWith(p));
    return rule ? rule[1] + s.slice(rule[0].length) : s;
  }
  const rule = GATE_SUFFIXES_EN.find(([x]) => s.toLowerCase().endsWith(x));
  return rule ? s.slice(0, s.length - rule[0].length) + rule[1] : s;
}

/** Adds `short_vi` / `short_en` label properties to gate features (a new collection). */
export function withShortGateNames<T extends FeatureCollection>(fc: T): T {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        short_vi: shortGateName(f.properties?.name_vi ?? f.properties?.name_en, 'vi'),
        short_en: shortGateName(f.properties?.name_en ?? f.properties?.name_vi, 'en'),
      },
    })),
  };
}

type GateKind = (typeof GATE_KINDS)[number];

/**
 * Which gate names the map shows first when they collide, and from which zoom each kind is
 * named at all. International gates are named at every zoom (the default view of either
 * province included, on a phone too); lesser kinds join as the map zooms in, where they fit.
 */
export const GATE_LABEL_RULES: Record<GateKind, { priority: number; minZoom: number }> = {
  international: { priority: 0, minZoom: 0 },
  main: { priority: 1, minZoom: 7 },
  auxiliary: { priority: 2, minZoom: 8.5 },
  border_market: { priority: 3, minZoom: 10.5 },
  crossing_path: { priority: 4, minZoom: 10.5 },
};

/** Gate kinds by label priority, most important first. */
export const GATE_KINDS_BY_PRIORITY: GateKind[] = [...GATE_KINDS].sort(
  (a, b) => GATE_LABEL_RULES[a].priority - GATE_LABEL_RULES[b].priority,
);

/** Kinds named at `zoom`, most important first. */
export function gateKindsLabelledAt(zoom: number): GateKind[] {
  return GATE_KINDS_BY_PRIORITY.filter((k) => GATE_LABEL_RULES[k].minZoom <= zoom);
}

/** A gate's short name in the interface language, the other language if it lacks one. */
function gateName(locale: 'vi' | 'en'): ExpressionSpecification {
  const [first, second] = locale === 'vi' ? ['vi', 'en'] : ['en', 'vi'];
  return [
    'coalesce',
    ['get', `short_${first}`],
    ['get', `name_${first}`],
    ['get', `short_${second}`],
    ['get', `name_${second}`],
    '',
  ];
}

/**
 * The gate label's `text-field`: the short name for the kinds named at the current zoom, '' for
 * the others (maplibre then places no label, so it takes no room).
 */
export function gateLabelField(locale: 'vi' | 'en'): ExpressionSpecification {
  const name = gateName(locale);
  const at = (zoom: number): ExpressionSpecification => {
    const kinds = gateKindsLabelledAt(zoom);
    return (kinds.length === 0 ? '' : ['match', ['get', 'kind'], kinds, name, '']) as never;
  };
  const zooms = [...new Set(GATE_KINDS.map((k) => GATE_LABEL_RULES[k].minZoom))]
    .filter((z) => z > 0)
    .sort((a, b) => a - b);
  return ['step', ['zoom'], at(0), ...zooms.flatMap((z) => [z, at(z)])] as never;
}

/** `symbol-sort-key` of gate labels: maplibre places lower keys first, so they win collisions. */
export function gateLabelSortKey(): ExpressionSpecification {
  return [
    'match',
    ['get', 'kind'],
    ...GATE_KINDS.flatMap((k) => [k, GATE_LABEL_RULES[k].priority]),
    GATE_KINDS.length,
  ] as never;
}
