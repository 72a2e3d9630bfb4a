import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, loadCoverageWorld } from '../fixtures/coverage/world';
import { signInEveryRole } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import type { Role } from '../../src/lib/server/auth/roles';

/**
 * The briefing prints what the province's patrol plans cover, over the briefing's window: on the
 * hand-made coverage world (tests/fixtures/coverage), whose figures for the plan of both routes
 * shapely computed independently (expected.py -> expected.json, case "plan of both routes").
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookies: Record<Role, string>;
const BOTH = EXPECTED.cases.find((c: { name: string }) => c.name === 'plan of both routes');

beforeAll(async () => {
  db = await testDb();
  await loadCoverageWorld(db.sql);
  // A plan without routes covers nothing and is not printed.
  await db.sql`
    insert into patrol_plans (name, province, agency) values ('Kế hoạch trống', 'an_giang', 'customs')`;
  app = testApp(db).app;
  cookies = await signInEveryRole(app, db.sql);
});
afterAll(() => db.close());

async function plans(query: string) {
  const res = await app.request(`/api/briefing${query}`, {
    headers: { cookie: cookies.commander },
  });
  expect(res.status).toBe(200);
  return (await res.json()).plans;
}

describe('GET /api/briefing: plan coverage', () => {
  it('prints the plan with routes, with the figures shapely computed for it', async () => {
    const [plan, ...rest] = await plans('?province=an_giang&from=2024-01-01&to=2024-12-31');
    expect(rest).toEqual([]);
    expect(plan).toMatchObject({ name: 'Kế hoạch thử', agency: 'joint', routes: 2 });
    expect(plan.frontier_km).toBeCloseTo(BOTH.frontier_km, 1);
    expect(Math.abs(plan.covered_km / BOTH.covered_km - 1)).toBeLessThan(0.001);
    expect(Math.abs(plan.covered_pct / BOTH.covered_pct - 1)).toBeLessThan(0.001);
    expect(Math.abs(plan.risk_captured_pct / BOTH.risk_captured_pct - 1)).toBeLessThan(0.001);
    expect(plan.seizures_captured_pct).toBeCloseTo(60, 6); // 3 of the 5 seizures of 2024
    expect(Math.abs(plan.pai / BOTH.pai - 1)).toBeLessThan(0.001);
    expect(plan.crossings).toEqual({ total: 8, covered: 3 });
    // The longest of the three stretches left open (6.05, 3.84 and 3.42 km by shapely).
    expect(plan.longest_gap.length_km).toBeCloseTo(BOTH.gaps[0].length_km, 2);
    expect(BOTH.gaps[0].length_km).toBeGreaterThan(BOTH.gaps[1].length_km);
  });

  it('speaks of the same seizures as the page: another window, another share', async () => {
    const [plan] = await plans('?province=an_giang&from=2023-01-01&to=2023-12-31');
    // 2023 holds one seizure, at 105.003 E 10.53 N: beside the frontier route, so covered.
    expect(plan.seizures_captured_pct).toBe(100);
  });
});
