/**
 * Small, fast planar geometry for placing synthetic points: a local metric projection, a
 * point-in-polygon index and line sets sampled by cumulative weight. Turf is exact but allocates
 * per call; a million placements need typed arrays and no per-point objects beyond the result.
 */
import type * as GeoJSON from 'geojson';
import type { Rng } from './random';
import { createWeightedIndex } from './random';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Equirectangular projection about (lon0, lat0), in metres. Over one province (about 1.5 degrees
 * of latitude) the scale error stays under 1 %, well inside the tens of metres placement needs.
 */
export interface LocalProjection {
  toX(lon: number): number;
  toY(lat: number): number;
  toLon(x: number): number;
  toLat(y: number): number;
}

export function localProjection(lon0: number, lat0: number): LocalProjection {
  const ky = EARTH_RADIUS_M * RAD;
  const kx = ky * Math.cos(lat0 * RAD);
  return {
    toX: (lon) => (lon - lon0) * kx,
    toY: (lat) => (lat - lat0) * ky,
    toLon: (x) => lon0 + x / kx,
    toLat: (y) => lat0 + y / ky,
  };
}

export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * Even-odd point-in-polygon over all rings of a Polygon or MultiPolygon (holes included), in the
 * polygon's own degrees. Edges are bucketed into horizontal bands so a test only visits the few
 * edges its ray can cross; a bbox check rejects far points first.
 */
export interface PolygonIndex {
  bbox: Bbox;
  contains(lon: number, lat: number): boolean;
  /**
   * Inside and at least `marginDeg` (planar degrees) from every edge: a point on or within a
   * rounding error of the outline is inside for one library and outside for another.
   */
  interior(lon: number, lat: number, marginDeg: number): boolean;
}

export function polygonIndex(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): PolygonIndex {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const edges: number[] = [];
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[(i + 1) % ring.length]; // closes unclosed rings too
        if (x1 === x2 && y1 === y2) continue;
        edges.push(x1, y1, x2, y2);
        west = Math.min(west, x1);
        east = Math.max(east, x1);
        south = Math.min(south, y1);
        north = Math.max(north, y1);
      }
    }
  }
  const edgeCount = edges.length / 4;
  if (edgeCount < 3) throw new Error('polygonIndex: the polygon has fewer than 3 edges');
  const e = Float64Array.from(edges);
  const bandCount = Math.max(8, Math.min(4096, Math.ceil(edgeCount / 4)));
  const bandHeight = (north - south) / bandCount || 1;
  const bandOf = (y: number) =>
    Math.min(bandCount - 1, Math.max(0, Math.floor((y - south) / bandHeight)));

  // Counting pass, then fill: bandStart[b]..bandStart[b+1] indexes bandEdges.
  const bandStart = new Uint32Array(bandCount + 1);
  for (let k = 0; k < edgeCount; k++) {
    const y1 = e[4 * k + 1],
      y2 = e[4 * k + 3];
    for (let b = bandOf(Math.min(y1, y2)); b <= bandOf(Math.max(y1, y2)); b++) bandStart[b + 1]++;
  }
  for (let b = 0; b < bandCount; b++) bandStart[b + 1] += bandStart[b];
  const fill = bandStart.slice(0, bandCount);
  const bandEdges = new Uint32Array(bandStart[bandCount]);
  for (let k = 0; k < edgeCount; k++) {
    const y1 = e[4 * k + 1],
      y2 = e[4 * k + 3];
    for (let b = bandOf(Math.min(y1, y2)); b <= bandOf(Math.max(y1, y2)); b++)
      bandEdges[fill[b]++] = k;
  }

  function contains(lon: number, lat: number): boolean {
    if (lon < west || lon > east || lat < south || lat > north) return false;
    const b = bandOf(lat);
    let inside = false;
    for (let j = bandStart[b]; j < bandStart[b + 1]; j++) {
      const k = 4 * bandEdges[j];
      const x1 = e[k],
        y1 = e[k + 1],
        x2 = e[k + 2],
        y2 = e[k + 3];
      if (y1 > lat !== y2 > lat && lon < x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1))
        inside = !inside;
    }
    return inside;
  }

  function clearOfEdges(lon: number, lat: number, margin: number): boolean {
    const m2 = margin * margin;
    for (let b = bandOf(lat - margin); b <= bandOf(lat + margin); b++) {
      for (let j = bandStart[b]; j < bandStart[b + 1]; j++) {
        const k = 4 * bandEdges[j];
        const ax = e[k],
          ay = e[k + 1],
          dx = e[k + 2] - ax,
          dy = e[k + 3] - ay;
        const t = Math.min(
          1,
          Math.max(0, ((lon - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy)),
        );
        const ex = lon - ax - t * dx,
          ey = lat - ay - t * dy;
        if (ex * ex + ey * ey < m2) return false;
      }
    }
    return true;
  }

  return {
    bbox: [west, south, east, north],
    contains,
    interior: (lon, lat, marginDeg) => contains(lon, lat) && clearOfEdges(lon, lat, marginDeg),
  };
}

