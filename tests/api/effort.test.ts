import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wgs84ToUtm } from '../../src/lib/analysis';
import { placePatrols, placePlan } from '../fixtures/effort';
import { agCells, cellAt, inCell, loadMiniPlaces, placeSeizures } from '../fixtures/hotspots';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/effort on the MINI An Giang: ten patrols along a line 900 m inside cell c0 and
 * 900 m inside its east neighbour, one patrol 300 m inside a far cell, seizures in chosen
 * cells; four weeks (2024-01-01 .. 2024-01-28). Expected p values from R: poisson.test.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;
let planId: number;

const S = 1000;
const c0 = cellAt(105.1, 10.6, S);
const far = cellAt(105.15, 10.55, S);
const tiny = cellAt(105.05, 10.65, S);
const id = (q: number, r: number) => `${S}:${q}:${r}`;
// From 400 m west of c0's centre to 1400 m east: 900 m in c0 and 900 m in (q + 1, r).
const lineA = [
  [c0.x - 400, c0.y],
  [c0.x + 1400, c0.y],
] as const;
const WINDOW = 'from=2024-01-01&to=2024-01-28';

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
  const at = { at: '2024-01-15T03:00:00Z' };
  await placeSeizures(db.sql, 'an_giang', [
    ...inCell(c0.q, c0.r, S, 30, at),
    ...inCell(c0.q + 1, c0.r, S, 2, at),
    ...inCell(far.q, far.r, S, 5, at),
    // Outside the window: never counted.
    ...inCell(c0.q + 1, c0.r, S, 7, { at: '2023-06-01T00:00:00Z' }),
  ]);
  await placePatrols(db.sql, 'an_giang', lineA, 10);
  await placePatrols(db.sql, 'an_giang', lineA, 3, '2023-05-01T00:00:00Z'); // outside
  await placePatrols(
    db.sql,
    'an_giang',
    [
      [tiny.x - 150, tiny.y],
      [tiny.x + 150, tiny.y],
    ],
    1,
  );
  const [lx, ly] = wgs84ToUtm(106.7, 21.9);
  await placePatrols(
    db.sql,
    'lang_son',
    [
      [lx, ly],
      [lx + 5000, ly],
    ],
    5,
  );
  planId = await placePlan(db.sql, 'an_giang', [{ line: lineA, shifts: 14 }]);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (query: string) => app.request(`/api/effort?${query}`, { headers: { cookie } });

async function effort(query: string) {
  const res = await get(query);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
  const body = await res.json();
  const props = new Map<string, Record<string, number | string | null>>(
    body.features.map((f: { id: string; properties: object }) => [f.id, f.properties]),
  );
  return { body, at: (q: number, r: number) => props.get(id(q, r))! };
}

