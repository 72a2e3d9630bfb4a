/**
 * Seizure records kept by hand: GET/POST /api/seizures, PUT/DELETE /api/seizures/{id}. Five
 * records with chosen values over the mini fixture's two square provinces (An Giang 105.0-105.2 E
 * 10.5-10.7 N, Lang Son 106.6-106.8 E 21.8-22.0 N); every order and total below is worked out by
 * hand from the table in `RECORDS`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { pooledClient, testApp, testDb, type TestDb } from '../setup/test-db';
import { importGeoJson } from '../../src/lib/server/services/import';
import { insertSeizures } from '../../src/lib/server/repositories/seizure-writes';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import { decodeSeizurePoints } from '../../src/lib/seizure-points';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
/** Cookies: analysts of each agency, an admin, a commander and a planner. */
const who: Record<'customs' | 'bg' | 'admin' | 'commander' | 'planner', string> = {
  customs: '',
  bg: '',
  admin: '',
  commander: '',
  planner: '',
};

// VN-2000 / UTM 48N (EPSG:3405) -> WGS 84, worked out independently by GDAL 3.6.2 (PROJ's
// "UTM zone 48N + VN-2000 to WGS 84 (2)" Helmert):
//   printf '675400 2422800\n' | gdaltransform -s_srs EPSG:3405 -t_srs EPSG:4326 -output_xy
//   -> 106.699800005552 21.8996584401976
const VN2000_LS = { x: 675400, y: 2422800, lon: 106.699800005552, lat: 21.8996584401976 };

/** The records, in the order they are created (R1..R5). */
const RECORDS = {
  r1: {
    occurred_at: '2024-01-10',
    province: 'an_giang',
    category: 'cigarettes',
    goods: 'Thuốc lá Jet',
    quantity: 500,
    unit: 'bao',
    value_vnd: 5_000_000,
    subjects: 2,
    transport_mode: 'boat',
    lead_agency: 'customs',
    case_ref: 'AG-2024-001',
    lon: 105.05,
    lat: 10.55,
  },
  // No province: derived from the outline that holds the point.
  r2: {
    occurred_at: '2024-02-20T08:00:00+07:00',
    category: 'sugar',
    goods: 'Đường cát',
    quantity: 1000,
    unit: 'kg',
    value_vnd: 20_000_000,
    subjects: 0,
    transport_mode: 'boat',
    lead_agency: 'border_guard',
    case_ref: 'AG-2024-002',
    lon: 105.12,
    lat: 10.62,
  },
  // Given in VN-2000 metres.
  r3: {
    occurred_at: '2024-03-05',
    province: 'lang_son',
    category: 'electronics',
    goods: 'Điện thoại',
    quantity: 20,
    unit: 'chiếc',
    value_vnd: 100_000_000,
    subjects: 1,
    transport_mode: 'truck',
    lead_agency: 'joint',
    case_ref: 'LS-2024-001',
    x: VN2000_LS.x,
    y: VN2000_LS.y,
    crs: 3405,
  },
  // Nothing optional.
  r4: {
    occurred_at: '2024-03-06',
    province: 'lang_son',
    category: 'drugs',
    subjects: 3,
    transport_mode: 'porter',
    lead_agency: 'customs',
    lon: 106.75,
    lat: 21.95,
  },
  r5: {
    occurred_at: '2023-12-31',
    province: 'an_giang',
    category: 'cigarettes',
    goods: 'thuốc lá ngoại',
    value_vnd: 1_000_000,
    subjects: 1,
    transport_mode: 'motorbike',
    lead_agency: 'customs',
    case_ref: 'ag-2023-099',
    lon: 105.18,
    lat: 10.68,
  },
};
const ids = {} as Record<keyof typeof RECORDS, number>;

beforeAll(async () => {
  db = await testDb();
  const report = await importGeoJson(db.sql, 'provinces', MINI.provinces);
  if (report.rejected.length) throw new Error(JSON.stringify(report.rejected));
  app = testApp(db).app;
  const users = [
    ['an.customs', 'analyst', 'customs', 'customs'],
    ['an.bg', 'analyst', 'border_guard', 'bg'],
    ['boss', 'admin', 'customs', 'admin'],
    ['cmd', 'commander', 'customs', 'commander'],
    ['plan', 'planner', 'customs', 'planner'],
  ] as const;
  for (const [name, role, agency, key] of users) {
    await addUser(db.sql, name, role, agency);
    who[key] = await signIn(app, name);
  }
});
afterAll(() => db.close());

