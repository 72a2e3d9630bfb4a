import { describe, expect, it } from 'vitest';
import { effortStatuses, poissonTwoSidedP } from '../../src/lib/analysis';

// Expected p values from R 4.x: poisson.test(x, 1, m)$p.value.
describe('poissonTwoSidedP', () => {
  it.each([
    [10, 4, 0.008132243],
    [0, 3, 0.0832956],
    [2, 7.5, 0.04182137],
    [30, 18.2, 0.009415563],
    [1, 0.4, 0.32968],
    [30, 10, 2.509951e-7],
    [10, 30, 4.947305e-5],
  ])('x = %d, m = %d as R gives it', (x, m, p) => {
    expect(poissonTwoSidedP(x, m) / p).toBeCloseTo(1, 5);
  });

  it('is 1 at the expected count and for zero of zero', () => {
    expect(poissonTwoSidedP(5, 5)).toBe(1);
    expect(poissonTwoSidedP(0, 0)).toBe(1);
    expect(poissonTwoSidedP(1, 0)).toBe(0);
  });

  it('cannot call finding nothing significant below 4 expected (the threshold)', () => {
    expect(poissonTwoSidedP(0, 3.75)).toBeGreaterThan(0.05);
    for (let m = 4; m < 30; m += 0.05) expect(poissonTwoSidedP(0, m)).toBeLessThan(0.05);
  });
});

describe('effortStatuses', () => {
  it('tests each cell against the overall rate, by hand', () => {
    // Two weeks; effort 80, 200, 4 km and none; 31 seizures where there was effort.
    const { cells, summary } = effortStatuses(
      [
        { count: 0, kmPerWeek: 40 },
        { count: 30, kmPerWeek: 100 },
        { count: 1, kmPerWeek: 2 },
        { count: 3, kmPerWeek: 0 },
      ],
      { weeks: 2 },
    );
    const rate = 31 / 284;
    expect(summary.overall_rate_per_100km).toBeCloseTo(100 * rate, 12);
    expect(summary).toMatchObject({ effort_km: 284, seizures: 34, seizures_with_effort: 31 });
    expect(cells[0].expected).toBeCloseTo(8.732394, 6);
    expect(cells[0].p! / 0.0002769108).toBeCloseTo(1, 5);
    expect(cells[0].status).toBe('less_than_effort');
    expect(cells[0].ratePer100Km).toBe(0);
    expect(cells[1].p! / 0.085799).toBeCloseTo(1, 4);
    expect(cells[1].status).toBe('as_expected');
    expect(cells[1].ratePer100Km).toBe(15);
    expect(cells[2]).toMatchObject({ status: 'not_enough_patrol', p: null, effortKm: 4 });
    expect(cells[2].ratePer100Km).toBe(25);
    expect(cells[3]).toMatchObject({ status: 'no_patrol', ratePer100Km: null, effortKm: 0 });
    expect(summary.by_status).toEqual({
      more_than_effort: 0,
      as_expected: 1,
      less_than_effort: 1,
      not_enough_patrol: 1,
      no_patrol: 1,
    });
  });

  it('finds more and fewer seizures than the effort predicts', () => {
    const { cells } = effortStatuses(
      [
        { count: 30, kmPerWeek: 100 },
        { count: 10, kmPerWeek: 300 },
      ],
      { weeks: 1 },
    );
    expect(cells.map((c) => c.status)).toEqual(['more_than_effort', 'less_than_effort']);
    expect(cells[0].expected).toBeCloseTo(10, 12);
    expect(cells[1].expected).toBeCloseTo(30, 12);
  });

  it('marks every cell no_patrol without any effort', () => {
    const { cells, summary } = effortStatuses([{ count: 4, kmPerWeek: 0 }], { weeks: 1 });
    expect(cells[0].status).toBe('no_patrol');
    expect(summary.overall_rate_per_100km).toBeNull();
  });
});
