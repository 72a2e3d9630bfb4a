import { describe, expect, it } from 'vitest';
import { AGENCIES, CATEGORIES } from '../../src/lib/domain';
import { withSeizureRecords, PILE_MAX } from '../../src/lib/map/pile-records';
import type { PickEntry } from '../../src/lib/map/pick';
import {
  countMatching,
  countPoints,
  pointFilter,
  pointsInBox,
} from '../../src/lib/map/point-filter';
import { decodeSeizurePoints, encodeSeizurePoints } from '../../src/lib/seizure-points';

const HEADER = {
  origin: [105, 10.5] as [number, number],
  categories: [...CATEGORIES],
  agencies: [...AGENCIES],
  value_breaks_vnd: [50_000_000, 200_000_000, 1_000_000_000],
};
const p = (id: number, lon: number, day: string, category: string, agency: string) => ({
  id,
  lon,
  lat: 10.5,
  day,
  category,
  agency,
  valueClass: 0,
});
// Base day 2024-01-01.
const POINTS = decodeSeizurePoints(
  encodeSeizurePoints(
    [
      p(1, 104.9, '2024-01-01', 'sugar', 'customs'),
      p(2, 105.0, '2024-01-31', 'sugar', 'joint'),
      p(3, 105.1, '2024-02-01', 'cigarettes', 'customs'),
      p(4, 105.2, '2024-12-31', 'alcohol', 'border_guard'),
    ],
    HEADER,
  ).buffer,
);

describe('the points filter', () => {
  it('turns dates into an inclusive range of day offsets, open bounds far outside', () => {
    expect(pointFilter(POINTS.header, '2024-01-31', '2024-02-01', [], []).days).toEqual([30, 31]);
    const open = pointFilter(POINTS.header, '', '', [], []);
    expect(open.days[0]).toBeLessThan(0);
    expect(open.days[1]).toBeGreaterThan(65_535);
    expect(open.categories).toHaveLength(CATEGORIES.length);
    expect(open.agencies).toEqual([0, 1, 2]);
  });

  it('counts what passes, as the GPU draws it: both ends of the range included', () => {
    const jan = pointFilter(POINTS.header, '2024-01-01', '2024-01-31', [], []);
    expect(countPoints(POINTS, jan).total).toBe(2);
    const sugar = pointFilter(POINTS.header, '', '', ['sugar'], ['joint']);
    const counts = countPoints(POINTS, sugar);
    expect(counts.total).toBe(1);
    expect(counts.byCategory[CATEGORIES.indexOf('sugar')]).toBe(1);
    expect(counts.byAgency).toEqual([0, 0, 1]);
  });

  it('answers the legend rows: categories of a family, an agency', () => {
    const all = countPoints(POINTS, pointFilter(POINTS.header, '', '', [], []));
    const match = (property: string, value: string | string[]) =>
      countMatching(all, POINTS.header, { property, value });
    expect(match('category', ['cigarettes', 'alcohol'])).toBe(2);
    expect(match('lead_agency', 'customs')).toBe(2);
    expect(match('kind', 'river')).toBeUndefined();
  });

  it('finds the points in a box that pass the filter', () => {
    const all = pointFilter(POINTS.header, '', '', [], []);
    expect(pointsInBox(POINTS, all, [104.95, 10, 105.15, 11])).toEqual([1, 2]);
    const feb = pointFilter(POINTS.header, '2024-02-01', '', [], []);
    expect(pointsInBox(POINTS, feb, [104.95, 10, 105.15, 11])).toEqual([2]);
  });
});

describe('a popup’s seizure records', () => {
  const seizure = (id: number) => ({
    layer: 'seizures' as const,
    key: `seizures/${id}`,
    properties: { id, occurred_at: '2024-01-01' },
    lngLat: [105, 10.5] as [number, number],
  });

  it('fetches at most PILE_MAX of a pile and counts the rest', async () => {
    const asked: number[] = [];
    const pile: PickEntry = {
      layer: 'seizures',
      features: Array.from({ length: 25 }, (_, i) => seizure(i + 1)),
      distancePx: 0,
    };
    const gate: PickEntry = {
      layer: 'border_gates',
      features: [{ layer: 'border_gates', key: 'g', properties: { name_vi: 'X' }, lngLat: null }],
      distancePx: 2,
    };
    const [got, untouched] = await withSeizureRecords([pile, gate], async (id) => {
      asked.push(id);
      return {
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [105.123456, 10.654321] },
        properties: { category: 'sugar', goods_code: 'sugar_white' },
      };
    });
    expect(asked.sort((a, b) => a - b)).toEqual(Array.from({ length: PILE_MAX }, (_, i) => i + 1));
    expect(got.features).toHaveLength(20);
    expect(got.more).toBe(5);
    expect(got.features[0].properties).toEqual({
      category: 'sugar',
      goods_code: 'sugar_white',
      id: 1,
    });
    expect(got.features[0].lngLat).toEqual([105.123456, 10.654321]);
    expect(untouched).toBe(gate);
  });
});
