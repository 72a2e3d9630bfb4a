/**
 * The planner's marks over the map (coverage, the live preview, gaps, crossings, suggestions,
 * two compared plans): colours and maplibre specs in one place with the legend that explains
 * them, and the small adapter that puts them on a map and feeds their sources.
 */
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Locale } from '$lib/i18n';
import { FONT_BOLD } from '$lib/map/styles';

export const PLAN_COLOURS = {
  coverage: '#1f5fa8',
  preview: '#e07b00',
  gap: '#d81b60',
  crossingOpen: '#d81b60',
  crossingCovered: '#2f8f46',
  suggestion: '#00897b',
  compareA: '#1f5fa8',
  compareB: '#8e44ad',
} as const;

export const PLAN_SOURCES = [
  'plan-coverage',
  'plan-preview',
  'plan-gaps',
  'plan-crossings',
  'plan-suggestions',
  'plan-compare-a',
  'plan-compare-b',
] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];

const nameField = (locale: Locale): ExpressionSpecification => [
  'coalesce',
  ['get', locale === 'vi' ? 'name_vi' : 'name_en'],
  ['get', 'name_vi'],
];

export function planLayerSpecs(locale: Locale): LayerSpecification[] {
  return [
    {
      id: 'plan-coverage-fill',
      type: 'fill',
      source: 'plan-coverage',
      paint: { 'fill-color': PLAN_COLOURS.coverage, 'fill-opacity': 0.14 },
    },
    {
      id: 'plan-coverage-line',
      type: 'line',
      source: 'plan-coverage',
      paint: { 'line-color': PLAN_COLOURS.coverage, 'line-width': 1, 'line-opacity': 0.6 },
    },
    ...(['a', 'b'] as const).map((k): LayerSpecification => ({
      id: `plan-compare-${k}-fill`,
      type: 'fill',
      source: `plan-compare-${k}`,
      paint: {
        'fill-color': k === 'a' ? PLAN_COLOURS.compareA : PLAN_COLOURS.compareB,
        'fill-opacity': 0.22,
        'fill-outline-color': k === 'a' ? PLAN_COLOURS.compareA : PLAN_COLOURS.compareB,
      },
    })),
    {
      id: 'plan-preview-fill',
      type: 'fill',
      source: 'plan-preview',
      paint: { 'fill-color': PLAN_COLOURS.preview, 'fill-opacity': 0.2 },
    },
    {
      id: 'plan-preview-line',
      type: 'line',
      source: 'plan-preview',
      paint: { 'line-color': PLAN_COLOURS.preview, 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    {
      // Uncovered frontier: a wide band under the frontier's own red line, so both read.
      id: 'plan-gaps',
      type: 'line',
      source: 'plan-gaps',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PLAN_COLOURS.gap, 'line-width': 9, 'line-opacity': 0.45 },
    },
    {
      id: 'plan-suggestions',
      type: 'line',
      source: 'plan-suggestions',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': PLAN_COLOURS.suggestion, 'line-width': 4, 'line-dasharray': [1.5, 1] },
    },
    {
      id: 'plan-crossings',
      type: 'circle',
      source: 'plan-crossings',
      paint: {
        'circle-radius': ['case', ['get', 'covered'], 4, 7],
        'circle-color': ['case', ['get', 'covered'], PLAN_COLOURS.crossingCovered, '#ffffff'],
        'circle-stroke-color': ['case', ['get', 'covered'], '#ffffff', PLAN_COLOURS.crossingOpen],
        'circle-stroke-width': ['case', ['get', 'covered'], 1.5, 3],
      },
    },
    {
      id: 'plan-crossings-label',
      type: 'symbol',
      source: 'plan-crossings',
      minzoom: 10,
      filter: ['!', ['get', 'covered']],
      layout: {
        'text-field': nameField(locale),
        'text-font': [FONT_BOLD],
        'text-size': 11,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: {
        'text-color': PLAN_COLOURS.crossingOpen,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.5,
      },
    },
  ];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds the planner's sources and layers (under terra-draw's, which are added after). */
export function addPlanLayers(map: MapLibreMap, locale: Locale): void {
  for (const id of PLAN_SOURCES)
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  for (const spec of planLayerSpecs(locale)) if (!map.getLayer(spec.id)) map.addLayer(spec);
}

export function setPlanData(
  map: MapLibreMap,
  id: PlanSource,
  data: FeatureCollection<Geometry | null> | null,
): void {
  (map.getSource(id) as GeoJSONSource | undefined)?.setData((data ?? EMPTY) as FeatureCollection);
}

export function setPlanLocale(map: MapLibreMap, locale: Locale): void {
  if (map.getLayer('plan-crossings-label'))
    map.setLayoutProperty('plan-crossings-label', 'text-field', nameField(locale));
}
