import { toKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import { utf8 } from './stream';
import type { ExportSchema, FeatureBatches } from './types';

const HEAD = '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>';
const TAIL = '</Document></kml>';

/**
 * KML (EPSG:4326 only, as KML requires): tokml writes each feature as its own one-feature
 * document, whose Placemark is cut out and streamed inside one Document. Null attributes are
 * left out (tokml would write the text "null").
 */
export async function* writeKml(
  schema: ExportSchema,
  batches: FeatureBatches,
): AsyncGenerator<Uint8Array> {
  if (schema.srid !== 4326) throw new Error('KML is EPSG:4326 only');
  yield utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n${HEAD}<name>${escapeXml(schema.name)}</name>\n`,
  );
  for await (const batch of batches) {
    let text = '';
    for (const f of batch) text += placemark(f.id, f.geometry, f.properties);
    if (text) yield utf8(text);
  }
  yield utf8(`${TAIL}\n`);
}

function placemark(id: number | string, geometry: string, properties: string): string {
  const props = Object.fromEntries(
    Object.entries(JSON.parse(properties) as Record<string, unknown>).filter(([, v]) => v != null),
  );
  const feature: Feature<Geometry> = {
    type: 'Feature',
    id,
    geometry: JSON.parse(geometry),
    properties: props,
  };
  const doc = toKML({ type: 'FeatureCollection', features: [feature] });
  const start = doc.indexOf(HEAD);
  const end = doc.lastIndexOf(TAIL);
  if (start < 0 || end < 0) throw new Error('Unexpected tokml output');
  return doc.slice(start + HEAD.length, end) + '\n';
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
