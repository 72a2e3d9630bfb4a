/**
 * Turns the rendered features under a click into PickHits for pick.ts: projected to screen
 * pixels, with each feature's own geometry and properties from the data the map was given (a
 * rendered feature's coordinates are rounded to its tile's grid, tens of metres when zoomed out).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { PickHit, PickLayer, Px } from './pick';
import { CLICKABLE_LAYERS } from './styles';

const indexes = new WeakMap<FeatureCollection, Map<string, Feature>>();

/** The feature with `id` in `fc`, through an index built once per collection. */
function byId(fc: FeatureCollection | undefined, id: unknown): Feature | undefined {
  if (!fc || id === undefined || id === null) return undefined;
  let index = indexes.get(fc);
  if (!index) {
    index = new Map(fc.features.map((f) => [String(f.id), f]));
    indexes.set(fc, index);
  }
  return index.get(String(id));
}

function lines(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return g.coordinates.map((c) => [c]);
    default:
      return [];
  }
}

export function pickHits(
  map: MapLibreMap,
  rendered: MapGeoJSONFeature[],
  data: Partial<Record<PickLayer, FeatureCollection>>,
): PickHit[] {
  const project = (c: Position): Px => map.project([c[0], c[1]]);
  return rendered.flatMap((r) => {
    const rank = CLICKABLE_LAYERS.findIndex((c) => c.mapLayer === r.layer.id);
    if (rank < 0) return [];
    const layer = CLICKABLE_LAYERS[rank].layer;
    const own = byId(data[layer], r.id);
    const geometry = own?.geometry ?? r.geometry;
    // The register's records carry their id as the feature's: the popup links to it.
    const properties =
      (own && (layer === 'objects_near_frontier' || layer === 'reports')
        ? { id: own.id, ...own.properties }
        : own?.properties) ??
      r.properties ??
      {};
    const key = `${layer}/${r.id ?? JSON.stringify(properties)}`;
    if (geometry.type === 'Point') {
      const [lon, lat] = geometry.coordinates;
      const hit: PickHit = {
        layer,
        rank,
        key,
        properties,
        shape: { point: project(geometry.coordinates), lngLat: [lon, lat] },
      };
      return [hit];
    }
    return [
      {
        layer,
        rank,
        key,
        properties,
        shape: { lines: lines(geometry).map((l) => l.map(project)) },
      },
    ];
  });
}