/** A point on a line with the unit normal of its segment (left of the direction of travel). */
export interface LinePoint {
  x: number;
  y: number;
  nx: number;
  ny: number;
}

interface Polyline {
  xs: Float64Array;
  ys: Float64Array;
  /** Cumulative length at each vertex, metres. */
  cum: Float64Array;
  /** 1 where the segment starting at that vertex has positive weight (can be sampled). */
  live: Uint8Array;
}

export interface LineSet {
  readonly features: readonly Polyline[];
  /** A point drawn with probability proportional to segment weight (uniform within a segment). */
  sample(rng: Rng): LinePoint;
  /** The point `along` metres from the start of feature `feature` (clamped to its ends). */
  pointAt(feature: number, along: number): LinePoint;
  /**
   * The nearest point on a live segment (of the features `include` accepts, if given): which
   * feature, how far along it, and the distance.
   */
  nearest(
    x: number,
    y: number,
    include?: (feature: number) => boolean,
  ): { feature: number; along: number; distance: number };
}

/** Weight of one segment given its midpoint and length (metres) and its feature index. */
export type SegmentWeight = (
  midX: number,
  midY: number,
  lengthM: number,
  feature: number,
) => number;

/**
 * Projects lines to metres and prepares weighted sampling along them; `null` when no segment has
 * positive weight (nothing to sample).
 */
export function lineSet(
  lines: readonly GeoJSON.Position[][],
  proj: LocalProjection,
  weight: SegmentWeight,
): LineSet | null {
  const features: Polyline[] = [];
  const segFeature: number[] = [];
  const segVertex: number[] = [];
  const weights: number[] = [];
  for (const coords of lines) {
    const n = coords.length;
    if (n < 2) continue;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const cum = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = proj.toX(coords[i][0]);
      ys[i] = proj.toY(coords[i][1]);
      if (i > 0) cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
    const live = new Uint8Array(n);
    const f = features.push({ xs, ys, cum, live }) - 1;
    for (let i = 0; i + 1 < n; i++) {
      const len = cum[i + 1] - cum[i];
      if (len <= 0) continue;
      const w = Math.max(0, weight((xs[i] + xs[i + 1]) / 2, (ys[i] + ys[i + 1]) / 2, len, f));
      if (!(w > 0)) continue;
      live[i] = 1;
      segFeature.push(f);
      segVertex.push(i);
      weights.push(w);
    }
  }
  if (weights.length === 0) return null;
  const pickSegment = createWeightedIndex(weights);

  function onSegment(f: number, i: number, t: number): LinePoint {
    const { xs, ys, cum } = features[f];
    const dx = xs[i + 1] - xs[i];
    const dy = ys[i + 1] - ys[i];
    const len = cum[i + 1] - cum[i] || 1;
    return { x: xs[i] + t * dx, y: ys[i] + t * dy, nx: -dy / len, ny: dx / len };
  }

  return {
    features,
    sample(rng) {
      const s = pickSegment(rng);
      return onSegment(segFeature[s], segVertex[s], rng.next());
    },
    pointAt(f, along) {
      const { cum } = features[f];
      const a = Math.min(Math.max(along, 0), cum[cum.length - 1]);
      let lo = 0;
      let hi = cum.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (cum[mid] <= a) lo = mid;
        else hi = mid - 1;
      }
      const len = cum[lo + 1] - cum[lo];
      return onSegment(f, lo, len > 0 ? (a - cum[lo]) / len : 0);
    },
    nearest(x, y, include) {
      let bestF = -1;
      let bestI = 0;
      let bestT = 0;
      let bestD2 = Infinity;
      for (let f = 0; f < features.length; f++) {
        if (include && !include(f)) continue;
        const { xs, ys, live } = features[f];
        for (let i = 0; i + 1 < xs.length; i++) {
          if (!live[i]) continue;
          const ax = xs[i];
          const ay = ys[i];
          const dx = xs[i + 1] - ax;
          const dy = ys[i + 1] - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
          const ex = x - ax - t * dx;
          const ey = y - ay - t * dy;
          const d2 = ex * ex + ey * ey;
          if (d2 < bestD2) [bestF, bestI, bestT, bestD2] = [f, i, t, d2];
        }
      }
      if (bestF < 0) return { feature: -1, along: 0, distance: Infinity };
      const { cum } = features[bestF];
      const along = cum[bestI] + bestT * (cum[bestI + 1] - cum[bestI]);
      return { feature: bestF, along, distance: Math.sqrt(bestD2) };
    },
  };
}
