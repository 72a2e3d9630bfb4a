import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});

const get = (url: string) => app.request(url, { headers: { cookie } });
afterAll(() => db.close());

async function features(query: string) {
  const res = await get(`/api/layers/seizures${query}`);
  expect(res.status).toBe(200);
  const body = await res.json();
  return { body, ids: body.features.map((f: { id: number }) => f.id) as number[] };
}

describe('GET /api/layers', () => {
  it('needs a session', async () => {
    const res = await app.request('/api/layers');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to use this resource.' },
    });
  });

  it('lists every layer with its count and extent', async () => {
    const res = await get('/api/layers');
    expect(res.status).toBe(200);
    const { layers } = await res.json();
    const byId = Object.fromEntries(layers.map((l: { id: string }) => [l.id, l]));
    expect(Object.keys(byId)).toEqual([
      'provinces',
      'frontier',
      'border_gates',
      'waterways',
      'trails',
      'seizures',
      'patrol_routes',
      'reports',
    ]);
    expect(byId.provinces).toMatchObject({
      count: 2,
      geometry_type: 'MultiPolygon',
      bbox: [105, 10.5, 106.8, 22],
    });
    expect(byId.border_gates.count).toBe(5);
    expect(byId.seizures.count).toBe(6);
    expect(byId.seizures.filters).toEqual([
      'province',
      'bbox',
      'limit',
      'offset',
      'from',
      'to',
      'category',
      'agency',
    ]);
    expect(byId.patrol_routes).toMatchObject({ count: 0, bbox: null });
  });
});

