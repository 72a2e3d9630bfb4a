import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, get } from './lib';

const run = promisify(execFile);

/**
 * Independent clients against the built server: GDAL's OAPIF driver (ogrinfo, ogr2ogr) and
 * QGIS's OAPIF provider, authenticated with an API token as HTTP Basic credentials.
 * Needs gdal-bin and python3-qgis.
 */
let cookie: string;
let token: string;
let dir: string;
const username = () => inject('admin').username;

beforeAll(async () => {
  const login = await get('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject('admin')),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const made = await get('/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'ogc clients test', expires_in_days: 1 }),
  });
  expect(made.status).toBe(201);
  token = (await made.json()).token;
  dir = mkdtempSync(join(tmpdir(), 'brm-ogc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gdalEnv = () => ({
  ...process.env,
  GDAL_HTTP_AUTH: 'BASIC',
  GDAL_HTTP_USERPWD: `${username()}:${token}`,
  CPL_DEBUG: 'ON',
});
const oapif = () => `OAPIF:${baseUrl()}/api/ogc`;

async function apiJson(path: string) {
  const res = await get(path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Every seizure the layers API returns for a query, by id (all pages). */
async function layerIds(query: string): Promise<number[]> {
  const body = await apiJson(`/api/layers/seizures?limit=10000&${query}`);
  expect(body.numberReturned).toBe(body.numberMatched);
  return body.features.map((f: { id: number }) => f.id).sort((a: number, b: number) => a - b);
}

async function ogr2ogr(name: string, extra: string[]): Promise<{ ids: number[]; log: string }> {
  const out = join(dir, `${name}.geojson`);
  const args = ['-preserve_fid', '-f', 'GeoJSON', out, oapif(), 'seizures', ...extra];
  const { stderr } = await run('ogr2ogr', args, {
    env: gdalEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  const fc = JSON.parse(readFileSync(out, 'utf8'));
  const ids = fc.features.map((f: { id: number }) => f.id);
  return { ids: ids.sort((a: number, b: number) => a - b), log: stderr };
}

describe('GDAL reads the OGC API', () => {
  it('ogrinfo lists every layer of the registry', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', oapif()], { env: gdalEnv() });
    const layers = [...stdout.matchAll(/^\d+: (\w+)/gm)].map((m) => m[1]);
    expect(layers).toEqual([
      'provinces',
      'frontier',
      'border_gates',
      'waterways',
      'trails',
      'seizures',
      'patrol_routes',
      'reports',
    ]);
  });

  it('ogr2ogr downloads every seizure, as many as /api/layers counts, values intact', async () => {
    const layer = await apiJson('/api/layers/seizures?limit=10000');
    expect(layer.numberMatched).toBe(inject('seizures'));
    const { ids } = await ogr2ogr('all', []);
    expect(ids.length).toBe(layer.numberMatched);
    expect(new Set(ids).size).toBe(layer.numberMatched);
    // Values in VND pass 2^31: GDAL must not clip them to a 32-bit field (the feature schema
    // tells it their type).
    const fc = JSON.parse(readFileSync(join(dir, 'all.geojson'), 'utf8'));
    const values = (f: { properties: { value_vnd: number | null } }) => f.properties.value_vnd ?? 0;
    const max = Math.max(...layer.features.map(values));
    expect(max).toBeGreaterThan(2 ** 31);
    expect(Math.max(...fc.features.map(values))).toBe(max);
  });

  it('ogr2ogr -where returns exactly what the layers API returns for the same filter', async () => {
    const expected = await layerIds('category=cigarettes&agency=customs');
    expect(expected.length).toBeGreaterThan(0);
    const { ids } = await ogr2ogr('cigarettes', [
      '-where',
      "category = 'cigarettes' AND lead_agency = 'customs'",
    ]);
    expect(ids).toEqual(expected);
    // GDAL 3.6 pushed to the server, as a filter in the draft's `cql-text` (which this server
    // reads as CQL2 text), the part it can: properties the OpenAPI document names as items
    // parameters (category); it checks the rest itself. The audit log shows what was asked.
    const log = await apiJson('/api/audit?action=ogc.read&limit=50');
    const asked = log.entries.map(
      (e: { details: { query: Record<string, string> } }) => e.details.query,
    );
    expect(asked).toContainEqual(
      expect.objectContaining({ filter: "category = 'cigarettes'", 'filter-lang': 'cql-text' }),
    );
  });

  it('crs=EPSG:3405 over plain HTTP, and GDAL reads the file back in VN-2000', async () => {
    const crs = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3405');
    const res = await get(`/api/ogc/collections/seizures/items?crs=${crs}&limit=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/EPSG/0/3405>');
    const utm = await res.json();
    const plain = await apiJson('/api/ogc/collections/seizures/items?limit=5');
    // Write the VN-2000 page as a GeoJSON file that names its CRS, and let ogr2ogr take it back
    // to WGS 84: the points must land where the plain page puts them.
    const file = join(dir, 'utm.geojson');
    const withCrs = {
      ...utm,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3405' } },
    };
    writeFileSync(file, JSON.stringify(withCrs));
    const back = join(dir, 'back.geojson');
    await run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', back, file]);
    const wgs = JSON.parse(readFileSync(back, 'utf8'));
    wgs.features.forEach((f: { geometry: { coordinates: number[] } }, i: number) => {
      const [lon, lat] = plain.features[i].geometry.coordinates;
      expect(Math.abs(f.geometry.coordinates[0] - lon)).toBeLessThan(1e-6);
      expect(Math.abs(f.geometry.coordinates[1] - lat)).toBeLessThan(1e-6);
    });
  });
});

describe('QGIS reads the OGC API', () => {
  const qgis = async (typename: string, subset?: string) => {
    const args = [
      join(process.cwd(), 'tests/served/qgis-oapif.py'),
      `${baseUrl()}/api/ogc`,
      typename,
      username(),
      token,
      ...(subset ? [subset] : []),
    ];
    const { stdout } = await run('/usr/bin/python3', args, {
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
      timeout: 120_000,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  };

  it('counts every seizure through a stored Basic auth config', async () => {
    const result = await qgis('seizures');
    expect(result).toMatchObject({ valid: true, count: inject('seizures') });
  });

  it('applies a subset filter and gets what the layers API returns', async () => {
    const expected = await layerIds('category=drugs');
    const result = await qgis('seizures', '"category" = \'drugs\'');
    expect(result).toMatchObject({ valid: true, count: expected.length });
  });
});
