/**
 * Every colour, class break and maplibre layer spec of the Map page, in one place; legend.ts
 * builds the legend that explains them from the same constants.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES, GATE_KINDS, type Agency, type Category, type LayerId } from '$lib/domain';
import { CATEGORY_FAMILY, FAMILY_STYLES } from './goods-families';
import { VALUE_BREAKS_VND as POINT_VALUE_BREAKS_VND } from '$lib/seizure-points';
import { GATE_LABEL_RULES, gateLabelField, gateLabelSortKey } from './labels';
import type { Shape } from './shapes';
import type { PickLayer } from './pick';
import {
  OBJECTS_SOURCE,
  REPORT_MAP_LAYERS,
  objectLayerSpecs,
  reportLayerSpecs,
} from './report-styles';

export { SHAPES, type Shape } from './shapes';

export type GateKind = (typeof GATE_KINDS)[number];
/** Seizure colours: by lead agency, or by goods family (`category`, the URL's `by=category`). */
export type ColourMode = 'agency' | 'category';

/** Font stacks shipped as SDF glyph PBFs: see src/lib/assets/fonts/README.md. */
export const FONT_REGULAR = 'noto-sans-regular';
export const FONT_BOLD = 'noto-sans-bold';

export const COLOURS = {
  background: '#e4e7eb',
  land: '#f7f6f2',
  provinceOutline: '#6b7280',
  provinceLabel: '#4b5563',
  neighbourLabel: '#8a94a3',
  halo: '#ffffff',
  frontier: '#b0183d',
  frontierCasing: '#ffffff',
  river: '#1f6fb2',
  canal: '#5fa8dc',
  trail: '#8a5a2b',
  specialisedRoad: '#5c3b1a',
  patrol: '#2f8f46',
  seizureStroke: '#ffffff',
} as const;

export const AGENCY_COLOURS: Record<Agency, string> = {
  customs: '#e07b00',
  border_guard: '#4c3bb3',
  joint: '#0b8a94',
};

/** A category's colour is its family's (the popup and the stats bars use it). */
export const CATEGORY_COLOURS: Record<Category, string> = Object.fromEntries(
  CATEGORIES.map((c) => [c, FAMILY_STYLES[CATEGORY_FAMILY[c]].colour]),
) as Record<Category, string>;

/**
 * Seizure value classes: upper bounds in VND (a case worth exactly a bound falls in the class
 * above it) and the width of the mark in pixels for each of the `breaks.length + 1` classes,
 * as drawn from MARKS_FULL_ZOOM on.
 */
export const VALUE_BREAKS_VND = POINT_VALUE_BREAKS_VND;
export const MARK_SIZES_PX = [9, 12, 16, 21] as const;
/**
 * Zoomed out, a province's cases crowd along a thin strip and hide the gates: marks shrink to
 * MARKS_LOW_SCALE of their size at MARKS_LOW_ZOOM and fade a little, growing back by MARKS_FULL_ZOOM.
 */
export const MARKS_LOW_ZOOM = 8;
export const MARKS_FULL_ZOOM = 11;
export const MARKS_LOW_SCALE = 0.75;
export const MARK_OPACITY = { low: 0.72, full: 0.9 } as const;

/** Index of the value class of a seizure (0 = smallest), as the server's points body gives it. */
export function valueClass(valueVnd: number): number {
  let i = 0;
  while (i < VALUE_BREAKS_VND.length && valueVnd >= VALUE_BREAKS_VND[i]) i++;
  return i;
}

/**
 * Gates are badges (a white plate with a dark border, the kind's shape inside), so they never
 * read as seizure marks, which are bare shapes; `sizePx` is the plate's width.
 */
export const GATE_STYLES: Record<GateKind, { colour: string; shape: Shape; sizePx: number }> = {
  international: { colour: '#16233a', shape: 'square', sizePx: 20 },
  main: { colour: '#2456a6', shape: 'diamond', sizePx: 17 },
  auxiliary: { colour: '#3b8fc4', shape: 'triangle', sizePx: 15 },
  crossing_path: { colour: '#9a6a1c', shape: 'circle', sizePx: 12 },
  border_market: { colour: '#7a3f98', shape: 'pentagon', sizePx: 14 },
};

