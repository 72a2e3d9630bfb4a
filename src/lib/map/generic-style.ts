/**
 * Layers for a basemap that comes without a style: raster tiles (XYZ or a raster PMTiles
 * archive) as they are, and a vector PMTiles archive drawn from its layer names. The names
 * follow the two common OpenStreetMap schemas (Protomaps: earth, water, roads, places...;
 * OpenMapTiles: water, landcover, transportation, place...); any other layer gets a plain fill,
 * line or dot, so nothing in the archive stays invisible.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR } from './styles';
import { BASEMAP_COLOURS } from './offline-style';

export interface BasemapLayers {
  /** Under the data layers. */
  ground: LayerSpecification[];
  /** Over the data's fills and lines, under its points. */
  names: LayerSpecification[];
}

export function rasterLayers(source: string): BasemapLayers {
  return {
    ground: [
      {
        id: 'basemap-background',
        type: 'background',
        paint: { 'background-color': BASEMAP_COLOURS.land },
      },
      { id: 'basemap-raster', type: 'raster', source },
    ],
    names: [],
  };
}

type Role = 'land' | 'landcover' | 'water' | 'building' | 'boundary' | 'road' | 'place' | 'other';

/** What a vector layer holds, guessed from its name. */
export function layerRole(id: string): Role {
  const n = id.toLowerCase();
  if (/^(earth|land|landmass|countries|country)$/.test(n)) return 'land';
  if (/water|ocean|sea|lake|river|canal/.test(n)) return 'water';
  if (/boundar|admin|border|frontier/.test(n)) return 'boundary';
  if (/road|transport|street|highway|rail|trail|path/.test(n)) return 'road';
  if (/building/.test(n)) return 'building';
  if (/landuse|landcover|park|natural|forest|wood|province/.test(n)) return 'landcover';
  if (/place|label|poi|town|city|settlement|name/.test(n)) return 'place';
  return 'other';
}

const geometry = (...types: string[]): FilterSpecification =>
  ['in', ['geometry-type'], ['literal', types]] as FilterSpecification;
const POLYGON = geometry('Polygon', 'MultiPolygon');
const LINE = geometry('LineString', 'MultiLineString');
const POINT = geometry('Point', 'MultiPoint');

/** The best name a feature has in the interface language (OSM tags or our own fields). */
export function featureName(locale: 'vi' | 'en'): ExpressionSpecification {
  const order =
    locale === 'vi'
      ? ['name:vi', 'name_vi', 'name:en', 'name_en', 'name']
      : ['name:en', 'name_en', 'name:latin', 'name:vi', 'name_vi', 'name'];
  return ['coalesce', ...order.map((k): ExpressionSpecification => ['get', k]), ''];
}

const FILL: Partial<Record<Role, { color: string; opacity: number; minzoom?: number }>> = {
  land: { color: BASEMAP_COLOURS.land, opacity: 1 },
  landcover: { color: '#d5e3c4', opacity: 0.55 },
  water: { color: BASEMAP_COLOURS.sea, opacity: 1 },
  building: { color: '#d6cfc2', opacity: 0.9, minzoom: 13 },
  other: { color: '#d9d4c8', opacity: 0.35 },
};
const LINE_PAINT: Partial<Record<Role, { color: string; width: [number, number] }>> = {
  water: { color: '#7fa9c9', width: [0.8, 2.5] },
  road: { color: '#a39c90', width: [0.6, 3] },
  boundary: { color: BASEMAP_COLOURS.boundary, width: [0.8, 1.6] },
  other: { color: '#9c978c', width: [0.5, 1.5] },
};
const DRAW_ORDER: Role[] = ['land', 'landcover', 'water', 'building', 'other', 'road', 'boundary'];

/** A style for a vector archive from its layer ids, in a draw order that suits a map. */
export function vectorLayers(source: string, ids: string[], locale: 'vi' | 'en'): BasemapLayers {
  const byRole = (role: Role) => ids.filter((id) => layerRole(id) === role);
  const hasLand = byRole('land').length > 0;
  const ground: LayerSpecification[] = [
    {
      id: 'basemap-background',
      type: 'background',
      // With a land layer, what it leaves open is sea; without one, water layers draw the sea.
      paint: { 'background-color': hasLand ? BASEMAP_COLOURS.sea : BASEMAP_COLOURS.land },
    },
  ];
  for (const role of DRAW_ORDER) {
    for (const id of byRole(role)) {
      const fill = FILL[role];
      if (fill)
        ground.push({
          id: `basemap-${id}-fill`,
          type: 'fill',
          source,
          'source-layer': id,
          filter: POLYGON,
          ...(fill.minzoom ? { minzoom: fill.minzoom } : {}),
          paint: { 'fill-color': fill.color, 'fill-opacity': fill.opacity },
        });
      const line = LINE_PAINT[role];
      if (line)
        ground.push({
          id: `basemap-${id}-line`,
          type: 'line',
          source,
          'source-layer': id,
          filter: LINE,
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: {
            'line-color': line.color,
            'line-width': [
              'interpolate',
              ['linear'],
              ['zoom'],
              6,
              line.width[0],
              14,
              line.width[1],
            ],
            ...(role === 'boundary' ? { 'line-dasharray': [4, 2, 1, 2] } : {}),
          },
        });
    }
  }
  const names: LayerSpecification[] = ids.map((id) => ({
    id: `basemap-${id}-label`,
    type: 'symbol',
    source,
    'source-layer': id,
    filter: layerRole(id) === 'road' || layerRole(id) === 'water' ? LINE : POINT,
    minzoom: layerRole(id) === 'place' ? 0 : 10,
    layout: {
      'text-field': featureName(locale),
      'text-font': [FONT_REGULAR],
      'text-size': 11.5,
      ...(layerRole(id) === 'road' || layerRole(id) === 'water'
        ? { 'symbol-placement': 'line' as const }
        : {
            'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
            'text-radial-offset': 0.5,
          }),
    },
    paint: {
      'text-color': BASEMAP_COLOURS.place,
      'text-halo-color': BASEMAP_COLOURS.halo,
      'text-halo-width': 1.3,
    },
  }));
  return { ground, names };
}
