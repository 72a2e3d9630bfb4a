import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointLineM, quarticKernel, utmToWgs84, wgs84ToUtm } from '../../src/lib/analysis';
import { importGeoJson } from '../../src/lib/server/services/import';
import { placePlan } from '../fixtures/effort';
import { agCells, loadMiniPlaces, placeSeizures } from '../fixtures/hotspots';
import { MINI } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * POST /api/plans/{id}/suggest on the MINI An Giang: the frontier runs up 105.0 E, a 4 km canal
 * runs east along 10.6 N from Gate B; twenty cigarette seizures sit at one point on the canal
 * 3.3 km from the frontier; the plan's one route guards the far south. With 2 km pieces and a
 * 1 km radius the greedy answer is the canal's second piece (over the seizures, no crossing),
 * then the frontier piece around 10.6 N (its band holds all that the canal's first piece would
 * add, and more), which covers Gate B and the canal's crossing.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let errors: unknown[];
let cookie: string;
let planId: number;

const P = wgs84ToUtm(105.03, 10.6);
const CANAL_END = utmToLon(wgs84ToUtm(105.0, 10.6), 4000);

/** The lon/lat `m` metres due east (in UTM) of a UTM point. */
function utmToLon([x, y]: [number, number], m: number): [number, number] {
  return utmToWgs84(x + m, y);
}

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
  const frontier = await importGeoJson(db.sql, 'frontier', MINI.frontier);
  if (frontier.rejected.length) throw new Error(JSON.stringify(frontier.rejected));
  await db.sql`
    insert into waterways (code, province, name_vi, name_en, kind, geom)
    values ('w1', 'an_giang', 'Kênh Thử', 'Test Canal', 'canal',
      ST_SetSRID(ST_MakeLine(ST_MakePoint(105.0, 10.6),
        ST_MakePoint(${CANAL_END[0]}, ${CANAL_END[1]})), 4326))`;
  const at = '2024-03-15T05:00:00Z';
  await placeSeizures(db.sql, 'an_giang', [
    ...Array.from({ length: 20 }, () => ({ x: P[0], y: P[1], at })),
    // Sugar: outside the plan's categories, so never risk.
    ...Array.from({ length: 10 }, () => {
      const [x, y] = wgs84ToUtm(105.15, 10.68);
      return { x, y, at, category: 'sugar' };
    }),
  ]);
  const south = [wgs84ToUtm(105.0, 10.5), wgs84ToUtm(105.0, 10.52)];
  planId = await placePlan(db.sql, 'an_giang', [{ line: south, radius: 500 }], {
    categories: ['cigarettes'],
  });
  ({ app, errors } = testApp(db));
  await addUser(db.sql, 'planner', 'planner');
  cookie = await signIn(app, 'planner');
});
afterAll(() => db.close());

const post = (id: number | string, body: object) =>
  app.request(`/api/plans/${id}/suggest`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify(body),
  });

const WINDOW = { from: '2024-01-01', to: '2024-12-31' };

