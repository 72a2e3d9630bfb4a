import type { Geometry } from 'geojson';
import type { Fragment } from 'postgres';
import { Cql2Error, isOp, isProperty, type Cql2BBox, type Cql2Node } from './ast';
import { describe, property, unsupportedFunction, type Context } from './operands';
import { geometryToWkt } from './wkt';

export const SPATIAL = new Set([
  's_intersects',
  's_equals',
  's_disjoint',
  's_touches',
  's_within',
  's_overlaps',
  's_crosses',
  's_contains',
]);

export function spatial(cx: Context, op: string, a: Cql2Node, b: Cql2Node): Fragment {
  const { sql } = cx;
  const x = geometryOperand(cx, op, a);
  const y = geometryOperand(cx, op, b);
  if (!x.property && !y.property) {
    throw new Cql2Error(`${op.toUpperCase()} compares two literal geometries; name a property`);
  }
  switch (op) {
    case 's_intersects':
      return sql`ST_Intersects(${x.sql}, ${y.sql})`;
    case 's_equals':
      return sql`ST_Equals(${x.sql}, ${y.sql})`;
    case 's_disjoint':
      return sql`ST_Disjoint(${x.sql}, ${y.sql})`;
    case 's_touches':
      return sql`ST_Touches(${x.sql}, ${y.sql})`;
    case 's_within':
      return sql`ST_Within(${x.sql}, ${y.sql})`;
    case 's_overlaps':
      return sql`ST_Overlaps(${x.sql}, ${y.sql})`;
    case 's_crosses':
      return sql`ST_Crosses(${x.sql}, ${y.sql})`;
    default:
      return sql`ST_Contains(${x.sql}, ${y.sql})`;
  }
}

function geometryOperand(
  cx: Context,
  op: string,
  node: Cql2Node,
): { sql: Fragment; property: boolean } {
  if (isProperty(node)) {
    const q = property(cx, node.property);
    if (q.type !== 'geometry') {
      throw new Cql2Error(
        `${op.toUpperCase()} needs a geometry; property '${node.property}' is of type ${q.type}`,
        { property: node.property, type: q.type },
      );
    }
    return { sql: cx.sql`${cx.sql(q.column)}`, property: true };
  }
  if (isBBox(node)) return { sql: bboxLiteral(cx, node), property: false };
  if (isGeometry(node)) return { sql: geometryLiteral(cx, node), property: false };
  if (isOp(node)) throw unsupportedFunction(node.op);
  throw new Cql2Error(`${op.toUpperCase()} needs geometries, found ${describe(node)}`);
}

const isBBox = (n: Cql2Node): n is Cql2BBox => typeof n === 'object' && n !== null && 'bbox' in n;
const GEOMETRY_TYPES = new Set([
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
]);
const isGeometry = (n: Cql2Node): n is Geometry =>
  typeof n === 'object' &&
  n !== null &&
  'type' in n &&
  GEOMETRY_TYPES.has((n as { type: string }).type);

/** The literal in the column's CRS: built in the filter CRS, then transformed to 4326. */
function geometryLiteral(cx: Context, g: Geometry): Fragment {
  const { sql } = cx;
  const wkt = geometryToWkt(g);
  if (cx.srid === 4326) return sql`ST_GeomFromText(${wkt}::text, 4326)`;
  return sql`ST_Transform(ST_GeomFromText(${wkt}::text, 3405), 4326)`;
}

function bboxLiteral(cx: Context, { bbox }: Cql2BBox): Fragment {
  const { sql } = cx;
  const [w, s, e, n] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  if (cx.srid === 4326) {
    return sql`ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`;
  }
  // Edges cut every 1000 m so they follow the grid lines of the projected box once in degrees.
  return sql`ST_Transform(ST_Segmentize(
    ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 3405), 1000), 4326)`;
}
