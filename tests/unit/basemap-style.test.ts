import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import type { BasemapDescription } from '../../src/lib/basemap-description';
import {
  attributionHtml,
  basemapStyle,
  composeStyle,
  externalParts,
  glyphRedirect,
  loadBasemap,
} from '../../src/lib/map/basemap';
import { layerRole, vectorLayers } from '../../src/lib/map/generic-style';

const ORIGIN = 'http://127.0.0.1:3000';
const FIXTURE = join(import.meta.dirname, '../fixtures/basemap');
const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('the offline default', () => {
  const style = basemapStyle(ORIGIN, 'vi', 'agency');
  const order = ids(style.layers);

  it('draws sea, land and boundaries under the data, names between its lines and its points', () => {
    expect(order[0]).toBe('basemap-sea');
    expect(order.indexOf('basemap-land')).toBeLessThan(order.indexOf('provinces-fill'));
    expect(order.indexOf('basemap-boundary')).toBeLessThan(order.indexOf('provinces-fill'));
    expect(order.indexOf('basemap-place-label-city')).toBeGreaterThan(
      order.indexOf('frontier-line'),
    );
    expect(order.indexOf('basemap-place-label-city')).toBeLessThan(
      order.indexOf('gates-symbol-minor'),
    );
    expect(order.indexOf('gates-symbol')).toBe(order.length - 1);
  });

  it('reads one same-origin GeoJSON file and labels in the interface language', () => {
    const source = style.sources['basemap-offline'] as { type: string; data: string };
    expect(source.type).toBe('geojson');
    expect(new URL(source.data).origin).toBe(ORIGIN);
    expect(source.data).toMatch(/offline.*\.geojson$/);
    const label = style.layers.find((l) => l.id === 'basemap-place-label-town');
    expect(JSON.stringify(label?.layout?.['text-field' as never])).toContain('name_vi');
    const english = basemapStyle(ORIGIN, 'en', 'agency').layers.find(
      (l) => l.id === 'basemap-place-label-town',
    );
    expect(JSON.stringify(english?.layout?.['text-field' as never])).toContain('name_en');
  });
});

describe('externalParts', () => {
  const fixture = JSON.parse(readFileSync(join(FIXTURE, 'style.json'), 'utf8'));
  const parts = externalParts(
    fixture,
    `${ORIGIN}/basemap/style.json`,
    `${ORIGIN}/basemap/tiles.pmtiles`,
  );

  it('points pmtiles:// sources at the served archive and makes URLs absolute', () => {
    expect(parts.sources['basemap:geodata']).toMatchObject({
      type: 'vector',
      url: `pmtiles://${ORIGIN}/basemap/tiles.pmtiles`,
    });
    expect(parts.glyphs).toBe(`${ORIGIN}/fonts/{fontstack}/{range}.pbf`);
  });

  it('renames layers and sources, and lifts its labels over the data lines', () => {
    expect(ids(parts.ground)).toContain('basemap:land');
    expect(ids(parts.names)).toEqual(['basemap:place-names']);
    for (const l of [...parts.ground, ...parts.names])
      if ('source' in l) expect(l.source).toBe('basemap:geodata');
  });

  it('makes the data’s province fill transparent, so the basemap shows through', () => {
    const style = composeStyle(ORIGIN, 'en', 'agency', parts);
    const fill = style.layers.find((l) => l.id === 'provinces-fill');
    expect(fill?.paint).toMatchObject({ 'fill-opacity': 0 });
    const offline = basemapStyle(ORIGIN, 'en', 'agency').layers.find(
      (l) => l.id === 'provinces-fill',
    );
    expect(offline?.paint).toMatchObject({ 'fill-opacity': 1 });
  });

  it('keeps the template braces of tile and sprite URLs from another host', () => {
    const style = {
      version: 8,
      sprite: 'sprites/basic',
      glyphs: 'fonts/{fontstack}/{range}.pbf',
      sources: { t: { type: 'raster', tiles: ['tiles/{z}/{x}/{y}.png'] } },
      layers: [{ id: 'r', type: 'raster', source: 't' }],
    } as unknown as StyleSpecification;
    const p = externalParts(style, 'https://maps.example/styles/basic/style.json');
    expect(p.glyphs).toBe('https://maps.example/styles/basic/fonts/{fontstack}/{range}.pbf');
    expect(p.sprite).toBe('https://maps.example/styles/basic/sprites/basic');
    expect(p.sources['basemap:t']).toMatchObject({
      tiles: ['https://maps.example/styles/basic/tiles/{z}/{x}/{y}.png'],
    });
  });
});

