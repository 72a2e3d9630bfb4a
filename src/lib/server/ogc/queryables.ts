import { AGENCIES, CATEGORIES, PROVINCES } from '../../domain';
import { DISTRIBUTIONS, RELIABILITY, REPORT_STATUSES, TLP } from '../../information';
import type { LayerDef } from '../repositories/layer-registry';
import type { Cql2Type, Queryable, Queryables } from './cql2';

export type { Queryables };

/** The type of every column the registry publishes (checked against the registry in tests). */
const COLUMN_TYPES: Record<string, Cql2Type> = {
  id: 'integer',
  occurred_at: 'timestamp',
  province: 'string',
  category: 'string',
  goods: 'string',
  goods_code: 'string',
  quantity: 'number',
  unit: 'string',
  value_vnd: 'integer',
  subjects: 'integer',
  transport_mode: 'string',
  lead_agency: 'string',
  case_ref: 'string',
  source: 'string',
  synthetic: 'boolean',
  code: 'string',
  neighbour: 'string',
  name_vi: 'string',
  name_en: 'string',
  accuracy_m: 'number',
  accuracy_note_vi: 'string',
  accuracy_note_en: 'string',
  kind: 'string',
  mode: 'string',
  crosses_border: 'boolean',
  note: 'string',
  name: 'string',
  agency: 'string',
  radius_m: 'number',
  shifts_per_week: 'number',
  version: 'integer',
  // The reports layer.
  title: 'string',
  reliability: 'string',
  credibility: 'integer',
  rating: 'string',
  tlp: 'string',
  distribution: 'string',
  status: 'string',
  observed_from: 'timestamp',
  observed_to: 'timestamp',
  received_at: 'timestamp',
  age_days: 'integer',
  place: 'string',
};

/** Values a column may take, where the schema fixes them: clients offer them as choices. */
const ENUMS: Record<string, readonly string[]> = {
  province: PROVINCES,
  category: CATEGORIES,
  lead_agency: AGENCIES,
  agency: AGENCIES,
  reliability: RELIABILITY,
  tlp: TLP,
  distribution: DISTRIBUTIONS,
  status: REPORT_STATUSES,
};

/** The property that holds the geometry in filters (`S_INTERSECTS(geometry, ...)`). */
export const GEOMETRY = 'geometry';

/**
 * What a filter or sortby may name in a layer: its published columns plus `geometry`. The
 * provinces layer's id is its text code, already a column; elsewhere `id` is the integer key.
 */
export function queryablesOf(layer: LayerDef): Queryables {
  const q: Queryables = {};
  for (const column of layer.columns) {
    // The provinces layer is keyed by its text code (its `id` column), every other by an integer.
    const type = column === 'id' && layer.provinceColumn === 'id' ? 'string' : COLUMN_TYPES[column];
    if (!type) throw new Error(`no CQL2 type for ${layer.id}.${column}`);
    q[column] = { type, column };
  }
  if (!('id' in q)) q.id = { type: 'integer', column: 'id' };
  q[GEOMETRY] = { type: 'geometry', column: 'geom' };
  return q;
}

const GEOJSON_SCHEMA: Record<LayerDef['geometryType'], string> = {
  Point: 'https://geojson.org/schema/Point.json',
  LineString: 'https://geojson.org/schema/LineString.json',
  MultiPolygon: 'https://geojson.org/schema/MultiPolygon.json',
  // Points, lines and polygons in one layer (the reports).
  Mixed: 'https://geojson.org/schema/Geometry.json',
};

/** OGC API - Features part 5 geometry formats. */
const GEOMETRY_FORMAT: Record<LayerDef['geometryType'], string> = {
  Point: 'geometry-point',
  LineString: 'geometry-linestring',
  MultiPolygon: 'geometry-multipolygon',
  Mixed: 'geometry-any',
};

function schemaOf(layer: LayerDef, name: string, q: Queryable): object {
  switch (q.type) {
    case 'geometry':
      return {
        title: 'Geometry',
        'x-ogc-role': 'primary-geometry',
        format: GEOMETRY_FORMAT[layer.geometryType],
        $ref: GEOJSON_SCHEMA[layer.geometryType],
      };
    case 'timestamp':
      // The layer's time column is the one `datetime` filters on; other instants are plain.
      return name === layer.timeColumn
        ? { title: name, type: 'string', format: 'date-time', 'x-ogc-role': 'primary-instant' }
        : { title: name, type: 'string', format: 'date-time' };
    case 'date':
      return { title: name, type: 'string', format: 'date' };
    case 'string':
      return ENUMS[name]
        ? { title: name, type: 'string', enum: ENUMS[name] }
        : { title: name, type: 'string' };
    default:
      return name === 'id'
        ? { title: name, type: q.type, 'x-ogc-role': 'id' }
        : { title: name, type: q.type };
  }
}

/** The queryables as the JSON Schema OGC API - Features part 3 asks for. */
export function queryablesSchema(layer: LayerDef, selfHref: string): object {
  const properties: Record<string, object> = {};
  for (const [name, q] of Object.entries(queryablesOf(layer)))
    properties[name] = schemaOf(layer, name, q);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: selfHref,
    type: 'object',
    title: layer.title_en,
    description: layer.title_vi,
    properties,
    additionalProperties: false,
  };
}

/**
 * Properties whose values pass 2^31. GDAL 3.6 makes every JSON Schema `integer` a 32-bit field
 * (format int64 or not), so these are described as `number` (a double holds every VND amount
 * below 2^53 exactly), with `x-integer` saying what they are.
 */
const INT64 = new Set(['value_vnd']);

/**
 * The schema of a feature of the layer (GeoJSON Feature whose `properties` are the layer's
 * columns), linked as `describedby` from the collection. GDAL sizes its fields from it rather
 * than guessing from the first page, where a value in VND over 2^31 would overflow a 32-bit field.
 */
export function featureSchema(layer: LayerDef, selfHref: string): object {
  const queryables = queryablesOf(layer);
  const properties: Record<string, object> = {};
  for (const column of layer.columns) {
    const q = queryables[column];
    const s = schemaOf(layer, column, q) as Record<string, unknown>;
    properties[column] = INT64.has(column) ? { ...s, type: 'number', 'x-integer': true } : s;
  }
  if (layer.lengthKm) properties.length_km = { title: 'length_km', type: 'number' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: selfHref,
    title: layer.title_en,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: layer.provinceColumn === 'id' ? 'string' : 'integer' },
      geometry: { $ref: GEOJSON_SCHEMA[layer.geometryType] },
      properties: { type: 'object', properties },
    },
  };
}
