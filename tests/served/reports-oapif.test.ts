import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, get, plannerCookie } from './lib';

const run = promisify(execFile);

/**
 * GDAL's OAPIF driver reads the `reports` collection of the built server with an API token:
 * mixed geometry arrives as such, the TLP marking is a field, and GDAL gets exactly the reports
 * the token's user may see (a report for named units they are not in stays out).
 */
let dir: string;
let token: string;
let adminCookie: string;
const ids: Record<string, number> = {};

async function login(who: 'admin') {
  const res = await get('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject(who)),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'brm-reports-oapif-'));
  adminCookie = await login('admin');
  const made = await get('/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    body: JSON.stringify({ name: 'reports oapif test', expires_in_days: 1 }),
  });
  expect(made.status).toBe(201);
  token = (await made.json()).token;

  // Geometries around a seizure of An Giang, which lies inside the province.
  const planner = await plannerCookie('planner');
  const seizures = await (
    await get('/api/layers/seizures?province=an_giang&limit=1', { headers: { cookie: planner } })
  ).json();
  const [x, y] = seizures.features[0].geometry.coordinates as [number, number];
  const d = 0.001;
  const bodies = {
    both: {
      geometry: { type: 'Point', coordinates: [x, y] },
      distribution: 'both',
      tlp: 'green',
    },
    own: {
      geometry: {
        type: 'LineString',
        coordinates: [
          [x, y],
          [x + d, y + d],
        ],
      },
      distribution: 'own_agency',
      tlp: 'amber',
    },
    // For a unit the admin (Customs, no unit) is not in.
    units: {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x - d, y - d],
            [x + d, y - d],
            [x + d, y + d],
            [x - d, y + d],
            [x - d, y - d],
          ],
        ],
      },
      distribution: 'units',
      units: ['hq_vinh_xuong'],
      tlp: 'red',
    },
  };
  for (const [key, body] of Object.entries(bodies)) {
    const res = await get('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: planner },
      body: JSON.stringify({
        title: `Tin thử OAPIF ${key}`,
        kind: 'boat',
        province: 'an_giang',
        reliability: 'C',
        credibility: 3,
        ...body,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    ids[key] = (await res.json()).id;
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GDAL reads the reports collection', () => {
  it('gets what /api/layers/reports gives the same user, marking and geometry types intact', async () => {
    const layer = await (
      await get('/api/layers/reports?limit=10000', { headers: { cookie: adminCookie } })
    ).json();
    const expected = layer.features
      .map((f: { id: number }) => f.id)
      .sort((a: number, b: number) => a - b);
    expect(expected).toContain(ids.both);
    expect(expected).toContain(ids.own);
    expect(expected).not.toContain(ids.units);

    const out = join(dir, 'reports.geojson');
    await run(
      'ogr2ogr',
      ['-preserve_fid', '-f', 'GeoJSON', out, `OAPIF:${baseUrl()}/api/ogc`, 'reports'],
      {
        env: {
          ...process.env,
          GDAL_HTTP_AUTH: 'BASIC',
          GDAL_HTTP_USERPWD: `${inject('admin').username}:${token}`,
        },
      },
    );
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    const byId = new Map<number, { geometry: { type: string }; properties: { tlp: string } }>(
      fc.features.map((f: { id: number }) => [f.id, f]),
    );
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual(expected);
    expect(byId.get(ids.both)).toMatchObject({
      geometry: { type: 'Point' },
      properties: { tlp: 'green' },
    });
    expect(byId.get(ids.own)).toMatchObject({
      geometry: { type: 'LineString' },
      properties: { tlp: 'amber' },
    });
  });
});
