/**
 * What every export writer takes: a schema known before the first row (the header of FlatGeobuf,
 * Shapefile and CSV is written first) and the features in batches, read while the client
 * downloads. Geometry and properties travel as the JSON text PostGIS wrote: the GeoJSON writer
 * copies them through, the others parse one feature at a time.
 */

/** Attribute types, as the database columns map to them. */
export type FieldType = 'string' | 'integer' | 'bigint' | 'double' | 'boolean' | 'datetime';

export interface ExportField {
  name: string;
  type: FieldType;
  /** Longest value in UTF-8 bytes (strings), for the fixed-width Shapefile table. */
  maxBytes?: number;
}

export type ExportGeometryType =
  | 'Point'
  | 'LineString'
  | 'Polygon'
  | 'MultiPolygon'
  /** Mixed kinds (coverage: gap lines and crossing points). */
  | 'Mixed';

export type ExportSrid = 4326 | 3405;

export interface ExportSchema {
  /** File-safe name of what is exported (`seizures`, `hotspots`...), the layer name inside files. */
  name: string;
  geometryType: ExportGeometryType;
  /** The type of the feature id: whole numbers, or text (province codes, cell ids). */
  idType: 'integer' | 'string';
  /** The attributes, in order (never `id`: the feature id is written on its own). */
  fields: readonly ExportField[];
  srid: ExportSrid;
}

export interface ExportFeature {
  id: number | string;
  /** A GeoJSON geometry as text, in the schema's SRID, polygons counter-clockwise outside. */
  geometry: string;
  /** A JSON object as text whose keys are the schema's field names. */
  properties: string;
}

export type FeatureBatches = AsyncIterable<readonly ExportFeature[]>;

/** A writer yields the file's bytes a piece at a time; it is pulled only as fast as the client reads. */
export type ExportWriter = (
  schema: ExportSchema,
  batches: FeatureBatches,
) => AsyncIterable<Uint8Array>;

/** What a parsed geometry looks like to the writers (GeoJSON, without GeometryCollection). */
export type Position = number[];
export type SimpleGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
