import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, ROUTES, loadCoverageWorld } from '../fixtures/coverage/world';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import type { CoverageResult } from '../../src/lib/server/services/coverage';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let viewer: string;
let routeIds: number[];
let planId: number;

beforeAll(async () => {
  db = await testDb();
  ({ routeIds, planId } = await loadCoverageWorld(db.sql));
  app = testApp(db).app;
  await addUser(db.sql, 'cmd', 'commander', 'customs');
  viewer = await signIn(app, 'cmd');
});
afterAll(() => db.close());

const WINDOW = { from: '2024-01-01', to: '2024-12-31' };
const post = (body: object, cookie: string | undefined = viewer) =>
  app.request('/api/coverage', json('POST', cookie, body));
const draftOf = (i: number) => ({
  type: 'Feature',
  geometry: ROUTES[i].geometry,
  properties: {
    radius_m: ROUTES[i].radius_m,
    shifts_per_week: ROUTES[i].shifts_per_week,
    name: ROUTES[i].name,
  },
});

/** Within 0.1 % of the independent figure (exact for zeros). */
function near(actual: number, expected: number, what: string) {
  const tolerance = Math.max(Math.abs(expected) * 1e-3, 1e-9);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

type Expected = (typeof EXPECTED.cases)[number];
interface Item {
  kind: string;
  name_vi: string;
  name_en: string;
  covered: boolean;
}

/** Every figure of a response against expected.json (shapely + pyproj, see expected.py). */
function matchesGolden(got: CoverageResult, want: Expected) {
  for (const k of [
    'frontier_km',
    'covered_km',
    'uncovered_km',
    'covered_pct',
    'seizures_captured_pct',
    'area_pct',
    'pai',
    'risk_captured_pct',
    'patrol_km_week',
  ])
    near(got[k as keyof CoverageResult] as number, want[k], k);
  expect(got.seizures).toEqual(want.seizures);
  expect(got.segments.map((s: { code: string }) => s.code)).toEqual(
    want.segments.map((s: { code: string }) => s.code),
  );
  got.segments.forEach((seg, j) => {
    const s = seg as unknown as Record<string, number | null>;
    const w = want.segments[j];
    for (const k of ['frontier_km', 'covered_km', 'passes_per_week', 'patrol_km_week'])
      near(s[k] as number, w[k], `${w.code}.${k}`);
    if (w.revisit_hours === null) expect(s.revisit_hours).toBeNull();
    else near(s.revisit_hours as number, w.revisit_hours, `${w.code}.revisit_hours`);
  });
  expect(got.gaps.features.map((g) => g.properties.segment)).toEqual(
    want.gaps.map((g: { segment: string }) => g.segment),
  );
  got.gaps.features.forEach((g, i) =>
    near(g.properties.length_km, want.gaps[i].length_km, `gap ${i}`),
  );
  expect(got.crossings.total).toBe(want.crossings.total);
  expect(got.crossings.covered).toBe(want.crossings.covered);
  expect(got.crossings.items.map((c) => [c.kind, c.name_vi, c.name_en, c.covered])).toEqual(
    want.crossings.items.map((c: Item) => [c.kind, c.name_vi, c.name_en, c.covered]),
  );
}

describe('POST /api/coverage on the hand-made world', () => {
  it('a straight route along a straight frontier covers its length plus one radius', async () => {
    const res = await post({ province: 'an_giang', routes: [routeIds[0]], ...WINDOW });
    expect(res.status).toBe(200);
    const got = await res.json();
    matchesGolden(got, EXPECTED.cases[0]);
    // By hand: the route lies on the frontier (both on x = 500000 in EPSG:32648) from 10.50 N
    // to 10.56 N; the buffer reaches 1 km further north along it (the south end is the
    // frontier's own end). 0.06 degrees of meridian at 10.5 N, times k0 = 0.9996: 6.634 km.
    near(got.covered_km, got.patrol_km_week / 14 + 1, 'covered = route length + radius');
    expect(got.segments[0]).toMatchObject({ passes_per_week: 14, revisit_hours: 12 });
    expect(got.segments[1]).toMatchObject({
      covered_km: 0,
      passes_per_week: 0,
      revisit_hours: null,
    });
    expect(got.window).toEqual(WINDOW);
  });

  it('covers one of the two canal crossings and names the rest', async () => {
    const got = await (
      await post({ province: 'an_giang', routes: [routeIds[0]], ...WINDOW })
    ).json();
    const covered = (name: string) =>
      got.crossings.items.find((c: { name_en: string }) => c.name_en === name).covered;
    expect(covered('An canal')).toBe(true);
    expect(covered('Binh canal')).toBe(false);
    const uncovered = got.crossings.uncovered.features.map(
      (f: { properties: { name_en: string } }) => f.properties.name_en,
    );
    expect(uncovered).toEqual([
      'Delta gate',
      'Gamma gate',
      'Binh canal',
      'Chau canal',
      'Border track',
    ]);
    expect(got.crossings.uncovered.features[0].geometry.type).toBe('Point');
  });

  it('gaps add up with the covered km to the frontier length, longest first', async () => {
    const got = await (await post({ province: 'an_giang', plan: planId, ...WINDOW })).json();
    matchesGolden(got, EXPECTED.cases[1]);
    const gapKm = got.gaps.features.reduce(
      (n: number, g: { properties: { length_km: number } }) => n + g.properties.length_km,
      0,
    );
    expect(Math.abs(gapKm + got.covered_km - got.frontier_km)).toBeLessThan(0.001);
    const lengths = got.gaps.features.map(
      (g: { properties: { length_km: number } }) => g.properties.length_km,
    );
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(got.coverage.geometry.type).toBe('MultiPolygon');
    expect(got.coverage.geometry.coordinates).toHaveLength(2); // two separate buffers
  });

  it('a draft line counts as a saved one, and a route given twice once', async () => {
    const got = await (
      await post({
        province: 'an_giang',
        plan: planId,
        routes: [routeIds[0]],
        draft: { type: 'FeatureCollection', features: [draftOf(1)] },
        ...WINDOW,
      })
    ).json();
    // Route 2 again as a draft over itself: the union is unchanged, effort counts it twice.
    near(got.covered_km, EXPECTED.cases[1].covered_km, 'covered_km');
    near(got.area_pct, EXPECTED.cases[1].area_pct, 'area_pct');
    near(got.segments[1].passes_per_week, 14, 'passes on cv-2 doubled');
    const draftOnly = await (
      await post({
        province: 'an_giang',
        routes: [routeIds[0]],
        draft: { type: 'FeatureCollection', features: [draftOf(1)] },
        ...WINDOW,
      })
    ).json();
    matchesGolden(draftOnly, EXPECTED.cases[1]);
  });

  it('takes the window and categories from the request over the plan', async () => {
    await db.sql`update patrol_plans set risk_from = '2024-01-01', risk_to = '2024-04-30' where id = ${planId}`;
    const plan = await (await post({ province: 'an_giang', plan: planId })).json();
    expect(plan.window).toEqual({ from: '2024-01-01', to: '2024-04-30' });
    expect(plan.seizures).toEqual({ total: 2, captured: 2 });
    const sugar = await (
      await post({ province: 'an_giang', plan: planId, ...WINDOW, category: ['sugar'] })
    ).json();
    expect(sugar.seizures).toEqual({ total: 1, captured: 1 });
    expect(sugar.risk_captured_pct).toBeGreaterThan(0);
    await db.sql`update patrol_plans set risk_from = null, risk_to = null where id = ${planId}`;
    // No window anywhere: the twelve months up to the province's last seizure (9 Sep 2024), not
    // up to today, when records stop years ago: the five seizures of 2024, as in the golden case.
    const open = await (await post({ province: 'an_giang', plan: planId })).json();
    expect(open.window).toEqual({ from: '2023-09-09', to: '2024-09-09' });
    expect(open.seizures).toEqual({ total: 5, captured: 3 });
    expect(Math.abs(open.risk_captured_pct / EXPECTED.cases[1].risk_captured_pct - 1)).toBeLessThan(
      0.001,
    );
  });
});

describe('POST /api/coverage refusals', () => {
  const line = ROUTES[0].geometry;
  const draft = (geometry: object, properties: object = { radius_m: 500 }) => ({
    province: 'an_giang',
    draft: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties }] },
  });
  const status = async (body: object) => {
    const res = await post(body);
    return [res.status, (await res.json()).error?.code];
  };

  it('400 without anything to cover, with unknown routes or plans, or bad filters', async () => {
    expect(await status({ province: 'an_giang' })).toEqual([400, 'invalid_body']);
    expect(await status({ province: 'an_giang', routes: [999999] })).toEqual([
      400,
      'unknown_route',
    ]);
    expect(await status({ province: 'an_giang', plan: 999999 })).toEqual([404, 'not_found']);
    expect(await status({ province: 'lang_son', plan: planId })).toEqual([
      400,
      'plan_in_other_province',
    ]);
    expect(await status({ province: 'lang_son', routes: [routeIds[0]] })).toEqual([
      400,
      'route_in_other_province',
    ]);
    expect(await status({ ...draft(line), from: '2024-02-30' })).toEqual([400, 'invalid_body']);
    expect(await status({ ...draft(line), from: '2024-05-01', to: '2024-01-01' })).toEqual([
      400,
      'bad_parameter',
    ]);
    expect(await status({ ...draft(line), category: ['opium'] })).toEqual([400, 'invalid_body']);
    expect(await status(draft(line, {}))).toEqual([400, 'invalid_body']); // radius_m required
    expect(await status(draft(line, { radius_m: 50_000 }))).toEqual([400, 'invalid_body']);
  });

  it('422 for draft lines that are not lines, out of range or far from the province', async () => {
    expect(await status(draft({ type: 'Point', coordinates: [105, 10.5] }))).toEqual([
      422,
      'invalid_geometry',
    ]);
    expect(
      await status(
        draft({
          type: 'LineString',
          coordinates: [
            [10.5, 105],
            [10.6, 105],
          ],
        }),
      ),
    ).toEqual([422, 'invalid_geometry']);
    const farAway = {
      type: 'LineString',
      coordinates: [
        [106.7, 21.9],
        [106.75, 21.95],
      ],
    };
    expect(await status(draft(farAway))).toEqual([422, 'invalid_geometry']);
  });

  it('caps lines and vertices per request', async () => {
    const many = Array.from({ length: 201 }, () => ({
      type: 'Feature',
      geometry: line,
      properties: { radius_m: 100 },
    }));
    expect(
      await status({ province: 'an_giang', draft: { type: 'FeatureCollection', features: many } }),
    ).toEqual([400, 'invalid_body']);
    const long = {
      type: 'LineString',
      coordinates: Array.from({ length: 10_001 }, (_, i) => [105.0 + i * 1e-6, 10.5]),
    };
    expect(await status(draft(long))).toEqual([422, 'invalid_geometry']);
  });

  it('counts as a heavy request for the fair queue; crossings are light', () => {
    const q = new URLSearchParams();
    expect(requestWeight('POST', '/api/coverage', q, 1000)).toBe('heavy');
    expect(
      requestWeight('GET', '/api/crossings', new URLSearchParams('province=an_giang'), 1000),
    ).toBe('light');
  });

  it('needs a signed-in user and audits the read', async () => {
    expect((await post({ province: 'an_giang', routes: [routeIds[0]] }, '')).status).toBe(401);
    await post({ province: 'an_giang', routes: [routeIds[0]], ...WINDOW });
    const [row] = await db.sql<{ action: string; target: string; outcome: string }[]>`
      select action, target, outcome from audit_log where action = 'coverage.read'
      order by id desc limit 1`;
    expect(row).toEqual({ action: 'coverage.read', target: 'coverage/an_giang', outcome: 'ok' });
  });
});
