import { describe, expect, it } from 'vitest';
import { countMatching, seizureStats } from '../../src/lib/map/stats';

const features = [
  {
    properties: {
      occurred_at: '2024-01-10T03:00:00Z',
      value_vnd: 100_000_000,
      subjects: 2,
      lead_agency: 'customs',
      category: 'sugar',
      synthetic: true,
    },
  },
  {
    // 18:30 UTC on 31 Dec is 01:30 on 1 Jan in Hanoi.
    properties: {
      occurred_at: '2023-12-31T18:30:00Z',
      value_vnd: '50000000',
      subjects: 1,
      lead_agency: 'joint',
      category: 'sugar',
      synthetic: true,
    },
  },
  {
    properties: {
      occurred_at: '2024-05-02T10:00:00Z',
      value_vnd: null,
      subjects: null,
      lead_agency: 'border_guard',
      category: 'drugs',
      synthetic: false,
    },
  },
];

describe('seizureStats', () => {
  it('sums counts, value and subjects and groups by agency and category', () => {
    expect(seizureStats(features)).toEqual({
      count: 3,
      valueVnd: 150_000_000,
      subjects: 3,
      byAgency: { customs: 1, border_guard: 1, joint: 1 },
      categories: [
        { category: 'sugar', count: 2, valueVnd: 150_000_000 },
        { category: 'drugs', count: 1, valueVnd: 0 },
      ],
      period: ['2024-01-01', '2024-05-02'],
      synthetic: 2,
    });
  });
  it('is empty without features', () => {
    expect(seizureStats([])).toMatchObject({ count: 0, valueVnd: 0, period: null, categories: [] });
  });
  it('does not change its input', () => {
    const copy = structuredClone(features);
    seizureStats(features);
    expect(features).toEqual(copy);
  });
});

describe('countMatching', () => {
  it('counts equal and, with not, unequal values', () => {
    expect(countMatching(features, { property: 'category', value: 'sugar' })).toBe(2);
    expect(countMatching(features, { property: 'category', value: 'sugar', not: true })).toBe(1);
    expect(countMatching(features, { property: 'kind', value: 'river' })).toBe(0);
  });
  it('counts any of several values (a goods family)', () => {
    const any = { property: 'category', value: ['sugar', 'drugs'] };
    expect(countMatching(features, any)).toBe(3);
    expect(countMatching(features, { ...any, not: true })).toBe(0);
    expect(countMatching(features, { property: 'category', value: [] })).toBe(0);
  });
});
