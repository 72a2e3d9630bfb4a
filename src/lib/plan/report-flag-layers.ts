/**
 * The planner's markers of flagged reports: a bright ring around each flagged point, a wide halo
 * under each flagged line or area outline, so the reports near the routes or in hot spots stand
 * out from the rest of the reports layer.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const FLAG_SOURCE = 'plan-report-flags';
export const FLAG_COLOUR = '#ff7a00';
export const FLAG_LAYERS = ['plan-report-flags-halo', 'plan-report-flags-ring'] as const;

export function flagLayerSpecs(): LayerSpecification[] {
  return [
    {
      id: 'plan-report-flags-halo',
      type: 'line',
      source: FLAG_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': FLAG_COLOUR, 'line-width': 9, 'line-opacity': 0.45 },
    },
    {
      id: 'plan-report-flags-ring',
      type: 'circle',
      source: FLAG_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 11, 12, 15],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': FLAG_COLOUR,
        'circle-stroke-width': 3,
      },
    },
  ];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Puts the markers on the map (adding the source and layers the first time). */
export function setFlagMarkers(map: MapLibreMap, data: FeatureCollection<Geometry> | null): void {
  if (!map.getSource(FLAG_SOURCE)) map.addSource(FLAG_SOURCE, { type: 'geojson', data: EMPTY });
  for (const spec of flagLayerSpecs()) if (!map.getLayer(spec.id)) map.addLayer(spec);
  (map.getSource(FLAG_SOURCE) as GeoJSONSource).setData((data ?? EMPTY) as FeatureCollection);
}
