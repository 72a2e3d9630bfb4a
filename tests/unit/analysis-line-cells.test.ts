import { describe, expect, it } from 'vitest';
import { cellsNearLine, lengthPerCell, lineLengthM, pointLineM } from '../../src/lib/analysis';

const S3 = Math.sqrt(3);

describe('lengthPerCell', () => {
  it('splits a line due east at the flat sides of pointy-top cells', () => {
    const m = lengthPerCell(
      [
        [
          [0, 0],
          [1500, 0],
        ],
      ],
      1000,
    );
    expect([...m.keys()].sort()).toEqual(['1000:0:0', '1000:1:0']);
    expect(m.get('1000:0:0')).toBeCloseTo(500, 9);
    expect(m.get('1000:1:0')).toBeCloseTo(1000, 9);
  });

  it('splits a line due north at the slanted edges, by hand', () => {
    // x = 100 from y = 0 to 2000: 0:0 up to its NE edge (y = (1000 - 100) / sqrt 3), then 0:1
    // up to its NW edge (y = (2000 + 100) / sqrt 3), then -1:2 to the end.
    const m = lengthPerCell(
      [
        [
          [100, 0],
          [100, 2000],
        ],
      ],
      1000,
    );
    expect(m.size).toBe(3);
    expect(m.get('1000:0:0')).toBeCloseTo(900 / S3, 6);
    expect(m.get('1000:0:1')).toBeCloseTo(1200 / S3, 6);
    expect(m.get('1000:-1:2')).toBeCloseTo(2000 - 2100 / S3, 6);
  });

  it('adds up to the length of a long winding line, whatever the cell size', () => {
    const line: [number, number][] = [
      [547000, 1148000],
      [551234, 1150321],
      [549876, 1155555],
      [560000, 1151000],
    ];
    for (const size of [250, 1000, 3000]) {
      const m = lengthPerCell([line], size);
      const sum = [...m.values()].reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(lineLengthM(line), 6);
    }
  });
});

describe('cellsNearLine and pointLineM', () => {
  it('takes cells by their centre within the radius', () => {
    const cells = cellsNearLine(
      [
        [0, 0],
        [1000, 0],
      ],
      100,
      1000,
    );
    expect(cells).toEqual([
      { q: 0, r: 0 },
      { q: 1, r: 0 },
    ]);
    // Radius 900: the centres of 0:1 (500, 866) and 1:-1 (500, -866) come within it; -1:1
    // (-500, 866) is 1000 m from the segment's end.
    const wide = cellsNearLine(
      [
        [0, 0],
        [1000, 0],
      ],
      900,
      1000,
    ).map((c) => `${c.q}:${c.r}`);
    expect(wide.sort()).toEqual(['0:0', '0:1', '1:-1', '1:0']);
    expect(
      pointLineM(500, 866, [
        [0, 0],
        [1000, 0],
      ]),
    ).toBe(866);
  });
});