export const gateIconId = (kind: GateKind): string => `gate-${kind}`;

/** Map layer ids drawn for each data layer, bottom to top. */
export const MAP_LAYERS: Record<LayerId, string[]> = {
  provinces: ['provinces-fill', 'provinces-line', 'provinces-label'],
  frontier: ['frontier-casing', 'frontier-line'],
  waterways: ['waterways-canal', 'waterways-river', 'waterways-label'],
  trails: ['trails-path', 'trails-road'],
  patrol_routes: ['patrol-routes-line'],
  // Drawn by deck.gl (seizure-points.svelte.ts), which reads `visible` itself.
  seizures: [],
  border_gates: ['gates-symbol-minor', 'gates-label', 'gates-symbol'],
  // Areas, lines and points of the information register (report-styles.ts).
  reports: [...REPORT_MAP_LAYERS],
};

/** Layers a click can open a popup on, most specific first. */
export const CLICKABLE_LAYERS: { mapLayer: string; layer: PickLayer }[] = [
  { mapLayer: 'objects-point', layer: 'objects_near_frontier' },
  { mapLayer: 'reports-point', layer: 'reports' },
  { mapLayer: 'gates-symbol', layer: 'border_gates' },
  { mapLayer: 'gates-symbol-minor', layer: 'border_gates' },
  { mapLayer: 'patrol-routes-line', layer: 'patrol_routes' },
  { mapLayer: 'trails-path', layer: 'trails' },
  { mapLayer: 'trails-road', layer: 'trails' },
  { mapLayer: 'waterways-river', layer: 'waterways' },
  { mapLayer: 'waterways-canal', layer: 'waterways' },
  { mapLayer: 'reports-line', layer: 'reports' },
  { mapLayer: 'reports-outline', layer: 'reports' },
  { mapLayer: 'reports-fill', layer: 'reports' },
  { mapLayer: 'frontier-line', layer: 'frontier' },
];

/** Label in the interface language, the other language if the record lacks it. */
export function nameField(locale: 'vi' | 'en'): ExpressionSpecification {
  return locale === 'vi'
    ? ['coalesce', ['get', 'name_vi'], ['get', 'name_en'], '']
    : ['coalesce', ['get', 'name_en'], ['get', 'name_vi'], ''];
}

/**
 * Badges at full size from the zoom a single province opens at; smaller below it (both
 * provinces at once), where a province is a few dozen pixels wide.
 */
export const BADGES_FULL_ZOOM = 7.5;
export const BADGES_LOW = { zoom: 5, scale: 0.55 } as const;

function gateBadgeSize(): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    BADGES_LOW.zoom,
    BADGES_LOW.scale,
    BADGES_FULL_ZOOM,
    1,
  ];
}

/** Gate label sizes in px: the more important the gate, the larger its name. */
export const GATE_LABEL_SIZES: Record<GateKind, number> = {
  international: 13,
  main: 12,
  auxiliary: 11,
  crossing_path: 11,
  border_market: 11,
};

const byGateKind = (value: (k: GateKind) => number, fallback: number) =>
  ['match', ['get', 'kind'], ...GATE_KINDS.flatMap((k) => [k, value(k)]), fallback] as never;

/**
 * Where a gate's label may go, in preference order, and its offset in ems of the label: clear
 * of the badge (whose collision box is the badge itself, `icon-padding` 0) by 3 px. Below or
 * above first, so names near the map's edge stay on screen.
 */
const GATE_LABEL_ANCHORS = ['top', 'bottom', 'left', 'right', 'top-left', 'bottom-right'] as const;
/** maplibre pulls labels above or below a point 7/24 em closer (its `baselineOffset`): undo it. */
const BASELINE_EM = 7 / 24;

