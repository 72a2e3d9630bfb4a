import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let planner: string;
let bgPlanner: string;

export const LINE = {
  type: 'LineString',
  coordinates: [
    [105.01, 10.52],
    [105.05, 10.6],
    [105.1, 10.65],
  ],
};
const route = (over: object = {}) => ({
  name: 'Tuần tra kênh Vĩnh Tế',
  province: 'an_giang',
  agency: 'customs',
  unit: 'Đội KSHQ số 1',
  radius_m: 800,
  shifts_per_week: 14,
  geometry: LINE,
  ...over,
});

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'pl.customs', 'planner', 'customs');
  await addUser(db.sql, 'pl.bg', 'planner', 'border_guard');
  planner = await signIn(app, 'pl.customs');
  bgPlanner = await signIn(app, 'pl.bg');
});
afterAll(() => db.close());

const create = async (body: object, cookie = planner) =>
  app.request('/api/patrol-routes', json('POST', cookie, body));

describe('patrol routes', () => {
  it('creates a route and returns it as a GeoJSON Feature with version 1', async () => {
    const res = await create(route());
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(res.headers.get('location')).toBe(`/api/patrol-routes/${f.id}`);
    expect(f.geometry).toEqual(LINE);
    expect(f.properties).toMatchObject({
      name: 'Tuần tra kênh Vĩnh Tế',
      province: 'an_giang',
      agency: 'customs',
      unit: 'Đội KSHQ số 1',
      radius_m: 800,
      shifts_per_week: 14,
      version: 1,
      created_by: 'pl.customs',
      updated_by: 'pl.customs',
    });
    // Two geodesic legs on the WGS 84 ellipsoid, by Vincenty's inverse formula computed by hand:
    // (105.01,10.52)-(105.05,10.60) 9,872.65 m and (105.05,10.60)-(105.10,10.65) 7,779.54 m.
    expect(f.properties.length_km).toBe(17.652);
  });

  it('lists and reads routes', async () => {
    const list = await (
      await app.request('/api/patrol-routes?province=an_giang', { headers: { cookie: planner } })
    ).json();
    expect(list.type).toBe('FeatureCollection');
    expect(list.features.length).toBeGreaterThanOrEqual(1);
    const one = await app.request(`/api/patrol-routes/${list.features[0].id}`, {
      headers: { cookie: planner },
    });
    expect((await one.json()).id).toBe(list.features[0].id);
    const missing = await app.request('/api/patrol-routes/999999', {
      headers: { cookie: planner },
    });
    expect(missing.status).toBe(404);
  });

  it('pages the list by id with a next link, and caps the page', async () => {
    for (let i = 0; i < 4; i++) await create(route({ name: `Page ${i}` }));
    const all = await (
      await app.request('/api/patrol-routes?limit=1000', { headers: { cookie: planner } })
    ).json();
    expect(all.links).toEqual([]);
    const ids: number[] = [];
    let href: string | undefined = '/api/patrol-routes?limit=2';
    let pages = 0;
    while (href) {
      const page = await (await app.request(href, { headers: { cookie: planner } })).json();
      expect(page.numberMatched).toBe(all.numberMatched);
      expect(page.numberReturned).toBe(page.features.length);
      ids.push(...page.features.map((f: { id: number }) => f.id));
      href = page.links.find((l: { rel: string }) => l.rel === 'next')?.href;
      pages++;
    }
    expect(ids).toEqual(all.features.map((f: { id: number }) => f.id));
    expect(pages).toBe(Math.ceil(all.numberMatched / 2));
    const tooBig = await app.request('/api/patrol-routes?limit=1001', {
      headers: { cookie: planner },
    });
    expect(tooBig.status).toBe(400);
  });

  it('updates with the current version and refuses a stale one with 409 and the current record', async () => {
    const { id } = await (await create(route({ name: 'R' }))).json();
    const first = await app.request(
      `/api/patrol-routes/${id}`,
      json('PUT', planner, { ...route({ name: 'R v2' }), version: 1 }),
    );
    expect(first.status).toBe(200);
    expect((await first.json()).properties).toMatchObject({ name: 'R v2', version: 2 });
    const stale = await app.request(
      `/api/patrol-routes/${id}`,
      json('PUT', planner, { ...route({ name: 'R lost' }), version: 1 }),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.message).toBe(
      `Route ${id} was changed by someone else: you edited version 1, it is now version 2.`,
    );
    expect(body.error.details.current.properties).toMatchObject({ name: 'R v2', version: 2 });
  });

  it('lets exactly one of two concurrent edits of one version win', async () => {
    // A joint route, so planners of both agencies may edit it.
    const { id } = await (await create(route({ name: 'C', agency: 'joint' }))).json();
    const [a, b] = await Promise.all([
      app.request(
        `/api/patrol-routes/${id}`,
        json('PUT', planner, { ...route({ name: 'C by A', agency: 'joint' }), version: 1 }),
      ),
      app.request(
        `/api/patrol-routes/${id}`,
        json('PUT', bgPlanner, { ...route({ name: 'C by B', agency: 'joint' }), version: 1 }),
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'C by A' : 'C by B';
    const [row] = await db.sql`select name, version from patrol_routes where id = ${id}`;
    expect(row).toEqual({ name: winner, version: 2 });
  });

  it('deletes only at the current version', async () => {
    const { id } = await (await create(route({ name: 'D' }))).json();
    const remove = (query: string) =>
      app.request(`/api/patrol-routes/${id}${query}`, {
        method: 'DELETE',
        headers: { cookie: planner },
      });
    expect((await remove('')).status).toBe(400);
    expect((await remove('?version=2')).status).toBe(409);
    expect((await remove('?version=1')).status).toBe(204);
    expect(
      (await app.request(`/api/patrol-routes/${id}`, { headers: { cookie: planner } })).status,
    ).toBe(404);
  });

  it("keeps planners to their own agency's routes and joint ones", async () => {
    const bg = await create(route({ agency: 'border_guard' }), planner);
    expect(bg.status).toBe(403);
    expect((await bg.json()).error.message).toBe(
      'A customs user may not change border_guard routes.',
    );
    const joint = await (await create(route({ agency: 'joint', name: 'J' }), planner)).json();
    const byBg = await app.request(
      `/api/patrol-routes/${joint.id}`,
      json('PUT', bgPlanner, { ...route({ agency: 'joint', name: 'J2' }), version: 1 }),
    );
    expect(byBg.status).toBe(200);
  });

  it('refuses a route far from its province with 422', async () => {
    const far = {
      type: 'LineString',
      coordinates: [
        [106.0, 12.0],
        [106.1, 12.1],
      ],
    };
    const res = await create(route({ geometry: far }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe(
      'The route lies more than 5 km outside the an_giang province outline.',
    );
  });
});
