import { Cql2Error, type Cql2Node } from './ast';
import { MAX_DEPTH, MAX_FILTER_CHARS } from './parse';
import { isDateString, isTimestampString } from './temporal';

const MAX_VERTICES = 5000;

/**
 * Parses a CQL2-JSON filter (OGC 21-065r2 clause 8.3) into the same nodes parseCql2Text
 * builds, checking its shape on the way: what cql2ToSql would trip over (a geometry with open
 * rings, a date that is no day, a node of no known kind) is refused here with its path in the
 * document, e.g. `args[1].coordinates[0]`. Which operators and functions are supported is left
 * to cql2ToSql, as for text.
 *
 * @example parseCql2Json('{"op":"=","args":[{"property":"city"},"Toronto"]}')
 *   // { op: '=', args: [{ property: 'city' }, 'Toronto'] }
 */
export function parseCql2Json(text: string): Cql2Node {
  if (text.length > MAX_FILTER_CHARS) {
    throw new Cql2Error(`The filter is longer than ${MAX_FILTER_CHARS} characters`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Cql2Error(`The filter is not JSON: ${(e as Error).message}`);
  }
  return node(doc, '$', 1);
}

function fail(path: string, message: string): never {
  throw new Cql2Error(`Invalid CQL2-JSON at ${path}: ${message}`, { path });
}

function node(v: unknown, path: string, depth: number): Cql2Node {
  if (depth > MAX_DEPTH) fail(path, `nested deeper than ${MAX_DEPTH} levels`);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x, i) => node(x, `${path}[${i}]`, depth + 1));
  if (typeof v !== 'object' || v === null) fail(path, 'null is not a value');
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if ('op' in o) {
    if (typeof o.op !== 'string' || !o.op) fail(`${path}.op`, 'an operator name is a string');
    if (!Array.isArray(o.args)) fail(`${path}.args`, `${o.op} needs an args array`);
    return {
      op: o.op,
      args: o.args.map((a, i) => node(a, `${path}.args[${i}]`, depth + 1)),
    };
  }
  if (keys.length === 1 && typeof o.property === 'string') return { property: o.property };
  if (keys.length === 1 && 'date' in o) {
    if (typeof o.date !== 'string' || !isDateString(o.date)) fail(path, 'date needs yyyy-mm-dd');
    return { date: o.date };
  }
  if (keys.length === 1 && 'timestamp' in o) {
    if (typeof o.timestamp !== 'string' || !isTimestampString(o.timestamp)) {
      fail(path, 'timestamp needs yyyy-mm-ddThh:mm:ssZ');
    }
    return { timestamp: o.timestamp };
  }
  if (keys.length === 1 && 'interval' in o) {
    const iv = o.interval;
    if (!Array.isArray(iv) || iv.length !== 2) fail(path, 'interval needs two bounds');
    return {
      interval: [
        node(iv[0], `${path}.interval[0]`, depth + 1),
        node(iv[1], `${path}.interval[1]`, depth + 1),
      ],
    };
  }
  if ('bbox' in o) return bbox(o.bbox, `${path}.bbox`);
  if ('type' in o) return geometry(o, path);
  fail(path, `an object of no CQL2 kind (keys: ${keys.join(', ') || 'none'})`);
}

function bbox(b: unknown, path: string): Cql2Node {
  if (!Array.isArray(b) || (b.length !== 4 && b.length !== 6) || !b.every(isFiniteNumber)) {
    fail(path, 'a bbox is 4 or 6 numbers');
  }
  const [w, s, e, n] = b.length === 4 ? b : [b[0], b[1], b[3], b[4]];
  if (s > n) fail(path, `south ${s} is greater than north ${n}`);
  if (w > e) fail(path, `west ${w} is greater than east ${e} (across the antimeridian)`);
  return { bbox: b };
}

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Nesting of `coordinates` per GeoJSON type: 0 for a position, 1 for a list of them, ... */
const LEVELS: Record<string, number> = {
  Point: 0,
  LineString: 1,
  MultiPoint: 1,
  Polygon: 2,
  MultiLineString: 2,
  MultiPolygon: 3,
};

function geometry(o: Record<string, unknown>, path: string): Cql2Node {
  let vertices = 0;
  const dims = new Set<number>();
  const walk = (g: Record<string, unknown>, at: string, inCollection: boolean): Cql2Node => {
    const type = g.type;
    if (type === 'GeometryCollection' && !inCollection) {
      if (!Array.isArray(g.geometries) || g.geometries.length === 0) {
        fail(`${at}.geometries`, 'a GeometryCollection needs geometries');
      }
      const geometries = g.geometries.map((x, i) => {
        if (typeof x !== 'object' || x === null) fail(`${at}.geometries[${i}]`, 'not a geometry');
        return walk(x as Record<string, unknown>, `${at}.geometries[${i}]`, true);
      });
      return { type: 'GeometryCollection', geometries } as Cql2Node;
    }
    if (typeof type !== 'string' || !(type in LEVELS)) fail(`${at}.type`, `unknown geometry type`);
    const coords = positions(g.coordinates, LEVELS[type], `${at}.coordinates`, type);
    return { type, coordinates: coords } as Cql2Node;
  };
  const positions = (c: unknown, level: number, at: string, type: string): unknown => {
    if (!Array.isArray(c)) fail(at, 'coordinates are arrays');
    if (level === 0) {
      if ((c.length !== 2 && c.length !== 3) || !c.every(isFiniteNumber)) {
        fail(at, 'a position is 2 or 3 numbers');
      }
      dims.add(c.length);
      if (dims.size > 1) fail(at, 'a geometry mixes 2D and 3D positions');
      if (++vertices > MAX_VERTICES) fail(at, `more than ${MAX_VERTICES} vertices`);
      return [...c];
    }
    const out = c.map((x, i) => positions(x, level - 1, `${at}[${i}]`, type));
    const isRing = (type === 'Polygon' && level === 1) || (type === 'MultiPolygon' && level === 1);
    const isLine = (type === 'LineString' || type === 'MultiLineString') && level === 1;
    if (isLine && out.length < 2) fail(at, 'a line needs at least two positions');
    if (isRing) {
      const ring = out as number[][];
      const [a, b] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4) fail(at, 'a ring needs at least four positions');
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) {
        fail(at, 'a ring must end at its first position');
      }
    }
    if (out.length === 0) fail(at, 'an empty list of coordinates');
    return out;
  };
  return walk(o, path, false);
}
