import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../src/lib/analysis/mann-kendall';
import golden from '../fixtures/analysis/mann-kendall.json';

describe('Mann-Kendall trend test', () => {
  it('gives the hand-computed values of a short series with a tie', () => {
    // x = 3, 1, 4, 1, 5. Signs of x_j - x_i for i < j:
    // from 3: -1 +1 -1 +1 = 0; from 1: +1 0 +1 = 2; from 4: -1 +1 = 0; from 1: +1. S = 3.
    // One tie group (the two 1s, t = 2): var S = (5*4*15 - 2*1*9) / 18 = 282 / 18 = 15.667.
    // z = (3 - 1) / sqrt(15.667) = 0.50529; p = 2 (1 - Phi(0.50529)) = 0.61335.
    // tau-b = 3 / sqrt((10 - 1) * 10) = 0.31623.
    const mk = mannKendall([3, 1, 4, 1, 5]);
    expect(mk.n).toBe(5);
    expect(mk.s).toBe(3);
    expect(mk.varS).toBeCloseTo(282 / 18, 12);
    expect(mk.z).toBeCloseTo(2 / Math.sqrt(282 / 18), 12);
    expect(mk.p).toBeCloseTo(0.6133544, 6);
    expect(mk.tau).toBeCloseTo(3 / Math.sqrt(90), 12);
    expect(mk.direction).toBe('none');
  });

  it('equals R cor.test(method = "kendall", continuity = TRUE) on the golden series', () => {
    for (const [name, g] of Object.entries(golden.series)) {
      const mk = mannKendall(g.x);
      expect(mk.s, name).toBe(g.s);
      expect(mk.varS, name).toBeCloseTo(g.var_s, 9);
      expect(Math.abs(mk.z - g.z), name).toBeLessThan(1e-12);
      expect(Math.abs(mk.p - g.p) / g.p, name).toBeLessThan(1e-12);
      expect(Math.abs(mk.tau - g.tau), name).toBeLessThan(1e-12);
    }
  });

  it('says up or down only when p <= alpha', () => {
    expect(mannKendall(golden.series.rising.x).direction).toBe('up');
    expect(mannKendall(golden.series.falling.x).direction).toBe('down');
    // The trend of gi_z_steps has p = 0.0019: up at 0.01, no trend at 0.001.
    expect(mannKendall(golden.series.gi_z_steps.x, 0.01).direction).toBe('up');
    expect(mannKendall(golden.series.gi_z_steps.x, 0.001).direction).toBe('none');
  });

  it('answers S = 0, z = 0, p = 1 when nothing varies', () => {
    const mk = mannKendall([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(mk).toMatchObject({ s: 0, varS: 0, z: 0, p: 1, tau: 0, direction: 'none' });
    expect(mannKendall([1])).toMatchObject({ n: 1, s: 0, z: 0, p: 1 });
  });

  it('leaves its input alone', () => {
    const x = [5, 3, 9, 1];
    mannKendall(x);
    expect(x).toEqual([5, 3, 9, 1]);
  });
});
