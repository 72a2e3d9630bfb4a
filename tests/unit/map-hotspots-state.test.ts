import { describe, expect, it } from 'vitest';
import { kindOf, spotBounds } from '../../src/lib/map/hotspots-state.svelte';

describe('hot-spot state helpers', () => {
  it('asks one call for Gi* and density, another for emerging, none when off', () => {
    expect(kindOf('gi')).toBe('hotspots');
    expect(kindOf('density')).toBe('hotspots');
    expect(kindOf('emerging')).toBe('emerging');
    expect(kindOf('off')).toBeNull();
  });
  it('frames a chosen hot spot with two cells around it, wider in longitude away from the equator', () => {
    const [w, s, e, n] = spotBounds({ centre: [105, 10] }, 1000, 2);
    expect(n - s).toBeCloseTo((2 * 2500) / 111_320, 9);
    expect(e - w).toBeCloseTo((2 * 2500) / (111_320 * Math.cos((10 * Math.PI) / 180)), 9);
    expect((w + e) / 2).toBeCloseTo(105, 12);
    const north = spotBounds({ centre: [106.7, 22] }, 1000, 2);
    // By default four rings: the nearest gate or river in view.
    const wide = spotBounds({ centre: [105, 10] }, 1000);
    expect(wide[3] - wide[1]).toBeCloseTo((2 * 4500) / 111_320, 9);
    expect(north[2] - north[0]).toBeGreaterThan(e - w);
  });
});
