/**
 * Geometry helpers of the briefing map (pure, so they are tested without a DOM): the extent to
 * frame and a scale bar of a round length in degrees of longitude at the map's latitude.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north] of every position of the geometries. */
export function extentOf(geometries: (Geometry | null)[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (p: Position) => {
    w = Math.min(w, p[0]);
    e = Math.max(e, p[0]);
    s = Math.min(s, p[1]);
    n = Math.max(n, p[1]);
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') visit(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const g of geometries) {
    if (g && g.type !== 'GeometryCollection') walk(g.coordinates);
  }
  return [w, s, e, n];
}

const KM_PER_DEGREE = 111.32;
const ROUND_KM = [1, 2, 5, 10, 20, 25, 50, 100];

/**
 * A scale bar about a fifth of the map's width: its length in km and its two ends in lon/lat,
 * from the bottom-left corner inset by 4 % of the extent. Along a parallel a kilometre is
 * 1 / (111.32 cos(lat)) degrees of longitude (spherical, well within a pixel at page scale).
 * @example scaleBar([105, 10, 106, 11]).km // 20 (the extent is about 109 km wide)
 */
export function scaleBar([w, s, e, n]: [number, number, number, number]): {
  km: number;
  from: [number, number];
  to: [number, number];
} {
  const lat = s + (n - s) * 0.04;
  const kmPerLon = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const widthKm = (e - w) * kmPerLon;
  const km = ROUND_KM.filter((k) => k <= widthKm / 5).at(-1) ?? ROUND_KM[0];
  const x0 = w + (e - w) * 0.04;
  return { km, from: [x0, lat], to: [x0 + km / kmPerLon, lat] };
}

/** Twice the signed area of a ring in lon/lat (positive when counter-clockwise). */
function ringArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a;
}

const orient = (ring: Position[], clockwise: boolean) =>
  ringArea2(ring) < 0 === clockwise ? ring : [...ring].reverse();

/**
 * A polygon wound as d3-geo (and so Observable Plot) reads it: exterior rings clockwise, holes
 * counter-clockwise. GeoJSON (RFC 7946) winds them the other way, which d3 takes for the whole
 * globe outside the polygon.
 * @example rewindForD3({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })
 * // { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 0]]] }
 */
export function rewindForD3<G extends Polygon | MultiPolygon>(g: G): G {
  const rings = (polygon: Position[][]) => polygon.map((ring, i) => orient(ring, i === 0));
  return (
    g.type === 'Polygon'
      ? { ...g, coordinates: rings(g.coordinates) }
      : { ...g, coordinates: g.coordinates.map(rings) }
  ) as G;
}

const KIND_PRIORITY = ['international', 'main', 'border_market', 'auxiliary', 'crossing_path'];

/**
 * Which gates get a name on the page map, and on which side: the more important kinds first,
 * each where its label (about 0.55 em a character) overlaps no label placed before, to the
 * right of the mark or else to its left, and never past the map's sides (0 to `widthPx`).
 * Positions are in an equirectangular approximation of the map (good to a few per cent at a
 * province's size): `pxPerDegree` along the parallel at `lat0`, x = 0 at `lon0`.
 * @example labelledGates(gates, 105, 10.5, 500, 700) // Map { 0 => 'start', 3 => 'end' }
 */
export function labelledGates(
  gates: { lon: number; lat: number; name: string; kind: string }[],
  lon0: number,
  lat0: number,
  pxPerDegree: number,
  widthPx: number,
  fontPx = 9,
): Map<number, 'start' | 'end'> {
  const yScale = pxPerDegree / Math.cos((lat0 * Math.PI) / 180);
  const rank = (kind: string) => {
    const p = KIND_PRIORITY.indexOf(kind);
    return p < 0 ? KIND_PRIORITY.length : p;
  };
  const order = gates
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g.kind) - rank(b.g.kind) || a.i - b.i);
  const placed: [number, number, number, number][] = [];
  const chosen = new Map<number, 'start' | 'end'>();
  for (const { g, i } of order) {
    const x = (g.lon - lon0) * pxPerDegree;
    const y = -(g.lat - lat0) * yScale;
    const length = g.name.length * fontPx * 0.55;
    const sides = [
      ['start', x + 6, x + 6 + length],
      ['end', x - 6 - length, x - 6],
    ] as const;
    for (const [side, x0, x1] of sides) {
      const box: [number, number, number, number] = [x0, y - fontPx * 0.7, x1, y + fontPx * 0.7];
      const inside = x0 >= 0 && x1 <= widthPx;
      const clash = placed.some(
        (b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3],
      );
      if (inside && !clash) {
        placed.push(box);
        chosen.set(i, side);
        break;
      }
    }
  }
  return chosen;
}
