import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let planner: string;
let bgPlanner: string;
let commander: string;

// Geodesic legs on WGS 84 by Vincenty's inverse formula, by hand (as in patrol-routes.test.ts):
// (105.01,10.52)-(105.05,10.60) 9,872.65 m; (105.05,10.60)-(105.10,10.65) 7,779.54 m.
const LINE = {
  type: 'LineString',
  coordinates: [
    [105.01, 10.52],
    [105.05, 10.6],
    [105.1, 10.65],
  ],
};
const LEG1 = { type: 'LineString', coordinates: LINE.coordinates.slice(0, 2) };
const LEG2 = { type: 'LineString', coordinates: LINE.coordinates.slice(1) };

const routeIn = (over: object = {}) => ({
  name: 'Kênh Vĩnh Tế',
  agency: 'customs',
  unit: 'Đội 1',
  radius_m: 800,
  shifts_per_week: 14,
  geometry: LINE,
  ...over,
});
const planIn = (over: object = {}) => ({
  name: 'Kế hoạch tuần 48',
  province: 'an_giang',
  agency: 'customs',
  unit: 'Đồn Vĩnh Xương',
  note: 'Tuần tra chung',
  risk_from: '2024-01-01',
  risk_to: '2024-06-30',
  risk_categories: ['sugar', 'cigarettes'],
  routes: [routeIn(), routeIn({ name: 'Đoạn 1', geometry: LEG1 })],
  ...over,
});

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'plan.customs', 'planner', 'customs');
  await addUser(db.sql, 'plan.bg', 'planner', 'border_guard');
  await addUser(db.sql, 'plan.cmd', 'commander', 'customs');
  planner = await signIn(app, 'plan.customs');
  bgPlanner = await signIn(app, 'plan.bg');
  commander = await signIn(app, 'plan.cmd');
});
afterAll(() => db.close());

const get = (path: string, cookie = planner) => app.request(path, { headers: { cookie } });
const create = async (body: object = planIn(), cookie = planner) =>
  app.request('/api/plans', json('POST', cookie, body));
const put = (id: number, body: object, cookie = planner) =>
  app.request(`/api/plans/${id}`, json('PUT', cookie, body));
const lastAudit = async (action: string) => {
  const [row] = await db.sql<{ outcome: string; details: Record<string, unknown> }[]>`
    select outcome, details from audit_log where action = ${action} order by id desc limit 1`;
  return row;
};
type Feature = { id: number; properties: Record<string, unknown>; geometry: unknown };

