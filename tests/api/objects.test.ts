import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The suspicious-object register on the mini fixture (An Giang frontier: the 105 E meridian,
 * which is UTM 48N's central meridian, so a point's distance to it is its easting - 500000 m).
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const who: Record<string, string> = {};

const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } });
const send = (method: string, path: string, cookie: string, body: unknown) =>
  app.request(path, json(method, cookie, body));
const objectCount = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from suspicious_objects`)[0].n;
const sightingCount = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from object_sightings`)[0].n;

const BOAT = {
  kind: 'boat',
  identifier: 'AG-BOAT-0001',
  description: 'Blue hull, two outboard motors',
  province: 'an_giang',
  distribution: 'both',
  tlp: 'green',
};
let boat: number;
let car: number;
let red: number;

beforeAll(async () => {
  db = await testDb();
  ({ app } = testApp(db));
  await loadMini(db.sql);
  await addUser(db.sql, 'bg.analyst', 'analyst', 'border_guard', 'bp_vinh_xuong');
  await addUser(db.sql, 'bg.planner', 'planner', 'border_guard', 'bp_tinh_bien');
  await addUser(db.sql, 'hq.commander', 'commander', 'customs', 'hq_tinh_bien');
  await addUser(db.sql, 'hq.analyst', 'analyst', 'customs');
  for (const name of ['bg.analyst', 'bg.planner', 'hq.commander', 'hq.analyst'])
    who[name] = await signIn(app, name);
});
afterAll(() => db.close());

