import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.close());

const FIXTURE = join(import.meta.dirname, '../fixtures/basemap');

describe('GET /api/basemap', () => {
  it('describes the offline default to anyone, signed in or not', async () => {
    const { app } = testApp(db);
    const res = await app.request('/api/basemap');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: 'offline',
      attribution: 'Natural Earth',
      style_url: null,
      pmtiles_url: null,
      tiles_url: null,
      tile_type: null,
      tile_size: null,
      min_zoom: null,
      max_zoom: null,
      bounds: null,
      vector_layers: [],
    });
  });

  it('describes a configured archive from its header and metadata', async () => {
    const basemap = loadConfig({
      BASEMAP_PMTILES: join(FIXTURE, 'test.pmtiles'),
      BASEMAP_PMTILES_STYLE: join(FIXTURE, 'style.json'),
      BASEMAP_ATTRIBUTION: 'Natural Earth; project geodata',
    }).basemap;
    const { app } = testApp(db, { basemap });
    const body = await (await app.request('/api/basemap')).json();
    expect(body).toMatchObject({
      kind: 'pmtiles',
      attribution: 'Natural Earth; project geodata',
      pmtiles_url: '/basemap/tiles.pmtiles',
      style_url: '/basemap/style.json',
      tile_type: 'mvt',
      min_zoom: 5,
      max_zoom: 10,
      bounds: [103.3, 9, 107.9, 22.9],
    });
    expect(body.vector_layers).toContain('provinces');
  });

  it('hands a style URL and XYZ tiles over as configured', async () => {
    const style = loadConfig({ BASEMAP_STYLE_URL: 'https://maps.example/style.json' }).basemap;
    expect(
      await (await testApp(db, { basemap: style }).app.request('/api/basemap')).json(),
    ).toMatchObject({
      kind: 'style',
      style_url: 'https://maps.example/style.json',
      attribution: null,
    });
    const xyz = loadConfig({
      BASEMAP_XYZ_URL: 'https://imagery.example/{z}/{x}/{y}.jpg',
      BASEMAP_MAX_ZOOM: '17',
    }).basemap;
    expect(
      await (await testApp(db, { basemap: xyz }).app.request('/api/basemap')).json(),
    ).toMatchObject({
      kind: 'xyz',
      tiles_url: 'https://imagery.example/{z}/{x}/{y}.jpg',
      tile_size: 256,
      max_zoom: 17,
    });
  });
});