describe('GET /api/layers/:id', () => {
  it('returns RFC 7946 GeoJSON with OGC counts', async () => {
    const res = await get('/api/layers/border_gates?province=an_giang');
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'FeatureCollection', numberMatched: 3, numberReturned: 3 });
    expect(body.features[0]).toEqual({
      type: 'Feature',
      id: 1,
      geometry: { type: 'Point', coordinates: [105, 10.55] },
      properties: {
        code: 'g1',
        province: 'an_giang',
        name_vi: 'Cửa khẩu A',
        name_en: 'Gate A',
        kind: 'international',
        mode: 'road',
      },
    });
  });

  it('measures frontier segments on the ellipsoid', async () => {
    const res = await get('/api/layers/frontier');
    const { features: f } = await res.json();
    // 0.2 degrees of meridian at 10.6 N is 110,612 m/deg * 0.2; 0.2 degrees of the 22 N parallel
    // is 103,262 m/deg * 0.2 (series for the WGS 84 ellipsoid).
    expect(f[0].properties.length_km).toBeCloseTo(22.122, 1);
    expect(f[1].properties.length_km).toBeCloseTo(20.652, 1);
  });

  it('says how accurately each frontier segment is drawn, where the data says so', async () => {
    const res = await get('/api/layers/frontier');
    const { features: f } = await res.json();
    expect(f[0].properties).toMatchObject({
      code: 'ag-1',
      accuracy_m: 1500,
      accuracy_note_vi: 'Sai số khoảng 1,5 km.',
      accuracy_note_en: 'Within about 1.5 km.',
    });
    // Imported without an accuracy: the keys are there, empty, and the map shows none.
    expect(f[1].properties).toMatchObject({
      code: 'ls-1',
      accuracy_m: null,
      accuracy_note_vi: null,
      accuracy_note_en: null,
    });
  });

  it('filters seizures by province, time, category, agency and bbox', async () => {
    expect((await features('?province=an_giang')).ids).toEqual([1, 2, 3]);
    // Bare dates are days in Vietnam: seizure 2, at 23:30 UTC on 30 June, is 06:30 on 1 July.
    expect((await features('?from=2021-07-01')).ids).toEqual([2, 3, 4, 5, 6]);
    expect((await features('?to=2021-06-30')).ids).toEqual([1]);
    // A bare `to` date includes that whole day: 23:59:59 at +07:00 on 31 Dec is inside.
    expect((await features('?from=2023-12-31&to=2023-12-31')).ids).toEqual([5]);
    expect((await features('?category=cigarettes')).ids).toEqual([1, 3]);
    expect((await features('?agency=customs,joint')).ids).toEqual([1, 3, 4, 6]);
    expect((await features('?bbox=105.08,10.58,106.72,21.92')).ids).toEqual([2, 3, 4, 6]);
    expect((await features('?province=lang_son&agency=customs&from=2023-01-01')).ids).toEqual([6]);
  });

  it('pages with limit and offset while numberMatched counts all', async () => {
    const { body, ids } = await features('?limit=2&offset=2');
    expect(ids).toEqual([3, 4]);
    expect(body.numberMatched).toBe(6);
    expect(body.numberReturned).toBe(2);
  });

  it('links the next page by id, so deep pages cost what the first does', async () => {
    const first = (await features('?province=an_giang&limit=2')).body;
    expect(first.links).toEqual([
      { rel: 'next', href: '/api/layers/seizures?province=an_giang&limit=2&after=2' },
    ]);
    const second = (await features('?province=an_giang&limit=2&after=2')).body;
    expect(second.features.map((f: { id: number }) => f.id)).toEqual([3]);
    expect(second.numberMatched).toBe(3);
    expect(second.links).toEqual([]);
    // An offset past the first 100,000 features is refused: the next link goes by id instead.
    const deep = await get('/api/layers/seizures?offset=100001');
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.message).toBe(
      'offset: must be a whole number from 0 to 100000',
    );
  });

  it('returns seizure properties with their types', async () => {
    const { body } = await features('?limit=1');
    expect(body.features[0].properties).toEqual({
      occurred_at: '2020-01-15T00:00:00+00:00',
      province: 'an_giang',
      category: 'cigarettes',
      goods: null,
      goods_code: null,
      quantity: null,
      unit: null,
      value_vnd: 1000000,
      subjects: 1,
      transport_mode: 'boat',
      lead_agency: 'customs',
      case_ref: null,
      source: 'import',
      synthetic: false,
    });
  });

  it('derived the province of a seizure imported without one', async () => {
    const { body } = await features('?category=agricultural');
    expect(body.features[0].properties).toMatchObject({ province: 'lang_son', case_ref: 'LS-6' });
  });

  it.each([
    [
      '/api/layers/seizures?bbox=1,2,3',
      400,
      'bad_parameter',
      'bbox: expected four numbers: west,south,east,north',
    ],
    [
      '/api/layers/seizures?limit=0',
      400,
      'bad_parameter',
      'limit: must be a whole number from 1 to 10000',
    ],
    [
      '/api/layers/seizures?province=hanoi',
      400,
      'bad_parameter',
      'province: must be one of an_giang, lang_son',
    ],
    [
      '/api/layers/seizures?colour=red',
      400,
      'bad_parameter',
      'colour: unknown parameter (allowed: province, from, to, category, agency, bbox, limit, offset, after)',
    ],
    [
      "/api/layers/seizures?category=sugar'%20or%201=1--",
      400,
      'bad_parameter',
      "category: 'sugar' or 1=1--' is not one of cigarettes, sugar, fuel, alcohol, firecrackers, drugs, currency, gold, electronics, textiles, cosmetics, pharmaceuticals, agricultural, livestock, wildlife, counterfeit, other",
    ],
    [
      '/api/layers/seizures?from=2024-02-30',
      400,
      'bad_parameter',
      'from: not a real calendar date',
    ],
    [
      '/api/layers/users',
      404,
      'not_found',
      "No layer 'users'. Layers: provinces, frontier, border_gates, waterways, trails, seizures, patrol_routes, reports",
    ],
  ])('GET %s -> %i %s', async (url, status, code, message) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toMatchObject({ code, message });
  });
});
