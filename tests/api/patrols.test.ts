import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let planner: string;
let commander: string;
let agSeizures: number[];
let lsSeizure: number;
let routeId: number;

const gpx = readFileSync(new URL('../fixtures/tracks/two-segments.gpx', import.meta.url), 'utf8');
// Legs by Vincenty on WGS 84, by hand: A-B 9,872.65 m, B-C 7,779.54 m (see the GPX fixture).
const A = [105.01, 10.52];
const B = [105.05, 10.6];
const C = [105.1, 10.65];

const patrol = (over: object = {}) => ({
  province: 'an_giang',
  agency: 'joint',
  unit: 'Đồn Vĩnh Xương + Đội KSHQ 1',
  started_at: '2024-05-14T07:30:00+07:00',
  ended_at: '2024-05-14T10:00:00+07:00',
  result: 'nothing_found',
  ...over,
});

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  // A fixed clock: "now" is 2024-06-01, so May's patrols are past and July's in the future.
  app = testApp(db, {}, () => new Date('2024-06-01T00:00:00Z')).app;
  await addUser(db.sql, 'pat.customs', 'planner', 'customs');
  await addUser(db.sql, 'pat.cmd', 'commander', 'customs');
  planner = await signIn(app, 'pat.customs');
  commander = await signIn(app, 'pat.cmd');
  const rows = await db.sql<{ id: number; province: string }[]>`
    select id, province from seizures order by id`;
  agSeizures = rows.filter((r) => r.province === 'an_giang').map((r) => r.id);
  lsSeizure = rows.find((r) => r.province === 'lang_son')!.id;
  const route = await app.request(
    '/api/patrol-routes',
    json('POST', planner, {
      name: 'Kênh',
      province: 'an_giang',
      agency: 'customs',
      radius_m: 500,
      shifts_per_week: 7,
      geometry: { type: 'LineString', coordinates: [A, B, C] },
    }),
  );
  routeId = (await route.json()).id;
});
afterAll(() => db.close());

const post = (body: object, cookie = planner) =>
  app.request('/api/patrols', json('POST', cookie, body));
const get = (path: string, cookie = planner) => app.request(path, { headers: { cookie } });
const count = async () => (await db.sql`select count(*)::int as n from patrols`)[0].n as number;

