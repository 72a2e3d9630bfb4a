import { utf8 } from './stream';
import type { ExportSchema, FeatureBatches } from './types';

/** The GeoJSON 2008 way of naming a CRS, understood by GDAL and QGIS; RFC 7946 has none. */
const NAMED_CRS_3405 = '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3405"}},';

/**
 * A FeatureCollection, one batch of features per piece, copying the JSON text PostGIS wrote.
 * In EPSG:4326 it is RFC 7946 (lon/lat, exterior rings counter-clockwise, no `crs` member). In
 * EPSG:3405 the coordinates are VN-2000 metres, which RFC 7946 does not allow: the file then
 * names its CRS with the old `crs` member so GIS software places it right (README, Exports).
 */
export async function* writeGeoJson(
  schema: ExportSchema,
  batches: FeatureBatches,
): AsyncGenerator<Uint8Array> {
  const crs = schema.srid === 3405 ? NAMED_CRS_3405 : '';
  yield utf8(
    `{"type":"FeatureCollection","name":${JSON.stringify(schema.name)},${crs}"features":[`,
  );
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    let text = '';
    for (const f of batch) {
      text +=
        (first ? '\n' : ',\n') +
        `{"type":"Feature","id":${JSON.stringify(f.id)},"geometry":${f.geometry},"properties":${f.properties}}`;
      first = false;
    }
    yield utf8(text);
  }
  yield utf8('\n]}\n');
}

/**
 * The same FeatureCollection from features PostGIS already wrote and joined (each piece a
 * comma-separated run of Feature texts, as UTF-8): the bytes pass through untouched, the way
 * services/layers.ts answers a layer page.
 */
export async function* writeGeoJsonText(
  schema: ExportSchema,
  pieces: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const crs = schema.srid === 3405 ? NAMED_CRS_3405 : '';
  yield utf8(
    `{"type":"FeatureCollection","name":${JSON.stringify(schema.name)},${crs}"features":[`,
  );
  let first = true;
  for await (const piece of pieces) {
    if (piece.length === 0) continue;
    yield utf8(first ? '\n' : ',\n');
    yield piece;
    first = false;
  }
  yield utf8('\n]}\n');
}
