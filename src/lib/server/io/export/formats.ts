import { writeCsv } from './csv';
import { writeFgb } from './fgb';
import { writeGeoJson } from './geojson';
import { writeKml } from './kml';
import { writeShapefileZip } from './shp-zip';
import type { ExportWriter } from './types';

export const EXPORT_FORMATS = ['geojson', 'fgb', 'kml', 'csv', 'shp.zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  contentType: string;
  write: ExportWriter;
  /** False for KML, which is WGS 84 by definition. */
  metres: boolean;
}

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  geojson: {
    contentType: 'application/geo+json; charset=utf-8',
    write: writeGeoJson,
    metres: true,
  },
  fgb: { contentType: 'application/flatgeobuf', write: writeFgb, metres: true },
  kml: {
    contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8',
    write: writeKml,
    metres: false,
  },
  csv: { contentType: 'text/csv; charset=utf-8', write: writeCsv, metres: true },
  'shp.zip': {
    contentType: 'application/zip',
    write: (schema, batches) => writeShapefileZip(schema, batches),
    metres: true,
  },
};

/**
 * `seizures.shp.zip` -> ['seizures', 'shp.zip']; undefined when the name has no known format.
 * @example splitExportName('hotspots.geojson') // ['hotspots', 'geojson']
 */
export function splitExportName(name: string): [string, ExportFormat] | undefined {
  for (const format of EXPORT_FORMATS) {
    if (name.endsWith(`.${format}`) && name.length > format.length + 1)
      return [name.slice(0, -format.length - 1), format];
  }
  return undefined;
}
