/**
 * How the information register is drawn on the map: the `reports` layer (coloured by kind of
 * subject, ringed by rating, fading with age, closed reports hollow and grey) and the suspicious
 * objects seen again and again near the frontier. Colours, breaks and specs in one place, with
 * the legend rows that explain them.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { REPORT_KINDS, type ReportKind } from '$lib/information';

/** The source of the objects near the frontier (not a layer of /api/layers: its own endpoint). */
export const OBJECTS_SOURCE = 'objects_near_frontier';

/** One colour per kind of subject, apart from the seizures' agency colours and the waterways. */
export const KIND_COLOURS: Record<ReportKind, string> = {
  boat: '#1b9e77',
  vehicle: '#d6246e',
  porter_group: '#a6761d',
  warehouse: '#6a51a3',
  crossing_point: '#e6550d',
  consignment: '#4d7f17',
};
export const CLOSED_COLOUR = '#8a94a3';
export const REPORT_RING = '#17212b';
export const OBJECT_COLOUR = '#b0183d';

/** Opacity of a report by its age in days: 1 when new, falling linearly to 0.25 at 90 days. */
export const AGE_FADE = { fullDays: 0, faintDays: 90, faintOpacity: 0.25 } as const;

/**
 * Opacity of a report `ageDays` old (what the map's expression computes; the legend and tests
 * use it). Unknown or negative ages count as new.
 * @example ageOpacity(45) // 0.625
 */
export function ageOpacity(ageDays: number | null | undefined): number {
  const d = typeof ageDays === 'number' && Number.isFinite(ageDays) ? Math.max(0, ageDays) : 0;
  if (d >= AGE_FADE.faintDays) return AGE_FADE.faintOpacity;
  return 1 - (d / AGE_FADE.faintDays) * (1 - AGE_FADE.faintOpacity);
}

/**
 * Rating classes on the Admiralty scale: `strong` when both the source (A-B) and the
 * information (1-2) are good, `weak` when either cannot be judged or is poor (E-F, 5-6),
 * `medium` otherwise.
 * @example ratingClass('B', 2) // 'strong'; ratingClass('C', 5) // 'weak'
 */
export type RatingClass = 'strong' | 'medium' | 'weak';
export function ratingClass(reliability: unknown, credibility: unknown): RatingClass {
  const r = String(reliability ?? 'F');
  const c = Number(credibility ?? 6);
  if ('EF'.includes(r) || c >= 5) return 'weak';
  if ('AB'.includes(r) && c <= 2) return 'strong';
  return 'medium';
}

/** Ring width of a point and width of a line (px) per rating class; weaker draws thinner. */
export const RATING_WIDTH: Record<RatingClass, { ring: number; line: number }> = {
  strong: { ring: 3, line: 4.5 },
  medium: { ring: 2, line: 3 },
  weak: { ring: 1, line: 1.8 },
};

const AGE: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['max', 0, ['to-number', ['coalesce', ['get', 'age_days'], 0]]],
  AGE_FADE.fullDays,
  1,
  AGE_FADE.faintDays,
  AGE_FADE.faintOpacity,
];

/** The rating class of a feature, as a maplibre expression (mirrors `ratingClass`). */
const RATING_CLASS: ExpressionSpecification = [
  'case',
  [
    'any',
    ['in', ['to-string', ['get', 'reliability']], ['literal', ['E', 'F']]],
    ['>=', ['to-number', ['coalesce', ['get', 'credibility'], 6]], 5],
  ],
  'weak',
  [
    'all',
    ['in', ['to-string', ['get', 'reliability']], ['literal', ['A', 'B']]],
    ['<=', ['to-number', ['coalesce', ['get', 'credibility'], 6]], 2],
  ],
  'strong',
  'medium',
];

const byRating = (pick: (c: RatingClass) => number): ExpressionSpecification => [
  'match',
  RATING_CLASS,
  'strong',
  pick('strong'),
  'weak',
  pick('weak'),
  pick('medium'),
];

const isClosed: ExpressionSpecification = ['==', ['get', 'status'], 'closed'];

/** Kind colour, grey once closed. */
const KIND_COLOUR: ExpressionSpecification = [
  'case',
  isClosed,
  CLOSED_COLOUR,
  [
    'match',
    ['get', 'kind'],
    ...REPORT_KINDS.flatMap((k) => [k, KIND_COLOURS[k]]),
    CLOSED_COLOUR,
  ] as unknown as ExpressionSpecification,
];

const geometryIs = (type: 'Point' | 'LineString' | 'Polygon'): FilterSpecification => [
  '==',
  ['geometry-type'],
  type,
];

/** Map layer ids of the reports, bottom to top. */
export const REPORT_MAP_LAYERS = [
  'reports-fill',
  'reports-outline',
  'reports-line',
  'reports-point',
] as const;
export const OBJECT_MAP_LAYERS = ['objects-point', 'objects-count'] as const;

/** The reports' maplibre specs (source `reports`: the layer as /api/layers/reports gives it). */
export function reportLayerSpecs(): LayerSpecification[] {
  return [
    {
      id: 'reports-fill',
      type: 'fill',
      source: 'reports',
      filter: geometryIs('Polygon'),
      paint: {
        'fill-color': KIND_COLOUR,
        'fill-opacity': ['*', ['case', isClosed, 0.06, 0.2], AGE],
      },
    },
    {
      id: 'reports-outline',
      type: 'line',
      source: 'reports',
      filter: geometryIs('Polygon'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': KIND_COLOUR,
        'line-width': byRating((c) => RATING_WIDTH[c].ring),
        'line-opacity': AGE,
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'reports-line',
      type: 'line',
      source: 'reports',
      filter: geometryIs('LineString'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': KIND_COLOUR,
        'line-width': byRating((c) => RATING_WIDTH[c].line),
        'line-opacity': AGE,
      },
    },
    {
      id: 'reports-point',
      type: 'circle',
      source: 'reports',
      filter: geometryIs('Point'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 5, 12, 8],
        // A closed report is hollow: a grey ring, no fill.
        'circle-color': KIND_COLOUR,
        'circle-opacity': ['*', ['case', isClosed, 0, 1], AGE],
        'circle-stroke-color': ['case', isClosed, CLOSED_COLOUR, REPORT_RING],
        'circle-stroke-width': byRating((c) => RATING_WIDTH[c].ring),
        'circle-stroke-opacity': AGE,
      },
    },
  ];
}

/** The objects near the frontier: a white disc with a red ring, the number of sightings in it. */
export function objectLayerSpecs(fontBold: string): LayerSpecification[] {
  return [
    {
      id: 'objects-point',
      type: 'circle',
      source: OBJECTS_SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 8, 12, 11],
        'circle-color': '#ffffff',
        'circle-stroke-color': OBJECT_COLOUR,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'objects-count',
      type: 'symbol',
      source: OBJECTS_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'sightings_count']],
        'text-font': [fontBold],
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': OBJECT_COLOUR },
    },
  ];
}
