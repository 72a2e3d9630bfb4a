import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellAt,
  inCell,
  loadMiniPlaces,
  placeSeizures,
  type PlacedSeizure,
} from '../fixtures/hotspots';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/hotspots/emerging over the twelve months of 2024 in the MINI An Giang, with three
 * places whose category follows from the rules by hand (band 1 km: a cell and its six
 * neighbours; "hot" = Gi* significant at 90 %):
 * - `far` has one seizure a month from January to November and none in December: hot in 11 of
 *   the 11 earlier steps, not in the final one -> historical_hot;
 * - `mid` has two a month in October, November and December only: one run of 3 hot steps ending
 *   in the final one, never hot before, 3 of 12 < 90 % -> consecutive_hot;
 * - `c0` has six in December only: hot in the final step alone -> new_hot.
 * A lone seizure among ~550 cells gives z of about 8.8 in its band, so "hot" is not marginal.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

const S = 1000;
const c0 = cellAt(105.03, 10.6, S);
const far = cellAt(105.15, 10.55, S);
const mid = cellAt(105.1, 10.65, S);
const id = (c: { q: number; r: number }) => `${S}:${c.q}:${c.r}`;
const month = (m: number) => `2024-${String(m).padStart(2, '0')}-15T05:00:00Z`;

beforeAll(async () => {
  db = await testDb();
  await loadMiniPlaces(db.sql);
  const rows: PlacedSeizure[] = [];
  for (let m = 1; m <= 11; m++) rows.push(...inCell(far.q, far.r, S, 1, { at: month(m) }));
  for (const m of [10, 11, 12]) rows.push(...inCell(mid.q, mid.r, S, 2, { at: month(m) }));
  rows.push(...inCell(c0.q, c0.r, S, 6, { at: month(12) }));
  await placeSeizures(db.sql, 'an_giang', rows);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'analyst');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (query: string) =>
  app.request(`/api/hotspots/emerging?${query}`, { headers: { cookie } });

type Props = Record<string, number | string>;
async function emerging(query: string) {
  const res = await get(query);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.json();
  const props = new Map<string, Props>(
    body.features.map((f: { id: string; properties: Props }) => [f.id, f.properties]),
  );
  return { body, props };
}

describe('GET /api/hotspots/emerging', () => {
  it('gives the category each cell earns by the rules, over calendar months', async () => {
    const { body, props } = await emerging(
      'province=an_giang&distance=1000&from=2024-01-01&to=2024-12-31',
    );
    expect(body.summary.steps).toHaveLength(12);
    expect(body.summary.steps[0]).toEqual({ start: '2024-01-01', end: '2024-01-31' });
    expect(body.summary.steps[11]).toEqual({ start: '2024-12-01', end: '2024-12-31' });
    expect(props.get(id(far))).toMatchObject({
      category: 'historical_hot',
      count: 11,
      hot_steps: 11,
    });
    expect(props.get(id(mid))).toMatchObject({
      category: 'consecutive_hot',
      count: 6,
      hot_steps: 3,
    });
    expect(props.get(id(c0))).toMatchObject({
      category: 'new_hot',
      count: 6,
      hot_steps: 1,
      class: 3,
    });
    // A neighbour of c0 is hot in December through c0's band alone: new too.
    expect(props.get(id({ q: c0.q + 1, r: c0.r }))).toMatchObject({
      category: 'new_hot',
      count: 0,
    });
    // Final-step figures: far is empty in December.
    expect(props.get(id(far))!.class).toBe(0);
    // An empty cell far from all three: no pattern, but its z sinks as the province's mean
    // grows. z = -7 xbar / (S k) with xbar / S = 1 / sqrt(n - 1) in January to September (one
    // seizure), 3 / sqrt(5n - 9) in October and November, 8 / sqrt(40n - 64) in December: nine
    // equal values, two lower, one in between. Mann-Kendall: S = -9 x 2 - 9 + 2 = -25,
    // var S = (12 x 11 x 29 - 9 x 8 x 23 - 2 x 1 x 9) / 18, z = (S + 1) / sqrt(var S).
    const empty = props.get(id({ q: far.q + 4, r: far.r - 4 }))!;
    expect(empty).toMatchObject({ category: 'no_pattern', trend: 'down', count: 0 });
    expect(empty.trend_z).toBeCloseTo(-24 / Math.sqrt((3828 - 1656 - 18) / 18), 12);
    const s = body.summary;
    expect(s.points).toBe(11 + 6 + 6);
    expect(s.step).toBe('month');
    expect(Object.values(s.by_category).reduce((a: number, b) => a + (b as number), 0)).toBe(
      s.cells,
    );
    expect(s.by_category.new_hot).toBe(7); // c0 and its six neighbours
    expect(s.by_category.historical_hot).toBe(7);
    expect(s.by_category.consecutive_hot).toBe(7);
    expect(s.top[0]).toMatchObject({ cell_id: id(c0), category: 'new_hot' });
    expect(s.top[0].nearest).toMatchObject({ layer: 'border_gates', name_en: 'Gate B' });
  });

  it('takes the window from the first and last matching seizure when open', async () => {
    const { body } = await emerging('province=an_giang&distance=1000');
    expect(body.summary.steps.map((st: { start: string }) => st.start)).toEqual(
      Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}-01`),
    );
  });

  it('steps by calendar quarter', async () => {
    const { body, props } = await emerging(
      'province=an_giang&distance=1000&step=quarter&from=2022-01-01&to=2024-12-31',
    );
    expect(body.summary.step).toBe('quarter');
    expect(body.summary.steps).toHaveLength(12);
    expect(body.summary.steps[11]).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    // Eight empty quarters, then far hot in Q1-Q4: a run of 4 ending in the final step.
    expect(props.get(id(far))).toMatchObject({ category: 'consecutive_hot', hot_steps: 4 });
  });

  it('refuses windows with too few or too many steps, and unknown steps', async () => {
    const cases: [string, string, RegExp][] = [
      ['province=an_giang&from=2024-01-01&to=2024-09-30', 'too_few_steps', /9 time steps/],
      ['province=an_giang&step=quarter', 'too_few_steps', /4 time steps/],
      ['province=an_giang&from=2000-01-01&to=2024-12-31', 'too_many_steps', /300 months/],
      ['province=an_giang&step=year', 'bad_parameter', /step/],
      ['province=an_giang&agency=joint', 'too_few_steps', /no seizure matches/],
      ['province=an_giang&cell=0', 'cell_not_positive', /cell/],
      ['step=month', 'province_required', /province/],
    ];
    for (const [query, code, message] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const { error } = await res.json();
      expect(error.code, query).toBe(code);
      expect(error.message, query).toMatch(message);
    }
  });

  it('audits each read', async () => {
    await emerging('province=an_giang');
    const rows = await db.sql`select 1 from audit_log where action = 'hotspots.emerging.read'`;
    expect(rows.length).toBeGreaterThan(0);
  });
});
