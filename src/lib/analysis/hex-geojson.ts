/**
 * Hex cells as GeoJSON in WGS84 (RFC 7946), for the hot-spot responses: the outline is built
 * in EPSG:32648 (hex-grid.ts) and each vertex unprojected (utm.ts). Coordinates are rounded to
 * 1e-7 degrees (about 1 cm), which keeps a 25k-cell response small without moving a vertex
 * visibly. Neighbours in a row share their vertices exactly (same UTM numbers for whole-metre
 * sizes); across rows a vertex may differ by one ulp before rounding and, rarely, by 1e-7
 * degrees after it: 1 cm, invisible on the map.
 */
import type { Feature, GeoJsonProperties, Polygon } from 'geojson';
import { DEFAULT_CELL_SIZE_M, hexPolygon } from './hex-grid';
import { utmToWgs84 } from './utm';

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Outline of cell (q, r) as a closed counter-clockwise ring of [longitude, latitude] in
 * degrees (WGS84), 7 positions. Cell size in metres.
 *
 * @example
 * hexRingWgs84(-115, 1326, 1000)[1]; // [105.4385077, 10.3932661] (the north vertex)
 */
export function hexRingWgs84(
  q: number,
  r: number,
  sizeM: number = DEFAULT_CELL_SIZE_M,
): number[][] {
  return hexPolygon(q, r, sizeM).map(([x, y]) => {
    const [lon, lat] = utmToWgs84(x, y);
    return [round7(lon), round7(lat)];
  });
}

/**
 * A GeoJSON Feature of a cell with the given properties (its `id` is the cell id). Cell size in
 * metres.
 *
 * @example
 * hexFeature({ id: '1000:-115:1326', q: -115, r: 1326 }, 1000, { count: 4, class: 2 });
 * // { type: 'Feature', id: '1000:-115:1326', geometry: { type: 'Polygon', ... }, properties: {...} }
 */
export function hexFeature<P extends GeoJsonProperties>(
  cell: { readonly id: string; readonly q: number; readonly r: number },
  sizeM: number,
  properties: P,
): Feature<Polygon, P> {
  return {
    type: 'Feature',
    id: cell.id,
    geometry: { type: 'Polygon', coordinates: [hexRingWgs84(cell.q, cell.r, sizeM)] },
    properties,
  };
}
