import { describe, expect, it } from 'vitest';
import { monthTables } from '../../src/lib/server/services/briefing-months';
import {
  byFamily,
  confidencePct,
  drawWidth,
  formatDistance,
  formatMonth,
  formatPct,
  headlineRow,
} from '../../src/lib/components/briefing/briefing-text';
import {
  extentOf,
  labelledGates,
  rewindForD3,
  scaleBar,
} from '../../src/lib/components/briefing/map-marks';
import { hotAreas } from '../../src/lib/server/services/briefing-areas';
import {
  choiceQuery,
  decodeChoice,
  latestYear,
} from '../../src/lib/components/briefing/briefing-choice';

describe('monthTables', () => {
  const rows = [
    { month: '2024-01', by: 'category', key: 'sugar', cases: 2 },
    { month: '2024-03', by: 'category', key: 'drugs', cases: 5 },
    { month: '2024-03', by: 'category', key: 'sugar', cases: 1 },
    { month: '2024-01', by: 'agency', key: 'joint', cases: 2 },
    { month: '2024-03', by: 'agency', key: 'customs', cases: 6 },
  ] as const;

  it('puts every month of the window in a row, zeros included, categories most first', () => {
    const t = monthTables(['2024-01', '2024-02', '2024-03'], [...rows]);
    expect(t.by_category).toEqual({
      keys: ['drugs', 'sugar'],
      cases: [
        [0, 2],
        [0, 0],
        [5, 1],
      ],
    });
    expect(t.by_agency).toEqual({
      keys: ['customs', 'border_guard', 'joint'],
      cases: [
        [0, 0, 2],
        [0, 0, 0],
        [6, 0, 0],
      ],
    });
  });

  it('breaks ties between categories by name', () => {
    const t = monthTables(
      ['2024-01'],
      [
        { month: '2024-01', by: 'category', key: 'sugar', cases: 1 },
        { month: '2024-01', by: 'category', key: 'fuel', cases: 1 },
      ],
    );
    expect(t.by_category.keys).toEqual(['fuel', 'sugar']);
  });
});

describe('briefing words', () => {
  it('sums categories into the map families in the families order', () => {
    // sugar and fuel are food_fuel, cigarettes tobacco_alcohol (listed first among families).
    expect(
      byFamily({
        keys: ['sugar', 'cigarettes', 'fuel'],
        cases: [
          [1, 4, 2],
          [0, 0, 3],
        ],
      }),
    ).toEqual({
      families: ['tobacco_alcohol', 'food_fuel'],
      cases: [
        [4, 3],
        [0, 3],
      ],
    });
  });

  it('names confidence, distance, months and shares', () => {
    expect([3, 2, 1, 0, -1, -2, -3].map(confidencePct)).toEqual([99, 95, 90, null, 90, 95, 99]);
    expect(formatDistance(850.4, 'vi')).toBe('850 m');
    expect(formatDistance(1234, 'vi')).toBe('1,2 km');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatMonth('2024-03')).toBe('03/2024');
    expect(formatPct(0.347, 'vi')).toBe('35\u00a0%');
    expect(formatPct(0.347, 'en')).toBe('35%');
    expect(formatPct(null, 'en')).toBe('–');
  });

  it('heads the forecast check with the 5 % row when it has a score', () => {
    const rows = [
      { share_pct: 1, hit_rate: 0.1, pai: 10 },
      { share_pct: 5, hit_rate: 0.3, pai: 6 },
      { share_pct: 10, hit_rate: 0.5, pai: 5 },
    ];
    expect(headlineRow(rows)).toEqual(rows[1]);
    expect(headlineRow([rows[0], { share_pct: 5, hit_rate: null, pai: null }])).toEqual(rows[0]);
    expect(headlineRow([])).toBeNull();
  });
});

describe('briefing map marks', () => {
  it('takes the extent of nested coordinates and skips nulls', () => {
    expect(
      extentOf([
        null,
        {
          type: 'LineString',
          coordinates: [
            [105, 10.5],
            [105.2, 10.7],
          ],
        },
        { type: 'Point', coordinates: [104.9, 10.6] },
      ]),
    ).toEqual([104.9, 10.5, 105.2, 10.7]);
  });

  it('picks a round scale bar about a fifth of the width, in degrees at its latitude', () => {
    // 1 degree at 10.04 N is 109.6 km: a fifth is 21.9 km, so 20 km.
    const bar = scaleBar([105, 10, 106, 11]);
    expect(bar.km).toBe(20);
    expect(bar.from).toEqual([105.04, 10.04]);
    const kmPerDegree = 111.32 * Math.cos((10.04 * Math.PI) / 180);
    expect((bar.to[0] - bar.from[0]) * kmPerDegree).toBeCloseTo(20, 9);
    expect(scaleBar([105, 10, 105.03, 10.03]).km).toBe(1);
  });
});