export function gateLabelOffsets(kind: GateKind): (string | [number, number])[] {
  const d = (GATE_STYLES[kind].sizePx / 2 + 3) / GATE_LABEL_SIZES[kind];
  const v = d + BASELINE_EM;
  const diagonal = d / Math.SQRT2;
  const round = (n: number) => +n.toFixed(2);
  const offsets: Record<(typeof GATE_LABEL_ANCHORS)[number], [number, number]> = {
    top: [0, round(v)],
    bottom: [0, round(-v)],
    left: [round(d), 0],
    right: [round(-d), 0],
    'top-left': [round(diagonal), round(diagonal + BASELINE_EM)],
    'bottom-right': [round(-diagonal), round(-diagonal - BASELINE_EM)],
  };
  return GATE_LABEL_ANCHORS.flatMap((a) => [a, offsets[a]]);
}

const isKind = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];
/** Gates whose badges labels make way for: the kinds named at every zoom a province opens at. */
export const MAJOR_GATE_KINDS: GateKind[] = ['international', 'main'];
const isMajorGate: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', MAJOR_GATE_KINDS]];
const notKind = (kind: string): FilterSpecification => ['!=', ['get', 'kind'], kind];

/**
 * The data layers' maplibre specs, bottom to top; sources are named after the layer ids. The
 * colouring no longer changes a spec (the seizures are deck.gl's), but the basemap's callers
 * still pass it.
 */
