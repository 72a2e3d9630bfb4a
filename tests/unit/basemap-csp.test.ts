import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { basemapOrigins, styleOrigins, widenCsp } from '../../src/lib/server/basemap/csp';

const FIXTURE = join(import.meta.dirname, '../fixtures/basemap');
const KIT_CSP =
  "child-src 'self' blob:; default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
  "script-src 'self' 'nonce-abc'; frame-ancestors 'none'";

describe('widenCsp', () => {
  it('adds origins to connect-src and img-src only', () => {
    const csp = widenCsp(KIT_CSP, ['https://tiles.example', 'https://fonts.example']);
    expect(csp).toBe(
      "child-src 'self' blob:; default-src 'self'; " +
        "connect-src 'self' https://tiles.example https://fonts.example; " +
        "img-src 'self' data: blob: https://tiles.example https://fonts.example; " +
        "script-src 'self' 'nonce-abc'; frame-ancestors 'none'",
    );
  });

  it('leaves the policy alone with nothing to add, and adds no origin twice', () => {
    expect(widenCsp(KIT_CSP, [])).toBe(KIT_CSP);
    expect(widenCsp(widenCsp(KIT_CSP, ['https://t.example']), ['https://t.example'])).toBe(
      widenCsp(KIT_CSP, ['https://t.example']),
    );
  });

  it('creates a missing directive from default-src, dropping a lone none', () => {
    expect(widenCsp("default-src 'none'", ['https://t.example'])).toBe(
      "default-src 'none'; connect-src https://t.example; img-src https://t.example",
    );
  });
});

const STYLE = {
  version: 8,
  glyphs: 'https://fonts.example/{fontstack}/{range}.pbf',
  sprite: [{ id: 'main', url: 'https://sprites.example/sprite' }],
  sources: {
    vector: { type: 'vector', url: 'https://tilejson.example/basemap.json' },
    raster: { type: 'raster', tiles: ['https://{s}.imagery.example/{z}/{x}/{y}.png'] },
    archive: { type: 'vector', url: 'pmtiles://https://archives.example/vn.pmtiles' },
    local: { type: 'geojson', data: 'overlay.geojson' },
  },
  layers: [],
};

describe('styleOrigins', () => {
  it('lists glyph, sprite, source, tile and archive origins, relative ones against the style', () => {
    expect(styleOrigins(STYLE, 'https://maps.example/styles/a.json').sort()).toEqual([
      'https://archives.example',
      'https://fonts.example',
      'https://maps.example',
      'https://sprites.example',
      'https://tilejson.example',
      'https://x.imagery.example',
    ]);
  });
});

describe('basemapOrigins', () => {
  const fakeFetch = (documents: Record<string, unknown>) => async (url: string) =>
    url in documents
      ? new Response(JSON.stringify(documents[url]), { status: 200 })
      : new Response('no', { status: 404 });

  it('is empty for the offline default and a same-origin archive without a style', async () => {
    expect(await basemapOrigins(loadConfig({}).basemap)).toEqual([]);
    const pmtiles = loadConfig({ BASEMAP_PMTILES: join(FIXTURE, 'test.pmtiles') }).basemap;
    expect(await basemapOrigins(pmtiles)).toEqual([]);
  });

  it("is the archive style's outside references, not its pmtiles:// source", async () => {
    const config = loadConfig({
      BASEMAP_PMTILES: join(FIXTURE, 'test.pmtiles'),
      BASEMAP_PMTILES_STYLE: join(FIXTURE, 'style.json'),
    }).basemap;
    // The fixture's glyphs are relative (this app's own): nothing to open.
    expect(await basemapOrigins(config)).toEqual([]);
  });

  it('is the tile host of XYZ tiles, plus BASEMAP_ORIGINS', async () => {
    const config = loadConfig({
      BASEMAP_XYZ_URL: 'https://imagery.example:8443/{z}/{x}/{y}.jpg',
      BASEMAP_ORIGINS: 'https://extra.example',
    }).basemap;
    expect(await basemapOrigins(config)).toEqual([
      'https://extra.example',
      'https://imagery.example:8443',
    ]);
  });

  it('reads a style URL and its TileJSON for every origin they name', async () => {
    const config = loadConfig({ BASEMAP_STYLE_URL: 'https://maps.example/styles/a.json' }).basemap;
    const origins = await basemapOrigins(
      config,
      fakeFetch({
        'https://maps.example/styles/a.json': STYLE,
        'https://tilejson.example/basemap.json': { tiles: ['https://vt.example/{z}/{x}/{y}.pbf'] },
      }),
    );
    expect(origins).toEqual([
      'https://archives.example',
      'https://fonts.example',
      'https://maps.example',
      'https://sprites.example',
      'https://tilejson.example',
      'https://vt.example',
      'https://x.imagery.example',
    ]);
  });

  it('keeps the style origin and warns when the style cannot be read', async () => {
    const warnings: string[] = [];
    const config = loadConfig({ BASEMAP_STYLE_URL: 'https://maps.example/style.json' }).basemap;
    const origins = await basemapOrigins(config, fakeFetch({}), (m) => warnings.push(m));
    expect(origins).toEqual(['https://maps.example']);
    expect(warnings).toEqual([expect.stringMatching(/could not read .*style\.json.*HTTP 404/)]);
  });
});
