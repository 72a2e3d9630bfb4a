import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import { importGeoJson } from '../../src/lib/server/services/import';
import { seizurePoints } from '../../src/lib/server/services/seizure-points';
import {
  SEIZURE_POINTS_TYPE,
  decodeSeizurePoints,
  pointAt,
  type SeizurePoints,
} from '../../src/lib/seizure-points';
import { MINI } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/seizures/points and /api/seizures/{id} on five seizures placed by hand. Days are
 * Vietnamese calendar days: 2024-01-31T23:30Z is 1 February in Hanoi.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;
const ids: number[] = [];

const M = 1_000_000;
// [occurred_at, province, category, lead_agency, value_vnd, lon, lat]
const SEIZURES: [string, string, string, string, number | null, number, number][] = [
  ['2024-01-10T03:00:00Z', 'an_giang', 'cigarettes', 'customs', 100 * M, 105.1, 10.6],
  ['2024-01-31T23:30:00Z', 'an_giang', 'sugar', 'border_guard', 40 * M, 104.9, 10.8],
  ['2024-02-15T12:00:00Z', 'lang_son', 'other', 'joint', 1500 * M, 106.7, 21.9],
  ['2023-12-31T18:00:00Z', 'lang_son', 'wildlife', 'customs', null, 106.5, 21.7],
  ['2024-04-30T16:59:59Z', 'an_giang', 'drugs', 'joint', 200 * M, 105.3, 10.4],
];

beforeAll(async () => {
  db = await testDb();
  const report = await importGeoJson(db.sql, 'provinces', MINI.provinces);
  if (report.rejected.length) throw new Error(JSON.stringify(report.rejected));
  for (const [at, province, category, agency, value, lon, lat] of SEIZURES) {
    const [row] = await db.sql<{ id: number }[]>`
      insert into seizures (occurred_at, province, category, lead_agency, value_vnd, subjects,
        transport_mode, source, goods, geom)
      values (${at}, ${province}, ${category}, ${agency}, ${value}, 1, 'car', 'test', 'Hàng',
        ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
      returning id`;
    ids.push(row.id);
  }
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'analyst');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (path: string) => app.request(path, { headers: { cookie } });

async function points(query = ''): Promise<SeizurePoints> {
  const res = await get(`/api/seizures/points${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(SEIZURE_POINTS_TYPE);
  return decodeSeizurePoints(await res.arrayBuffer());
}

const all = (p: SeizurePoints) => Array.from({ length: p.header.count }, (_, i) => pointAt(p, i));

describe('GET /api/seizures/points', () => {
  it('sends every seizure of both provinces with their day, category, agency and value class', async () => {
    const p = await points();
    expect(p.header.count).toBe(5);
    expect(p.header.base_day).toBe('2024-01-01'); // 18:00 UTC on 31 December is 1 January in Hanoi
    const got = all(p).map(({ lon, lat, ...rest }) => ({
      ...rest,
      lon: +lon.toFixed(6),
      lat: +lat.toFixed(6),
    }));
    expect(got).toEqual([
      {
        id: ids[0],
        day: '2024-01-10',
        category: 'cigarettes',
        agency: 'customs',
        valueClass: 1,
        lon: 105.1,
        lat: 10.6,
      },
      {
        id: ids[1],
        day: '2024-02-01',
        category: 'sugar',
        agency: 'border_guard',
        valueClass: 0,
        lon: 104.9,
        lat: 10.8,
      },
      {
        id: ids[2],
        day: '2024-02-15',
        category: 'other',
        agency: 'joint',
        valueClass: 3,
        lon: 106.7,
        lat: 21.9,
      },
      {
        id: ids[3],
        day: '2024-01-01',
        category: 'wildlife',
        agency: 'customs',
        valueClass: 0,
        lon: 106.5,
        lat: 21.7,
      },
      {
        id: ids[4],
        day: '2024-04-30',
        category: 'drugs',
        agency: 'joint',
        valueClass: 2,
        lon: 105.3,
        lat: 10.4,
      },
    ]);
    // The origin is the centre of the extent: the far corners have negative offsets.
    expect(p.header.origin).toEqual([105.8, 16.15]);
    expect(p.offsets[2]).toBeCloseTo(104.9 - 105.8, 6);
    expect(p.offsets[3]).toBeCloseTo(10.8 - 16.15, 6);
  });

  it('honours province: only its seizures, its own base day and origin', async () => {
    const p = await points('?province=lang_son');
    expect(p.header.count).toBe(2);
    expect([...p.ids]).toEqual([ids[2], ids[3]]);
    expect(p.header.base_day).toBe('2024-01-01');
    expect([...p.days]).toEqual([45, 0]);
    expect(p.header.origin).toEqual([106.6, 21.8]);
    const ag = await points('?province=an_giang');
    expect([...ag.ids]).toEqual([ids[0], ids[1], ids[4]]);
    expect(ag.header.base_day).toBe('2024-01-10');
    expect([...ag.days]).toEqual([0, 22, 111]);
  });

  it('reads in keyset batches that add up to the same body', async () => {
    const whole = await seizurePoints(db.sql);
    const batched = await seizurePoints(db.sql, undefined, 2);
    expect(batched.count).toBe(5);
    expect(Buffer.from(batched.body).equals(Buffer.from(whole.body))).toBe(true);
  });

  it('sends no time, category or agency filter: the map filters on the GPU', async () => {
    const res = await get('/api/seizures/points?from=2024-01-01');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('from: unknown parameter');
  });

  it.each([
    ['?province=hanoi', 'province: must be one of an_giang, lang_son'],
    ['?province=an_giang&province=lang_son', 'province: given more than once'],
    ['?category=sugar', 'category: unknown parameter (allowed: province)'],
  ])('refuses %s with a 400 naming the parameter', async (query, message) => {
    const res = await get(`/api/seizures/points${query}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('bad_parameter');
    expect(error.message).toContain(message);
  });

  it('needs a session', async () => {
    expect((await app.request('/api/seizures/points')).status).toBe(401);
    expect((await app.request(`/api/seizures/${ids[0]}`)).status).toBe(401);
  });

  it('counts as a heavy request for the fair queue', () => {
    const q = new URLSearchParams('province=an_giang');
    expect(requestWeight('GET', '/api/seizures/points', q, 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/seizures/12', q, 1000)).toBe('light');
  });

  it('records the read in the audit log with its filters and the number of points', async () => {
    await points('?province=lang_son');
    const [row] = await db.sql`
      select username, action, target, outcome, details from audit_log
      where action = 'layer.read' order by id desc limit 1`;
    expect(row).toEqual({
      username: 'viewer',
      action: 'layer.read',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: { province: 'lang_son' }, format: 'points', number_returned: 2 },
    });
  });
});

