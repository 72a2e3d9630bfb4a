import type { ImportLayerId } from '../../domain';
import { checkGeometry, DEFAULT_LIMITS, type GeometryLimits } from './geometry-check';
import { describeIssues, IMPORT_GEOMETRY, PROPERTY_SCHEMAS, type Row } from './layer-properties';

export interface ParsedFeature {
  /** Position in the input, from 0. */
  index: number;
  row: Row;
  geometry: object;
}

export interface Rejection {
  index: number;
  /** The feature's code, id or case reference, to find it in the source file. */
  ref?: string;
  problems: string[];
}

export interface ParseResult {
  features: ParsedFeature[];
  rejected: Rejection[];
}

/**
 * Parses GeoJSON text for a layer: a FeatureCollection (or one Feature), each feature's
 * geometry checked and its properties validated against the layer's schema. Any `crs` member
 * is ignored: input is RFC 7946, WGS 84 lon/lat. Throws on text that is not a GeoJSON object.
 */
export function parseGeoJson(
  text: string,
  layer: ImportLayerId,
  limits: GeometryLimits = DEFAULT_LIMITS,
): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`Not valid JSON: ${(e as Error).message}`);
  }
  const items = featuresOf(doc);
  const features: ParsedFeature[] = [];
  const rejected: Rejection[] = [];
  const schema = PROPERTY_SCHEMAS[layer];
  items.forEach((item, index) => {
    if (
      typeof item !== 'object' ||
      item === null ||
      (item as { type?: unknown }).type !== 'Feature'
    ) {
      rejected.push({ index, problems: ['not a GeoJSON Feature'] });
      return;
    }
    const f = item as { id?: unknown; geometry?: unknown; properties?: unknown };
    const props = (
      typeof f.properties === 'object' && f.properties !== null ? f.properties : {}
    ) as Row;
    const withCode = codeFrom(layer, f.id, props);
    const ref = refOf(withCode);
    const problems = checkGeometry(f.geometry, IMPORT_GEOMETRY[layer], limits);
    const parsed = schema.safeParse(withCode);
    if (!parsed.success) problems.push(...describeIssues(parsed.error));
    if (problems.length) rejected.push({ index, ref, problems });
    else features.push({ index, row: parsed.data as Row, geometry: f.geometry as object });
  });
  return { features, rejected };
}

function featuresOf(doc: unknown): unknown[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error('Expected a GeoJSON FeatureCollection or Feature object');
  }
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type === 'Feature') return [doc];
  if (d.type !== 'FeatureCollection')
    throw new Error(`Expected a FeatureCollection (got type ${String(d.type)})`);
  if (!Array.isArray(d.features)) throw new Error('FeatureCollection.features must be an array');
  return d.features;
}

/** Reference layers keep the source's id as `code`, so re-importing a file updates in place. */
function codeFrom(layer: ImportLayerId, id: unknown, props: Row): Row {
  if (layer === 'provinces' || layer === 'seizures' || layer === 'patrol_routes') return props;
  if (props.code !== undefined) return props;
  const fromProps = props.id;
  const code = typeof fromProps === 'string' ? fromProps : typeof id === 'string' ? id : undefined;
  const { id: _drop, ...rest } = props;
  return code === undefined ? rest : { ...rest, code };
}

export function refOf(props: Row): string | undefined {
  for (const k of ['code', 'id', 'case_ref', 'name']) {
    const v = props[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}
