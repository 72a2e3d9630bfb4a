import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn, signInEveryRole } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import type { Role } from '../../src/lib/server/auth/roles';

/**
 * GET /api/briefing on the mini world (tests/fixtures/mini.ts) and fifteen seizures whose month
 * tables are worked out by hand below. Twelve sit together 1 km east of Gate B, one a month
 * through 2024 (cigarettes in odd months, sugar in even ones; customs leads January to June,
 * Border Guard July to December): the one hot spot. Months are Vietnamese (UTC+7): seizure 14
 * is at 23:30 UTC on 31 March, 06:30 on 1 April in Hanoi.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookies: Record<Role, string>;

const CLUSTER: [number, number] = [105.01, 10.6];
// [occurred_at, province, category, lead_agency, lon, lat]
type Row = [string, string, string, string, number, number];
const SEIZURES: Row[] = [
  ...Array.from({ length: 12 }, (_, i): Row => {
    const m = String(i + 1).padStart(2, '0');
    return [
      `2024-${m}-15T03:00:00Z`,
      'an_giang',
      i % 2 === 0 ? 'cigarettes' : 'sugar',
      i < 6 ? 'customs' : 'border_guard',
      ...CLUSTER,
    ];
  }),
  ['2024-03-10T03:00:00Z', 'an_giang', 'drugs', 'joint', 105.15, 10.65], // 13: VN March
  ['2024-03-31T23:30:00Z', 'an_giang', 'cigarettes', 'border_guard', 105.15, 10.52], // 14: VN 1 Apr
  ['2023-12-20T03:00:00Z', 'an_giang', 'fuel', 'customs', 105.1, 10.6], // 15: before the window
  ['2024-05-05T03:00:00Z', 'lang_son', 'fuel', 'customs', 106.7, 21.9], // 16: the other province
];

const YEAR = '?province=an_giang&from=2024-01-01&to=2024-12-31';

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  await db.sql`delete from seizures`;
  for (const [at, province, category, agency, lon, lat] of SEIZURES) {
    await db.sql`
      insert into seizures (occurred_at, province, category, lead_agency, value_vnd, subjects,
        synthetic, transport_mode, source, geom)
      values (${at}, ${province}, ${category}, ${agency}, 10000000, 1, true, 'boat', 'test',
        ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))`;
  }
  app = testApp(db).app;
  cookies = await signInEveryRole(app, db.sql);
});
afterAll(() => db.close());

const get = (query: string, role: Role | null = 'commander') =>
  app.request(`/api/briefing${query}`, { headers: role ? { cookie: cookies[role] } : {} });

async function briefing(query = YEAR) {
  const res = await get(query);
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/briefing: figures', () => {
  it('counts seizures per Vietnamese month by category and by lead agency', async () => {
    const b = await briefing();
    expect(b.figures).toEqual({
      cases: 14,
      value_vnd: 140_000_000,
      subjects: 14,
      synthetic: 14,
      period: { first: '2024-01-15', last: '2024-12-15' },
    });
    expect(b.months).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06',
      '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
    ]); // prettier-ignore
    // Cigarettes 6 + seizure 14, sugar 6, drugs 1: most first.
    expect(b.by_month_category).toEqual({
      keys: ['cigarettes', 'sugar', 'drugs'],
      cases: [
        [1, 0, 0], [0, 1, 0], [1, 0, 1], [1, 1, 0], [1, 0, 0], [0, 1, 0],
        [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0],
      ],
    }); // prettier-ignore
    // [customs, border_guard, joint]: seizure 14 (Border Guard) counts in April, 13 (joint) in March.
    expect(b.by_month_agency).toEqual({
      keys: ['customs', 'border_guard', 'joint'],
      cases: [
        [1, 0, 0], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 0, 0], [1, 0, 0],
        [0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0],
      ],
    }); // prettier-ignore
  });

  it('echoes the filters and the time it was generated', async () => {
    const b = await briefing(`${YEAR}&category=sugar,drugs&agency=customs,joint`);
    expect(b.filters).toEqual({
      province: 'an_giang',
      from: '2024-01-01',
      to: '2024-12-31',
      category: ['sugar', 'drugs'],
      agency: ['customs', 'joint'],
    });
    expect(Date.parse(b.generated_at)).toBeGreaterThan(Date.parse('2025-01-01'));
    // Sugar under customs: February, April, June; drugs under joint: March.
    expect(b.figures.cases).toBe(4);
    expect(b.by_month_category.keys).toEqual(['sugar', 'drugs']);
    expect(b.by_month_category.cases.slice(0, 6)).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 0],
      [1, 0],
    ]);
  });

  it("draws the province's frontier and named gates", async () => {
    const b = await briefing();
    expect(b.map.frontier).toEqual([
      {
        code: 'ag-1',
        name_vi: 'Đoạn 1',
        name_en: 'Segment 1',
        geometry: {
          type: 'LineString',
          coordinates: [
            [105, 10.5],
            [105, 10.7],
          ],
        },
      },
    ]);
    expect(b.map.gates.map((g: { name_vi: string }) => g.name_vi)).toEqual([
      'Cửa khẩu A',
      'Cửa khẩu B',
      'Cửa khẩu C',
    ]);
    expect(b.map.outline.type).toBe('MultiPolygon');
  });
});

describe('GET /api/briefing: access', () => {
  it.each([
    ['commander', 200],
    ['analyst', 200],
    ['admin', 200],
    ['planner', 403],
  ] as const)('answers a %s with %i', async (role, status) => {
    const res = await get(YEAR, role);
    expect(res.status).toBe(status);
    if (status === 403) expect((await res.json()).error.code).toBe('forbidden');
  });

  it('needs a session', async () => {
    expect((await get(YEAR, null)).status).toBe(401);
  });

  it('records the read, and the refusal, in the audit log', async () => {
    await addUser(db.sql, 'reader', 'commander');
    const cookie = await signIn(app, 'reader');
    await app.request(`/api/briefing${YEAR}&category=drugs`, { headers: { cookie } });
    const [read] = await db.sql`
      select username, target, outcome, details from audit_log
      where action = 'briefing.read' order by id desc limit 1`;
    expect(read).toEqual({
      username: 'reader',
      target: 'seizures',
      outcome: 'ok',
      details: {
        filters: { province: 'an_giang', from: '2024-01-01', to: '2024-12-31', category: 'drugs' },
        cases: 1,
      },
    });
    await get(YEAR, 'planner');
    const [denied] = await db.sql`
      select username, outcome, details from audit_log
      where outcome = 'denied' order by id desc limit 1`;
    expect(denied).toMatchObject({
      username: 'planner1',
      details: { status: 403, permission: 'briefing' },
    });
  });

  it.each([
    ['?from=2024-01-01', 'province'],
    ['?province=hanoi', 'province: must be one of an_giang, lang_son'],
    ['?province=an_giang&from=2024-02-30', 'from: not a real calendar date'],
    ['?province=an_giang&from=2024-03-01&to=2024-02-01', 'from: must be before to'],
    ['?province=an_giang&category=tea', "category: 'tea' is not one of"],
    ['?province=an_giang&limit=5', 'limit: unknown parameter'],
  ])('refuses %s with a 400 naming the reason', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(message);
  });
});

type Cell = {
  properties: { cell_id: string; class: number; count: number; gi_z: number; category?: string };
};

describe('GET /api/briefing: hot spots', () => {
  async function hotspots(query: string) {
    const res = await app.request(`/api/hotspots${query}`, {
      headers: { cookie: cookies.commander },
    });
    expect(res.status).toBe(200);
    return res.json();
  }

  it('draws the significant cells of GET /api/hotspots and lists the hot area they make', async () => {
    const [b, hs, em] = await Promise.all([
      briefing(),
      hotspots(YEAR),
      hotspots(`/emerging${YEAR}&step=month`),
    ]);
    const emergingOf = (id: string) =>
      em.features.find((f: Cell) => f.properties.cell_id === id).properties.category;
    expect(b.trend).toEqual({ available: true, steps: 12, min_steps: 10, skipped: null });
    expect(b.hotspots).toEqual({
      cell_m: 1000,
      distance_m: 3000,
      fdr: false,
      cells: hs.summary.cells,
      points: 14,
      hot: hs.summary.hot,
      cold: hs.summary.cold,
    });
    const significant = hs.features.filter((f: Cell) => f.properties.class !== 0);
    expect(b.map.cells.map((f: Cell) => f.properties)).toEqual(
      significant.map(({ properties: p }: Cell) => ({
        cell_id: p.cell_id,
        count: p.count,
        class: p.class,
      })),
    );
    // The lone cluster makes every hot cell (its 3 km band) one area, placed by its own cell:
    // the twelve seizures there, 1.1 km east of Gate B.
    const cluster = significant.find((f: Cell) => f.properties.count === 12);
    expect(b.hotspots.hot).toBeGreaterThan(1);
    expect(b.top).toEqual([
      {
        rank: 1,
        cell_id: cluster.properties.cell_id,
        cells: b.hotspots.hot,
        seizures: 12,
        class: 3,
        gi_z: Math.max(...significant.map((f: Cell) => f.properties.gi_z)),
        centre: expect.any(Array),
        nearest: {
          layer: 'border_gates',
          name_vi: 'Cửa khẩu B',
          name_en: 'Gate B',
          distance_m: expect.any(Number),
        },
        trend: emergingOf(cluster.properties.cell_id),
      },
    ]);
    const [lon, lat] = b.top[0].centre;
    // Within a cell of the cluster's point (a 1 km cell's corners are 577 m from its centre).
    expect(Math.abs(lon - 105.01) * 109_500).toBeLessThan(600);
    expect(Math.abs(lat - 10.6) * 110_600).toBeLessThan(600);
  });

  it('checks the forecast as GET /api/hotspots/forecast does, on the hot spots (Gi* z)', async () => {
    const [b, fc] = await Promise.all([briefing(), hotspots(`/forecast${YEAR}`)]);
    const gi = (r: { ranker: string }) => r.ranker === 'gi_z';
    const quarter = fc.last_quarter;
    expect(b.forecast.last_quarter).toEqual({
      training: quarter.training,
      scored: quarter.scored,
      rows: quarter.results
        .filter(gi)
        .map(({ share_pct, hit_rate, pai, hits, total }: Record<string, number>) => ({
          share_pct,
          hit_rate,
          pai,
          hits,
          total,
        })),
    });
    // July to September learnt, October to December scored: the cluster's three seizures.
    expect(quarter.scored).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    const tenPct = b.forecast.last_quarter.rows.find(
      (r: { share_pct: number }) => r.share_pct === 10,
    );
    // 10 % of the cells is more than the cluster's hot band: all three caught.
    expect(tenPct).toMatchObject({ total: 3, hits: 3, hit_rate: 1 });
    expect(b.forecast.rolling).toEqual({
      splits: Math.max(...fc.summary.filter(gi).map((r: { splits: number }) => r.splits)),
      rows: fc.summary.filter(gi).map((r: Record<string, number>) => ({
        share_pct: r.share_pct,
        hit_rate: r.mean_hit_rate,
        pai: r.mean_pai,
      })),
    });
    expect(b.forecast.rolling.rows.map((r: { share_pct: number }) => r.share_pct)).toEqual([
      1, 5, 10,
    ]);
  });

  it('still briefs on a window too short for a trend, and says so', async () => {
    const b = await briefing('?province=an_giang&from=2024-06-01&to=2024-12-31');
    expect(b.trend).toEqual({
      available: false,
      steps: 7,
      min_steps: 10,
      skipped: 'too_few_steps',
    });
    expect(b.top.length).toBeGreaterThan(0);
    expect(b.top.every((h: { trend: unknown }) => h.trend === null)).toBe(true);
    expect(b.figures.cases).toBe(7);
  });

  it('briefs on a filter that matches nothing: zeros, no hot spot, no trend, no check', async () => {
    const b = await briefing('?province=an_giang&category=gold');
    expect(b.figures).toMatchObject({ cases: 0, period: null });
    expect(b.months).toEqual([]);
    expect(b.top).toEqual([]);
    expect(b.map.cells).toEqual([]);
    expect(b.trend).toMatchObject({ available: false, skipped: 'too_few_steps' });
    expect(b.forecast).toMatchObject({ last_quarter: null, skipped: 'too_few_steps' });
  });

  it('briefs on three months: hot spots, no trend, no check (rolling needs four)', async () => {
    const b = await briefing('?province=an_giang&from=2024-10-01&to=2024-12-31');
    expect(b.figures.cases).toBe(3);
    expect(b.top.map((h: { seizures: number }) => h.seizures)).toEqual([3]);
    expect(b.trend).toMatchObject({ available: false, steps: 3, skipped: 'too_few_steps' });
    expect(b.forecast).toEqual({
      ranker: 'gi_z',
      last_quarter: null,
      rolling: { splits: 0, rows: [] },
      skipped: 'too_few_steps',
    });
  });
});
