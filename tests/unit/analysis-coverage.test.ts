import { describe, expect, it } from 'vitest';
import {
  pai,
  passesPerWeek,
  patrolKmWeekBySegment,
  percent,
  revisitHours,
  riskSharePct,
} from '../../src/lib/analysis';

describe('coverage figures', () => {
  it('percent is a share of 100, null for a share of nothing', () => {
    expect(percent(3, 12)).toBe(25);
    expect(percent(0, 0)).toBeNull();
  });

  it('PAI divides the share of seizures by the share of area', () => {
    // 3 of 5 seizures in 3.5 km^2 of 100 km^2: 0.6 / 0.035.
    expect(pai(3, 5, 3.5e6, 1e8)).toBeCloseTo(17.142857142857, 9);
    expect(pai(1, 10, 1e7, 1e8)).toBeCloseTo(1, 12); // random placement
    expect(pai(0, 0, 1e6, 1e8)).toBeNull();
    expect(pai(2, 5, 0, 1e8)).toBeNull();
  });

  it('risk share sums the density of the cells inside, each cell once', () => {
    const density = Float64Array.of(1, 3, 0, 4);
    expect(riskSharePct(density, [1, 3])).toBe(87.5);
    expect(riskSharePct(density, [1, 1, 3])).toBe(87.5);
    expect(riskSharePct(density, [])).toBe(0);
    expect(riskSharePct(new Float64Array(3), [0])).toBeNull();
    expect(Array.from(density)).toEqual([1, 3, 0, 4]); // not modified
  });

  it('passes per week weigh each route by the stretch it covers', () => {
    // Two routes over the same 4 km: 14 + 7 a week at every point.
    const same = [
      { shiftsPerWeek: 14, coveredM: 4000 },
      { shiftsPerWeek: 7, coveredM: 4000 },
    ];
    expect(passesPerWeek(same, 4000)).toBe(21);
    // Two routes over separate halves of 4 km: 14 a week at every point, not 28.
    const halves = [
      { shiftsPerWeek: 14, coveredM: 2000 },
      { shiftsPerWeek: 14, coveredM: 2000 },
    ];
    expect(passesPerWeek(halves, 4000)).toBe(14);
    expect(
      passesPerWeek(
        [
          { shiftsPerWeek: 14, coveredM: 4000 },
          { shiftsPerWeek: 7, coveredM: 2000 },
        ],
        4000,
      ),
    ).toBe(17.5);
    expect(passesPerWeek(same, 0)).toBe(0);
  });

  it('revisit interval is 168 hours over the passes', () => {
    expect(revisitHours(14)).toBe(12);
    expect(revisitHours(17.5)).toBeCloseTo(9.6, 12);
    expect(revisitHours(0)).toBeNull();
  });

  it('shares each route’s weekly km among the segments it covers', () => {
    const routes = [
      { shiftsPerWeek: 7, lengthKm: 10, coveredMBySegment: [3000, 1000] },
      { shiftsPerWeek: 2, lengthKm: 5, coveredMBySegment: [0, 500] },
      { shiftsPerWeek: 9, lengthKm: 4, coveredMBySegment: [0, 0] }, // inland: no segment
    ];
    expect(patrolKmWeekBySegment(routes, 2)).toEqual([52.5, 27.5]);
  });
});