export function dataLayerSpecs(
  locale: 'vi' | 'en',
  _colourMode?: ColourMode,
): LayerSpecification[] {
  return [
    {
      id: 'provinces-fill',
      type: 'fill',
      source: 'provinces',
      paint: { 'fill-color': COLOURS.land, 'fill-opacity': 1 },
    },
    {
      id: 'provinces-line',
      type: 'line',
      source: 'provinces',
      paint: { 'line-color': COLOURS.provinceOutline, 'line-width': 1.2, 'line-opacity': 0.8 },
    },
    {
      id: 'waterways-canal',
      type: 'line',
      source: 'waterways',
      filter: isKind('canal'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.canal,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 12, 2.2],
      },
    },
    {
      id: 'waterways-river',
      type: 'line',
      source: 'waterways',
      filter: notKind('canal'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 2, 12, 4.5],
      },
    },
    {
      id: 'trails-path',
      type: 'line',
      source: 'trails',
      filter: notKind('specialised_road'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.trail,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.4, 12, 2.4],
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: 'trails-road',
      type: 'line',
      source: 'trails',
      filter: isKind('specialised_road'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': COLOURS.specialisedRoad,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.6, 12, 3],
      },
    },
    {
      id: 'patrol-routes-line',
      type: 'line',
      source: 'patrol_routes',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': COLOURS.patrol,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 2.5, 12, 4.5],
        'line-opacity': 0.85,
      },
    },
    {
      id: 'frontier-casing',
      type: 'line',
      source: 'frontier',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': COLOURS.frontierCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 5, 12, 9],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'frontier-line',
      type: 'line',
      source: 'frontier',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.frontier,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 2.5, 12, 4.5],
        'line-dasharray': [3, 1.2, 0.6, 1.2],
      },
    },
    // The information register: reports (areas, lines, points) and objects near the frontier,
    // over the frontier so a tip on the line stays visible, under the labels and gates.
    ...reportLayerSpecs(),
    ...objectLayerSpecs(FONT_BOLD),
    {
      id: 'waterways-label',
      type: 'symbol',
      source: 'waterways',
      minzoom: 9,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameField(locale),
        'text-font': [FONT_REGULAR],
        'text-size': 11,
        'text-letter-spacing': 0.05,
      },
      paint: {
        'text-color': COLOURS.river,
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.5,
      },
    },
    {
      id: 'neighbour-label',
      type: 'symbol',
      source: 'labels',
      filter: isKind('neighbour'),
      // Zoomed out to both frontiers, the country names would sit on the province names.
      minzoom: 6.5,
      layout: {
        'text-field': ['get', locale === 'vi' ? 'label_vi' : 'label_en'],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 12, 10, 18],
        'text-letter-spacing': 0.3,
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': COLOURS.neighbourLabel,
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.2,
      },
    },
    {
      id: 'provinces-label',
      type: 'symbol',
      source: 'labels',
      filter: isKind('province'),
      layout: {
        'text-field': ['upcase', ['get', locale === 'vi' ? 'label_vi' : 'label_en']],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 15],
        'text-letter-spacing': 0.2,
      },
      paint: {
        'text-color': COLOURS.provinceLabel,
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.5,
        'text-opacity': 0.8,
      },
    },
    // Every gate is always drawn. Badges of the gates that matter most are placed first (the
    // top layer) and labels make way for them; lesser gates' badges lie under the labels, so a
    // crowded crossing such as Huu Nghi still shows its international gates' names.
    {
      id: 'gates-symbol-minor',
      type: 'symbol',
      source: 'border_gates',
      filter: ['!', isMajorGate],
      layout: {
        'icon-image': ['concat', 'gate-', ['get', 'kind']],
        'icon-size': gateBadgeSize(),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': byGateKind((k) => -GATE_LABEL_RULES[k].priority, 0),
      },
    },
    {
      id: 'gates-label',
      type: 'symbol',
      source: 'border_gates',
      layout: {
        'text-field': gateLabelField(locale),
        'text-font': [FONT_BOLD],
        'text-size': byGateKind((k) => GATE_LABEL_SIZES[k], 11),
        'text-variable-anchor-offset': [
          'match',
          ['get', 'kind'],
          ...GATE_KINDS.flatMap((k) => [k, ['literal', gateLabelOffsets(k)]]),
          ['literal', gateLabelOffsets('auxiliary')],
        ] as never,
        'text-justify': 'auto',
        'text-padding': 1,
        'text-max-width': 8,
        'symbol-sort-key': gateLabelSortKey(),
      },
      paint: {
        'text-color': '#111827',
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 2,
      },
    },
    {
      id: 'gates-symbol',
      type: 'symbol',
      source: 'border_gates',
      filter: isMajorGate,
      layout: {
        'icon-image': ['concat', 'gate-', ['get', 'kind']],
        'icon-size': gateBadgeSize(),
        'icon-allow-overlap': true,
        // In the collision index, so labels keep off the badges.
        'icon-ignore-placement': false,
        'icon-padding': 0,
        // Drawn over lower keys: an international gate's badge is never under a main gate's.
        'symbol-sort-key': byGateKind((k) => -GATE_LABEL_RULES[k].priority, 0),
      },
    },
  ];
}

/** Sources the style declares up front (empty until the API answers). */
export const SOURCE_IDS = [
  'provinces',
  'frontier',
  'waterways',
  'trails',
  'patrol_routes',
  'border_gates',
  'labels',
  'reports',
  OBJECTS_SOURCE,
] as const;

/** How much of its full size a seizure mark is drawn at `zoom` (the points layer's radius scale). */
export function markScaleAt(zoom: number | null): number {
  if (zoom === null || zoom >= MARKS_FULL_ZOOM) return 1;
  if (zoom <= MARKS_LOW_ZOOM) return MARKS_LOW_SCALE;
  const t = (zoom - MARKS_LOW_ZOOM) / (MARKS_FULL_ZOOM - MARKS_LOW_ZOOM);
  return MARKS_LOW_SCALE + t * (1 - MARKS_LOW_SCALE);
}

/** Value classes for the size legend: [lower bound VND, upper bound VND or null, size px]. */
export function valueClasses(zoom: number | null = null): [number, number | null, number][] {
  const scale = markScaleAt(zoom);
  return MARK_SIZES_PX.map((size, i) => [
    i === 0 ? 0 : VALUE_BREAKS_VND[i - 1],
    i < VALUE_BREAKS_VND.length ? VALUE_BREAKS_VND[i] : null,
    +(size * scale).toFixed(2),
  ]);
}
