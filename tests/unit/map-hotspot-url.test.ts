import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOTSPOT_VIEW,
  decodeHotspotView,
  encodeHotspotView,
  isCellIdOf,
  type HotspotView,
} from '../../src/lib/map/hotspot-url';
import { DEFAULT_VIEW, decodeView, viewQuery } from '../../src/lib/map/url-state';

const encode = (view: HotspotView) => {
  const params = new URLSearchParams();
  encodeHotspotView(view, params);
  return params.toString().replace(/%3A/gi, ':');
};

describe('the hot-spot view in the URL', () => {
  it('leaves the defaults out', () => {
    expect(encode(DEFAULT_HOTSPOT_VIEW)).toBe('');
    expect(viewQuery(DEFAULT_VIEW)).toBe('');
  });
  it('writes every other value in a fixed order and reads it back', () => {
    const view: HotspotView = {
      mode: 'emerging',
      cell: 500,
      fdr: true,
      step: 'quarter',
      selected: '500:-12:34',
    };
    expect(encode(view)).toBe('hs=emerging&cell=500&fdr=1&step=quarter&spot=500:-12:34');
    expect(decodeHotspotView(new URLSearchParams(encode(view)))).toEqual(view);
    for (const mode of ['density', 'off'] as const) {
      const v = { ...DEFAULT_HOTSPOT_VIEW, mode };
      expect(decodeHotspotView(new URLSearchParams(encode(v)))).toEqual(v);
    }
  });
  it('rides along with the rest of the view', () => {
    const view = {
      ...DEFAULT_VIEW,
      from: '2024-01-01',
      hotspots: { ...DEFAULT_HOTSPOT_VIEW, cell: 2000 as const },
    };
    const query = viewQuery(view);
    expect(query).toBe('from=2024-01-01&cell=2000');
    expect(decodeView(new URLSearchParams(query))).toEqual(view);
  });
  it('ignores unknown and malformed values, field by field', () => {
    const v = decodeHotspotView(
      new URLSearchParams('hs=heat&cell=750&fdr=yes&step=week&spot=1000:1:x'),
    );
    expect(v).toEqual(DEFAULT_HOTSPOT_VIEW);
    // A chosen cell of another grid than the one shown names nothing on this map.
    expect(decodeHotspotView(new URLSearchParams('cell=2000&spot=1000:1:2')).selected).toBeNull();
    expect(decodeHotspotView(new URLSearchParams('spot=1000:1:2')).selected).toBe('1000:1:2');
    expect(decodeHotspotView(new URLSearchParams('hs=density&cell=abc')).mode).toBe('density');
  });
  it('does not write a chosen cell that belongs to another grid', () => {
    expect(encode({ ...DEFAULT_HOTSPOT_VIEW, selected: '500:1:1' })).toBe('');
  });
  it('recognises cell ids of one grid size', () => {
    expect(isCellIdOf('1000:-3:7', 1000)).toBe(true);
    expect(isCellIdOf('1000:-3:7', 500)).toBe(false);
    expect(isCellIdOf('1000:x:7', 1000)).toBe(false);
    expect(isCellIdOf(null, 1000)).toBe(false);
  });
});
