import { describe, expect, it } from 'vitest';
import { hotspotQuery } from '../../src/lib/server/api/hotspot-params';
import { MAX_BANDWIDTH_M } from '../../src/lib/server/services/hotspot-query';
import { classCounts, topHot } from '../../src/lib/server/services/hotspots';

describe('hotspotQuery', () => {
  it('defaults the band to three cells and the bandwidth to the band', () => {
    const q = hotspotQuery({ province: 'an_giang', cell: '750' });
    expect(q).toMatchObject({ cellM: 750, distanceM: 2250, bandwidthM: 2250, fdr: false });
    expect(q).toMatchObject({ from: null, to: null, window: {} });
    expect(q.filter.province).toBe('an_giang');
  });

  it('keeps a default bandwidth within its cap, but refuses a wider one asked for', () => {
    const q = hotspotQuery({ province: 'lang_son', cell: '20000', distance: '60000' });
    expect(q.bandwidthM).toBe(MAX_BANDWIDTH_M);
    expect(() => hotspotQuery({ province: 'lang_son', bandwidth: '50001' })).toThrow(
      /at most 50000 m/,
    );
  });

  it('echoes the window and reads fdr strictly', () => {
    const q = hotspotQuery({
      province: 'an_giang',
      from: '2024-01-01',
      to: '2024-03-31',
      fdr: 'true',
    });
    expect(q).toMatchObject({ from: '2024-01-01', to: '2024-03-31', fdr: true });
    expect(q.window).toEqual({ first: '2024-01', last: '2024-03' });
    expect(() => hotspotQuery({ province: 'an_giang', fdr: '1' })).toThrow(/fdr/);
    expect(() => hotspotQuery({ province: 'an_giang', cell: '1e3' })).toThrow(/cell/);
  });
});

describe('hot-spot summary helpers', () => {
  it('ranks hot cells by z, then by seizures where z ties, then by cell order', () => {
    const gi = { z: Float64Array.of(3, 5, 5, 5, 2, 9), classes: Int8Array.of(3, 3, 3, 3, 0, -3) };
    // Cell 4 is not hot (class 0); cell 5 is cold.
    expect(topHot(gi, [0, 1, 4, 1, 9, 9])).toEqual([2, 1, 3, 0]);
    expect(topHot(gi, [0, 1, 4, 1, 9, 9], 2)).toEqual([2, 1]);
  });

  it('counts cells per class, every class listed', () => {
    expect(classCounts([0, 3, -1, 3, 0])).toEqual({
      '-3': 0,
      '-2': 0,
      '-1': 1,
      '0': 2,
      '1': 0,
      '2': 0,
      '3': 2,
    });
  });
});