describe('patrols', () => {
  it('records a patrol that followed a route, copying its line', async () => {
    const res = await post(patrol({ route_id: routeId }));
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(res.headers.get('location')).toBe(`/api/patrols/${f.id}`);
    expect(f.geometry).toEqual({ type: 'LineString', coordinates: [A, B, C] });
    expect(f.properties).toMatchObject({
      id: f.id,
      province: 'an_giang',
      agency: 'joint',
      unit: 'Đồn Vĩnh Xương + Đội KSHQ 1',
      result: 'nothing_found',
      seizure_ids: [],
      source: 'route',
      route_id: routeId,
      created_by: 'pat.customs',
      // 9,872.65 + 7,779.54 m
      length_km: 17.652,
    });
    expect(new Date(f.properties.started_at).toISOString()).toBe('2024-05-14T00:30:00.000Z');
    expect(new Date(f.properties.ended_at).toISOString()).toBe('2024-05-14T03:00:00.000Z');
  });

  it('records a GPX track, joining its segments, linked to the seizures it led to', async () => {
    const res = await post(
      patrol({
        gpx,
        result: 'seizures',
        seizure_ids: [agSeizures[1], agSeizures[0], agSeizures[0]],
      }),
    );
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(f.geometry.coordinates).toEqual([A, B, C, B]);
    // 9,872.65 + 7,779.54 + 7,779.54 = 25,431.73 m
    expect(f.properties).toMatchObject({
      source: 'gpx',
      route_id: null,
      result: 'seizures',
      seizure_ids: [agSeizures[0], agSeizures[1]],
      length_km: 25.432,
    });
    const [audit] = await db.sql`
      select details from audit_log where action = 'patrol.create' order by id desc limit 1`;
    expect(audit.details).toMatchObject({ id: f.id, source: 'gpx', parts: 2, seizures: 2 });
  });

  it('records a GeoJSON track', async () => {
    const track = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: [A, B] },
    };
    const f = await (await post(patrol({ track, agency: 'customs' }))).json();
    expect(f.properties).toMatchObject({ source: 'geojson', length_km: 9.873, agency: 'customs' });
  });

  it('refuses bad input with the reason and writes nothing', async () => {
    const before = await count();
    const cases: [object, number, string | RegExp][] = [
      [
        patrol(),
        400,
        'Invalid body: (body): give exactly one of route_id, track (GeoJSON) or gpx (GPX text)',
      ],
      [patrol({ route_id: routeId, gpx }), 400, /exactly one of/],
      [patrol({ route_id: 999999 }), 400, 'route_id: there is no patrol route 999999.'],
      [
        patrol({ province: 'lang_son', route_id: routeId }),
        400,
        `route_id: route ${routeId} is in an_giang, not lang_son.`,
      ],
      [patrol({ gpx: '<gpx><trk>' }), 422, /^The GPX is not well-formed XML/],
      [patrol({ track: { type: 'Point', coordinates: A } }), 422, /must be a LineString/],
      [
        patrol({
          track: {
            type: 'LineString',
            coordinates: [
              [106.0, 12.0],
              [106.1, 12.1],
            ],
          },
        }),
        422,
        'The track lies more than 5 km outside the an_giang province outline.',
      ],
      [
        patrol({ route_id: routeId, ended_at: '2024-05-14T07:00:00+07:00' }),
        400,
        'ended_at must be after started_at.',
      ],
      [
        patrol({ route_id: routeId, ended_at: '2024-05-20T07:00:00+07:00' }),
        400,
        'A patrol lasts at most 72 hours; check the dates.',
      ],
      [
        patrol({
          route_id: routeId,
          started_at: '2024-07-01T07:00:00+07:00',
          ended_at: '2024-07-01T09:00:00+07:00',
        }),
        400,
        'ended_at is in the future: record a patrol after it has taken place.',
      ],
      [
        patrol({ route_id: routeId, started_at: '2024-05-14 07:30' }),
        400,
        /started_at: must be an ISO date-time with its zone/,
      ],
      [
        patrol({
          route_id: routeId,
          result: 'seizures',
          seizure_ids: [agSeizures[0], lsSeizure, 999999],
        }),
        400,
        `seizure_ids: no seizure ${lsSeizure}, 999999 in an_giang.`,
      ],
      [
        patrol({ route_id: routeId, seizure_ids: [agSeizures[0]] }),
        400,
        "seizure_ids: a patrol that found nothing ('nothing_found') led to none.",
      ],
      [
        patrol({ route_id: routeId, agency: 'border_guard' }),
        403,
        'A customs user may not change border_guard routes.',
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      const err = (await res.json()).error;
      expect([res.status, err.message]).toEqual([
        status,
        expect.stringMatching(
          message instanceof RegExp
            ? message
            : `^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        ),
      ]);
    }
    expect(await count()).toBe(before);
    const [links] = await db.sql`
      select count(*)::int as n from patrol_seizures ps where ps.seizure_id = ${lsSeizure}`;
    expect(links.n).toBe(0);
    expect((await post(patrol({ route_id: routeId }), commander)).status).toBe(403);
  });

  it('lists newest first with filters and keyset pages', async () => {
    for (const day of ['2024-04-01', '2024-04-02', '2024-04-03'])
      await post(
        patrol({
          route_id: routeId,
          agency: 'customs',
          started_at: `${day}T06:00:00+07:00`,
          ended_at: `${day}T08:00:00+07:00`,
        }),
      );
    const april = await (
      await get('/api/patrols?province=an_giang&from=2024-04-01&to=2024-04-30', commander)
    ).json();
    expect(april.type).toBe('FeatureCollection');
    expect(april.numberMatched).toBe(3);
    expect(
      april.features.map((f: { properties: { started_at: string } }) =>
        new Date(f.properties.started_at).toISOString(),
      ),
    ).toEqual(['2024-04-02T23:00:00.000Z', '2024-04-01T23:00:00.000Z', '2024-03-31T23:00:00.000Z']);
    const ids: number[] = [];
    let href: string | undefined = '/api/patrols?province=an_giang&limit=2';
    while (href) {
      const page = await (await get(href)).json();
      ids.push(...page.features.map((f: { id: number }) => f.id));
      href = page.links.find((l: { rel: string }) => l.rel === 'next')?.href;
    }
    const all = await (await get('/api/patrols?province=an_giang&limit=1000')).json();
    expect(ids).toEqual(all.features.map((f: { id: number }) => f.id));
    expect(ids.length).toBe(all.numberMatched);
    const joint = await (await get('/api/patrols?agency=joint')).json();
    expect(
      joint.features.every(
        (f: { properties: { agency: string } }) => f.properties.agency === 'joint',
      ),
    ).toBe(true);
    expect(joint.numberMatched).toBe(2);
    expect((await get('/api/patrols?after=17')).status).toBe(400);
    expect((await get('/api/patrols?province=lang_son')).status).toBe(200);
  });

  it('reads one patrol, 404 for none', async () => {
    const all = await (await get('/api/patrols?limit=1')).json();
    const one = await get(`/api/patrols/${all.features[0].id}`);
    expect(await one.json()).toEqual(all.features[0]);
    expect((await get('/api/patrols/999999')).status).toBe(404);
    expect((await app.request('/api/patrols')).status).toBe(401);
  });
});