const get = (url: string, cookie = who.commander) => app.request(url, { headers: { cookie } });
const post = (body: unknown, cookie = who.customs) =>
  app.request('/api/seizures', json('POST', cookie, body));
const put = (id: number, body: unknown, cookie = who.customs) =>
  app.request(`/api/seizures/${id}`, json('PUT', cookie, body));
const del = (id: number, query: string, cookie = who.customs) =>
  app.request(`/api/seizures/${id}${query}`, { method: 'DELETE', headers: { cookie } });

async function list(query = '') {
  const res = await get(`/api/seizures${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const order = (body: { items: { id: number }[] }) =>
  body.items.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id);

type Snapshot = Record<string, unknown>;
type Details = Snapshot & { before?: Snapshot; after?: Snapshot };

async function lastAudit(action: string) {
  const [row] = await db.sql<
    { outcome: string; target: string; details: Details; username: string }[]
  >`
    select outcome, target, details, username from audit_log where action = ${action}
    order by id desc limit 1`;
  return row;
}
const seizureCount = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from seizures`)[0].n;

describe('POST /api/seizures', () => {
  it('creates a record from lon/lat and answers 201 with it at version 1', async () => {
    const res = await post(RECORDS.r1);
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json();
    ids.r1 = r.id;
    expect(res.headers.get('location')).toBe(`/api/seizures/${r.id}`);
    expect(r).toMatchObject({
      version: 1,
      // A bare date is that day in Vietnam (UTC+7).
      occurred_at: '2024-01-09T17:00:00.000Z',
      province: 'an_giang',
      category: 'cigarettes',
      goods: 'Thuốc lá Jet',
      quantity: 500,
      unit: 'bao',
      value_vnd: 5_000_000,
      subjects: 2,
      transport_mode: 'boat',
      lead_agency: 'customs',
      case_ref: 'AG-2024-001',
      source: 'manual',
      synthetic: false,
      lon: 105.05,
      lat: 10.55,
    });
    expect(typeof r.updated_at).toBe('string');
  });

  it('derives the province from the outline when none is given', async () => {
    const res = await post(RECORDS.r2, who.bg);
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json();
    ids.r2 = r.id;
    expect(r.province).toBe('an_giang');
    expect(r.occurred_at).toBe('2024-02-20T01:00:00.000Z');
  });

  it('takes VN-2000 / UTM 48N metres and stores the point PostGIS transforms to lon/lat', async () => {
    const res = await post(RECORDS.r3);
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json();
    ids.r3 = r.id;
    expect(Math.abs(r.lon - VN2000_LS.lon)).toBeLessThan(1e-6);
    expect(Math.abs(r.lat - VN2000_LS.lat)).toBeLessThan(1e-6);
    expect(r.province).toBe('lang_son');
    // The trigger filled the WGS 84 / UTM 48N columns; GDAL for the same lon/lat:
    //   106.699800005552 21.8996584401976 -> EPSG:32648 675596.674626541 2422692.33324871
    const [utm] = await db.sql`select x_utm, y_utm from seizures where id = ${r.id}`;
    expect(Math.abs(utm.x_utm - 675596.674626541)).toBeLessThan(0.01);
    expect(Math.abs(utm.y_utm - 2422692.33324871)).toBeLessThan(0.01);
  });

  it('stores a record with no optional values as nulls', async () => {
    const res = await post(RECORDS.r4);
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json();
    ids.r4 = r.id;
    expect(r).toMatchObject({ goods: null, quantity: null, unit: null, value_vnd: null });
    expect(r.case_ref).toBeNull();
    const r5 = await post(RECORDS.r5);
    expect(r5.status, await r5.clone().text()).toBe(201);
    ids.r5 = (await r5.json()).id;
  });

  it('audits the creation with the record as it was stored', async () => {
    const row = await lastAudit('seizure.create');
    expect(row).toMatchObject({ outcome: 'ok', target: 'seizures', username: 'an.customs' });
    expect(row.details).toMatchObject({ id: ids.r5, version_after: 1 });
    expect(row.details.after).toMatchObject({ case_ref: 'ag-2023-099', value_vnd: 1_000_000 });
  });

  it('shows a created record to the layer, the points, the popups and the stats', async () => {
    const layer = await (await get('/api/layers/seizures?province=lang_son')).json();
    expect(layer.numberMatched).toBe(2);
    const f = layer.features.find((x: { id: number }) => x.id === ids.r3);
    expect(f.properties).toMatchObject({ case_ref: 'LS-2024-001', source: 'manual' });
    expect(f.geometry.coordinates[0]).toBeCloseTo(VN2000_LS.lon, 6);
    expect(f.geometry.coordinates[1]).toBeCloseTo(VN2000_LS.lat, 6);

    // Lang Son: R3 (100 M dong, 1 subject) and R4 (no value, 3 subjects), both in March 2024.
    const stats = await (await get('/api/stats?province=lang_son')).json();
    expect(stats).toMatchObject({ cases: 2, value_vnd: 100_000_000, subjects: 4, synthetic: 0 });
    const all = await (await get('/api/stats')).json();
    expect(all).toMatchObject({ cases: 5, value_vnd: 126_000_000, subjects: 7 });

    const points = decodeSeizurePoints(
      await (await get('/api/seizures/points?province=lang_son')).arrayBuffer(),
    );
    expect(points.header.count).toBe(2);
    expect([...points.ids].sort()).toEqual([ids.r3, ids.r4].sort());

    const hot = await (await get('/api/hotspots?province=lang_son')).json();
    expect(hot.summary.points).toBe(2);

    const popup = await get(`/api/seizures/${ids.r1}`);
    expect(popup.status).toBe(200);
    const feature = await popup.json();
    expect(feature.type).toBe('Feature');
    expect(feature.properties).toMatchObject({ version: 1, case_ref: 'AG-2024-001' });
  });
});

describe('GET /api/seizures', () => {
  it('lists every record newest first with the total', async () => {
    const body = await list();
    expect(body).toMatchObject({
      total: 5,
      limit: 50,
      offset: 0,
      sort: 'occurred_at',
      dir: 'desc',
    });
    // R4 6 Mar, R3 5 Mar, R2 20 Feb, R1 10 Jan 2024, R5 31 Dec 2023.
    expect(order(body)).toEqual(['r4', 'r3', 'r2', 'r1', 'r5']);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'id',
        'version',
        'occurred_at',
        'province',
        'category',
        'goods',
        'quantity',
        'unit',
        'value_vnd',
        'subjects',
        'transport_mode',
        'lead_agency',
        'case_ref',
        'source',
        'synthetic',
        'lon',
        'lat',
        'updated_at',
      ].sort(),
    );
  });

  it.each([
    // Values 1 M (R5), 5 M (R1), 20 M (R2), 100 M (R3), none (R4, last either way).
    ['value_vnd', 'asc', ['r5', 'r1', 'r2', 'r3', 'r4']],
    ['value_vnd', 'desc', ['r3', 'r2', 'r1', 'r5', 'r4']],
    // Case-insensitive: ag-2023-099 < AG-2024-001 < AG-2024-002 < LS-2024-001; none last.
    ['case_ref', 'asc', ['r5', 'r1', 'r2', 'r3', 'r4']],
    ['case_ref', 'desc', ['r3', 'r2', 'r1', 'r5', 'r4']],
    // Subjects 0 (R2), 1 (R3, R5: id breaks the tie), 2 (R1), 3 (R4).
    ['subjects', 'asc', ['r2', 'r3', 'r5', 'r1', 'r4']],
    // cigarettes (R1, R5) < drugs (R4) < electronics (R3) < sugar (R2).
    ['category', 'asc', ['r1', 'r5', 'r4', 'r3', 'r2']],
    ['province', 'desc', ['r4', 'r3', 'r5', 'r2', 'r1']],
    ['occurred_at', 'asc', ['r5', 'r1', 'r2', 'r3', 'r4']],
  ])('sorts by %s %s', async (sort, dir, expected) => {
    const body = await list(`?sort=${sort}&dir=${dir}`);
    expect(order(body)).toEqual(expected);
    expect(body.total).toBe(5);
  });

  it('pages on the server with the total over all matching records', async () => {
    const second = await list('?limit=2&offset=2');
    expect(order(second)).toEqual(['r2', 'r1']);
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(order(await list('?limit=2&offset=4'))).toEqual(['r5']);
    const beyond = await list('?limit=2&offset=10');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(5);
  });

  it.each([
    // Case-insensitive contains on case_ref ...
    ['q=ag-2024', ['r2', 'r1']],
    ['q=AG-2023', ['r5']],
    // ... and on goods ("Thuốc lá Jet", "thuốc lá ngoại").
    ['q=thu%E1%BB%91c%20l%C3%A1', ['r1', 'r5']],
    ['q=%C4%90i%E1%BB%87n', ['r3']],
    // LIKE wildcards match literally.
    ['q=%25', []],
    ['q=_', []],
    ['q=%20%20', ['r4', 'r3', 'r2', 'r1', 'r5']],
  ])('searches with %s', async (query, expected) => {
    const body = await list(`?${query}`);
    expect(order(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it.each([
    ['province=lang_son', ['r4', 'r3']],
    ['agency=customs', ['r4', 'r1', 'r5']],
    ['agency=border_guard,joint', ['r3', 'r2']],
    ['category=cigarettes&from=2024-01-01', ['r1']],
    // A bare `to` date includes the whole day.
    ['to=2024-01-10', ['r1', 'r5']],
    ['from=2024-03-05&to=2024-03-05', ['r3']],
    ['province=an_giang&q=ag-2024&sort=value_vnd&dir=asc&limit=1', ['r1']],
  ])('filters with %s', async (query, expected) => {
    const body = await list(`?${query}`);
    expect(order(body)).toEqual(expected);
  });

  it('counts all matching records beyond the page', async () => {
    const body = await list('?province=an_giang&limit=1');
    expect(body.items).toHaveLength(1);
    expect(body.total).toBe(3);
  });

  it.each([
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=goods', 'sort'],
    ['sort=id;drop', 'sort'],
    ['dir=up', 'dir'],
    ['province=ha_noi', 'province'],
    ['from=2024-13-01', 'from'],
    ['category=guns', 'category'],
    ['bbox=1,2,3,4', 'bbox'],
    [`q=${'x'.repeat(101)}`, 'q'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const res = await get(`/api/seizures?${query}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_parameter');
    expect(body.error.details.parameter).toBe(parameter);
  });

  it('is read by every signed-in role and no one else', async () => {
    expect((await get('/api/seizures', who.planner)).status).toBe(200);
    expect((await app.request('/api/seizures')).status).toBe(401);
  });
});

describe('PUT /api/seizures/{id}', () => {
  it('replaces the values, counts the version up and moves the UTM columns', async () => {
    const res = await put(ids.r1, {
      ...RECORDS.r1,
      value_vnd: 7_000_000,
      lon: 105.06,
      lat: 10.56,
      version: 1,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const r = await res.json();
    expect(r).toMatchObject({ id: ids.r1, version: 2, value_vnd: 7_000_000, lon: 105.06 });
    // GDAL: 105.06 10.56 -> EPSG:32648 506564.160592602 1167329.75147566
    const [utm] = await db.sql`select x_utm, y_utm from seizures where id = ${ids.r1}`;
    expect(Math.abs(utm.x_utm - 506564.160592602)).toBeLessThan(0.01);
    expect(Math.abs(utm.y_utm - 1167329.75147566)).toBeLessThan(0.01);
    const popup = await (await get(`/api/seizures/${ids.r1}`)).json();
    expect(popup.properties.version).toBe(2);
  });

  it('audits the edit with the record before and after', async () => {
    const row = await lastAudit('seizure.update');
    expect(row).toMatchObject({ outcome: 'ok', target: `seizures/${ids.r1}` });
    expect(row.details).toMatchObject({ id: ids.r1, version_before: 1, version_after: 2 });
    expect(row.details.before).toMatchObject({ value_vnd: 5_000_000, lon: 105.05, version: 1 });
    expect(row.details.after).toMatchObject({ value_vnd: 7_000_000, lon: 105.06, version: 2 });
  });

  it('answers a stale version with 409 and the current record, changing nothing', async () => {
    const res = await put(ids.r1, { ...RECORDS.r1, value_vnd: 1, version: 1 });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('conflict');
    expect(body.error.details.current).toMatchObject({
      id: ids.r1,
      version: 2,
      value_vnd: 7_000_000,
    });
    const [row] =
      await db.sql`select version, value_vnd::float8 as v from seizures where id = ${ids.r1}`;
    expect(row).toEqual({ version: 2, v: 7_000_000 });
    expect(await lastAudit('seizure.update')).toMatchObject({ outcome: 'failed' });
  });

  it('lets exactly one of two concurrent edits of one version win', async () => {
    // R3 is joint: analysts of both agencies may edit it. A pool of connections, so on
    // PostgreSQL the two transactions really run side by side.
    const pool = pooledClient(db);
    const pooled = testApp({ ...db, sql: pool }).app;
    const edit = (goods: string, cookie: string) =>
      pooled.request(
        `/api/seizures/${ids.r3}`,
        json('PUT', cookie, { ...RECORDS.r3, goods, version: 1 }),
      );
    const [a, b] = await Promise.all([
      edit('Máy tính bảng', who.customs),
      edit('Tai nghe', who.bg),
    ]).finally(() => pool.end({ timeout: 5 }));
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Máy tính bảng' : 'Tai nghe';
    const [row] = await db.sql`select version, goods from seizures where id = ${ids.r3}`;
    expect(row).toEqual({ version: 2, goods: winner });
    const loser = await (a.status === 409 ? a : b).json();
    expect(loser.error.details.current).toMatchObject({ version: 2, goods: winner });
  });

  it('allows a joint record to be handed to one agency only by its users', async () => {
    // A Border Guard analyst may not make R3 a Customs record ...
    const res = await put(ids.r3, { ...RECORDS.r3, lead_agency: 'customs', version: 2 }, who.bg);
    expect(res.status).toBe(403);
    // ... an admin may.
    const ok = await put(ids.r3, { ...RECORDS.r3, lead_agency: 'customs', version: 2 }, who.admin);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await ok.json()).lead_agency).toBe('customs');
  });

  it("refuses another agency's record with 403 and changes nothing", async () => {
    const res = await put(ids.r1, { ...RECORDS.r1, version: 2 }, who.bg);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    const [row] = await db.sql`select version from seizures where id = ${ids.r1}`;
    expect(row.version).toBe(2);
  });

  it('answers 404 for a record that does not exist', async () => {
    expect((await put(999_999, { ...RECORDS.r1, version: 1 })).status).toBe(404);
    expect((await put(0, { ...RECORDS.r1, version: 1 })).status).toBe(404);
    expect((await app.request('/api/seizures/abc', json('PUT', who.customs, {}))).status).toBe(404);
  });
});

describe('who may write', () => {
  it.each(['commander', 'planner'] as const)('refuses a %s with 403', async (role) => {
    const before = await seizureCount();
    const res = await post({ ...RECORDS.r4, lon: 106.71 }, who[role]);
    expect(res.status).toBe(403);
    expect((await put(ids.r4, { ...RECORDS.r4, version: 1 }, who[role])).status).toBe(403);
    expect((await del(ids.r4, '?version=1', who[role])).status).toBe(403);
    expect(await seizureCount()).toBe(before);
  });

  it("refuses a record for another agency than the analyst's", async () => {
    const res = await post({ ...RECORDS.r4, lead_agency: 'border_guard' }, who.customs);
    expect(res.status).toBe(403);
    expect((await lastAudit('seizure.create')).outcome).toBe('failed');
  });
});

describe('validation', () => {
  const base = { ...RECORDS.r4 } as Record<string, unknown>;
  // Keys set to undefined are left out of the JSON body.
  it.each([
    ['occurred_at', { occurred_at: 'yesterday' }],
    ['occurred_at', { occurred_at: '2024-02-30' }],
    ['occurred_at', { occurred_at: '1850-01-01' }],
    ['occurred_at', { occurred_at: '2099-01-01' }],
    ['occurred_at', { occurred_at: undefined }],
    ['province', { province: 'ha_noi' }],
    ['category', { category: 'guns' }],
    ['category', { category: undefined }],
    ['goods', { goods: '   ' }],
    ['goods', { goods: 'x'.repeat(501) }],
    ['quantity', { quantity: -1, unit: 'kg' }],
    ['quantity', { quantity: 'ten', unit: 'kg' }],
    ['unit', { quantity: 5 }],
    ['value_vnd', { value_vnd: 1.5 }],
    ['value_vnd', { value_vnd: -5 }],
    ['value_vnd', { value_vnd: '5000' }],
    ['subjects', { subjects: undefined }],
    ['subjects', { subjects: 2.5 }],
    ['subjects', { subjects: -1 }],
    ['transport_mode', { transport_mode: 'plane' }],
    ['lead_agency', { lead_agency: 'police' }],
    ['case_ref', { case_ref: 'LS\u0007-1' }],
    ['case_ref', { case_ref: 'x'.repeat(101) }],
    ['lon', { lon: undefined }],
    ['lat', { lat: null }],
    ['lon', { lon: 200 }],
    ['lat', { lat: 105.05, lon: 10.55 }],
    ['x', { lon: undefined, lat: undefined, y: 2422800, crs: 3405 }],
    ['lon', { x: 675400, y: 2422800, crs: 3405 }],
    ['x', { x: 675400, y: 2422800 }],
    ['crs', { lon: undefined, lat: undefined, x: 675400, y: 2422800, crs: 4326 }],
    ['x', { lon: undefined, lat: undefined, x: -5, y: 2422800, crs: 3405 }],
  ])('refuses a bad %s with a 400 naming it (%j)', async (field, change) => {
    const before = await seizureCount();
    const res = await post({ ...base, ...change });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.details.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await seizureCount()).toBe(before);
  });

  it('names the swapped lon and lat', async () => {
    const body = await (await post({ ...base, lat: 106.75, lon: 21.95 })).json();
    expect(body.error.message).toMatch(/lon and lat look swapped/);
  });

  it('refuses fields it does not know and a body that is not JSON', async () => {
    const res = await post({ ...base, source: 'synthetic-demo' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/source/);
    const broken = await post('{"occurred_at":');
    expect(broken.status).toBe(400);
    expect((await post({ ...base, id: 5 })).status).toBe(400);
  });

  it.each([
    // Inside the area of operations, in neither square.
    [
      'a point in no outline',
      { province: undefined, lon: 105.5, lat: 10.6 },
      'outside_province',
      'province',
    ],
    [
      'a point outside its stated province',
      { province: 'an_giang' },
      'outside_province',
      'province',
    ],
    ['a point outside the area of operations', { lon: 100.5, lat: 10.6 }, 'outside_area', 'lon'],
    // VN-2000 x 500000 y 3000000 is 105.0020 E 27.1215 N (GDAL): north of the area.
    [
      'a VN-2000 point outside the area',
      { lon: undefined, lat: undefined, x: 500000, y: 3000000, crs: 3405 },
      'outside_area',
      'x',
    ],
  ])('refuses %s with 400 %s', async (_, change, code, field) => {
    const before = await seizureCount();
    const res = await post({ ...base, ...change });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.details.field).toBe(field);
    expect(await seizureCount()).toBe(before);
  });
});

describe('case references', () => {
  it('refuses a reference another record holds, whatever its case', async () => {
    const res = await post({ ...RECORDS.r4, case_ref: 'ag-2024-001' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('duplicate_case_ref');
    expect(body.error.details.field).toBe('case_ref');
    expect(body.error.message).toContain(`record ${ids.r1}`);
    const edit = await put(ids.r2, { ...RECORDS.r2, case_ref: 'AG-2024-001', version: 1 }, who.bg);
    expect(edit.status).toBe(400);
    expect((await edit.json()).error.code).toBe('duplicate_case_ref');
  });

  it('keeps a record its own reference, and old imported repeats do not block other edits', async () => {
    const same = await put(ids.r2, { ...RECORDS.r2, case_ref: 'ag-2024-002', version: 1 }, who.bg);
    expect(same.status, await same.clone().text()).toBe(200);
    const old = { ...RECORDS.r4, source: 'import', synthetic: false, case_ref: 'OLD-1' };
    await insertSeizures(db.sql, [old, old] as never);
    const [twin] =
      await db.sql`select id from seizures where case_ref = 'OLD-1' order by id limit 1`;
    const edit = await put(twin.id, { ...RECORDS.r4, case_ref: 'OLD-1', subjects: 9, version: 1 });
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect((await post({ ...RECORDS.r4, case_ref: 'old-1' })).status).toBe(400);
    await db.sql`delete from seizures where case_ref = 'OLD-1'`;
  });
});

describe('DELETE /api/seizures/{id}', () => {
  it('needs the version and refuses a stale one with 409', async () => {
    const missing = await del(ids.r5, '');
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.parameter).toBe('version');
    const stale = await del(ids.r5, '?version=2');
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current).toMatchObject({ id: ids.r5, version: 1 });
    expect((await del(ids.r5, '?version=1', who.bg)).status).toBe(403);
    expect((await get(`/api/seizures/${ids.r5}`)).status).toBe(200);
  });

  it('deletes at the current version, audits the record it removed', async () => {
    const res = await del(ids.r5, '?version=1');
    expect(res.status).toBe(204);
    expect((await get(`/api/seizures/${ids.r5}`)).status).toBe(404);
    expect((await list()).total).toBe(4);
    const row = await lastAudit('seizure.delete');
    expect(row).toMatchObject({ outcome: 'ok', target: `seizures/${ids.r5}` });
    expect(row.details).toMatchObject({ id: ids.r5, version_before: 1 });
    expect(row.details.before).toMatchObject({ case_ref: 'ag-2023-099', lead_agency: 'customs' });
    expect((await del(ids.r5, '?version=1')).status).toBe(404);
  });
});

describe('all or nothing', () => {
  // The audit row is the transaction's last statement: making it fail shows that the change
  // before it is rolled back with it.
  it('writes neither the record nor its audit row when the audit insert fails', async () => {
    await db.sql.unsafe(`
      create function refuse_seizure_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$;
      create trigger refuse_seizure_audit before insert on audit_log for each row
        when (new.action like 'seizure.%' and new.outcome = 'ok')
        execute function refuse_seizure_audit();`);
    try {
      const before = await seizureCount();
      const created = await post({ ...RECORDS.r4, case_ref: 'HALF-1' });
      expect(created.status).toBe(500);
      expect(await seizureCount()).toBe(before);
      const edited = await put(ids.r4, { ...RECORDS.r4, subjects: 8, version: 1 });
      expect(edited.status).toBe(500);
      const [row] = await db.sql`select version, subjects from seizures where id = ${ids.r4}`;
      expect(row).toEqual({ version: 1, subjects: 3 });
      expect((await del(ids.r4, '?version=1')).status).toBe(500);
      expect((await get(`/api/seizures/${ids.r4}`)).status).toBe(200);
    } finally {
      await db.sql.unsafe(`
        drop trigger refuse_seizure_audit on audit_log;
        drop function refuse_seizure_audit();`);
    }
    const [error] = await db.sql`
      select count(*)::int as n from audit_log where action like 'seizure.%' and outcome = 'error'`;
    expect(error.n).toBe(3);
  });
});

describe('request weight', () => {
  it('counts the records table as heavy (it counts and sorts every match) and writes as light', () => {
    const q = new URLSearchParams('limit=10');
    expect(requestWeight('GET', '/api/seizures', q, 1000)).toBe('heavy');
    expect(requestWeight('POST', '/api/seizures', q, 1000)).toBe('light');
    expect(requestWeight('PUT', '/api/seizures/5', q, 1000)).toBe('light');
    expect(requestWeight('GET', '/api/seizures/5', q, 1000)).toBe('light');
  });
});