describe('a vector archive without a style', () => {
  it('guesses what each layer holds from its name (Protomaps and OpenMapTiles names)', () => {
    expect(layerRole('earth')).toBe('land');
    expect(layerRole('water')).toBe('water');
    expect(layerRole('waterway')).toBe('water');
    expect(layerRole('transportation')).toBe('road');
    expect(layerRole('roads')).toBe('road');
    expect(layerRole('boundaries')).toBe('boundary');
    expect(layerRole('landcover')).toBe('landcover');
    expect(layerRole('place')).toBe('place');
    expect(layerRole('buildings')).toBe('building');
    expect(layerRole('pipelines')).toBe('other');
  });

  it('draws land first, water over it, boundaries over roads, and labels every layer', () => {
    const { ground, names } = vectorLayers('a', ['roads', 'boundaries', 'water', 'earth'], 'en');
    expect(ids(ground)).toEqual([
      'basemap-background',
      'basemap-earth-fill',
      'basemap-water-fill',
      'basemap-water-line',
      'basemap-roads-line',
      'basemap-boundaries-line',
    ]);
    // With a land layer, the background is the sea.
    expect(ground[0].paint).toMatchObject({ 'background-color': '#c6dbe9' });
    expect(ids(names)).toHaveLength(4);
  });
});

describe('glyphRedirect', () => {
  const redirect = glyphRedirect(ORIGIN);
  it('sends our font stacks to this app whatever glyphs URL the basemap names', () => {
    expect(
      redirect('https://fonts.example/noto-sans-bold/7680-7935.pbf', 'Glyphs' as never),
    ).toEqual({
      url: `${ORIGIN}/fonts/noto-sans-bold/7680-7935.pbf`,
    });
    expect(
      redirect('https://fonts.example/Open%20Sans/0-255.pbf', 'Glyphs' as never),
    ).toBeUndefined();
    expect(
      redirect(`${ORIGIN}/fonts/noto-sans-regular/0-255.pbf`, 'Glyphs' as never),
    ).toBeUndefined();
    expect(redirect('https://t.example/noto-sans-bold/0-255.pbf', 'Tile' as never)).toBeUndefined();
  });
});

describe('loadBasemap', () => {
  const answer = (d: Partial<BasemapDescription>): BasemapDescription => ({
    kind: 'offline',
    attribution: null,
    style_url: null,
    pmtiles_url: null,
    tiles_url: null,
    tile_type: null,
    tile_size: null,
    min_zoom: null,
    max_zoom: null,
    bounds: null,
    vector_layers: [],
    ...d,
  });
  const env = (documents: Record<string, unknown>) => ({
    origin: ORIGIN,
    locale: 'vi' as const,
    colourMode: 'agency' as const,
    addProtocol: vi.fn(),
    fetch: (async (url: string) =>
      url in documents
        ? new Response(JSON.stringify(documents[url]))
        : new Response('gone', { status: 502 })) as typeof fetch,
  });

  it('draws XYZ tiles as a raster source with the configured attribution', async () => {
    const e = env({
      [`${ORIGIN}/api/basemap`]: answer({
        kind: 'xyz',
        tiles_url: 'https://imagery.example/{z}/{x}/{y}.jpg',
        tile_size: 256,
        max_zoom: 17,
        attribution: 'Imagery © Agency',
      }),
    });
    const basemap = await loadBasemap(e);
    expect(basemap.style.sources['basemap:raster']).toEqual({
      type: 'raster',
      tiles: ['https://imagery.example/{z}/{x}/{y}.jpg'],
      tileSize: 256,
      maxzoom: 17,
    });
    expect(basemap.attribution).toBe('Imagery © Agency');
    expect(e.addProtocol).not.toHaveBeenCalled();
  });

  it('registers the pmtiles protocol for an archive and styles it from its layers', async () => {
    const e = env({
      [`${ORIGIN}/api/basemap`]: answer({
        kind: 'pmtiles',
        pmtiles_url: '/basemap/tiles.pmtiles',
        tile_type: 'mvt',
        vector_layers: ['land', 'waterways'],
      }),
    });
    const basemap = await loadBasemap(e);
    expect(e.addProtocol).toHaveBeenCalledWith('pmtiles', expect.any(Function));
    expect(basemap.style.sources['basemap:archive']).toEqual({
      type: 'vector',
      url: `pmtiles://${ORIGIN}/basemap/tiles.pmtiles`,
    });
    expect(Object.keys(basemap.textFields('en'))).toEqual([
      'basemap-land-label',
      'basemap-waterways-label',
    ]);
  });

  it('falls back to the offline default when the configured style cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = env({
      [`${ORIGIN}/api/basemap`]: answer({
        kind: 'style',
        style_url: 'https://maps.example/style.json',
      }),
    });
    const basemap = await loadBasemap(e);
    expect(Object.keys(basemap.style.sources)).toContain('basemap-offline');
    expect(basemap.attribution).toBe('Natural Earth');
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

describe('attributionHtml', () => {
  it('shows configured text as text', () => {
    expect(attributionHtml('<img src=x onerror=alert(1)> © "A" & B')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; © &quot;A&quot; &amp; B',
    );
    expect(attributionHtml(null)).toBeUndefined();
  });
});
