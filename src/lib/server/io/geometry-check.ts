import { AREA_OF_OPERATIONS } from '../../domain';

/** Limits applied to every incoming geometry before it reaches the database. */
export interface GeometryLimits {
  /** Most positions in one geometry. */
  maxVertices: number;
}

export const DEFAULT_LIMITS: GeometryLimits = { maxVertices: 50_000 };

type GeometryType = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';

/** Depth of position nesting per type: Point 0 (a position), LineString 1, Polygon 2, ... */
const DEPTH: Record<GeometryType, number> = {
  Point: 0,
  LineString: 1,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * Checks a GeoJSON geometry's structure and values without trusting any of it: the type is
 * allowed, coordinates nest exactly as the type says, positions are 2-D, every number is finite, longitude and
 * latitude lie in the area of operations (which also catches swapped lon/lat here), lines have
 * two distinct positions and rings are closed with four. Returns problems; empty means usable.
 * Validity (self-intersection) is PostGIS's job, after this.
 *
 * @example checkGeometry({ type: 'Point', coordinates: [105.1, 10.7] }, ['Point']) // => []
 */
export function checkGeometry(
  geometry: unknown,
  allowed: readonly GeometryType[],
  limits: GeometryLimits = DEFAULT_LIMITS,
): string[] {
  if (typeof geometry !== 'object' || geometry === null || Array.isArray(geometry)) {
    return ['geometry must be a GeoJSON geometry object'];
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string' || !(allowed as readonly string[]).includes(g.type)) {
    return [`geometry type must be ${allowed.join(' or ')} (got ${String(g.type)})`];
  }
  const type = g.type as GeometryType;
  const problems: string[] = [];
  let vertices = 0;
  const a = AREA_OF_OPERATIONS;

  const position = (p: unknown, where: string): [number, number] | undefined => {
    if (!Array.isArray(p) || p.length < 2) {
      problems.push(`${where}: a position must be [longitude, latitude]`);
      return undefined;
    }
    // The columns are 2-D: a Z (or M) value would fail in PostGIS rather than here.
    if (p.length > 2) {
      problems.push(
        `${where}: positions must be 2-D [longitude, latitude]; Z values are not accepted`,
      );
      return undefined;
    }
    if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      problems.push(`${where}: coordinates must be finite numbers`);
      return undefined;
    }
    const [lon, lat] = p as number[];
    const inArea = (x: number, y: number) =>
      x >= a.west && x <= a.east && y >= a.south && y <= a.north;
    if (!inArea(lon, lat)) {
      if (inArea(lat, lon)) {
        problems.push(
          `${where}: [${lon}, ${lat}] looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]`,
        );
      } else if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        problems.push(
          `${where}: [${lon}, ${lat}] is outside longitude [-180, 180] / latitude [-90, 90]`,
        );
      } else {
        problems.push(`${where}: [${lon}, ${lat}] is outside the area of operations`);
      }
    }
    vertices++;
    return [lon, lat];
  };

  const line = (ps: unknown, where: string, ring: boolean) => {
    if (!Array.isArray(ps)) return void problems.push(`${where}: expected an array of positions`);
    if (vertices + ps.length > limits.maxVertices) {
      vertices += ps.length;
      return;
    }
    const pts = ps.map((p, i) => position(p, `${where}[${i}]`));
    if (pts.some((p) => p === undefined)) return;
    const xy = pts as [number, number][];
    const distinct = new Set(xy.map(([x, y]) => `${x},${y}`)).size;
    if (ring) {
      const [f, l] = [xy[0], xy[xy.length - 1]];
      if (xy.length < 4) problems.push(`${where}: a ring needs at least 4 positions`);
      else if (f[0] !== l[0] || f[1] !== l[1])
        problems.push(`${where}: ring is not closed (first position must equal the last)`);
      else if (distinct < 3) problems.push(`${where}: ring has fewer than 3 distinct positions`);
    } else if (distinct < 2) {
      problems.push(`${where}: a line needs at least 2 distinct positions`);
    }
  };

  const polygon = (rings: unknown, where: string) => {
    if (!Array.isArray(rings) || rings.length === 0)
      return void problems.push(`${where}: expected an array of rings`);
    rings.forEach((r, i) => line(r, `${where}[${i}]`, true));
  };

  const c = g.coordinates;
  if (!Array.isArray(c)) return ['geometry.coordinates must be an array'];
  if (nestingDepth(c) !== DEPTH[type] + 1) {
    return [`geometry.coordinates nesting does not match a ${type}`];
  }
  if (type === 'Point') position(c, 'coordinates');
  else if (type === 'LineString') line(c, 'coordinates', false);
  else if (type === 'Polygon') polygon(c, 'coordinates');
  else {
    if (c.length === 0) problems.push('coordinates: a MultiPolygon needs at least one polygon');
    c.forEach((poly, i) => polygon(poly, `coordinates[${i}]`));
  }
  if (vertices > limits.maxVertices) {
    return [`geometry has more than ${limits.maxVertices} positions`];
  }
  return problems.slice(0, 5);
}

/** Depth of the first-element chain of nested arrays, bounded so hostile nesting is cheap. */
function nestingDepth(value: unknown): number {
  let depth = 0;
  let v = value;
  while (Array.isArray(v) && depth < 8) {
    depth++;
    v = v[0];
  }
  return depth;
}
