import { describe, expect, it } from 'vitest';
import { hexCentre } from '../../src/lib/analysis/hex-grid';
import {
  bandCoverage,
  bandOffsets,
  buildNeighbours,
  type NeighbourList,
} from '../../src/lib/analysis/neighbours';
import patch7 from '../fixtures/analysis/gistar-patch7.json';
import hex217 from '../fixtures/analysis/gistar-hex217.json';

function neighboursOf(nb: NeighbourList, i: number): number[] {
  return Array.from(nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1])).sort((a, b) => a - b);
}

describe('distance-band neighbours on the hex lattice', () => {
  it('takes in the rings of the lattice at their distances', () => {
    // Ring distances in cell sizes: 1, sqrt 3, 2, sqrt 7, 3 with 6, 6, 6, 12, 6 cells.
    const count = (d: number) => bandOffsets(d, 1000).length;
    expect(count(0)).toBe(1);
    expect(count(999)).toBe(1);
    expect(count(1000)).toBe(7);
    expect(count(1000 * Math.sqrt(3))).toBe(13);
    expect(count(1999)).toBe(13);
    expect(count(2000)).toBe(19);
    expect(count(1000 * Math.sqrt(7))).toBe(31);
    expect(count(3000)).toBe(37);
    expect(count(3000 * (1 - 1e-6))).toBe(31);
    expect(bandOffsets(3000, 1000)[0]).toEqual({ q: 0, r: 0 });
  });

  it('matches a brute-force search over scattered cells (the map index)', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const keys = new Set<string>();
    const cells: { q: number; r: number }[] = [];
    while (cells.length < 400) {
      // Two clusters 10,000 cells apart, so the dense index would be too large.
      const far = cells.length % 2 === 0 ? 0 : 10000;
      const q = far + Math.floor(rnd() * 25);
      const r = 1300 + Math.floor(rnd() * 25);
      if (keys.has(`${q}:${r}`)) continue;
      keys.add(`${q}:${r}`);
      cells.push({ q, r });
    }
    for (const d of [1000, 2500, 3000]) {
      const nb = buildNeighbours(cells, 1000, d);
      for (let i = 0; i < cells.length; i++) {
        const [xi, yi] = hexCentre(cells[i].q, cells[i].r, 1000);
        const expected = cells
          .map((c, j) => [
            j,
            Math.hypot(...hexCentre(c.q, c.r, 1000).map((v, k) => v - [xi, yi][k])),
          ])
          .filter(([, dist]) => dist <= d + 1e-6)
          .map(([j]) => j);
        expect(neighboursOf(nb, i), `cell ${i} at ${d} m`).toEqual(expected);
      }
    }
  });

  it("counts the same neighbours as R's dnearneigh on the golden fixtures", () => {
    for (const fixture of [patch7, hex217]) {
      for (const band of fixture.bands) {
        const nb = buildNeighbours(fixture.cells, fixture.size_m, band.distance_m);
        const counts = Array.from({ length: nb.n }, (_, i) => nb.offsets[i + 1] - nb.offsets[i]);
        expect(counts, `${band.distance_m} m`).toEqual(band.neighbours);
      }
    }
  });

  it('includes the cell itself and is symmetric', () => {
    const nb = buildNeighbours(hex217.cells, 1000, 3000);
    for (let i = 0; i < nb.n; i++) {
      const mine = neighboursOf(nb, i);
      expect(mine).toContain(i);
      for (const j of mine) expect(neighboursOf(nb, j)).toContain(i);
    }
  });

  it('reports a band that takes in every cell', () => {
    const line = [0, 1, 2, 3].map((q) => ({ q, r: 0 }));
    expect(bandCoverage(buildNeighbours(line, 1000, 1000))).toEqual({
      n: 4,
      minNeighbours: 2,
      maxNeighbours: 3,
      meanNeighbours: 2.5,
      takesInEveryCell: false,
    });
    // From cell 1 or 2 every other cell is at most 2 km away; from the centre of the 217-cell
    // hexagon (radius 8) the farthest cells, its corners, are 8 km away.
    expect(bandCoverage(buildNeighbours(line, 1000, 2000)).takesInEveryCell).toBe(true);
    expect(bandCoverage(buildNeighbours(hex217.cells, 1000, 8000)).takesInEveryCell).toBe(true);
    expect(bandCoverage(buildNeighbours(hex217.cells, 1000, 7999)).takesInEveryCell).toBe(false);
  });

  it('refuses a cell listed twice and a negative distance', () => {
    expect(() =>
      buildNeighbours(
        [
          { q: 1, r: 1 },
          { q: 1, r: 1 },
        ],
        1000,
        1000,
      ),
    ).toThrow(RangeError);
    expect(() => buildNeighbours([{ q: 1, r: 1 }], 1000, -1)).toThrow(RangeError);
  });
});
