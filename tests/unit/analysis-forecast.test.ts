import { describe, expect, it } from 'vitest';
import {
  flaggedCellCount,
  forecastCheck,
  FORECAST_SHARES_PCT,
} from '../../src/lib/analysis/forecast-check';
import { rollingForecast, summarizeRolling } from '../../src/lib/analysis/forecast-rolling';
import { hexAreaM2 } from '../../src/lib/analysis/hex-grid';

// 20 cells of 1 km^2 in a 20 km^2 study area. Scores before the split, counts after it.
const scores = [9, 7, 5, 5, 5, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const after = [4, 0, 3, 1, 2, 0, 2, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // 15 in all

describe('forecast check: hit rate and PAI', () => {
  it('gives the hand-computed hit rate and PAI', () => {
    // 5 %: m = 1 (cell 0): hits 4 of 15 = 0.2667, area share 0.05, PAI 5.333.
    // 10 %: m = 2 (cells 0, 1): hits 4 + 0 = 4, 0.2667 / 0.10 = 2.667.
    // 15 %: m = 3: cells 0, 1, then 1 slot for the 3 cells tied at score 5 (3, 1, 2 seizures):
    //       4 + 0 + (1/3)(3 + 1 + 2) = 6 -> 0.4, PAI 0.4 / 0.15 = 2.667.
    // 25 %: m = 5: cells 0..4, the tie fits whole: 4 + 0 + 3 + 1 + 2 = 10 -> 0.6667, PAI 2.667.
    const rows = forecastCheck(scores, after, { cellAreaM2: 1e6, sharesPct: [5, 10, 15, 25] });
    expect(rows.map((r) => r.flaggedCells)).toEqual([1, 2, 3, 5]);
    expect(rows.map((r) => r.hits)).toEqual([4, 4, 6, 10]);
    expect(rows.map((r) => r.total)).toEqual([15, 15, 15, 15]);
    expect(rows.map((r) => r.hitRate)).toEqual([4 / 15, 4 / 15, 0.4, 10 / 15]);
    expect(rows[0].pai).toBeCloseTo(16 / 3, 12);
    expect(rows[1].pai).toBeCloseTo(8 / 3, 12);
    expect(rows[2].pai).toBeCloseTo(8 / 3, 12);
    expect(rows[3].pai).toBeCloseTo(8 / 3, 12);
    expect(rows.map((r) => r.tiedAtCut)).toEqual([0, 0, 3, 0]);
    expect(rows[2].areaShare).toBeCloseTo(0.15, 15);
  });

  it('measures the flagged share against a study area larger than its cells', () => {
    // Same cells inside a 40 km^2 province: 5 % = 2 cells, 10 % = 4 (cells 0, 1 and 2 of the
    // 3 tied: 4 + 0 + (2/3) * 6 = 8), area shares 0.05 and 0.10 of the province.
    const rows = forecastCheck(scores, after, {
      cellAreaM2: 1e6,
      studyAreaM2: 40e6,
      sharesPct: [5, 10],
    });
    expect(rows.map((r) => r.flaggedCells)).toEqual([2, 4]);
    expect(rows[1].hits).toBeCloseTo(8, 12);
    expect(rows[1].pai).toBeCloseTo(8 / 15 / 0.1, 12);
  });

  it('scores a map that ranks nothing as chance', () => {
    const flat = forecastCheck(new Array(20).fill(3), after, { cellAreaM2: 1e6, sharesPct: [10] });
    expect(flat[0].hits).toBeCloseTo(15 * 0.1, 12);
    expect(flat[0].pai).toBeCloseTo(1, 12);
  });

  it('rounds the flagged cell count half up, between 1 and n', () => {
    const a = hexAreaM2(1000);
    expect(flaggedCellCount(1, a, 25000 * a, 25000)).toBe(250);
    expect(flaggedCellCount(5, a, 250 * a, 250)).toBe(13); // 12.5 rounds up
    expect(flaggedCellCount(1, 1e6, 40e6, 40)).toBe(1); // 0.4 -> at least one
    expect(flaggedCellCount(10, 1e6, 1e9, 40)).toBe(40); // never more than the cells
    expect(FORECAST_SHARES_PCT).toEqual([1, 5, 10]);
  });

  it('has no hit rate or PAI without seizures after the split', () => {
    const [row] = forecastCheck([1, 0], [0, 0], { cellAreaM2: 1e6, sharesPct: [50] });
    expect(row).toMatchObject({ hits: 0, total: 0, hitRate: null, pai: null });
  });

  it('refuses mismatched or non-finite input', () => {
    expect(() => forecastCheck([1, 2], [1], { cellAreaM2: 1e6 })).toThrow(
      expect.objectContaining({ code: 'length_mismatch' }),
    );
    expect(() => forecastCheck([1, NaN], [1, 1], { cellAreaM2: 1e6 })).toThrow(
      expect.objectContaining({ code: 'invalid_value' }),
    );
  });
});

describe('rolling monthly splits', () => {
  // 3 cells, 6 months. Flag 1 cell (34 % of 3 cells rounds to 1), 2 months of history, 1 ahead.
  const months = [
    [3, 1, 0],
    [2, 0, 1],
    [1, 0, 0], // split 2: history months 0-1 -> scores 5, 1, 1 -> cell 0; hits 1 of 1
    [0, 2, 0], // split 3: history 1-2 -> 3, 0, 1 -> cell 0; hits 0 of 2
    [0, 1, 1], // split 4: history 2-3 -> 1, 2, 0 -> cell 1; hits 1 of 2
    [0, 0, 0], // split 5: history 3-4 -> 0, 3, 1 -> cell 1; no seizures: null
  ];
  const options = { cellAreaM2: 1e6, sharesPct: [34], trainingMonths: 2 };

  it('scores each split on the months before it, by hand', () => {
    const splits = rollingForecast(months, options);
    expect(splits.map((s) => s.splitMonth)).toEqual([2, 3, 4, 5]);
    expect(splits.map((s) => s.rows[0].hitRate)).toEqual([1, 0, 0.5, null]);
    // Flagged share 1/3: PAI = hit rate * 3.
    expect(splits.map((s) => s.rows[0].pai)).toEqual([3, 0, 1.5, null]);
    // Means over the three splits with seizures: hit rate 0.5, PAI 1.5.
    expect(summarizeRolling(splits)).toEqual([
      { sharePct: 34, splits: 3, meanHitRate: 0.5, meanPai: 1.5 },
    ]);
  });

  it('takes a custom score and a longer horizon', () => {
    // Score = -history (a perverse map): split 2 flags cell 1 or 2 (tied at -1) and scores
    // months 2-3 (1, 2, 0): (1/2)(2 + 0) = 1 of 3.
    const splits = rollingForecast(months, {
      ...options,
      horizonMonths: 2,
      score: (summed) => summed.map((v) => -v),
    });
    expect(splits.map((s) => s.splitMonth)).toEqual([2, 3, 4]);
    expect(splits[0].rows[0].hits).toBeCloseTo(1, 12);
    expect(splits[0].rows[0].total).toBe(3);
  });

  it('has no splits when the window is too short, and checks its months', () => {
    expect(rollingForecast(months.slice(0, 2), options)).toEqual([]);
    expect(summarizeRolling([])).toEqual([]);
    expect(() => rollingForecast([[1, 2], [1]], options)).toThrow(
      expect.objectContaining({ code: 'length_mismatch' }),
    );
  });
});
