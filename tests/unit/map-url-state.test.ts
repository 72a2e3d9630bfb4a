import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  decodeView,
  encodeView,
  viewQuery,
  type ViewState,
} from '../../src/lib/map/url-state';
import { DEFAULT_HOTSPOT_VIEW } from '../../src/lib/map/hotspot-url';

const SHARED: ViewState = {
  province: 'lang_son',
  visible: ['seizures', 'frontier', 'border_gates'],
  from: '2023-01-01',
  to: '2023-12-31',
  categories: ['drugs', 'cigarettes'],
  agencies: ['joint', 'customs'],
  colourBy: 'category',
  center: [106.71234567, 21.97],
  zoom: 9.876,
  locale: 'en',
  hotspots: DEFAULT_HOTSPOT_VIEW,
};

describe('encodeView', () => {
  it('writes nothing for the default view', () => {
    expect(encodeView(DEFAULT_VIEW).toString()).toBe('');
    expect(viewQuery(DEFAULT_VIEW)).toBe('');
  });
  it('writes every field in a fixed order, lists in allowlist order, short numbers', () => {
    expect(viewQuery(SHARED)).toBe(
      'p=lang_son&layers=frontier,border_gates,seizures&from=2023-01-01&to=2023-12-31' +
        '&cat=cigarettes,drugs&agency=customs,joint&by=category&c=106.71235,21.97&z=9.88&lang=en',
    );
  });
  it('writes no camera for both provinces side by side: each map frames its own frontier', () => {
    expect(viewQuery({ ...SHARED, province: 'all' })).toBe(
      'p=all&layers=frontier,border_gates,seizures&from=2023-01-01&to=2023-12-31' +
        '&cat=cigarettes,drugs&agency=customs,joint&by=category&lang=en',
    );
  });
  it('writes an empty layer list when every layer is hidden', () => {
    expect(viewQuery({ ...DEFAULT_VIEW, visible: [] })).toBe('layers=');
  });
});

describe('decodeView', () => {
  it('reads an empty query as the default view', () => {
    expect(decodeView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });
  it('reads back what encodeView wrote', () => {
    const view = decodeView(new URLSearchParams(viewQuery(SHARED)));
    expect(view).toEqual({
      ...SHARED,
      visible: ['frontier', 'border_gates', 'seizures'],
      categories: ['cigarettes', 'drugs'],
      agencies: ['customs', 'joint'],
      center: [106.71235, 21.97],
      zoom: 9.88,
    });
  });
  it('ignores malformed and unknown values field by field', () => {
    const view = decodeView(
      new URLSearchParams(
        'p=hanoi&from=2024-02-30&to=2024-13-01&cat=drugs,plutonium&agency=navy&by=colour&c=500,10&z=3&lang=fr',
      ),
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, categories: ['drugs'] });
  });
  it('drops an end date before the start date', () => {
    const view = decodeView(new URLSearchParams('from=2024-05-01&to=2024-01-01'));
    expect(view.from).toBe('2024-05-01');
    expect(view.to).toBe('');
  });
  it('needs both centre and zoom for a camera', () => {
    expect(decodeView(new URLSearchParams('z=8')).center).toBeNull();
    expect(decodeView(new URLSearchParams('c=105,10')).zoom).toBeNull();
    expect(decodeView(new URLSearchParams('c=105,10&z=8'))).toMatchObject({
      center: [105, 10],
      zoom: 8,
    });
  });
  it('ignores a camera pasted into a side-by-side link, keeping the rest', () => {
    const view = decodeView(new URLSearchParams('p=all&c=105,10&z=8&from=2022-01-01&lang=en'));
    expect(view).toEqual({
      ...DEFAULT_VIEW,
      province: 'all',
      from: '2022-01-01',
      locale: 'en',
      center: null,
      zoom: null,
    });
    expect(decodeView(encodeView({ ...SHARED, province: 'all' }))).toEqual({
      ...SHARED,
      province: 'all',
      visible: ['frontier', 'border_gates', 'seizures'],
      categories: ['cigarettes', 'drugs'],
      agencies: ['customs', 'joint'],
      center: null,
      zoom: null,
    });
  });
  it('reads "all" provinces and an empty layer list', () => {
    expect(decodeView(new URLSearchParams('p=all&layers=')).province).toBe('all');
    expect(decodeView(new URLSearchParams('layers=')).visible).toEqual([]);
  });
});
