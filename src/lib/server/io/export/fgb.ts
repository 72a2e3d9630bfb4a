/**
 * FlatGeobuf written as it streams: the package's `serialize` builds the whole file in memory
 * (and a spatial index needs every feature first), so this writes the header without an index
 * and with an unknown feature count (0, as the format allows), then each feature as it comes,
 * with the package's own flatbuffers builders. The SRID (4326 or 3405) goes in the header.
 */
import type { Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { ExportGeometryType, ExportSchema, FeatureBatches, FieldType } from './types';

const COLUMN_TYPES: Record<FieldType, ColumnType> = {
  string: ColumnType.String,
  integer: ColumnType.Int,
  bigint: ColumnType.Long,
  double: ColumnType.Double,
  boolean: ColumnType.Bool,
  datetime: ColumnType.DateTime,
};

const GEOMETRY_TYPES: Record<ExportGeometryType, GeometryType> = {
  Point: GeometryType.Point,
  LineString: GeometryType.LineString,
  Polygon: GeometryType.Polygon,
  MultiPolygon: GeometryType.MultiPolygon,
  Mixed: GeometryType.Unknown,
};

export function fgbHeader(schema: ExportSchema): HeaderMeta {
  const columns: ColumnMeta[] = [{ name: 'id', type: schema.idType }, ...schema.fields].map(
    (f) => ({
      name: f.name,
      type: COLUMN_TYPES[f.type],
      title: null,
      description: null,
      width: -1,
      precision: -1,
      scale: -1,
      nullable: true,
      unique: false,
      primary_key: false,
    }),
  );
  return {
    geometryType: GEOMETRY_TYPES[schema.geometryType],
    columns,
    envelope: null,
    featuresCount: 0,
    indexNodeSize: 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
}

export async function* writeFgb(
  schema: ExportSchema,
  batches: FeatureBatches,
): AsyncGenerator<Uint8Array> {
  const header = fgbHeader(schema);
  yield magicbytes;
  yield buildHeader(header, schema.srid);
  const names = header.columns!.map((c) => c.name);
  for await (const batch of batches) {
    for (const f of batch) {
      const props = JSON.parse(f.properties) as Record<string, unknown>;
      const values: Record<string, string | number | boolean | null> = { id: f.id };
      for (const n of names.slice(1)) values[n] = (props[n] ?? null) as never;
      const geometry = JSON.parse(f.geometry) as Geometry;
      if (geometry.type === 'GeometryCollection') throw new Error('GeometryCollection in export');
      yield buildFeature(parseGeometry(geometry), values, header);
    }
  }
}
