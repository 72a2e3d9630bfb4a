/**
 * The offline default basemap: sea and land, international boundaries and country names from
 * Natural Earth, and the project's place names, all from one same-origin GeoJSON file
 * (geodata/basemap/offline.geojson, built by scripts/basemap/build-offline.ts). The layers come in
 * two groups: ground (under the data) and names (over the data's lines, under its points).
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR } from './styles';

export const OFFLINE_SOURCE = 'basemap-offline';

export const BASEMAP_COLOURS = {
  sea: '#c6dbe9',
  land: '#ebe7dd',
  boundary: '#8c7f96',
  countryLabel: '#7b8494',
  place: '#2f3640',
  placeAbroad: '#5f6672',
  halo: '#ffffff',
} as const;

/** Natural Earth 1:50m below this zoom, 1:10m from it (the two coasts differ). */
export const DETAIL_FROM_ZOOM = 5.5;
/** From this zoom the frontier's own labels (labels.ts) name Cambodia and China. */
const NEIGHBOUR_LABELS_FROM_ZOOM = 6.5;

const layer = (name: string): ExpressionSpecification => ['==', ['get', 'layer'], name];

export function offlineSource(url: string): SourceSpecification {
  return { type: 'geojson', data: url, attribution: 'Natural Earth' };
}

/** Sea, land and boundaries: drawn first, under everything. */
export function offlineGroundLayers(): LayerSpecification[] {
  const src = OFFLINE_SOURCE;
  const boundaryPaint: LineLayerSpecification['paint'] = {
    'line-color': BASEMAP_COLOURS.boundary,
    'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 1.6],
    'line-dasharray': [4, 2, 1, 2],
  };
  return [
    { id: 'basemap-sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
    {
      id: 'basemap-land-region',
      type: 'fill',
      source: src,
      filter: layer('land-region'),
      maxzoom: DETAIL_FROM_ZOOM,
      paint: { 'fill-color': BASEMAP_COLOURS.land },
    },
    {
      id: 'basemap-land',
      type: 'fill',
      source: src,
      filter: layer('land'),
      minzoom: DETAIL_FROM_ZOOM,
      paint: { 'fill-color': BASEMAP_COLOURS.land },
    },
    {
      id: 'basemap-boundary-region',
      type: 'line',
      source: src,
      filter: layer('boundary-region'),
      maxzoom: DETAIL_FROM_ZOOM,
      paint: boundaryPaint,
    },
    {
      id: 'basemap-boundary',
      type: 'line',
      source: src,
      filter: layer('boundary'),
      minzoom: DETAIL_FROM_ZOOM,
      layout: { 'line-join': 'round' },
      paint: boundaryPaint,
    },
  ];
}

export const nameOf = (locale: 'vi' | 'en'): ExpressionSpecification => [
  'get',
  locale === 'vi' ? 'name_vi' : 'name_en',
];

/** From which zoom a place shows, by its rank (a layer's minzoom: filters see whole zooms only). */
const RANKS = [
  { rank: 'town', minzoom: 8.3, dot: 2.3, size: 11.5 },
  { rank: 'city', minzoom: 7, dot: 3, size: 12.5 },
  { rank: 'major', minzoom: 4, dot: 3.5, size: 13 },
] as const;

const countryLabel = (locale: 'vi' | 'en') => ({
  'text-field': nameOf(locale),
  'text-font': [FONT_BOLD],
  'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 16] as ExpressionSpecification,
  'text-letter-spacing': 0.3,
});
const countryPaint = {
  'text-color': BASEMAP_COLOURS.countryLabel,
  'text-halo-color': BASEMAP_COLOURS.halo,
  'text-halo-width': 1.2,
};
const neighbours = ['in', ['get', 'iso'], ['literal', ['KH', 'CN']]] as ExpressionSpecification;

/** Ids of the name layers whose text follows the interface language. */
export const OFFLINE_NAME_LAYERS = [
  'basemap-country-label',
  'basemap-neighbour-label',
  ...RANKS.map((r) => `basemap-place-label-${r.rank}`),
];

/** Country and place names: over the province fill and lines, under seizures and gates. */
export function offlineNameLayers(locale: 'vi' | 'en'): LayerSpecification[] {
  const src = OFFLINE_SOURCE;
  const home = ['==', ['get', 'country'], 'VN'] as ExpressionSpecification;
  const colour: ExpressionSpecification = [
    'case',
    home,
    BASEMAP_COLOURS.place,
    BASEMAP_COLOURS.placeAbroad,
  ];
  const places: LayerSpecification[] = RANKS.flatMap((r): LayerSpecification[] => {
    const filter: ExpressionSpecification = [
      'all',
      layer('place'),
      ['==', ['get', 'rank'], r.rank],
    ];
    return [
      {
        id: `basemap-place-dot-${r.rank}`,
        type: 'circle',
        source: src,
        filter,
        minzoom: r.minzoom,
        paint: {
          'circle-radius': r.dot,
          'circle-color': colour,
          'circle-stroke-color': BASEMAP_COLOURS.halo,
          'circle-stroke-width': 1,
        },
      },
      {
        id: `basemap-place-label-${r.rank}`,
        type: 'symbol',
        source: src,
        filter,
        minzoom: r.minzoom,
        layout: {
          'text-field': nameOf(locale),
          'text-font': [FONT_REGULAR],
          'text-size': r.size,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.55,
          'text-justify': 'auto',
        },
        paint: {
          'text-color': colour,
          'text-halo-color': BASEMAP_COLOURS.halo,
          'text-halo-width': 1.4,
        },
      },
    ];
  });
  return [
    {
      id: 'basemap-country-label',
      type: 'symbol',
      source: src,
      filter: ['all', layer('country'), ['!', neighbours]],
      layout: countryLabel(locale),
      paint: countryPaint,
    },
    {
      // Cambodia and China are named beside the frontier by the data's labels from this zoom.
      id: 'basemap-neighbour-label',
      type: 'symbol',
      source: src,
      filter: ['all', layer('country'), neighbours],
      maxzoom: NEIGHBOUR_LABELS_FROM_ZOOM,
      layout: countryLabel(locale),
      paint: countryPaint,
    },
    ...places,
  ];
}