describe('registering objects', () => {
  it('creates an object from the session, with the author unit among its units', async () => {
    const res = await send('POST', '/api/objects', who['bg.analyst'], BOAT);
    expect(res.status).toBe(201);
    const body = await res.json();
    boat = body.id;
    expect(res.headers.get('location')).toBe(`/api/objects/${boat}`);
    expect(body).toMatchObject({
      ...BOAT,
      identifier_masked: 'AG-•••01',
      units: [],
      agency: 'border_guard',
      unit: 'bp_vinh_xuong',
      author: 'bg.analyst',
      version: 1,
      sightings_count: 0,
      last_seen_at: null,
      near_frontier: false,
      centroid: null,
      sightings: [],
      reports: [],
      seizures: [],
    });

    const own = await send('POST', '/api/objects', who['bg.analyst'], {
      ...BOAT,
      kind: 'vehicle',
      identifier: '51C-123.45',
      distribution: 'own_agency',
      tlp: 'amber',
    });
    car = (await own.json()).id;
    const named = await send('POST', '/api/objects', who['bg.analyst'], {
      ...BOAT,
      kind: 'warehouse',
      identifier: 'Kho 7, ấp Vĩnh Hòa',
      distribution: 'units',
      units: ['hq_tinh_bien', 'hq_tinh_bien'],
      tlp: 'red',
    });
    expect(named.status).toBe(201);
    const redBody = await named.json();
    red = redBody.id;
    expect(redBody.units).toEqual(['bp_vinh_xuong', 'hq_tinh_bien']);
    const [audit] = await db.sql<{ action: string; outcome: string; details: { id: number } }[]>`
      select action, outcome, details from audit_log where action = 'object.create' order by id`;
    expect(audit).toMatchObject({ outcome: 'ok', details: { id: boat } });
  });

  it('refuses forged and oversized bodies with 400, writing nothing', async () => {
    const before = await objectCount();
    const cases: [object, string, string][] = [
      [{ ...BOAT, identifier: 'X-1', agency: 'customs' }, 'invalid_body', '(body)'],
      [{ ...BOAT, identifier: 'X-2', author: 'someone' }, 'invalid_body', '(body)'],
      [{ ...BOAT, identifier: 'X-3', tlp: 'red' }, 'invalid_body', 'tlp'],
      [{ ...BOAT, identifier: 'X-4', distribution: 'units' }, 'invalid_body', 'units'],
      [{ ...BOAT, identifier: 'X-5', units: ['hq_tinh_bien'] }, 'invalid_body', 'units'],
      [
        { ...BOAT, identifier: 'X-6', distribution: 'units', units: ['hq_nowhere'] },
        'unknown_unit',
        'units',
      ],
      [
        { ...BOAT, identifier: 'X-7', description: 'x'.repeat(1001) },
        'invalid_body',
        'description',
      ],
      [{ ...BOAT, identifier: 'y'.repeat(101) }, 'invalid_body', 'identifier'],
      [{ ...BOAT, identifier: 'X-9', kind: 'submarine' }, 'invalid_body', 'kind'],
    ];
    for (const [body, code, field] of cases) {
      const res = await send('POST', '/api/objects', who['bg.analyst'], body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe(code);
      expect(error.details.problems[0].field).toBe(field);
    }
    expect(await objectCount()).toBe(before);
  });

  it('refuses a second object of the same kind and identifier in the agency (409 with its id)', async () => {
    const res = await send('POST', '/api/objects', who['bg.planner'], {
      ...BOAT,
      identifier: 'ag-boat-0001',
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: 'duplicate_object',
      details: { id: boat },
    });
    // The other force keeps its own register: the same identifier is a new object there.
    const other = await send('POST', '/api/objects', who['hq.analyst'], {
      ...BOAT,
      distribution: 'own_agency',
    });
    expect(other.status).toBe(201);
  });
});

describe('who sees what', () => {
  it('masks identifiers and descriptions for roles without view_identifiers', async () => {
    const planner = await (await get(`/api/objects/${boat}`, who['bg.planner'])).json();
    expect(planner).toMatchObject({
      identifier: null,
      identifier_masked: 'AG-•••01',
      description: null,
    });
    const commander = await (await get(`/api/objects/${boat}`, who['hq.commander'])).json();
    expect(commander).toMatchObject({
      identifier: 'AG-BOAT-0001',
      description: 'Blue hull, two outboard motors',
    });
    const list = await (await get('/api/objects', who['bg.planner'])).json();
    expect(list.items.every((o: { identifier: unknown }) => o.identifier === null)).toBe(true);
  });

  it('lists and counts only the visible objects; an invisible one is a 404 like a missing id', async () => {
    const ids = async (name: string) => {
      const body = await (await get('/api/objects', who[name])).json();
      return { ids: body.items.map((o: { id: number }) => o.id).sort(), total: body.total };
    };
    const hqOwn = boat + 3;
    expect(await ids('bg.analyst')).toEqual({ ids: [boat, car, red].sort(), total: 3 });
    expect(await ids('bg.planner')).toEqual({ ids: [boat, car].sort(), total: 2 });
    expect(await ids('hq.commander')).toEqual({ ids: [boat, red, hqOwn].sort(), total: 3 });
    expect(await ids('hq.analyst')).toEqual({ ids: [boat, hqOwn].sort(), total: 2 });
    for (const id of [car, 999999]) {
      const res = await get(`/api/objects/${id}`, who['hq.analyst']);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'not_found', message: `No object ${id}` },
      });
      const put = await send('PUT', `/api/objects/${id}`, who['hq.analyst'], {
        ...BOAT,
        version: 1,
      });
      expect(put.status).toBe(404);
      expect((await put.json()).error.message).toBe(`No object ${id}`);
    }
  });

  it('filters by kind and province; only identifier readers may search', async () => {
    const boats = await (await get('/api/objects?kind=warehouse', who['hq.commander'])).json();
    expect(boats.items.map((o: { id: number }) => o.id)).toEqual([red]);
    expect(
      (await (await get('/api/objects?province=lang_son', who['bg.analyst'])).json()).total,
    ).toBe(0);
    const found = await (await get('/api/objects?q=BOAT-00', who['bg.analyst'])).json();
    expect(found.items.map((o: { id: number }) => o.id)).toEqual([boat]);
    expect((await get('/api/objects?q=51C', who['bg.planner'])).status).toBe(403);
    const [denied] = await db.sql<{ outcome: string; details: { permission: string } }[]>`
      select outcome, details from audit_log
      where username = 'bg.planner' and outcome = 'denied' order by id desc limit 1`;
    expect(denied).toMatchObject({
      outcome: 'denied',
      details: { permission: 'view_identifiers' },
    });
    expect((await get('/api/objects?kind=plane', who['bg.analyst'])).status).toBe(400);
    expect((await get('/api/objects?near_frontier=yes', who['bg.analyst'])).status).toBe(400);
  });

  it('audits every read: list, one object and the frontier layer', async () => {
    await get(`/api/objects/${boat}`, who['bg.planner']);
    await get('/api/objects/near-frontier', who['bg.planner']);
    const rows = await db.sql<{ action: string; target: string; username: string }[]>`
      select action, target, username from audit_log
      where action in ('object.read', 'object.list') and username = 'bg.planner' order by id`;
    expect(rows.map((r) => `${r.action} ${r.target}`)).toEqual([
      `object.read objects/${boat}`,
      'object.list objects',
      'object.list objects',
      `object.read objects/${boat}`,
      'object.list objects/near-frontier',
    ]);
  });

  it('audits a refused read too: a hidden object and a missing id leave the same failed row', async () => {
    for (const id of [car, 999998]) {
      expect((await get(`/api/objects/${id}`, who['hq.analyst'])).status).toBe(404);
    }
    const rows = await db.sql<{ target: string; outcome: string; details: unknown }[]>`
      select target, outcome, details from audit_log
      where action = 'object.read' and username = 'hq.analyst' and outcome <> 'ok' order by id`;
    expect(rows.slice(-2)).toEqual([
      { target: `objects/${car}`, outcome: 'failed', details: { status: 404 } },
      { target: 'objects/999998', outcome: 'failed', details: { status: 404 } },
    ]);
  });
});