describe('GET /api/effort', () => {
  it('measures patrolled km per week per cell and tests counts against the overall rate', async () => {
    const { body, at } = await effort(`province=an_giang&${WINDOW}`);
    expect(body.features).toHaveLength(agCells(S).length);
    expect(body.features[0].id).toBe(agCells(S)[0].id);
    // 10 patrols x 0.9 km / 4 weeks.
    expect(at(c0.q, c0.r).patrolled_km_week).toBeCloseTo(2.25, 3);
    expect(at(c0.q + 1, c0.r).patrolled_km_week).toBeCloseTo(2.25, 3);
    expect(at(tiny.q, tiny.r).patrolled_km_week).toBeCloseTo(0.075, 3);
    expect(at(c0.q, c0.r).planned_km_week).toBe(0);
    // 32 seizures over 18.3 patrol-km: 9 km expects 15.7377.
    expect(body.summary.overall_rate_per_100km).toBeCloseTo((100 * 32) / 18.3, 3);
    expect(at(c0.q, c0.r)).toMatchObject({
      seizures: 30,
      effort_km: 9,
      status: 'more_than_effort',
    });
    expect(at(c0.q, c0.r).expected).toBeCloseTo(15.7377, 3);
    expect((at(c0.q, c0.r).p as number) / 0.001371219).toBeCloseTo(1, 4);
    expect(at(c0.q + 1, c0.r)).toMatchObject({ seizures: 2, status: 'less_than_effort' });
    expect((at(c0.q + 1, c0.r).p as number) / 3.99359e-5).toBeCloseTo(1, 4);
    expect(at(c0.q, c0.r).rate_per_100km).toBeCloseTo((100 * 30) / 9, 3);
    expect(at(tiny.q, tiny.r)).toMatchObject({ seizures: 0, status: 'not_enough_patrol' });
    expect(at(far.q, far.r)).toMatchObject({
      seizures: 5,
      status: 'no_patrol',
      rate_per_100km: null,
    });
    expect(body.summary).toMatchObject({
      province: 'an_giang',
      cell_m: 1000,
      basis: 'patrols',
      plan: null,
      weeks: 4,
      alpha: 0.05,
      min_expected: 4,
      test: 'poisson_exact_two_sided',
      patrols: 11,
      seizures: 37,
      seizures_with_effort: 32,
      from: '2023-12-31T17:00:00.000Z',
      to: '2024-01-28T17:00:00.000Z',
    });
    expect(body.summary.by_status).toEqual({
      more_than_effort: 1,
      as_expected: 0,
      less_than_effort: 1,
      not_enough_patrol: 1,
      no_patrol: agCells(S).length - 3,
    });
    expect(body.summary.patrolled_km_week).toBeCloseTo(4.575, 3);
  });

  it("rests the rates on a plan's routes (route km x shifts) when a plan is named", async () => {
    const { body, at } = await effort(`province=an_giang&${WINDOW}&plan=${planId}`);
    expect(at(c0.q, c0.r).planned_km_week).toBeCloseTo(12.6, 3);
    expect(at(c0.q + 1, c0.r).planned_km_week).toBeCloseTo(12.6, 3);
    // 50.4 km each over 4 weeks, 32 seizures: 16 expected in each.
    expect(at(c0.q, c0.r).expected).toBeCloseTo(16, 3);
    expect((at(c0.q, c0.r).p as number) / 0.001531633).toBeCloseTo(1, 4);
    expect((at(c0.q + 1, c0.r).p as number) / 2.804129e-5).toBeCloseTo(1, 4);
    expect(at(tiny.q, tiny.r).status).toBe('no_patrol');
    expect(body.summary).toMatchObject({ basis: 'plan', plan: planId });
    expect(body.summary.planned_km_week).toBeCloseTo(25.2, 3);
  });

  it('takes an open window from the patrols recorded', async () => {
    const { body } = await effort('province=an_giang');
    expect(body.summary.from).toBe('2023-05-01T00:00:00.000Z');
    expect(body.summary.patrols).toBe(14);
  });

  it('answers 400 naming the reason, 404 for a missing plan', async () => {
    const cases: [string, number, string][] = [
      ['', 400, 'province_required'],
      ['province=an_giang&cell=0', 400, 'cell_not_positive'],
      ['province=an_giang&cell=10', 400, 'cell_too_small'],
      ['province=an_giang&plan=x', 400, 'bad_parameter'],
      ['province=an_giang&radius=1', 400, 'bad_parameter'],
      ['province=lang_son&plan=' + planId, 400, 'plan_other_province'],
      ['province=an_giang&plan=999999', 404, 'not_found'],
    ];
    for (const [query, status, code] of cases) {
      const res = await get(query.replace('plan=' + planId, `plan=${planId}`));
      expect(res.status, query).toBe(status);
      expect((await res.json()).error.code, query).toBe(code);
    }
  });

  it('is audited and needs a session', async () => {
    const anon = await app.request('/api/effort?province=an_giang');
    expect(anon.status).toBe(401);
    const [row] = await db.sql`
      select action, outcome from audit_log where action = 'effort.read' order by id desc limit 1`;
    expect(row).toEqual({ action: 'effort.read', outcome: 'ok' });
  });
});
