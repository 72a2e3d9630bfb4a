import { describe, expect, it } from 'vitest';
import {
  cellId,
  hexAreaM2,
  hexCell,
  hexCentre,
  hexDistance,
  hexOfPoint,
  hexPolygon,
  parseCellId,
} from '../../src/lib/analysis/hex-grid';

/** A small deterministic generator (Park-Miller), so failures reproduce. */
function random(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** The cell whose centre is nearest: the definition a hexagon cell implements (Voronoi). */
function nearestCentre(x: number, y: number, size: number) {
  const r0 = Math.round(y / ((size * Math.sqrt(3)) / 2));
  let best = { q: 0, r: 0, d: Infinity };
  for (let r = r0 - 2; r <= r0 + 2; r++) {
    const q0 = Math.round(x / size - r / 2);
    for (let q = q0 - 2; q <= q0 + 2; q++) {
      const [cx, cy] = hexCentre(q, r, size);
      const d = Math.hypot(x - cx, y - cy);
      if (d < best.d) best = { q, r, d };
    }
  }
  return best;
}

describe('hex grid in EPSG:32648', () => {
  it('puts cell 0:0 on the zone origin and lays rows sqrt(3)/2 sizes apart', () => {
    expect(hexCentre(0, 0, 1000)).toEqual([0, 0]);
    expect(hexCentre(1, 0, 1000)).toEqual([1000, 0]);
    const [x, y] = hexCentre(0, 1, 1000);
    expect(x).toBe(500);
    expect(y).toBeCloseTo(866.0254037844386, 9);
    // Adjacent centres are `size` apart in all six directions.
    for (const [q, r] of [
      [1, 0],
      [0, 1],
      [-1, 1],
      [-1, 0],
      [0, -1],
      [1, -1],
    ]) {
      const [cx, cy] = hexCentre(q, r, 750);
      expect(Math.hypot(cx, cy)).toBeCloseTo(750, 9);
    }
  });

  it('bins a point into the cell of the nearest centre (cube rounding)', () => {
    const rnd = random(42);
    for (const size of [1000, 500, 333]) {
      for (let i = 0; i < 5000; i++) {
        const x = 100000 + rnd() * 800000;
        const y = 900000 + rnd() * 1800000;
        const { q, r } = hexOfPoint(x, y, size);
        const best = nearestCentre(x, y, size);
        expect({ q, r }, `${x} ${y} @ ${size}`).toEqual({ q: best.q, r: best.r });
      }
    }
  });

  it('bins each centre into its own cell and keeps the ids between calls', () => {
    for (let q = -30; q <= 30; q += 7) {
      for (let r = 1100; r <= 2900; r += 113) {
        const [x, y] = hexCentre(q, r, 1000);
        expect(hexOfPoint(x, y, 1000)).toEqual({ q, r });
      }
    }
    // Long Xuyen (An Giang) in UTM 48N: the same cell every time.
    expect(hexOfPoint(547671.78, 1148189.51, 1000)).toEqual({ q: -115, r: 1326 });
    expect(hexOfPoint(547671.78, 1148189.51)).toEqual({ q: -115, r: 1326 });
  });

  it('splits the segment between two centres at its middle', () => {
    const [ax, ay] = hexCentre(10, 1500, 1000);
    const [bx, by] = hexCentre(10, 1501, 1000);
    const at = (t: number) => hexOfPoint(ax + t * (bx - ax), ay + t * (by - ay), 1000);
    expect(at(0.499)).toEqual({ q: 10, r: 1500 });
    expect(at(0.501)).toEqual({ q: 10, r: 1501 });
  });

  it('draws a closed counter-clockwise hexagon of the right size around the centre', () => {
    const ring = hexPolygon(-115, 1326, 1000);
    const [cx, cy] = hexCentre(-115, 1326, 1000);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    for (const [x, y] of ring)
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(1000 / Math.sqrt(3), 6);
    let twiceArea = 0;
    for (let i = 0; i < 6; i++)
      twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twiceArea / 2).toBeCloseTo(hexAreaM2(1000), 3); // positive: counter-clockwise
    expect(hexAreaM2(1000)).toBeCloseTo(866025.4037844386, 6);
    expect(ring[1][0]).toBe(cx); // the north vertex: pointy top
  });

  it('shares an edge between neighbouring cells', () => {
    const a = hexPolygon(3, 7, 1000);
    const b = hexPolygon(4, 7, 1000); // east neighbour: its west edge is a's east edge
    expect(b[2][0]).toBeCloseTo(a[0][0], 9);
    expect(b[2][1]).toBeCloseTo(a[0][1], 9);
    expect(b[3][0]).toBeCloseTo(a[5][0], 9);
    expect(b[3][1]).toBeCloseTo(a[5][1], 9);
  });

  it('writes and reads stable ids', () => {
    expect(cellId(-115, 1326, 1000)).toBe('1000:-115:1326');
    expect(cellId(3, 4)).toBe('1000:3:4');
    expect(parseCellId('500:-2:9')).toEqual({ sizeM: 500, q: -2, r: 9 });
    expect(parseCellId('1000:1.5:2')).toBeUndefined();
    expect(parseCellId('0:1:2')).toBeUndefined();
    expect(hexCell(1, 0, 500)).toEqual({ id: '500:1:0', q: 1, r: 0, x: 500, y: 0 });
    // No "-0" in an id from the cube identity.
    const { q, r } = hexOfPoint(0.4, 0.1, 1000);
    expect(cellId(q, r, 1000)).toBe('1000:0:0');
  });

  it('counts hex steps between cells', () => {
    expect(hexDistance({ q: 0, r: 0 }, { q: 0, r: 0 })).toBe(0);
    expect(hexDistance({ q: 0, r: 0 }, { q: -1, r: 1 })).toBe(1);
    expect(hexDistance({ q: 0, r: 0 }, { q: 2, r: -1 })).toBe(2);
    expect(hexDistance({ q: 5, r: 5 }, { q: 2, r: 9 })).toBe(4);
  });

  it('refuses a cell size that is not a positive number', () => {
    expect(() => hexOfPoint(1, 1, 0)).toThrow(RangeError);
    expect(() => hexOfPoint(1, 1, -5)).toThrow(RangeError);
    expect(() => hexOfPoint(1, 1, NaN)).toThrow(RangeError);
  });
});
