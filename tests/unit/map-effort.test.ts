import { describe, expect, it } from 'vitest';
import { fetchEffort } from '../../src/lib/effort-api';
import { effortFill } from '../../src/lib/map/hotspot-styles';
import { decodeHotspotView, encodeHotspotView } from '../../src/lib/map/hotspot-url';
import { kindOf } from '../../src/lib/map/hotspots-state.svelte';

describe('the per-patrol-effort mode', () => {
  it('is a hot-spot mode in the URL, fetched from its own call', () => {
    const view = decodeHotspotView(new URLSearchParams('hs=effort&cell=2000'));
    expect(view.mode).toBe('effort');
    const params = new URLSearchParams();
    encodeHotspotView(view, params);
    expect(params.toString()).toBe('hs=effort&cell=2000');
    expect(kindOf('effort')).toBe('effort');
  });

  it('colours every status but no patrol', () => {
    expect(effortFill('more_than_effort')).toEqual([197, 27, 125, 173]);
    expect(effortFill('not_enough_patrol')).toEqual([241, 220, 167, 173]);
    expect(effortFill('no_patrol')).toBeNull();
    expect(effortFill(undefined)).toBeNull();
  });

  it('asks /api/effort with the seizure filters and the cell, and reads seizures as counts', async () => {
    let asked = '';
    const answer = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '1000:1:2',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: {
            cell_id: '1000:1:2',
            seizures: 7,
            planned_km_week: 0,
            patrolled_km_week: 3.5,
            rate_per_100km: 12.5,
            status: 'more_than_effort',
          },
        },
      ],
      summary: { province: 'an_giang', cell_m: 1000, cells: 1, seizures: 7, basis: 'patrols' },
    };
    const fetchFn = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify(answer), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const fc = await fetchEffort(
      { province: 'an_giang', cell: 1000, fdr: true, from: '2024-01-01', category: ['sugar'] },
      {},
      fetchFn,
    );
    expect(asked).toBe('/api/effort?province=an_giang&from=2024-01-01&category=sugar&cell=1000');
    expect(fc.features[0].properties).toMatchObject({
      count: 7,
      status: 'more_than_effort',
      class: 0,
      patrolled_km_week: 3.5,
    });
    expect(fc.summary).toMatchObject({ points: 7, top: [], effort: { basis: 'patrols' } });
  });
});