describe('sightings and the frontier', () => {
  const seen = (lon: number, lat: number, at = '2026-11-20T06:30:00Z') => ({
    seen_at: at,
    lon,
    lat,
    note: 'seen from the bank',
  });

  it('adds sightings by hand, from a seizure and from a report, refusing repeats', async () => {
    // 1093.9 m and 2187.7 m east of the frontier, 1555.3 m apart; the third 16.4 km inland.
    for (const [lon, lat] of [
      [105.01, 10.6],
      [105.02, 10.61],
      [105.15, 10.65],
    ]) {
      const res = await send(
        'POST',
        `/api/objects/${boat}/sightings`,
        who['bg.planner'],
        seen(lon, lat),
      );
      expect(res.status).toBe(201);
    }
    const [seizure] = await db.sql<{ id: number }[]>`select id from seizures order by id limit 1`;
    const fromSeizure = await send('POST', `/api/objects/${boat}/sightings`, who['hq.analyst'], {
      seizure_id: seizure.id,
    });
    expect(fromSeizure.status).toBe(201);
    const again = await send('POST', `/api/objects/${boat}/sightings`, who['hq.analyst'], {
      seizure_id: seizure.id,
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_linked');
    expect(await sightingCount()).toBe(4);
  });

  it('refuses a sighting outside the area, in the future, or from a report the caller cannot see', async () => {
    const [report] = await db.sql<{ id: number }[]>`
      insert into reports (title, kind, province, geom, reliability, credibility, distribution,
        tlp, received_at, agency, author_name)
      values ('Synthetic test tip', 'boat', 'an_giang',
        ST_SetSRID(ST_MakePoint(105.03, 10.62), 4326), 'B', 2, 'own_agency', 'amber',
        '2026-11-21T02:00:00Z', 'border_guard', 'bg.analyst')
      returning id`;
    const before = await sightingCount();
    const bad: [string, object, number, string][] = [
      ['hq.analyst', { report_id: report.id }, 400, 'unknown_report'],
      ['hq.analyst', seen(100, 10.6), 400, 'outside_area'],
      ['hq.analyst', seen(105.01, 10.6, '2099-01-01T00:00:00Z'), 400, 'invalid_body'],
      ['hq.analyst', { seen_at: '2026-11-20T06:30:00Z', lon: 105.01 }, 400, 'invalid_body'],
      ['hq.analyst', { report_id: report.id, lon: 105 }, 400, 'invalid_body'],
    ];
    for (const [name, body, status, code] of bad) {
      const res = await send('POST', `/api/objects/${boat}/sightings`, who[name], body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await sightingCount()).toBe(before);
    const ok = await send('POST', `/api/objects/${boat}/sightings`, who['bg.planner'], {
      report_id: report.id,
    });
    expect(ok.status).toBe(201);
    const body = await ok.json();
    expect(body.reports).toEqual([report.id]);
    expect(body.sightings.at(-1)).toMatchObject({
      source: 'report',
      report_id: report.id,
      lon: 105.03,
      lat: 10.62,
      seen_at: '2026-11-21T02:00:00.000Z',
    });
  });

  it('shows a sighting from a report only to who may see that report', async () => {
    const bg = await (await get(`/api/objects/${boat}`, who['bg.planner'])).json();
    const hq = await (await get(`/api/objects/${boat}`, who['hq.commander'])).json();
    expect(bg.sightings_count).toBe(5);
    expect(hq.sightings_count).toBe(4);
    expect(hq.reports).toEqual([]);
    expect(hq.sightings.map((s: { source: string }) => s.source)).toEqual([
      'seizure',
      'seen',
      'seen',
      'seen',
    ]);
    expect(hq.last_seen_at).toBe('2026-11-20T06:30:00.000Z');
    expect(bg.last_seen_at).toBe('2026-11-21T02:00:00.000Z');
  });

  it('puts an object whose sightings cluster near the frontier on the map', async () => {
    // Customs sees the two near sightings (1.1 and 2.2 km from the frontier) and the seizure at
    // (105.05, 10.55), 5.47 km away; the cluster is the pair, centroid (105.015, 10.605).
    const hq = await (await get(`/api/objects/${boat}`, who['hq.commander'])).json();
    expect(hq.near_frontier).toBe(true);
    expect(hq.centroid).toEqual([105.015, 10.605]);
    const list = await (await get('/api/objects?near_frontier=true', who['hq.commander'])).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: boat }] });
    const res = await get('/api/objects/near-frontier?province=an_giang', who['hq.commander']);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(await res.json()).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: boat,
          geometry: { type: 'Point', coordinates: [105.015, 10.605] },
          properties: {
            id: boat,
            kind: 'boat',
            identifier_masked: 'AG-•••01',
            sightings_count: 4,
            last_seen_at: '2026-11-20T06:30:00.000Z',
            tlp: 'green',
          },
        },
      ],
    });
    const none = await (
      await get('/api/objects/near-frontier?province=lang_son', who['hq.commander'])
    ).json();
    expect(none.features).toEqual([]);
  });
});