describe('briefing page state', () => {
  it('opens on the twelve calendar months ending on the last day with data', () => {
    expect(latestYear('2024-06-30')).toEqual({ from: '2023-07-01', to: '2024-06-30' });
    expect(latestYear('2024-12-05')).toEqual({ from: '2024-01-01', to: '2024-12-05' });
  });

  it('reads the choice from the address, ignoring what it cannot use', () => {
    expect(decodeChoice(new URLSearchParams('province=lang_son&from=2024-01-01&to=x'))).toEqual({
      province: 'lang_son',
      from: '2024-01-01',
      to: '',
    });
    expect(choiceQuery({ province: 'lang_son', from: '2024-01-01', to: '' }, 'en')).toBe(
      'province=lang_son&from=2024-01-01&lang=en',
    );
    expect(decodeChoice(new URLSearchParams('province=hanoi'))).toEqual({
      province: 'an_giang',
      from: '',
      to: '',
    });
  });
});

describe('hotAreas', () => {
  const cell = (q: number, r: number, count: number, z: number, cls: number) => ({
    cell_id: `1000:${q}:${r}`,
    count,
    gi_z: z,
    gi_p: 0.01,
    class: cls,
  });

  it('joins hot cells that share an edge, placed by the one with most seizures', () => {
    const areas = hotAreas([
      // Area A: (0,0), (1,0) and (1,-1) touch; (0,0) holds most seizures, (1,0) the top z.
      cell(0, 0, 5, 3.1, 3),
      cell(1, 0, 2, 3.4, 3),
      cell(1, -1, 0, 1.8, 1),
      // Area B: (5,5) alone, class 2 but more seizures than A.
      cell(5, 5, 9, 2.1, 2),
      // Not hot: never joined, never listed; (3,0) is not adjacent to (1,0).
      cell(2, 0, 7, 0.5, 0),
      cell(3, 0, 1, 1.7, 1),
      cell(9, 9, 0, -2.5, -2),
    ]);
    expect(areas.map((a) => [a.cell.cell_id, a.cells, a.seizures, a.class, a.gi_z])).toEqual([
      ['1000:0:0', 3, 7, 3, 3.4],
      ['1000:5:5', 1, 9, 2, 2.1],
      ['1000:3:0', 1, 1, 1, 1.7],
    ]);
  });

  it('gives nothing without hot cells', () => {
    expect(hotAreas([cell(0, 0, 3, 0.2, 0), cell(0, 1, 0, -1.9, -1)])).toEqual([]);
  });
});

describe('rewindForD3', () => {
  it('winds exteriors clockwise and holes counter-clockwise', () => {
    const ccw = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const hole = [
      [1, 1],
      [1, 2],
      [2, 2],
      [1, 1],
    ]; // clockwise
    const out = rewindForD3({ type: 'Polygon', coordinates: [ccw, hole] });
    expect(out.coordinates[0]).toEqual([...ccw].reverse());
    expect(out.coordinates[1]).toEqual([...hole].reverse());
    // Already right: unchanged.
    expect(rewindForD3(out)).toEqual(out);
    const multi = rewindForD3({ type: 'MultiPolygon', coordinates: [[ccw]] });
    expect(multi.coordinates[0][0]).toEqual([...ccw].reverse());
  });
});

describe('labelledGates', () => {
  it('names the important gates first, on a free side, never past the map', () => {
    const gates = [
      { lon: 106.0, lat: 22.0, name: 'Crossing path A', kind: 'crossing_path' },
      { lon: 106.0, lat: 22.0001, name: 'International B', kind: 'international' },
      { lon: 106.5, lat: 22.0, name: 'Main C', kind: 'main' },
    ];
    // 100 px a degree from 105.9: B at x = 10 (its 83 px label to the right), C at x = 60
    // (right clashes with B, left would start before 0), A under B on both sides.
    expect(labelledGates(gates, 105.9, 22, 100, 700)).toEqual(new Map([[1, 'start']]));
    // 1000 px a degree: B at x = 100 to its right, A (same spot) to its left (12 to 94 px),
    // C at x = 600 to its right (till 639 px) on a 700 px map...
    expect(labelledGates(gates, 105.9, 22, 1000, 700)).toEqual(
      new Map([
        [1, 'start'],
        [2, 'start'],
        [0, 'end'],
      ]),
    );
    // ...and to its left on a 620 px one.
    expect(labelledGates(gates, 105.9, 22, 1000, 620).get(2)).toBe('end');
  });

  it('draws figures at their box width within a phone and the printed column', () => {
    expect([0, 250, 500, 900].map(drawWidth)).toEqual([700, 300, 500, 703]);
  });
});
