import { describe, expect, it } from 'vitest';
import {
  assertEnoughSteps,
  categorize,
  classifyEmerging,
  EMERGING_CATEGORIES,
  emergingHotSpots,
} from '../../src/lib/analysis/emerging';
import { AnalysisInputError } from '../../src/lib/analysis/errors';
import { giClass, giStar } from '../../src/lib/analysis/gistar';
import { buildNeighbours } from '../../src/lib/analysis/neighbours';
import { twoSidedP } from '../../src/lib/analysis/normal';
import {
  categoryFixtures,
  precedenceFixtures,
  type CategoryFixture,
} from '../fixtures/analysis/emerging-categories';
import hex217 from '../fixtures/analysis/gistar-hex217.json';

/** Steps of one cell per fixture: step t holds every fixture's z at t and its class. */
function stepsOf(fixtures: CategoryFixture[]) {
  const T = fixtures[0].z.length;
  return Array.from({ length: T }, (_, t) => {
    const z = fixtures.map((f) => f.z[t]);
    return { z, classes: z.map((v) => giClass(v, twoSidedP(v))) };
  });
}

describe('emerging hot spot categories', () => {
  it('has a fixture producing each of the 16 categories and no pattern', () => {
    expect(new Set(categoryFixtures.map((f) => f.category))).toEqual(new Set(EMERGING_CATEGORIES));
    const cells = classifyEmerging(stepsOf(categoryFixtures));
    categoryFixtures.forEach((f, i) => expect(cells[i].category, f.reason).toBe(f.category));
  });

  it('resolves overlapping rules by the documented precedence', () => {
    for (const f of precedenceFixtures) {
      expect(classifyEmerging(stepsOf([f]))[0].category, f.reason).toBe(f.category);
    }
  });

  it('reports the trend and hot and cold step counts of each cell', () => {
    const cells = classifyEmerging(stepsOf(categoryFixtures));
    const intensifying =
      cells[categoryFixtures.findIndex((f) => f.category === 'intensifying_hot')];
    // z rises at every step: S = 45 of 45 pairs, var S = 10*9*25/18 = 125, z = 44/sqrt(125).
    expect(intensifying.trend).toMatchObject({ n: 10, s: 45, varS: 125, tau: 1, direction: 'up' });
    expect(intensifying.trend.z).toBeCloseTo(44 / Math.sqrt(125), 12);
    expect(intensifying.hotSteps).toBe(10);
    const oscillating = cells[categoryFixtures.findIndex((f) => f.category === 'oscillating_hot')];
    expect([oscillating.hotSteps, oscillating.coldSteps]).toEqual([2, 2]);
  });

  it('reads hot and cold from the classes given, so FDR classes change the outcome', () => {
    // new_hot's z series; under FDR its final z = 2.5 may no longer be significant (class 0).
    const z = categoryFixtures[0].z;
    const plain = z.map((v) => ({ z: [v], classes: [giClass(v, twoSidedP(v))] }));
    const underFdr = z.map((v) => ({ z: [v], classes: [0] }));
    expect(classifyEmerging(plain)[0].category).toBe('new_hot');
    expect(classifyEmerging(underFdr)[0].category).toBe('no_pattern');
  });

  it('uses the trend level given', () => {
    // Hot in every step with an upward trend of p between 0.05 and 0.10: intensifying at the
    // default 0.10, persistent at 0.05.
    const z = [1.8, 1.7, 2.0, 1.9, 2.3, 1.8, 2.1, 2.4, 2.0, 2.2];
    const steps = z.map((v) => ({ z: [v], classes: [giClass(v, twoSidedP(v))] }));
    const at10 = classifyEmerging(steps)[0];
    expect(at10.trend.p).toBeGreaterThan(0.05);
    expect(at10.trend.p).toBeLessThanOrEqual(0.1);
    expect(at10.category).toBe('intensifying_hot');
    expect(classifyEmerging(steps, { trendAlpha: 0.05 })[0].category).toBe('persistent_hot');
  });

  it('categorizes a single cell from its classes and trend direction', () => {
    expect(categorize([0, 0, 0, 0, 0, 0, 0, 0, 1, 2], 'none')).toBe('consecutive_hot');
    expect(categorize([2, 2, 2, 2, 2, 2, 2, 2, 2, 0], 'none')).toBe('historical_hot');
    expect(categorize([-1, -2, -3, -3, -3, -3, -3, -3, -3, -3], 'down')).toBe('intensifying_cold');
    expect(categorize([-1, -2, -3, -3, -3, -3, -3, -3, -3, -3], 'up')).toBe('diminishing_cold');
    expect(categorize([], 'none')).toBe('no_pattern');
  });

  it('refuses fewer than 10 steps with a typed error the API turns into a 400', () => {
    const nine = stepsOf(categoryFixtures.map((f) => ({ ...f, z: f.z.slice(0, 9) })));
    expect(() => classifyEmerging(nine)).toThrow(AnalysisInputError);
    expect(() => assertEnoughSteps(9)).toThrow(
      expect.objectContaining({ code: 'too_few_steps', details: { steps: 9, minimum: 10 } }),
    );
    expect(() => assertEnoughSteps(10)).not.toThrow();
    const nb = buildNeighbours(hex217.cells, 1000, 3000);
    expect(() => emergingHotSpots([hex217.counts], nb)).toThrow(
      expect.objectContaining({ code: 'too_few_steps' }),
    );
  });

  it('refuses steps of different cell counts', () => {
    const steps = stepsOf(categoryFixtures);
    steps[3] = { z: steps[3].z.slice(1), classes: steps[3].classes.slice(1) };
    expect(() => classifyEmerging(steps)).toThrow(
      expect.objectContaining({ code: 'length_mismatch' }),
    );
  });

  it('runs Gi* per step and finds a cluster that appears in the last month as new', () => {
    const nb = buildNeighbours(hex217.cells, 1000, 1500);
    const centre = hex217.cells.findIndex((c) => c.q === 4 && c.r === -2);
    const ring = new Set([
      centre,
      ...nb.indices.subarray(nb.offsets[centre], nb.offsets[centre + 1]),
    ]);
    // 12 months of the fixture's counts; in the last one the centre and its ring get 6 each.
    const months = Array.from({ length: 12 }, (_, t) =>
      hex217.counts.map((c, i) => (t === 11 && ring.has(i) ? 6 : c)),
    );
    const { steps, cells } = emergingHotSpots(months, nb);
    expect(steps).toHaveLength(12);
    expect(Array.from(steps[11].z)).toEqual(Array.from(giStar(months[11], nb).z));
    expect(steps[0].classes[centre]).toBeLessThan(1);
    expect(cells[centre].category).toBe('new_hot');
    expect(cells[centre].hotSteps).toBe(1);
    // Every other month is the same: a cell's z series is flat until the last step.
    expect(cells.every((c) => c.trend.n === 12)).toBe(true);
  });
});
