/**
 * Every colour, class break and maplibre layer spec of the Map page, in one place, beside the
 * legend entries that explain them (Legend.svelte draws from the same constants).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import {
  AGENCIES,
  CATEGORIES,
  GATE_KINDS,
  type Agency,
  type Category,
  type LayerId,
} from '$lib/domain';
import type { MessageKey } from '$lib/i18n/messages';

export type GateKind = (typeof GATE_KINDS)[number];
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

/** One colour per goods category; similar goods get neighbouring hues. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  cigarettes: '#8c6d31',
  sugar: '#c7b42c',
  fuel: '#243b5e',
  alcohol: '#843c39',
  firecrackers: '#e6550d',
  drugs: '#d62728',
  currency: '#2ca02c',
  gold: '#d4a017',
  electronics: '#17a2b8',
  textiles: '#9467bd',
  cosmetics: '#e377c2',
  pharmaceuticals: '#3182bd',
  agricultural: '#74c476',
  livestock: '#a55194',
  wildlife: '#637939',
  counterfeit: '#6b6b6b',
  other: '#b5b5b5',
};

/**
 * Seizure value classes: upper bounds in VND (a case worth exactly a bound falls in the class
 * above it) and the circle radius in pixels for each of the `breaks.length + 1` classes.
 */
export const VALUE_BREAKS_VND = [50_000_000, 200_000_000, 1_000_000_000] as const;
export const VALUE_RADII_PX = [4, 6, 8.5, 11.5] as const;

/** Index of the value class of a seizure (0 = smallest), as the map's `step` expression does. */
export function valueClass(valueVnd: number): number {
  let i = 0;
  while (i < VALUE_BREAKS_VND.length && valueVnd >= VALUE_BREAKS_VND[i]) i++;
  return i;
}

/** Gate symbol shapes as polygons in a unit box (-1..1, y down), shared by map icons and legend. */
export type Shape = 'square' | 'diamond' | 'triangle' | 'circle' | 'pentagon';

export const GATE_STYLES: Record<GateKind, { colour: string; shape: Shape; sizePx: number }> = {
  international: { colour: '#16233a', shape: 'square', sizePx: 15 },
  main: { colour: '#2456a6', shape: 'diamond', sizePx: 15 },
  auxiliary: { colour: '#3b8fc4', shape: 'triangle', sizePx: 13 },
  crossing_path: { colour: '#9a6a1c', shape: 'circle', sizePx: 10 },
  border_market: { colour: '#7a3f98', shape: 'pentagon', sizePx: 12 },
};

function regularPolygon(n: number, rotation: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / n;
    return [+Math.cos(a).toFixed(4), +Math.sin(a).toFixed(4)] as [number, number];
  });
}

export const SHAPES: Record<Shape, [number, number][]> = {
  square: [
    [-0.8, -0.8],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, 0.8],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [0.95, 0.75],
    [-0.95, 0.75],
  ],
  circle: regularPolygon(24, 0),
  pentagon: regularPolygon(5, -Math.PI / 2),
};

export const gateIconId = (kind: GateKind): string => `gate-${kind}`;

/** Map layer ids drawn for each data layer, bottom to top. */
export const MAP_LAYERS: Record<LayerId, string[]> = {
  provinces: ['provinces-fill', 'provinces-line', 'provinces-label'],
  frontier: ['frontier-casing', 'frontier-line'],
  waterways: ['waterways-canal', 'waterways-river', 'waterways-label'],
  trails: ['trails-path', 'trails-road'],
  patrol_routes: ['patrol-routes-line'],
  seizures: ['seizures-circle'],
  border_gates: ['gates-symbol'],
};

/** Layers a click can open a popup on, most specific first. */
export const CLICKABLE_LAYERS: { mapLayer: string; layer: LayerId }[] = [
  { mapLayer: 'gates-symbol', layer: 'border_gates' },
  { mapLayer: 'seizures-circle', layer: 'seizures' },
  { mapLayer: 'patrol-routes-line', layer: 'patrol_routes' },
  { mapLayer: 'trails-path', layer: 'trails' },
  { mapLayer: 'trails-road', layer: 'trails' },
  { mapLayer: 'waterways-river', layer: 'waterways' },
  { mapLayer: 'waterways-canal', layer: 'waterways' },
  { mapLayer: 'frontier-line', layer: 'frontier' },
];

/** Label in the interface language, the other language if the record lacks it. */
export function nameField(locale: 'vi' | 'en'): ExpressionSpecification {
  return locale === 'vi'
    ? ['coalesce', ['get', 'name_vi'], ['get', 'name_en'], '']
    : ['coalesce', ['get', 'name_en'], ['get', 'name_vi'], ''];
}

export function seizureColour(mode: ColourMode): ExpressionSpecification {
  if (mode === 'category') {
    const pairs = CATEGORIES.flatMap((c) => [c, CATEGORY_COLOURS[c]]);
    return [
      'match',
      ['get', 'category'],
      ...pairs,
      CATEGORY_COLOURS.other,
    ] as unknown as ExpressionSpecification;
  }
  const pairs = AGENCIES.flatMap((a) => [a, AGENCY_COLOURS[a]]);
  return [
    'match',
    ['get', 'lead_agency'],
    ...pairs,
    '#888888',
  ] as unknown as ExpressionSpecification;
}