describe('patrol plans', () => {
  it('creates a plan with its routes at version 1 and totals their length', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    const plan = await res.json();
    expect(res.headers.get('location')).toBe(`/api/plans/${plan.id}`);
    expect(plan).toMatchObject({
      name: 'Kế hoạch tuần 48',
      province: 'an_giang',
      agency: 'customs',
      unit: 'Đồn Vĩnh Xương',
      note: 'Tuần tra chung',
      risk_from: '2024-01-01',
      risk_to: '2024-06-30',
      risk_categories: ['sugar', 'cigarettes'],
      version: 1,
      route_count: 2,
      updated_by: 'plan.customs',
    });
    // 17,652.19 m + 9,872.65 m = 27,524.84 m.
    expect(plan.length_km).toBe(27.525);
    expect(plan.routes.type).toBe('FeatureCollection');
    const props = plan.routes.features.map((f: Feature) => f.properties);
    expect(props.map((p: Record<string, unknown>) => [p.name, p.length_km, p.plan_id])).toEqual([
      ['Kênh Vĩnh Tế', 17.652, plan.id],
      ['Đoạn 1', 9.873, plan.id],
    ]);
    expect(props[0]).toMatchObject({ province: 'an_giang', radius_m: 800, version: 1 });
    // The same feature the routes API returns for that id.
    const one = await (await get(`/api/patrol-routes/${plan.routes.features[0].id}`)).json();
    expect(one).toEqual(plan.routes.features[0]);
    expect(await lastAudit('plan.create')).toMatchObject({
      outcome: 'ok',
      details: { id: plan.id, version_after: 1, routes: 2 },
    });
  });

  it('lists plans of a province with their totals, and reads one (audited)', async () => {
    const { id } = await (await create(planIn({ name: 'List me', routes: [] }))).json();
    const list = await (await get('/api/plans?province=an_giang', commander)).json();
    const mine = list.plans.find((p: { id: number }) => p.id === id);
    expect(mine).toMatchObject({ name: 'List me', route_count: 0, length_km: 0, version: 1 });
    expect(mine.routes).toBeUndefined();
    const other = await (await get('/api/plans?province=lang_son', commander)).json();
    expect(other.plans.map((p: { id: number }) => p.id)).not.toContain(id);
    expect((await get('/api/plans?province=nowhere')).status).toBe(400);
    expect((await get(`/api/plans/${id}`, commander)).status).toBe(200);
    expect(await lastAudit('plan.read')).toMatchObject({ outcome: 'ok', details: { id } });
    expect((await get('/api/plans/999999')).status).toBe(404);
    expect(await lastAudit('plan.list')).toMatchObject({ outcome: 'ok' });
  });

  it('replaces the route set on PUT: kept routes updated, new ones inserted, missing deleted', async () => {
    const plan = await (await create()).json();
    const [a, b] = plan.routes.features as Feature[];
    const res = await put(plan.id, {
      version: 1,
      name: 'Kế hoạch tuần 49',
      agency: 'customs',
      routes: [
        { id: a.id, version: 1, ...routeIn({ name: 'Kênh (sửa)', geometry: LEG2 }) },
        routeIn({ name: 'Mới', geometry: LEG1, shifts_per_week: 3 }),
      ],
    });
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after).toMatchObject({ name: 'Kế hoạch tuần 49', version: 2, route_count: 2 });
    // Omitted fields are cleared: a PUT replaces the plan.
    expect(after.unit).toBeNull();
    expect(after.risk_categories).toBeNull();
    // 7,779.54 m + 9,872.65 m.
    expect(after.length_km).toBe(17.652);
    const [ka, kc] = after.routes.features as Feature[];
    expect(ka.id).toBe(a.id);
    expect(ka.properties).toMatchObject({ name: 'Kênh (sửa)', version: 2, length_km: 7.78 });
    expect(kc.id).toBeGreaterThan(b.id);
    expect(kc.properties).toMatchObject({ name: 'Mới', version: 1, shifts_per_week: 3 });
    const [gone] = await db.sql`select count(*)::int as n from patrol_routes where id = ${b.id}`;
    expect(gone.n).toBe(0);
    expect(await lastAudit('plan.update')).toMatchObject({
      outcome: 'ok',
      details: {
        id: plan.id,
        version_before: 1,
        version_after: 2,
        routes_inserted: 1,
        routes_updated: 1,
        routes_deleted: 1,
      },
    });
  });

  it('refuses a stale version with 409 and the current plan, routes included', async () => {
    const plan = await (await create()).json();
    const body = { version: 1, name: 'v2', agency: 'customs', routes: [] };
    expect((await put(plan.id, body)).status).toBe(200);
    const stale = await put(plan.id, { ...body, name: 'lost' });
    expect(stale.status).toBe(409);
    const err = (await stale.json()).error;
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(
      `Plan ${plan.id} was changed by someone else: you edited version 1, it is now version 2.`,
    );
    expect(err.details.current).toMatchObject({ id: plan.id, name: 'v2', version: 2 });
    expect(err.details.current.routes).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('lets exactly one of two concurrent saves of one version win', async () => {
    const plan = await (await create(planIn({ agency: 'joint', routes: [] }))).json();
    const body = (name: string) => ({
      version: 1,
      name,
      agency: 'joint',
      routes: [routeIn({ name, agency: 'joint' })],
    });
    const [r1, r2] = await Promise.all([
      put(plan.id, body('by customs')),
      put(plan.id, body('by bg'), bgPlanner),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const [row] = await db.sql`
      select p.version, count(r.id)::int as routes from patrol_plans p
      left join patrol_routes r on r.plan_id = p.id where p.id = ${plan.id} group by p.version`;
    expect(row).toEqual({ version: 2, routes: 1 });
  });

  it('refuses a route id from another plan with 400 and changes nothing', async () => {
    const mine = await (await create()).json();
    const other = await (await create()).json();
    const res = await put(mine.id, {
      version: 1,
      name: 'x',
      agency: 'customs',
      routes: [{ id: other.routes.features[0].id, ...routeIn() }],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      `Route ${other.routes.features[0].id} is not a route of plan ${mine.id}.`,
    );
    const now = await (await get(`/api/plans/${mine.id}`)).json();
    expect(now).toMatchObject({ name: 'Kế hoạch tuần 48', version: 1, route_count: 2 });
  });

  it('names the bad route and writes nothing when one geometry is refused', async () => {
    const [before] = await db.sql`select count(*)::int as n from patrol_plans`;
    const far = {
      type: 'LineString',
      coordinates: [
        [106.0, 12.0],
        [106.1, 12.1],
      ],
    };
    const res = await create(
      planIn({ routes: [routeIn(), routeIn({ name: 'Xa', geometry: far })] }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe(
      'Route 2 (Xa): The route lies more than 5 km outside the an_giang province outline.',
    );
    const [after] = await db.sql`select count(*)::int as n from patrol_plans`;
    expect(after.n).toBe(before.n);
    expect(await lastAudit('plan.create')).toMatchObject({ outcome: 'failed' });
  });

  it('refuses a province change, an unknown field and a backwards risk window', async () => {
    const plan = await (await create()).json();
    const base = { version: 1, name: 'x', agency: 'customs', routes: [] };
    const moved = await put(plan.id, { ...base, province: 'lang_son' });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error.message).toBe(
      `A plan's province cannot change (plan ${plan.id} is in an_giang).`,
    );
    expect((await put(plan.id, { ...base, province: 'an_giang' })).status).toBe(200);
    expect((await put(plan.id, { ...base, version: 2, colour: 'red' })).status).toBe(400);
    const back = await create(planIn({ risk_from: '2024-05-01', risk_to: '2024-04-01' }));
    expect(back.status).toBe(400);
    expect((await back.json()).error.message).toBe('risk_to must not be before risk_from.');
    expect((await create(planIn({ risk_from: '2024-02-30' }))).status).toBe(400);
  });

  it('bumps the plan version when one of its routes is edited or deleted through the routes API', async () => {
    const plan = await (await create()).json();
    const [a, b] = plan.routes.features as Feature[];
    const edited = await app.request(
      `/api/patrol-routes/${a.id}`,
      json('PUT', planner, { ...routeIn({ name: 'Alone' }), province: 'an_giang', version: 1 }),
    );
    expect(edited.status).toBe(200);
    expect((await edited.json()).properties).toMatchObject({ plan_id: plan.id, version: 2 });
    expect((await (await get(`/api/plans/${plan.id}`)).json()).version).toBe(2);
    // A plan save that read version 1 must now see the change rather than overwrite it.
    const stale = await put(plan.id, { version: 1, name: 'x', agency: 'customs', routes: [] });
    expect(stale.status).toBe(409);
    const removed = await app.request(`/api/patrol-routes/${b.id}?version=1`, {
      method: 'DELETE',
      headers: { cookie: planner },
    });
    expect(removed.status).toBe(204);
    const now = await (await get(`/api/plans/${plan.id}`)).json();
    expect(now).toMatchObject({ version: 3, route_count: 1 });
    // A plan's route may not leave the plan's province.
    const moved = await app.request(
      `/api/patrol-routes/${a.id}`,
      json('PUT', planner, { ...routeIn(), province: 'lang_son', version: 2 }),
    );
    expect(moved.status).toBe(400);
  });

  it('filters the routes API by plan', async () => {
    const plan = await (await create()).json();
    const res = await get(`/api/patrol-routes?plan=${plan.id}`);
    const body = await res.json();
    expect(body.numberMatched).toBe(2);
    expect(body.features.map((f: Feature) => f.id)).toEqual(
      plan.routes.features.map((f: Feature) => f.id),
    );
    expect((await get('/api/patrol-routes?plan=abc')).status).toBe(400);
  });

  it('copies a plan with new route ids at version 1', async () => {
    const plan = await (await create()).json();
    await put(plan.id, { ...planIn(), province: undefined, version: 1, routes: planIn().routes });
    const res = await app.request(
      `/api/plans/${plan.id}/copy`,
      json('POST', planner, { name: 'Bản sao' }),
    );
    expect(res.status).toBe(201);
    const copy = await res.json();
    expect(copy.id).not.toBe(plan.id);
    expect(copy).toMatchObject({
      name: 'Bản sao',
      province: 'an_giang',
      unit: 'Đồn Vĩnh Xương',
      risk_categories: ['sugar', 'cigarettes'],
      version: 1,
      route_count: 2,
      length_km: 27.525,
    });
    const ids = copy.routes.features.map((f: Feature) => f.id);
    expect(ids.some((id: number) => plan.routes.features.some((f: Feature) => f.id === id))).toBe(
      false,
    );
    expect(copy.routes.features.map((f: Feature) => f.properties.version)).toEqual([1, 1]);
    expect(copy.routes.features[1].geometry).toEqual(LEG1);
    expect(await lastAudit('plan.copy')).toMatchObject({
      outcome: 'ok',
      details: { id: copy.id, copied_from: plan.id, routes: 2 },
    });
  });

  it('deletes a plan and its routes only at the current version', async () => {
    const plan = await (await create()).json();
    const del = (q: string) =>
      app.request(`/api/plans/${plan.id}${q}`, { method: 'DELETE', headers: { cookie: planner } });
    expect((await del('')).status).toBe(400);
    const stale = await del('?version=2');
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current.version).toBe(1);
    expect((await del('?version=1')).status).toBe(204);
    const [left] = await db.sql`
      select count(*)::int as n from patrol_routes where plan_id = ${plan.id}`;
    expect(left.n).toBe(0);
    expect((await get(`/api/plans/${plan.id}`)).status).toBe(404);
  });

  it('keeps writes to planners of the agency, and reads to those who may view', async () => {
    expect((await create(planIn(), commander)).status).toBe(403);
    const bg = await create(planIn({ agency: 'border_guard', routes: [] }), planner);
    expect(bg.status).toBe(403);
    expect((await bg.json()).error.message).toBe(
      'A customs user may not change border_guard routes.',
    );
    // A customs plan may not smuggle in a Border Guard route either.
    const mixed = await create(planIn({ routes: [routeIn({ agency: 'border_guard' })] }));
    expect(mixed.status).toBe(403);
    const plan = await (await create()).json();
    expect(
      (await put(plan.id, { version: 1, name: 'x', agency: 'customs', routes: [] }, bgPlanner))
        .status,
    ).toBe(403);
    expect((await app.request('/api/plans')).status).toBe(401);
  });
});
