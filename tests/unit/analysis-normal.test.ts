import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalUpperTail, twoSidedP } from '../../src/lib/analysis/normal';
import golden from '../fixtures/analysis/normal-pnorm.json';

describe('normal tails against R pnorm (tests/fixtures/analysis/normal-pnorm.R)', () => {
  it('gives the two-sided p within 5e-16 absolute everywhere', () => {
    for (const { z, two_sided_p } of golden.points) {
      expect(Math.abs(twoSidedP(z) - two_sided_p), `z = ${z}`).toBeLessThan(5e-16);
    }
  });

  it('keeps relative precision in the tails, where 1 - cdf would round to 0', () => {
    for (const { z, two_sided_p } of golden.points.filter((pt) => Math.abs(pt.z) >= 1.6)) {
      const rel = Math.abs(twoSidedP(z) - two_sided_p) / two_sided_p;
      expect(rel, `z = ${z}`).toBeLessThan(5e-15);
    }
    // 2 pnorm(-37) is about 1.1e-299: far below what 1 - normalCdf can express.
    expect(twoSidedP(37)).toBeGreaterThan(1e-300);
  });

  it('gives the cdf within 5e-16 on both sides', () => {
    for (const { z, cdf } of golden.points) {
      expect(Math.abs(normalCdf(z) - cdf), `z = ${z}`).toBeLessThan(5e-16);
    }
  });

  it('puts the critical values of the Gi* classes at 0.10, 0.05 and 0.01', () => {
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 15);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 15);
    expect(twoSidedP(2.5758293035489004)).toBeCloseTo(0.01, 15);
  });

  it('has the symmetries and limits of erfc', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBe(2 - erfc(1));
    expect(Math.abs(erfc(1) - 0.15729920705028513)).toBeLessThan(3e-16); // A&S table 7.1: 0.157299207050285130659
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
    expect(normalUpperTail(0)).toBe(0.5);
    expect(twoSidedP(-2)).toBe(twoSidedP(2));
  });
});