export function seizureRadius(): ExpressionSpecification {
  const steps = VALUE_BREAKS_VND.flatMap((b, i) => [b, VALUE_RADII_PX[i + 1]]);
  return [
    'step',
    ['to-number', ['get', 'value_vnd'], 0],
    VALUE_RADII_PX[0],
    ...steps,
  ] as ExpressionSpecification;
}

const isKind = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];
const notKind = (kind: string): FilterSpecification => ['!=', ['get', 'kind'], kind];

/** The data layers' maplibre specs, bottom to top; sources are named after the layer ids. */
export function dataLayerSpecs(locale: 'vi' | 'en', colourMode: ColourMode): LayerSpecification[] {
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
    {
      id: 'seizures-circle',
      type: 'circle',
      source: 'seizures',
      paint: {
        'circle-color': seizureColour(colourMode),
        'circle-radius': seizureRadius(),
        'circle-opacity': 0.85,
        'circle-stroke-color': COLOURS.seizureStroke,
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'gates-symbol',
      type: 'symbol',
      source: 'border_gates',
      layout: {
        'icon-image': ['concat', 'gate-', ['get', 'kind']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': [
          'match',
          ['get', 'kind'],
          'international',
          0,
          'main',
          1,
          'auxiliary',
          2,
          3,
        ],
        'text-field': [
          'step',
          ['zoom'],
          '',
          8,
          ['coalesce', ['get', locale === 'vi' ? 'short_vi' : 'short_en'], nameField(locale)],
        ],
        'text-font': [FONT_BOLD],
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: {
        'text-color': '#1f2937',
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.5,
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
  'seizures',
  'border_gates',
  'labels',
] as const;

/** How a legend row draws its sample. */
export type Swatch =
  | { type: 'fill'; fill: string; stroke: string }
  | { type: 'line'; colour: string; width: number; dash?: readonly number[]; casing?: string }
  | { type: 'circle'; colour: string; radius: number }
  | { type: 'shape'; shape: Shape; colour: string; sizePx: number };

export interface LegendEntry {
  /** Message key of the row's label. */
  label: MessageKey;
  swatch: Swatch;
  /** The features this row stands for, to count them: property equal (or, with `not`, unequal) to value. */
  match?: { property: string; value: string; not?: boolean };
}

/** The main swatch of each layer, shown beside its name in the layer panel. */
export const LAYER_SWATCH: Record<LayerId, Swatch> = {
  provinces: { type: 'fill', fill: COLOURS.land, stroke: COLOURS.provinceOutline },
  frontier: {
    type: 'line',
    colour: COLOURS.frontier,
    width: 3,
    dash: [3, 1.2, 0.6, 1.2],
    casing: COLOURS.frontierCasing,
  },
  border_gates: {
    type: 'shape',
    shape: GATE_STYLES.international.shape,
    colour: GATE_STYLES.international.colour,
    sizePx: 11,
  },
  waterways: { type: 'line', colour: COLOURS.river, width: 3 },
  trails: { type: 'line', colour: COLOURS.trail, width: 2, dash: [2, 1.5] },
  seizures: { type: 'circle', colour: AGENCY_COLOURS.joint, radius: 5 },
  patrol_routes: { type: 'line', colour: COLOURS.patrol, width: 3.5 },
};

/** Rows under each layer; seizures depend on the colouring chosen. */
export function legendEntries(layer: LayerId, colourMode: ColourMode): LegendEntry[] {
  switch (layer) {
    case 'border_gates':
      return GATE_KINDS.map((kind) => ({
        label: `gateKind.${kind}` as MessageKey,
        swatch: { type: 'shape', ...GATE_STYLES[kind] },
        match: { property: 'kind', value: kind },
      }));
    case 'waterways':
      return [
        {
          label: 'legend.river',
          swatch: { type: 'line', colour: COLOURS.river, width: 3.5 },
          match: { property: 'kind', value: 'river' },
        },
        {
          label: 'legend.canal',
          swatch: { type: 'line', colour: COLOURS.canal, width: 2 },
          match: { property: 'kind', value: 'canal' },
        },
      ];
    case 'trails':
      return [
        {
          label: 'legend.trail',
          swatch: { type: 'line', colour: COLOURS.trail, width: 2, dash: [2, 1.5] },
          match: { property: 'kind', value: 'specialised_road', not: true },
        },
        {
          label: 'legend.specialised_road',
          swatch: { type: 'line', colour: COLOURS.specialisedRoad, width: 2.5 },
          match: { property: 'kind', value: 'specialised_road' },
        },
      ];
    case 'seizures':
      return colourMode === 'agency'
        ? AGENCIES.map((a) => ({
            label: `agency.${a}` as MessageKey,
            swatch: { type: 'circle', colour: AGENCY_COLOURS[a], radius: 5 },
            match: { property: 'lead_agency', value: a },
          }))
        : CATEGORIES.map((c) => ({
            label: `category.${c}` as MessageKey,
            swatch: { type: 'circle', colour: CATEGORY_COLOURS[c], radius: 5 },
            match: { property: 'category', value: c },
          }));
    default:
      return [];
  }
}

/** Value classes for the size legend: [lower bound VND, upper bound VND or null, radius px]. */
export function valueClasses(): [number, number | null, number][] {
  return VALUE_RADII_PX.map((radius, i) => [
    i === 0 ? 0 : VALUE_BREAKS_VND[i - 1],
    i < VALUE_BREAKS_VND.length ? VALUE_BREAKS_VND[i] : null,
    radius,
  ]);
}
