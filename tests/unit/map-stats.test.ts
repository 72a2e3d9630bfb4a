import { describe, expect, it } from 'vitest';
import { countMatching } from '../../src/lib/map/stats';

const features = [
  { properties: { category: 'sugar', lead_agency: 'customs' } },
  { properties: { category: 'sugar', lead_agency: 'joint' } },
  { properties: { category: 'drugs', lead_agency: 'border_guard' } },
];

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
