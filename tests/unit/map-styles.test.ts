import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATE_KINDS, LAYER_IDS } from '../../src/lib/domain';
import { basemapStyle } from '../../src/lib/map/basemap';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { FAMILY_STYLES, GOODS_FAMILIES, categoriesOf } from '../../src/lib/map/goods-families';
import { POINTS_BEFORE_ID } from '../../src/lib/map/seizure-points.svelte';
import {
  AGENCY_COLOURS,
  BADGES_FULL_ZOOM,
  BADGES_LOW,
  CATEGORY_COLOURS,
  CLICKABLE_LAYERS,
  FONT_BOLD,
  FONT_REGULAR,
  GATE_STYLES,
  MAP_LAYERS,
  MARK_SIZES_PX,
  dataLayerSpecs,
  gateLabelOffsets,
  markScaleAt,
  valueClass,
  valueClasses,
} from '../../src/lib/map/styles';
import { evaluateProperty } from '../lib/style-eval';

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
  it('lists the size classes the legend shows, at full size from zoom 11', () => {
    expect(valueClasses()).toEqual([
      [0, 50_000_000, 9],
      [50_000_000, 200_000_000, 12],
      [200_000_000, 1_000_000_000, 16],
      [1_000_000_000, null, 21],
    ]);
    expect(MARK_SIZES_PX).toEqual([9, 12, 16, 21]);
  });
  it('shrinks the marks zoomed out, as the legend says', () => {
    expect(markScaleAt(6)).toBe(0.75);
    expect(markScaleAt(8)).toBe(0.75);
    expect(markScaleAt(9.5)).toBeCloseTo(0.875);
    expect(markScaleAt(11)).toBe(1);
    expect(markScaleAt(null)).toBe(1);
    expect(valueClasses(9.5)[2][2]).toBeCloseTo(14, 5);
  });
});

describe('seizure colours', () => {
  it('give every category its family colour', () => {
    for (const f of GOODS_FAMILIES) {
      for (const c of categoriesOf(f)) expect(CATEGORY_COLOURS[c], c).toBe(FAMILY_STYLES[f].colour);
    }
    expect(new Set(Object.values(AGENCY_COLOURS)).size).toBe(3);
  });
});

describe('gates', () => {
  it('give every kind its own colour, shape and badge size, largest for international', () => {
    expect(new Set(GATE_KINDS.map((k) => GATE_STYLES[k].colour)).size).toBe(GATE_KINDS.length);
    expect(new Set(GATE_KINDS.map((k) => GATE_STYLES[k].shape)).size).toBe(GATE_KINDS.length);
    for (const k of GATE_KINDS) {
      expect(GATE_STYLES[k].sizePx).toBeLessThanOrEqual(GATE_STYLES.international.sizePx);
    }
  });
  it('draw badges at full size from the zoom a province opens at, smaller for both at once', () => {
    const layer = dataLayerSpecs('vi', 'agency').find((l) => l.id === 'gates-symbol')!;
    const size = (zoom: number) =>
      evaluateProperty('symbol', 'layout', 'icon-size', layer.layout!['icon-size' as never], zoom, {
        kind: 'international',
      });
    expect(size(BADGES_FULL_ZOOM)).toBe(1);
    expect(size(9.5)).toBe(1);
    expect(size(BADGES_LOW.zoom)).toBeCloseTo(BADGES_LOW.scale);
    expect(size(6)).toBeGreaterThan(BADGES_LOW.scale);
    expect(size(6)).toBeLessThan(1);
  });
  it("set labels clear of their badge, above or below past maplibre's baseline pull", () => {
    for (const k of GATE_KINDS) {
      const offsets = gateLabelOffsets(k);
      const byAnchor = Object.fromEntries(
        offsets.flatMap((v, i) => (i % 2 === 0 ? [[v, offsets[i + 1]]] : [])),
      ) as Record<string, [number, number]>;
      expect(offsets[0]).toBe('top');
      const textPx = k === 'international' ? 13 : k === 'main' ? 12 : 11;
      const half = GATE_STYLES[k].sizePx / 2;
      expect(byAnchor.left[0] * textPx).toBeGreaterThan(half + 2);
      expect(byAnchor.right[0] * textPx).toBeLessThan(-(half + 2));
      expect((byAnchor.top[1] - 7 / 24) * textPx).toBeGreaterThan(half + 2);
      expect((byAnchor.bottom[1] + 7 / 24) * textPx).toBeLessThan(-(half + 2));
    }
  });
});

describe('layer specs', () => {
  const specs = dataLayerSpecs('vi', 'agency');
  const ids = specs.map((s) => s.id);

  it('toggle and click only layers that exist', () => {
    for (const id of LAYER_IDS) for (const layer of MAP_LAYERS[id]) expect(ids).toContain(layer);
    for (const c of CLICKABLE_LAYERS) expect(ids).toContain(c.mapLayer);
  });
  it('leave the seizures to deck.gl, placed above the lines and under the gates', () => {
    expect(MAP_LAYERS.seizures).toEqual([]);
    expect(CLICKABLE_LAYERS.some((c) => c.layer === 'seizures')).toBe(false);
    // The points layer goes right before POINTS_BEFORE_ID: above the frontier, under the gates.
    expect(ids.indexOf(POINTS_BEFORE_ID)).toBeGreaterThan(ids.indexOf('frontier-line'));
    for (const id of ['gates-label', 'gates-symbol']) {
      expect(ids.indexOf(id), id).toBeGreaterThan(ids.indexOf(POINTS_BEFORE_ID));
    }
    // maplibre places the top layer first: major badges, then names, which make way for them.
    expect(ids.indexOf('gates-symbol')).toBeGreaterThan(ids.indexOf('gates-label'));
    expect(ids.indexOf('provinces-fill')).toBe(0);
  });
  it('form a valid maplibre style in both languages and colourings', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const mode of ['agency', 'category'] as const) {
        const errors = validateStyleMin(basemapStyle('http://127.0.0.1:3000', locale, mode));
        expect(errors.map((e) => e.message)).toEqual([]);
      }
    }
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
