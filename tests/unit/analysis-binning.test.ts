import { describe, expect, it } from 'vitest';
import { binPoints, countsOnCells } from '../../src/lib/analysis/binning';

describe('binning points into cells', () => {
  it('counts points per cell id', () => {
    // Distances to the centres 0:0 (0, 0), 1:0 (1000, 0) and 0:1 (500, 866):
    // (100, 50): 112 m from 0:0; (480, 300): 566.0 m from 0:0, 566.4 m from 0:1, so 0:0;
    // (500, 700): 166 m from 0:1; (1000, 0) is the centre of 1:0.
    const counts = binPoints(
      [
        [0, 0],
        [100, 50],
        [1000, 0],
        [480, 300],
        [500, 700],
      ],
      1000,
    );
    expect(Object.fromEntries(counts)).toEqual({ '1000:0:0': 3, '1000:1:0': 1, '1000:0:1': 1 });
  });

  it('skips points without finite coordinates', () => {
    expect(
      binPoints(
        [
          [NaN, 0],
          [0, Infinity],
          [0, 0],
        ],
        1000,
      ).get('1000:0:0'),
    ).toBe(1);
  });

  it('lines counts up with the study area, zeros included, ignoring cells outside it', () => {
    const counts = new Map([
      ['1000:0:0', 2],
      ['1000:9:9', 5],
    ]);
    const cells = [{ id: '1000:1:0' }, { id: '1000:0:0' }];
    expect(Array.from(countsOnCells(cells, counts))).toEqual([0, 2]);
  });
});
