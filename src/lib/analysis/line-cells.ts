/**
 * Lines on the hex grid (hex-grid.ts), in EPSG:32648 metres: how much of a line lies in each
 * cell, and which cells have their centre within a distance of a line. Pure; inputs unchanged.
 */
import { HEX_SQRT3, cellId, hexCentre, hexOfPoint, hexPolygon, type Axial } from './hex-grid';

/** A line as [x, y] positions in metres (EPSG:32648). */
export type LineXY = ReadonlyArray<readonly [number, number]>;

/** The six neighbours of a cell, in axial offsets. */
const NEIGHBOURS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, -1],
  [-1, 1],
];

/**
 * Length (metres) of segment a-b inside the convex polygon `ring` (counter-clockwise, closed),
 * by Cyrus-Beck clipping.
 */
function clippedLength(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  ring: ReadonlyArray<ReadonlyArray<number>>,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [px, py] = ring[k];
    const [qx, qy] = ring[k + 1];
    // Inside is to the left of each edge of a counter-clockwise ring: cross(edge, p - edge0) >= 0.
    const ex = qx - px;
    const ey = qy - py;
    const num = ex * (ay - py) - ey * (ax - px);
    const den = ex * dy - ey * dx;
    if (den === 0) {
      if (num < 0) return 0;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

/**
 * Metres of the lines inside each cell of size `sizeM` they cross, keyed by cell id; lines
 * are cut into pieces of at most half a cell, and a piece can only reach its start cell and
 * that cell's six neighbours (a point of a cell is within sizeM / sqrt 3 of its centre, a ring-2
 * cell starts 1.155 sizeM away), so each piece is clipped against those seven hexagons.
 * The lengths of a line add up to its length (the hexagons tile the plane).
 *
 * @example
 * // 1500 m due east from the centre of cell 0:0 (size 1000): 500 m in 0:0, 1000 m in 1:0.
 * lengthPerCell([[[0, 0], [1500, 0]]], 1000); // Map { '1000:0:0' => 500, '1000:1:0' => 1000 }
 */
export function lengthPerCell(lines: ReadonlyArray<LineXY>, sizeM: number): Map<string, number> {
  const out = new Map<string, number>();
  const rings = new Map<string, number[][]>();
  const ringOf = (q: number, r: number, id: string) => {
    let ring = rings.get(id);
    if (!ring) rings.set(id, (ring = hexPolygon(q, r, sizeM)));
    return ring;
  };
  const step = sizeM / 2;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [x0, y0] = line[i];
      const [x1, y1] = line[i + 1];
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (!(len > 0)) continue;
      const pieces = Math.ceil(len / step);
      for (let k = 0; k < pieces; k++) {
        const ax = x0 + ((x1 - x0) * k) / pieces;
        const ay = y0 + ((y1 - y0) * k) / pieces;
        const bx = x0 + ((x1 - x0) * (k + 1)) / pieces;
        const by = y0 + ((y1 - y0) * (k + 1)) / pieces;
        const start = hexOfPoint(ax, ay, sizeM);
        for (const [dq, dr] of [[0, 0] as const, ...NEIGHBOURS]) {
          const q = start.q + dq;
          const r = start.r + dr;
          const id = cellId(q, r, sizeM);
          const m = clippedLength(ax, ay, bx, by, ringOf(q, r, id));
          if (m > 0) out.set(id, (out.get(id) ?? 0) + m);
        }
      }
    }
  }
  return out;
}

/** Length of a line in metres. @example lineLengthM([[0, 0], [3, 4]]); // 5 */
export function lineLengthM(line: LineXY): number {
  let m = 0;
  for (let i = 0; i + 1 < line.length; i++)
    m += Math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1]);
  return m;
}

/** Distance (m) from point p to segment a-b. @example pointSegmentM(3, 4, 0, 0, 0, 0); // 5 */
export function pointSegmentM(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Distance (m) from a point to a line. @example pointLineM(0, 5, [[-1, 0], [1, 0]]); // 5 */
export function pointLineM(px: number, py: number, line: LineXY): number {
  if (line.length === 1) return Math.hypot(px - line[0][0], py - line[0][1]);
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = pointSegmentM(px, py, line[i][0], line[i][1], line[i + 1][0], line[i + 1][1]);
    if (d < best) best = d;
  }
  return best;
}

/**
 * The cells (axial) of size `sizeM` whose centre lies within `radiusM` of the line: the cells
 * a route covers by its detection radius, as DESIGN.md's coverage counts a cell by its centre.
 *
 * @example
 * cellsNearLine([[0, 0], [1000, 0]], 100, 1000); // [{ q: 0, r: 0 }, { q: 1, r: 0 }]
 */
export function cellsNearLine(line: LineXY, radiusM: number, sizeM: number): Axial[] {
  const seen = new Set<string>();
  const out: Axial[] = [];
  const rowM = (sizeM * HEX_SQRT3) / 2;
  const segments = line.length === 1 ? [[line[0], line[0]]] : [];
  for (let i = 0; i + 1 < line.length; i++) segments.push([line[i], line[i + 1]]);
  for (const [[ax, ay], [bx, by]] of segments) {
    const r0 = Math.floor((Math.min(ay, by) - radiusM) / rowM);
    const r1 = Math.ceil((Math.max(ay, by) + radiusM) / rowM);
    for (let r = r0; r <= r1; r++) {
      const q0 = Math.floor((Math.min(ax, bx) - radiusM) / sizeM - r / 2);
      const q1 = Math.ceil((Math.max(ax, bx) + radiusM) / sizeM - r / 2);
      for (let q = q0; q <= q1; q++) {
        const key = `${q}:${r}`;
        if (seen.has(key)) continue;
        const [cx, cy] = hexCentre(q, r, sizeM);
        if (pointSegmentM(cx, cy, ax, ay, bx, by) <= radiusM) {
          seen.add(key);
          out.push({ q, r });
        }
      }
    }
  }
  return out;
}