describe('editing objects', () => {
  it('lets a planner edit without the identifier, keeps it, and refuses a stale version', async () => {
    const change = {
      ...BOAT,
      identifier: undefined,
      description: undefined,
      tlp: 'amber',
      version: 1,
    };
    const res = await send('PUT', `/api/objects/${car}`, who['bg.planner'], {
      ...change,
      kind: 'vehicle',
      distribution: 'own_agency',
    });
    // A planner who is not the author may not edit (as for reports).
    expect(res.status).toBe(403);
    const own = await send('PUT', `/api/objects/${boat}`, who['bg.analyst'], change);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      version: 2,
      tlp: 'amber',
      identifier: 'AG-BOAT-0001',
    });
    const stale = await send('PUT', `/api/objects/${boat}`, who['bg.analyst'], change);
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.details.current).toMatchObject({ id: boat, version: 2 });
    const [row] = await db.sql<{ version: number; identifier: string }[]>`
      select version, identifier from suspicious_objects where id = ${boat}`;
    expect(row).toEqual({ version: 2, identifier: 'AG-BOAT-0001' });
  });

  it("keeps the author's unit, not the editor's, among the named units", async () => {
    await addUser(db.sql, 'bg.commander', 'commander', 'border_guard', 'bp_khanh_binh');
    const cookie = await signIn(app, 'bg.commander');
    const current = await (await get(`/api/objects/${car}`, cookie)).json();
    const change = {
      kind: 'vehicle',
      province: 'an_giang',
      distribution: 'units',
      units: ['hq_tinh_bien'],
      tlp: 'red',
      version: current.version,
    };
    // Without their own unit the editor would lose the object mid-edit: refused, unchanged.
    const hidden = await send('PUT', `/api/objects/${car}`, cookie, change);
    expect(hidden.status).toBe(400);
    expect((await hidden.json()).error.code).toBe('would_hide');
    expect((await (await get(`/api/objects/${car}`, cookie)).json()).version).toBe(current.version);
    const res = await send('PUT', `/api/objects/${car}`, cookie, {
      ...change,
      units: ['hq_tinh_bien', 'bp_khanh_binh'],
    });
    expect(res.status).toBe(200);
    expect((await res.json()).units).toEqual(['bp_khanh_binh', 'bp_vinh_xuong', 'hq_tinh_bien']);
    const hq = await get(`/api/objects/${car}`, who['hq.commander']);
    expect((await hq.json()).identifier).toBe('51C-123.45');
    expect((await get(`/api/objects/${car}`, who['bg.planner'])).status).toBe(404);
  });

  it('refuses an edit from the other force (403) and masks the stale copy for planners', async () => {
    const res = await send('PUT', `/api/objects/${boat}`, who['hq.commander'], {
      ...BOAT,
      version: 2,
    });
    expect(res.status).toBe(403);
    const byAuthorsPlanner = await send('PUT', `/api/objects/${boat}`, who['bg.planner'], {
      ...BOAT,
      version: 2,
    });
    expect(byAuthorsPlanner.status).toBe(403);
  });
});
