import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCIES, CATEGORIES, GATE_KINDS, LAYER_IDS } from '../../src/lib/domain';
import { vi } from '../../src/lib/i18n/messages';
import { basemapStyle } from '../../src/lib/map/basemap';
import {
  AGENCY_COLOURS,
  CATEGORY_COLOURS,
  CLICKABLE_LAYERS,
  FONT_BOLD,
  FONT_REGULAR,
  GATE_STYLES,
  MAP_LAYERS,
  dataLayerSpecs,
  legendEntries,
  seizureColour,
  seizureRadius,
  valueClass,
  valueClasses,
} from '../../src/lib/map/styles';

describe('seizure value classes', () => {
  it('puts a value on a break into the class above', () => {
    expect(valueClass(0)).toBe(0);
    expect(valueClass(49_999_999)).toBe(0);
    expect(valueClass(50_000_000)).toBe(1);
    expect(valueClass(199_999_999)).toBe(1);
    expect(valueClass(200_000_000)).toBe(2);
    expect(valueClass(999_999_999)).toBe(2);
    expect(valueClass(1_000_000_000)).toBe(3);
    expect(valueClass(5_000_000_000)).toBe(3);
  });
  it('draws the same classes on the map as the legend explains', () => {
    expect(seizureRadius()).toEqual([
      'step',
      ['to-number', ['get', 'value_vnd'], 0],
      4,
      50_000_000,
      6,
      200_000_000,
      8.5,
      1_000_000_000,
      11.5,
    ]);
    expect(valueClasses()).toEqual([
      [0, 50_000_000, 4],
      [50_000_000, 200_000_000, 6],
      [200_000_000, 1_000_000_000, 8.5],
      [1_000_000_000, null, 11.5],
    ]);
  });
});

describe('colours', () => {
  it('colours seizures by lead agency with a grey fallback', () => {
    expect(seizureColour('agency')).toEqual([
      'match',
      ['get', 'lead_agency'],
      'customs',
      '#e07b00',
      'border_guard',
      '#4c3bb3',
      'joint',
      '#0b8a94',
      '#888888',
    ]);
  });
  it('gives every category, agency and gate kind its own colour', () => {
    const categories = CATEGORIES.map((c) => CATEGORY_COLOURS[c]);
    expect(new Set(categories).size).toBe(CATEGORIES.length);
    expect(new Set(AGENCIES.map((a) => AGENCY_COLOURS[a])).size).toBe(AGENCIES.length);
    expect(new Set(GATE_KINDS.map((k) => GATE_STYLES[k].colour)).size).toBe(GATE_KINDS.length);
    expect(new Set(GATE_KINDS.map((k) => GATE_STYLES[k].shape)).size).toBe(GATE_KINDS.length);
    expect(seizureColour('category')).toHaveLength(3 + 2 * CATEGORIES.length);
  });
});

describe('legend', () => {
  it('labels every row with a message that exists', () => {
    for (const id of LAYER_IDS) {
      for (const mode of ['agency', 'category'] as const) {
        for (const entry of legendEntries(id, mode))
          expect(entry.label in vi, entry.label).toBe(true);
      }
    }
  });
  it('has a row per gate kind and per agency', () => {
    expect(legendEntries('border_gates', 'agency').map((e) => e.match?.value)).toEqual([
      ...GATE_KINDS,
    ]);
    expect(legendEntries('seizures', 'agency').map((e) => e.label)).toEqual([
      'agency.customs',
      'agency.border_guard',
      'agency.joint',
    ]);
    expect(legendEntries('seizures', 'category')).toHaveLength(CATEGORIES.length);
  });
});

describe('layer specs', () => {
  const specs = dataLayerSpecs('vi', 'agency');
  const ids = specs.map((s) => s.id);

  it('toggle and click only layers that exist', () => {
    for (const id of LAYER_IDS) for (const layer of MAP_LAYERS[id]) expect(ids).toContain(layer);
    for (const c of CLICKABLE_LAYERS) expect(ids).toContain(c.mapLayer);
  });
  it('draw seizures and gates above the lines', () => {
    expect(ids.indexOf('seizures-circle')).toBeGreaterThan(ids.indexOf('frontier-line'));
    expect(ids.indexOf('gates-symbol')).toBeGreaterThan(ids.indexOf('seizures-circle'));
    expect(ids.indexOf('provinces-fill')).toBe(0);
  });
});

describe('offline basemap', () => {
  const style = basemapStyle('http://127.0.0.1:3000', 'vi', 'agency');

  it('fetches glyphs from its own origin only and has no tiles or sprites', () => {
    expect(style.glyphs).toBe('http://127.0.0.1:3000/fonts/{fontstack}/{range}.pbf');
    expect(style.sprite).toBeUndefined();
    const urls = JSON.stringify(style).match(/https?:\/\/[^"/]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://127.0.0.1:3000']));
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });
  it('ships the glyph ranges Vietnamese labels need for every font it uses', () => {
    const fonts = new Set<string>();
    for (const layer of style.layers) {
      const font = (layer.layout as Record<string, unknown> | undefined)?.['text-font'];
      if (Array.isArray(font)) for (const f of font) fonts.add(String(f));
    }
    expect([...fonts].sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
    for (const font of fonts) {
      for (const range of ['0-255', '256-511', '768-1023', '7680-7935', '8192-8447']) {
        const file = join(__dirname, '../../src/lib/assets/fonts', font, `${range}.pbf`);
        expect(existsSync(file), file).toBe(true);
      }
    }
  });
});