describe('POST /api/plans/{id}/suggest', () => {
  it('takes the piece over the seizures first, then the frontier piece by the gate', async () => {
    const res = await post(planId, { budget_km: 4, radius_m: 1000, ...WINDOW });
    expect(res.status, (await res.clone().text()) + String(errors)).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      budget_km: 4,
      risk_before_pct: 0,
      risk: { cell_m: 1000, bandwidth_m: 3000, seizures: 20, from: '2024-01-01' },
    });
    expect(body.suggestions).toHaveLength(2);
    const [s, t] = body.suggestions;
    expect(s.rank).toBe(1);
    expect(s.along).toEqual({ kind: 'waterway', name_vi: 'Kênh Thử', name_en: 'Test Canal' });
    expect(s.length_km).toBeCloseTo(2, 3);
    expect(body.used_km).toBeCloseTo(4, 3);
    expect(s.geometry.type).toBe('LineString');
    const second = utmToLon(wgs84ToUtm(105.0, 10.6), 2000);
    expect(s.geometry.coordinates[0][0]).toBeCloseTo(second[0], 6);
    expect(s.geometry.coordinates[0][1]).toBeCloseTo(second[1], 6);
    expect(s.crossings).toEqual([]);
    expect(t.rank).toBe(2);
    expect(t.along).toEqual({ kind: 'frontier', name_vi: 'Đoạn 1', name_en: 'Segment 1' });
    expect(t.crossings).toEqual([
      { name_vi: 'Cửa khẩu B', name_en: 'Gate B', kind: 'gate' },
      { name_vi: 'Kênh Thử', name_en: 'Test Canal', kind: 'waterway' },
    ]);
    // The share by hand: every cell's risk is the kernel at its distance from P; the piece
    // covers the cells whose centre is within 1 km of it.
    const piece = s.geometry.coordinates.map(([lon, lat]: number[]) => wgs84ToUtm(lon, lat));
    let total = 0;
    let covered = 0;
    for (const c of agCells(1000)) {
      const k = quarticKernel(Math.hypot(c.x - P[0], c.y - P[1]), 3000);
      total += k;
      if (pointLineM(c.x, c.y, piece) <= 1000) covered += k;
    }
    expect(s.marginal_risk_pct).toBeCloseTo((100 * covered) / total, 1);
    expect(s.cumulative_risk_pct).toBe(s.marginal_risk_pct);
    expect(s.marginal_risk_pct).toBeGreaterThan(50);
    expect(t.cumulative_risk_pct).toBeCloseTo(s.marginal_risk_pct + t.marginal_risk_pct, 1);
    expect(body.risk_after_pct).toBe(t.cumulative_risk_pct);
  });

  it('spends a larger budget piece by piece, each adding less', async () => {
    const body = await (await post(planId, { budget_km: 6, radius_m: 1000, ...WINDOW })).json();
    expect(body.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(body.used_km).toBeLessThanOrEqual(6);
    const gains = body.suggestions.map((s: { marginal_risk_pct: number }) => s.marginal_risk_pct);
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThanOrEqual(gains[i - 1]);
    const last = body.suggestions.at(-1);
    expect(last.cumulative_risk_pct).toBe(body.risk_after_pct);
    // Gate B and the canal's crossing are listed once, by the piece that first covers them.
    const names = body.suggestions.flatMap((s: { crossings: { name_en: string }[] }) =>
      s.crossings.map((c) => c.name_en),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('counts the cells the plan covers as covered', async () => {
    const near = await placePlan(
      db.sql,
      'an_giang',
      [{ line: [wgs84ToUtm(105.0, 10.6), wgs84ToUtm(105.02, 10.6)], radius: 1000 }],
      { categories: ['cigarettes'] },
    );
    const body = await (await post(near, { budget_km: 2, radius_m: 1000, ...WINDOW })).json();
    // The route covers the canal's first 2.2 km (and Gate B): part of the risk, no crossing left.
    expect(body.risk_before_pct).toBeGreaterThan(20);
    expect(body.risk_before_pct).toBeLessThan(80);
    const [s] = body.suggestions;
    expect(s.along.kind).toBe('waterway');
    expect(s.crossings).toEqual([]);
    expect(s.cumulative_risk_pct).toBeCloseTo(body.risk_before_pct + s.marginal_risk_pct, 1);
  });

  it('answers 404 for a missing plan and 400 for a bad body', async () => {
    expect((await post(999999, { budget_km: 2, radius_m: 1000 })).status).toBe(404);
    for (const bad of [
      { budget_km: 0, radius_m: 1000 },
      { budget_km: 2 },
      { budget_km: 2, radius_m: 1000, extra: 1 },
      { budget_km: 2, radius_m: 1000, from: '1 Jan' },
    ]) {
      const res = await post(planId, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_body');
    }
    const short = await post(planId, { budget_km: 2, radius_m: 1000, piece_km: 0.1, ...WINDOW });
    expect(short.status).toBe(200); // 440 pieces: within the cap
  });

  it('is audited', async () => {
    const [row] = await db.sql`
      select action, outcome from audit_log where action = 'plan.suggest' order by id desc limit 1`;
    expect(row).toEqual({ action: 'plan.suggest', outcome: 'ok' });
  });
});
