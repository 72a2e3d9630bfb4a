import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { hexCentre } from '../../src/lib/analysis/hex-grid';
import { cellsInArea, pointInArea } from '../../src/lib/analysis/study-area';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3000, 0],
      [3000, 3000],
      [0, 3000],
      [0, 0],
    ],
  ],
};

// A concave outline with a hole, placed in An Giang's UTM range, vertices off the lattice.
const province: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [500123.4, 1150077.7],
      [540211.9, 1148003.1],
      [552987.6, 1175432.2],
      [530456.3, 1163321.9],
      [515678.8, 1189012.5],
      [498765.4, 1170001.3],
      [500123.4, 1150077.7],
    ],
    [
      [510001.1, 1156002.2],
      [520003.3, 1156004.4],
      [515002.2, 1163005.5],
      [510001.1, 1156002.2],
    ],
  ],
};
const islands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    province.coordinates,
    [
      [
        [600050.5, 1150030.3],
        [604020.2, 1150010.1],
        [602030.3, 1154040.4],
        [600050.5, 1150030.3],
      ],
    ],
  ],
};

describe('study area cells', () => {
  it('takes the cells of a 3 km square by hand: 4 rows of 3 centres', () => {
    // Rows r = 0..3 at y = 0, 866, 1732, 2598; centres x = 1000 (q + r/2) in [0, 3000):
    // r0: 0, 1000, 2000; r1: 500, 1500, 2500; r2: 0, 1000, 2000 (q = -1..1); r3: 500, 1500, 2500.
    const cells = cellsInArea(square, 1000);
    expect(cells.map((c) => [c.q, c.r])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
      [2, 1],
      [-1, 2],
      [0, 2],
      [1, 2],
      [-1, 3],
      [0, 3],
      [1, 3],
    ]);
    expect(cells[0]).toEqual({ id: '1000:0:0', q: 0, r: 0, x: 0, y: 0 });
  });

  it('agrees with the point test and with Turf on every centre of a concave area with a hole', () => {
    const cells = cellsInArea(province, 1000);
    const inside = new Set(cells.map((c) => `${c.q}:${c.r}`));
    let tested = 0;
    for (let r = 1320; r <= 1380; r++) {
      for (let q = -240; q <= -100; q++) {
        const [x, y] = hexCentre(q, r, 1000);
        const expected = booleanPointInPolygon([x, y], province);
        expect(pointInArea(x, y, province), `${q}:${r}`).toBe(expected);
        expect(inside.has(`${q}:${r}`), `${q}:${r}`).toBe(expected);
        tested++;
      }
    }
    expect(tested).toBeGreaterThan(8000);
    expect(cells.length).toBeGreaterThan(700);
    // The hole is left out: its centroid's cell is not in the study area.
    expect(pointInArea(515002, 1158000, province)).toBe(false);
  });

  it('unions the parts of a multipolygon', () => {
    const one = cellsInArea(province, 1000).length;
    const both = cellsInArea(islands, 1000);
    expect(both.length).toBeGreaterThan(one);
    expect(both.every((c) => pointInArea(c.x, c.y, islands))).toBe(true);
    expect(both.some((c) => c.x > 599000)).toBe(true);
  });

  it('lists the cells south to north, west to east, without duplicates', () => {
    const cells = cellsInArea(islands, 500);
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1];
      const b = cells[i];
      expect(a.r < b.r || (a.r === b.r && a.q < b.q)).toBe(true);
    }
  });

  it('counts west and south boundaries in, east and north ones out', () => {
    expect(pointInArea(0, 1500, square)).toBe(true);
    expect(pointInArea(1500, 0, square)).toBe(true);
    expect(pointInArea(3000, 1500, square)).toBe(false);
    expect(pointInArea(1500, 3000, square)).toBe(false);
    expect(pointInArea(-1, 1500, square)).toBe(false);
  });

  it('has no cells for an empty outline', () => {
    expect(cellsInArea({ type: 'MultiPolygon', coordinates: [] }, 1000)).toEqual([]);
  });
});
