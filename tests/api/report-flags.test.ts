import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellId, hexOfPoint, pointSegmentM, wgs84ToUtm } from '../../src/lib/analysis';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import { importGeoJson } from '../../src/lib/server/services/import';
import { loadMini } from '../fixtures/mini';
import { insertReport, point, userRow } from '../fixtures/report-rows';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * POST /api/reports/flags on the MINI An Giang square. Twenty seizures on 1 June 2024 at
 * (105.1, 10.6) make the cells around it hot (the window is the twelve months to that day; the
 * mini's own 2020-2021 seizures fall outside it). Lines: saved route S along 10.66 N from
 * 105.03 to 105.07 E (radius 1 km) and draft line 0 along 105.12 E from 10.58 to 10.62 N
 * (radius 500 m, flagged within 1500 m).
 *
 *   report   where                          near                  hot
 *   hot      (105.1, 10.6)                  no (2.2 km from D0)   yes (the seizures' cell)
 *   near     (105.11, 10.6)                 D0, about 1.09 km     as the grid says
 *   area     square 105.045-105.055 E       S crosses it: 0 m     no (8 km away)
 *   far      (105.18, 10.52)                no                    no (nothing within 3 km)
 *   hidden   (105.1, 10.6), units: bg only  bg only               bg only
 *   closed   (105.1, 10.6), closed          never                 never
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let routeS: number;

const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ],
  ],
});
const D0 = [
  [105.12, 10.58],
  [105.12, 10.62],
];

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  const burst = Array.from({ length: 20 }, (_, i) => ({
    type: 'Feature',
    geometry: point(105.1, 10.6),
    properties: {
      occurred_at: '2024-06-01',
      province: 'an_giang',
      category: 'cigarettes',
      lead_agency: 'border_guard',
      transport_mode: 'boat',
      case_ref: `HOT-${i}`,
    },
  }));
  const imported = await importGeoJson(
    db.sql,
    'seizures',
    JSON.stringify({ type: 'FeatureCollection', features: burst }),
  );
  if (imported.rejected.length) throw new Error(JSON.stringify(imported.rejected));
  app = testApp(db, {}, () => new Date('2026-12-01T00:00:00Z')).app;
  for (const [name, role, agency, unit] of [
    ['bg.planner', 'planner', 'border_guard', 'bp_vinh_xuong'],
    ['hq.planner', 'planner', 'customs', 'hq_tinh_bien'],
  ] as const) {
    await addUser(db.sql, name, role, agency);
    await db.sql`update users set unit = ${unit} where username = ${name}`;
    cookies[name] = await signIn(app, name);
  }
  const bg = await userRow(db.sql, 'bg.planner');
  const add = async (name: string, geometry: object, extra: object = {}) => {
    ids[name] = await insertReport(db.sql, {
      author: bg,
      title: `Report ${name}`,
      geometry,
      reliability: 'C',
      credibility: 3,
      ...extra,
    });
  };
  await add('hot', point(105.1, 10.6));
  await add('near', point(105.11, 10.6));
  await add('area', square(105.05, 10.66, 0.005), { kind: 'warehouse', tlp: 'green' });
  await add('far', point(105.18, 10.52));
  await add('hidden', point(105.1, 10.6), { distribution: 'units', tlp: 'red' });
  await add('closed', point(105.1, 10.6), { status: 'closed' });
  [{ id: routeS }] = await db.sql<{ id: number }[]>`
    insert into patrol_routes (name, province, agency, radius_m, geom)
    values ('S', 'an_giang', 'border_guard', 1000,
      ST_GeomFromText('LINESTRING(105.03 10.66, 105.07 10.66)', 4326))
    returning id`;
});
afterAll(() => db.close());

const body = {
  province: 'an_giang',
  routes: [0],
  draft: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: D0 },
        properties: { radius_m: 500, name: 'Canal' },
      },
    ],
  },
};
const flags = (who: string | undefined, b: object = { ...body, routes: [routeS] }) =>
  app.request('/api/reports/flags', json('POST', who && cookies[who], b));

/** The Gi* class and z of the cell holding each point, from GET /api/hotspots. */
async function hotCells(who: string) {
  const res = await app.request('/api/hotspots?province=an_giang&from=2023-06-01&to=2024-06-01', {
    headers: { cookie: cookies[who] },
  });
  const fc = await res.json();
  const byId = new Map<string, { class: number; gi_z: number }>();
  for (const f of fc.features) byId.set(f.properties.cell_id, f.properties);
  return (lon: number, lat: number) => {
    const [x, y] = wgs84ToUtm(lon, lat);
    const { q, r } = hexOfPoint(x, y, 1000);
    return { cell_id: cellId(q, r, 1000), ...byId.get(cellId(q, r, 1000))! };
  };
}