describe('GET /api/seizures/{id}', () => {
  it('answers the one seizure as a GeoJSON Feature with the properties of the layer', async () => {
    const res = await get(`/api/seizures/${ids[2]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const f = await res.json();
    expect(f).toMatchObject({
      type: 'Feature',
      id: ids[2],
      geometry: { type: 'Point', coordinates: [106.7, 21.9] },
      properties: {
        province: 'lang_son',
        category: 'other',
        lead_agency: 'joint',
        value_vnd: 1500 * M,
        goods: 'Hàng',
        transport_mode: 'car',
      },
    });
    // The same properties as the layer gives for that feature, and the version an edit names.
    const layer = await (await get(`/api/layers/seizures?province=lang_son`)).json();
    const same = layer.features.find((x: { id: number }) => x.id === ids[2]);
    expect(f.properties).toEqual({ ...same.properties, version: 1 });
  });

  it('answers 404 JSON for an unknown id and 400 for one that is not a number', async () => {
    const missing = await get('/api/seizures/999999');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const bad = await get('/api/seizures/abc');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('id: must be a whole number');
  });

  it('records the read of the one seizure in the audit log', async () => {
    await get(`/api/seizures/${ids[0]}`);
    const [row] = await db.sql`
      select action, target, details from audit_log order by id desc limit 1`;
    expect(row).toEqual({
      action: 'layer.read',
      target: 'seizures',
      details: { id: ids[0], number_returned: 1 },
    });
  });
});
