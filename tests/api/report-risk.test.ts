import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexCentre, hexOfPoint, utmToWgs84, wgs84ToUtm } from '../../src/lib/analysis';
import { loadMini } from '../fixtures/mini';
import { insertReport, point, userRow } from '../fixtures/report-rows';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * Open reports in the risk of coverage and suggestions, on the MINI An Giang square. The window
 * (2025) holds no seizure, so the whole risk is the reports'. Two reports sit on cell centres
 * far from each other and from the outline, so each one's kernel over the cells sums to its
 * weight times the same constant, and a share of risk is a share of weight:
 *
 *   A: rating A1, received today        weight 1 x 1 x 1   = 1     (units: bg's own unit only)
 *   C: rating C3, received today        weight 0.6 x 0.6   = 0.36  (both forces)
 *   old: A1 observed 200 days ago       weight 0 (past 180 days)
 *   closed: A1 today, closed            not open: not in the risk
 *
 * A 2 km draft line through A with a 5 km radius covers every cell within A's 3 km band and
 * none within C's: risk captured = 1 / 1.36 = 73.529 % for bg, 0 % for a Customs user who
 * cannot see A (their risk is C alone).
 */
const NOW = new Date('2026-12-01T00:00:00Z');
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const cookies: Record<string, string> = {};
let planId: number;

/** The longitude/latitude of the centre of the 1 km cell holding (lon, lat). */
function cellCentre(lon: number, lat: number): [number, number] {
  const [x, y] = wgs84ToUtm(lon, lat);
  const { q, r } = hexOfPoint(x, y, 1000);
  const [cx, cy] = hexCentre(q, r, 1000);
  return utmToWgs84(cx, cy);
}
const A = cellCentre(105.05, 10.55);
const C = cellCentre(105.15, 10.65);

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db, {}, () => NOW).app;
  for (const [name, role, agency, unit] of [
    ['bg.planner', 'planner', 'border_guard', 'bp_vinh_xuong'],
    ['hq.planner', 'planner', 'customs', 'hq_tinh_bien'],
  ] as const) {
    await addUser(db.sql, name, role, agency);
    await db.sql`update users set unit = ${unit} where username = ${name}`;
    cookies[name] = await signIn(app, name);
  }
  const bg = await userRow(db.sql, 'bg.planner');
  const today = NOW.toISOString();
  await insertReport(db.sql, {
    author: bg,
    geometry: point(...A),
    reliability: 'A',
    credibility: 1,
    distribution: 'units',
    received_at: today,
  });
  await insertReport(db.sql, {
    author: bg,
    geometry: point(...C),
    reliability: 'C',
    credibility: 3,
    received_at: today,
    handover: { delivered_at: today },
  });
  await insertReport(db.sql, {
    author: bg,
    geometry: point(...A),
    reliability: 'A',
    credibility: 1,
    received_at: today,
    observed_from: '2026-05-01T00:00:00Z',
    observed_to: new Date(NOW.getTime() - 200 * 86_400_000).toISOString(),
  });
  await insertReport(db.sql, {
    author: bg,
    geometry: point(...A),
    reliability: 'A',
    credibility: 1,
    received_at: today,
    status: 'closed',
  });
  [{ id: planId }] = await db.sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency, risk_from, risk_to)
    values ('Risk test', 'an_giang', 'border_guard', '2025-01-01', '2025-12-31') returning id`;
});
afterAll(() => db.close());

const draft = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [A[0] - 0.009, A[1]],
          [A[0] + 0.009, A[1]],
        ],
      },
      properties: { radius_m: 5000 },
    },
  ],
};
const cover = (who: string) =>
  app.request(
    '/api/coverage',
    json('POST', cookies[who], {
      province: 'an_giang',
      draft,
      from: '2025-01-01',
      to: '2025-12-31',
    }),
  );

describe('open reports in the risk surface', () => {
  it('weighs the reports the caller can see into risk captured (1 / 1.36)', async () => {
    const res = await cover('bg.planner');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.seizures.total).toBe(0);
    expect(body.risk_from_reports).toEqual({ reports: 2, weight: 1.36, pct: 100 });
    expect(body.risk_captured_pct).toBeCloseTo(73.529, 3);
  });

  it("leaves out a report outside the caller's distribution", async () => {
    const body = await (await cover('hq.planner')).json();
    expect(body.risk_from_reports).toEqual({ reports: 1, weight: 0.36, pct: 100 });
    expect(body.risk_captured_pct).toBe(0);
  });

  it('shares the seizure risk with the reports when the window holds seizures', async () => {
    // The whole mini period: three An Giang seizures, each 5.5 km or more inside the outline, so
    // every kernel sums over the cells to nearly the same constant (within 0.3 %: the seizures
    // are off the cell centres): the reports' share is 1.36 / (3 + 1.36) = 31.19 %.
    const res = await app.request(
      '/api/coverage',
      json('POST', cookies['bg.planner'], {
        province: 'an_giang',
        draft,
        from: '2020-01-01',
        to: '2024-12-31',
      }),
    );
    const body = await res.json();
    expect(body.seizures.total).toBe(3);
    expect(body.risk_from_reports.weight).toBe(1.36);
    expect(Math.abs(body.risk_from_reports.pct - (100 * 1.36) / 4.36)).toBeLessThan(0.1);
  });

  it('adds the reports to the suggestions risk', async () => {
    const res = await app.request(
      `/api/plans/${planId}/suggest`,
      json('POST', cookies['bg.planner'], { budget_km: 4, radius_m: 2000 }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.risk).toMatchObject({
      seizures: 0,
      reports: 2,
      reports_weight: 1.36,
      from_reports_pct: 100,
    });
    const other = await (
      await app.request(
        `/api/plans/${planId}/suggest`,
        json('POST', cookies['hq.planner'], { budget_km: 4, radius_m: 2000 }),
      )
    ).json();
    expect(other.risk).toMatchObject({ reports: 1, reports_weight: 0.36 });
  });
});