describe('POST /api/reports/flags', () => {
  it('flags open reports near a route with the nearest line and its distance', async () => {
    const res = await flags('bg.planner');
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.window).toEqual({ from: '2023-06-01', to: '2024-06-01' });
    expect(out.near_route.map((r: { id: number }) => r.id)).toEqual([ids.near, ids.area]);
    const [near, area] = out.near_route;
    // Point to segment in UTM 48N, as PostGIS measures it after transforming both.
    const [px, py] = wgs84ToUtm(105.11, 10.6);
    const [ax, ay] = wgs84ToUtm(D0[0][0], D0[0][1]);
    const [bx, by] = wgs84ToUtm(D0[1][0], D0[1][1]);
    const expected = pointSegmentM(px, py, ax, ay, bx, by);
    expect(expected).toBeGreaterThan(1090);
    expect(expected).toBeLessThan(1100);
    expect(Math.abs(near.distance_m - expected)).toBeLessThanOrEqual(1);
    expect(near).toMatchObject({
      title: 'Report near',
      kind: 'boat',
      rating: 'C3',
      tlp: 'amber',
      route: 'draft:0',
      route_name: 'Canal',
    });
    expect(area).toMatchObject({
      kind: 'warehouse',
      tlp: 'green',
      distance_m: 0,
      route: routeS,
      route_name: 'S',
    });
  });

  it('flags open reports in hot cells (class 2 or more) as the hot-spot grid has them', async () => {
    const out = await (await flags('bg.planner')).json();
    const cell = await hotCells('bg.planner');
    const hot = cell(105.1, 10.6);
    expect(hot.class).toBe(3);
    expect(cell(105.18, 10.52).class).toBeLessThan(2);
    const expected = [
      { id: ids.hot, at: [105.1, 10.6] },
      { id: ids.near, at: [105.11, 10.6] },
      { id: ids.hidden, at: [105.1, 10.6] },
    ]
      .map(({ id, at }) => ({ id, ...cell(at[0], at[1]) }))
      .filter((c) => c.class >= 2)
      .map((c) => ({ id: c.id, cell_id: c.cell_id, gi_z: Math.round(c.gi_z * 1000) / 1000 }));
    expect(expected.map((e) => e.id)).toContain(ids.hot);
    expect(
      out.in_hotspot.map((r: { id: number; cell_id: string; gi_z: number }) => ({
        id: r.id,
        cell_id: r.cell_id,
        gi_z: r.gi_z,
      })),
    ).toEqual(expected);
    expect(out.in_hotspot[0]).toMatchObject({ title: 'Report hot', rating: 'C3', tlp: 'amber' });
  });

  it('shows another force only what it may see, and never a closed report', async () => {
    const out = await (await flags('hq.planner')).json();
    const all = [...out.near_route, ...out.in_hotspot].map((r: { id: number }) => r.id);
    expect(all).not.toContain(ids.hidden);
    expect(all).not.toContain(ids.closed);
    expect(all).toContain(ids.hot);
    const mine = await (await flags('bg.planner')).json();
    expect(mine.in_hotspot.map((r: { id: number }) => r.id)).toContain(ids.hidden);
  });

  it('answers hot spots alone without lines, and is audited', async () => {
    const res = await flags('bg.planner', { province: 'an_giang' });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.near_route).toEqual([]);
    expect(out.in_hotspot.length).toBeGreaterThan(0);
    const [row] = await db.sql<{ username: string; details: { near_route: number[] } }[]>`
      select username, details from audit_log where action = 'report.flags.read'
      order by id desc limit 1`;
    expect(row.username).toBe('bg.planner');
    expect(row.details.near_route).toEqual([]);
  });

  it('queues as a heavy request (a year of seizures binned for Gi*)', () => {
    expect(requestWeight('POST', '/api/reports/flags', new URLSearchParams(), 100)).toBe('heavy');
    expect(requestWeight('GET', '/api/reports/exchange', new URLSearchParams(), 100)).toBe('light');
  });

  it('refuses bad input like /api/coverage', async () => {
    expect((await flags(undefined)).status).toBe(401);
    expect((await flags('bg.planner', { province: 'an_giang', agency: 'customs' })).status).toBe(
      400,
    );
    expect((await flags('bg.planner', { province: 'an_giang', routes: [999999] })).status).toBe(
      400,
    );
    expect((await flags('bg.planner', { province: 'an_giang', plan: 999999 })).status).toBe(404);
    const bad = {
      province: 'an_giang',
      draft: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: [[105.1, 10.6]] },
            properties: { radius_m: 500 },
          },
        ],
      },
    };
    expect((await flags('bg.planner', bad)).status).toBe(422);
  });
});
