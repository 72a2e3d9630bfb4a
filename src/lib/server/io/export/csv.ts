import { geoJSONToWkt } from 'betterknown';
import type { Geometry } from 'geojson';
import { UTF8_BOM, csvLines, type CsvCell } from '../csv-safe';
import { utf8 } from './stream';
import type { ExportSchema, FeatureBatches } from './types';

/**
 * CSV for spreadsheets (through ../csv-safe: BOM, CRLF, formula-like text neutralised): `id`,
 * the attributes, the geometry as WKT, and for points the coordinates in their own columns,
 * `lon`/`lat` in degrees or `x`/`y` in metres for EPSG:3405.
 */
export async function* writeCsv(
  schema: ExportSchema,
  batches: FeatureBatches,
): AsyncGenerator<Uint8Array> {
  const names = schema.fields.map((f) => f.name);
  const points = schema.geometryType === 'Point' || schema.geometryType === 'Mixed';
  const xy = schema.srid === 3405 ? ['x', 'y'] : ['lon', 'lat'];
  const header = ['id', ...names, 'wkt', ...(points ? xy : [])];
  yield utf8(UTF8_BOM + csvLines([header]));
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const rows: CsvCell[][] = batch.map((f) => {
      const props = JSON.parse(f.properties) as Record<string, unknown>;
      const geometry = JSON.parse(f.geometry) as Geometry;
      const row: CsvCell[] = [f.id, ...names.map((n) => cell(props[n]))];
      row.push(geoJSONToWkt(geometry));
      if (points) {
        const c = geometry.type === 'Point' ? geometry.coordinates : [null, null];
        row.push(c[0], c[1]);
      }
      return row;
    });
    yield utf8(csvLines(rows));
  }
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}
