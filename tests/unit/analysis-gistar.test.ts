import { describe, expect, it } from 'vitest';
import { AnalysisInputError } from '../../src/lib/analysis/errors';
import { benjaminiHochberg } from '../../src/lib/analysis/fdr';
import { giClass, giStar } from '../../src/lib/analysis/gistar';
import { buildNeighbours } from '../../src/lib/analysis/neighbours';
import patch7 from '../fixtures/analysis/gistar-patch7.json';
import hex217 from '../fixtures/analysis/gistar-hex217.json';

const line4 = [0, 1, 2, 3].map((q) => ({ q, r: 0 }));

describe('Getis-Ord Gi*', () => {
  it('gives the hand-computed z of a line of four cells', () => {
    // Cells 0..3 in a row, band 1000 m: neighbours (self included) {0,1}, {0,1,2}, {1,2,3}, {2,3},
    // so W = S1 = 2, 3, 3, 2. Counts x = 2, 2, 0, 0: n = 4, xbar = 1, S^2 = (1+1+1+1)/4 = 1.
    // z0 = (2+2 - 1*2) / (1 * sqrt((4*2 - 4) / 3)) = 2 / sqrt(4/3) = sqrt 3 = 1.7320508...
    // z1 = (2+2+0 - 1*3) / sqrt((4*3 - 9) / 3) = 1 / 1 = 1
    // z2 = (2+0+0 - 3) / 1 = -1;  z3 = (0+0 - 2) / sqrt(4/3) = -sqrt 3.
    // p(|z| = sqrt 3) = 2 (1 - Phi(1.7320508)) = 0.08326452; p(1) = 0.31731051.
    const gi = giStar([2, 2, 0, 0], buildNeighbours(line4, 1000, 1000));
    const sqrt3 = Math.sqrt(3);
    expect(Array.from(gi.z)).toEqual([sqrt3, 1, -1, -sqrt3].map((v) => expect.closeTo(v, 14)));
    expect(gi.p[0]).toBeCloseTo(0.0832645166635504, 14);
    expect(gi.p[1]).toBeCloseTo(0.3173105078629141, 14);
    expect(Array.from(gi.classes)).toEqual([1, 0, 0, -1]);
    expect(gi.mean).toBe(1);
    expect(gi.sd).toBe(1);
    expect(gi.pAdjusted).toBeUndefined();
  });

  for (const [name, fixture] of [
    ['7 x 7 patch, hand-chosen counts', patch7],
    ['217-cell hexagon, random counts', hex217],
  ] as const) {
    it(`equals R spdep localG on the ${name}`, () => {
      for (const band of fixture.bands) {
        const nb = buildNeighbours(fixture.cells, fixture.size_m, band.distance_m);
        const gi = giStar(fixture.counts, nb);
        const fdr = giStar(fixture.counts, nb, { fdr: true });
        for (let i = 0; i < nb.n; i++) {
          const at = `cell ${i} at ${band.distance_m} m`;
          expect(Math.abs(gi.z[i] - band.z[i]), at).toBeLessThan(1e-9);
          expect(Math.abs(gi.p[i] - band.p[i]), at).toBeLessThan(1e-12);
          expect(Math.abs(fdr.pAdjusted![i] - band.p_bh[i]), at).toBeLessThan(1e-12);
          expect(gi.classes[i], at).toBe(giClass(band.z[i], band.p[i]));
          expect(fdr.classes[i], at).toBe(giClass(band.z[i], band.p_bh[i]));
        }
      }
    });
  }

  it('finds the hot cluster of the 7 x 7 patch, and fewer significant cells under FDR', () => {
    const nb = buildNeighbours(patch7.cells, 1000, 1500);
    const gi = giStar(patch7.counts, nb);
    const fdr = giStar(patch7.counts, nb, { fdr: true });
    const centre = patch7.cells.findIndex((c) => c.q === 2 && c.r === 4); // the 9
    expect(gi.classes[centre]).toBe(3);
    const significant = (c: Int8Array) => c.filter((v) => v !== 0).length;
    expect(significant(fdr.classes)).toBeLessThan(significant(gi.classes));
    expect(fdr.classes[centre]).toBe(3);
  });

  it('lowers classes under the false discovery rate as derived by hand', () => {
    // 16 cells 4 km apart, band 3 km: each cell is alone in its band (W = 1), so
    // z_i = (x_i - xbar) / S. Counts 7, 5, 2, 1, 1 and eleven 0: xbar = 16/16 = 1,
    // S^2 = (36 + 16 + 1 + 0 + 0 + 11 * 1) / 16 = 4, S = 2; z = 3, 2, 0.5, 0, 0, -0.5 x 11.
    // p: 0.0026998 (z 3), 0.0455003 (z 2), 0.6170751 (|z| 0.5, 12 cells), 1 (z 0, 2 cells).
    // Unadjusted classes: 3 (p <= 0.01), 2 (p <= 0.05), then 0.
    // BH, m = 16, ranks by p: 16 p / k = 0.0432 (k 1), 0.3640 (k 2), 0.6171 * 16 / k for
    // k 3..14 (smallest at k 14: 0.7052), 16 / 15 and 16 / 16 -> 1. Running minimum from the top:
    // q = 0.0432, 0.3640, 0.7052 (x 12), 1, 1. So the 7 keeps only class 2 (0.01 < q <= 0.05)
    // and the 5 is no longer significant (q = 0.364 > 0.10).
    const cells = Array.from({ length: 16 }, (_, i) => ({ q: 4 * i, r: 0 }));
    const counts = [7, 5, 2, 1, 1, ...Array(11).fill(0)];
    const nb = buildNeighbours(cells, 1000, 3000);
    const plain = giStar(counts, nb);
    const fdr = giStar(counts, nb, { fdr: true });
    expect(Array.from(plain.z.subarray(0, 6))).toEqual([3, 2, 0.5, 0, 0, -0.5]);
    expect(Array.from(plain.classes.subarray(0, 3))).toEqual([3, 2, 0]);
    expect(Array.from(fdr.classes.subarray(0, 3))).toEqual([2, 0, 0]);
    expect(fdr.classes.every((c, i) => i === 0 || c === 0)).toBe(true);
    expect(fdr.pAdjusted![0]).toBeCloseTo((16 * 0.0026997960632601892) / 1, 12);
    expect(fdr.pAdjusted![1]).toBeCloseTo((16 * 0.04550026389635842) / 2, 12);
    expect(fdr.pAdjusted![2]).toBeCloseTo((16 * 0.6170750774519739) / 14, 12);
    expect(fdr.p).toEqual(plain.p); // p stays unadjusted
  });

  it('adjusts p values like R p.adjust(method = "BH")', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.001), "BH") = 0.025 0.05 0.05 0.2 0.005
    expect(Array.from(benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.001]))).toEqual(
      [0.025, 0.05, 0.05, 0.2, 0.005].map((v) => expect.closeTo(v, 15)),
    );
    // Ties share the value of their highest rank: p.adjust(c(0.02, 0.5, 0.02), "BH") = 0.03 0.5 0.03
    expect(Array.from(benjaminiHochberg([0.02, 0.5, 0.02]))).toEqual([0.03, 0.5, 0.03]);
    expect(Array.from(benjaminiHochberg([]))).toEqual([]);
  });

  it('answers z = 0, p = 1, class 0 when every count is equal (S = 0)', () => {
    const gi = giStar([3, 3, 3, 3], buildNeighbours(line4, 1000, 1000), { fdr: true });
    expect(Array.from(gi.z)).toEqual([0, 0, 0, 0]);
    expect(Array.from(gi.p)).toEqual([1, 1, 1, 1]);
    expect(Array.from(gi.classes)).toEqual([0, 0, 0, 0]);
    expect(gi.sd).toBe(0);
  });

  it('answers z = 0 for a cell whose band takes in every cell', () => {
    // Band 2000 m: cells 1 and 2 see all four cells (n W - W^2 = 0); cells 0 and 3 see three.
    const gi = giStar([2, 2, 0, 0], buildNeighbours(line4, 1000, 2000));
    expect(gi.z[1]).toBe(0);
    expect(gi.z[2]).toBe(0);
    expect(gi.p[1]).toBe(1);
    // z0 = (4 - 3) / sqrt((12 - 9) / 3) = 1.
    expect(gi.z[0]).toBeCloseTo(1, 14);
  });

  it('refuses values that do not match the cells, or are not finite, and keeps its input', () => {
    const nb = buildNeighbours(line4, 1000, 1000);
    expect(() => giStar([1, 2, 3], nb)).toThrow(AnalysisInputError);
    expect(() => giStar([1, NaN, 0, 0], nb)).toThrow(
      expect.objectContaining({ code: 'invalid_value', details: { cell: 1 } }),
    );
    const counts = [2, 2, 0, 0];
    giStar(counts, nb, { fdr: true });
    expect(counts).toEqual([2, 2, 0, 0]);
  });

  it('classifies by p at 99, 95 and 90 % with the sign of z', () => {
    expect(giClass(3, 0.0027)).toBe(3);
    expect(giClass(-2.6, 0.0093)).toBe(-3);
    expect(giClass(2, 0.0455)).toBe(2);
    expect(giClass(1.7, 0.0891)).toBe(1);
    expect(giClass(1.6, 0.1096)).toBe(0);
    expect(giClass(0, 1)).toBe(0);
    expect(giClass(2, 0.1)).toBe(1); // the bound belongs to the class
  });
});
