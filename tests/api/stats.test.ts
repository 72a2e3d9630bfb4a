import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJson } from '../../src/lib/server/services/import';
import { MINI } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/stats on seven seizures whose figures are worked out by hand below. Months are
 * calendar months in Vietnam (UTC+7): seizure 2 is at 23:30 UTC on 31 January, 06:30 on
 * 1 February in Hanoi; seizure 7 is on 31 December UTC and 1 January in Hanoi.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

const M = 1_000_000;
// [occurred_at, province, category, lead_agency, value_vnd, subjects, synthetic]
const SEIZURES: [string, string, string, string, number | null, number, boolean][] = [
  ['2024-01-10T03:00:00Z', 'an_giang', 'cigarettes', 'customs', 100 * M, 2, false], // VN Jan
  ['2024-01-31T23:30:00Z', 'an_giang', 'sugar', 'border_guard', 40 * M, 1, false], // VN Feb
  ['2024-02-15T12:00:00Z', 'lang_son', 'cigarettes', 'joint', 250 * M, 3, true], // VN Feb
  ['2024-04-20T08:00:00Z', 'lang_son', 'electronics', 'customs', null, 0, false], // VN Apr
  ['2024-04-30T16:59:59Z', 'an_giang', 'drugs', 'border_guard', 1500 * M, 4, false], // VN Apr, 23:59:59
  ['2024-04-30T17:00:00Z', 'lang_son', 'sugar', 'customs', 60 * M, 1, false], // VN 1 May, 00:00
  ['2023-12-31T18:00:00Z', 'lang_son', 'cigarettes', 'customs', 10 * M, 0, false], // VN 1 Jan
];

beforeAll(async () => {
  db = await testDb();
  const report = await importGeoJson(db.sql, 'provinces', MINI.provinces);
  if (report.rejected.length) throw new Error(JSON.stringify(report.rejected));
  for (const [at, province, category, agency, value, subjects, synthetic] of SEIZURES) {
    const lon = province === 'an_giang' ? 105.1 : 106.7;
    const lat = province === 'an_giang' ? 10.6 : 21.9;
    await db.sql`
      insert into seizures (occurred_at, province, category, lead_agency, value_vnd, subjects,
        synthetic, transport_mode, source, geom)
      values (${at}, ${province}, ${category}, ${agency}, ${value}, ${subjects}, ${synthetic},
        'car', 'test', ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))`;
  }
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'analyst');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const get = (query: string) => app.request(`/api/stats${query}`, { headers: { cookie } });

async function stats(query = '') {
  const res = await get(query);
  expect(res.status).toBe(200);
  return res.json();
}

const month = (m: string, cases: number, value: number) => ({ month: m, cases, value_vnd: value });
const none = (m: string) => month(m, 0, 0);

describe('GET /api/stats', () => {
  it('sums every seizure and groups by category, agency, province and Vietnamese month', async () => {
    expect(await stats()).toEqual({
      cases: 7,
      value_vnd: 1960 * M,
      subjects: 11,
      synthetic: 1,
      period: { first: '2024-01-01', last: '2024-05-01' },
      by_category: [
        { category: 'cigarettes', cases: 3, value_vnd: 360 * M },
        { category: 'sugar', cases: 2, value_vnd: 100 * M },
        { category: 'drugs', cases: 1, value_vnd: 1500 * M },
        { category: 'electronics', cases: 1, value_vnd: 0 },
      ],
      by_agency: [
        { agency: 'customs', cases: 4, value_vnd: 170 * M },
        { agency: 'border_guard', cases: 2, value_vnd: 1540 * M },
        { agency: 'joint', cases: 1, value_vnd: 250 * M },
      ],
      by_province: [
        { province: 'an_giang', cases: 3, value_vnd: 1640 * M, subjects: 7 },
        { province: 'lang_son', cases: 4, value_vnd: 320 * M, subjects: 4 },
      ],
      // March has no seizure and is listed; 23:30 UTC on 31 Jan counts in February.
      by_month: [
        month('2024-01', 2, 110 * M),
        month('2024-02', 2, 290 * M),
        none('2024-03'),
        month('2024-04', 2, 1500 * M),
        month('2024-05', 1, 60 * M),
      ],
    });
  });

  it('filters by province', async () => {
    const s = await stats('?province=lang_son');
    expect(s).toMatchObject({ cases: 4, value_vnd: 320 * M, subjects: 4, synthetic: 1 });
    expect(s.period).toEqual({ first: '2024-01-01', last: '2024-05-01' });
    expect(s.by_province).toEqual([
      { province: 'an_giang', cases: 0, value_vnd: 0, subjects: 0 },
      { province: 'lang_son', cases: 4, value_vnd: 320 * M, subjects: 4 },
    ]);
    expect(s.by_month).toEqual([
      month('2024-01', 1, 10 * M),
      month('2024-02', 1, 250 * M),
      none('2024-03'),
      month('2024-04', 1, 0),
      month('2024-05', 1, 60 * M),
    ]);
  });

  it('filters by categories and by agency', async () => {
    const goods = await stats('?category=sugar,drugs');
    expect(goods).toMatchObject({ cases: 3, value_vnd: 1600 * M, subjects: 6, synthetic: 0 });
    expect(goods.by_category).toEqual([
      { category: 'sugar', cases: 2, value_vnd: 100 * M },
      { category: 'drugs', cases: 1, value_vnd: 1500 * M },
    ]);
    expect(goods.by_agency).toEqual([
      { agency: 'customs', cases: 1, value_vnd: 60 * M },
      { agency: 'border_guard', cases: 2, value_vnd: 1540 * M },
      { agency: 'joint', cases: 0, value_vnd: 0 },
    ]);
    expect(goods.by_month).toEqual([
      month('2024-02', 1, 40 * M),
      none('2024-03'),
      month('2024-04', 1, 1500 * M),
      month('2024-05', 1, 60 * M),
    ]);

    const customs = await stats('?agency=customs&province=lang_son');
    expect(customs).toMatchObject({ cases: 3, value_vnd: 70 * M, subjects: 1 });
    expect(customs.by_month).toEqual([
      month('2024-01', 1, 10 * M),
      none('2024-02'),
      none('2024-03'),
      month('2024-04', 1, 0),
      month('2024-05', 1, 60 * M),
    ]);
  });

  it('lists every month of a date window, empty ones at its ends included', async () => {
    // Bare dates are days in Vietnam: seizure 7 (18:00 UTC on 31 Dec) is 01:00 on 1 January.
    const s = await stats('?from=2024-01-01&to=2024-03-31');
    expect(s).toMatchObject({ cases: 4, value_vnd: 400 * M });
    expect(s.by_month).toEqual([
      month('2024-01', 2, 110 * M),
      month('2024-02', 2, 290 * M),
      none('2024-03'),
    ]);
    const wide = await stats('?from=2023-11-20&to=2024-02-01&province=an_giang');
    expect(wide.by_month).toEqual([
      none('2023-11'),
      none('2023-12'),
      month('2024-01', 1, 100 * M),
      month('2024-02', 1, 40 * M),
    ]);
  });

  it('ends a bare `to` date at midnight in Vietnam, so no month past the window appears', async () => {
    // 16:59:59 UTC on 30 April is 23:59:59 in Vietnam (in); 17:00 UTC is 1 May (out).
    const s = await stats('?from=2024-04-01&to=2024-04-30');
    expect(s.cases).toBe(2);
    expect(s.by_month).toEqual([month('2024-04', 2, 1500 * M)]);
  });

  it('reads date-times with a zone as instants, months in Vietnam time', async () => {
    const s = await stats(
      `?from=${encodeURIComponent('2024-02-01T00:00:00+07:00')}` +
        `&to=${encodeURIComponent('2024-05-01T00:00:00+07:00')}`,
    );
    // Seizure 2 (06:30 on 1 Feb in Hanoi) is in; seizure 6 (00:00 on 1 May) is not.
    expect(s).toMatchObject({ cases: 4, value_vnd: 1790 * M });
    expect(s.by_month).toEqual([
      month('2024-02', 2, 290 * M),
      none('2024-03'),
      month('2024-04', 2, 1500 * M),
    ]);
  });

  it('gives zeros and zero months when nothing matches', async () => {
    const empty = {
      cases: 0,
      value_vnd: 0,
      subjects: 0,
      synthetic: 0,
      period: null,
      by_category: [],
      by_agency: [
        { agency: 'customs', cases: 0, value_vnd: 0 },
        { agency: 'border_guard', cases: 0, value_vnd: 0 },
        { agency: 'joint', cases: 0, value_vnd: 0 },
      ],
      by_province: [
        { province: 'an_giang', cases: 0, value_vnd: 0, subjects: 0 },
        { province: 'lang_son', cases: 0, value_vnd: 0, subjects: 0 },
      ],
    };
    expect(await stats('?category=gold&from=2023-12-01&to=2024-02-29')).toEqual({
      ...empty,
      by_month: [none('2023-12'), none('2024-01'), none('2024-02')],
    });
    // An open end with no seizure to close it: no months to list.
    expect(await stats('?category=gold&from=2024-01-01')).toEqual({ ...empty, by_month: [] });
  });

  it.each([
    ['?province=hanoi', 'province: must be one of an_giang, lang_son'],
    ['?province=lang_son&province=an_giang', 'province: given more than once'],
    ['?from=2024-02-30', 'from: not a real calendar date'],
    ['?to=31/01/2024', 'to: expected an ISO date (YYYY-MM-DD) or date-time with zone'],
    ['?from=2024-03-01&to=2024-02-01', 'from: must be before to'],
    ['?category=sugar,tea', "category: 'tea' is not one of cigarettes"],
    ['?agency=police', "agency: 'police' is not one of customs, border_guard, joint"],
    ['?limit=10', 'limit: unknown parameter (allowed: province, from, to, category, agency)'],
    ['?bbox=105,10,106,11', 'bbox: unknown parameter'],
  ])('refuses %s with a 400 naming the parameter', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('bad_parameter');
    expect(error.message).toContain(message);
  });

  it('needs a session', async () => {
    const res = await app.request('/api/stats');
    expect(res.status).toBe(401);
  });

  it('records the read in the audit log with its filters and the number of cases', async () => {
    await stats('?province=an_giang&category=drugs');
    const [row] = await db.sql`
      select username, target, outcome, details from audit_log
      where action = 'stats.read' order by id desc limit 1`;
    expect(row).toEqual({
      username: 'viewer',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: { province: 'an_giang', category: 'drugs' }, cases: 1 },
    });
  });
});

describe('GET /api/stats over more seizures than a page of the layer', () => {
  it('counts all 10,050 matching rows where the layer returns at most 10,000', async () => {
    // Cheap rows: 10,050 in March 2022 (Vietnam time), 1,000 dong and one subject each.
    await db.sql`
      insert into seizures (occurred_at, province, category, lead_agency, value_vnd, subjects,
        transport_mode, source, geom)
      select timestamptz '2022-03-01T00:00:00+07:00' + (i % 28) * interval '1 day', 'an_giang',
        'fuel', 'joint', 1000, 1, 'boat', 'bulk', ST_SetSRID(ST_MakePoint(105.1, 10.6), 4326)
      from generate_series(1, 10050) i`;
    const page = await app.request('/api/layers/seizures?category=fuel&limit=10000', {
      headers: { cookie },
    });
    const layer = await page.json();
    expect(layer.numberReturned).toBe(10_000);
    const s = await stats('?category=fuel');
    expect(s).toMatchObject({ cases: 10_050, value_vnd: 10_050_000, subjects: 10_050 });
    expect(s.by_month).toEqual([month('2022-03', 10_050, 10_050_000)]);
    expect(s.period).toEqual({ first: '2022-03-01', last: '2022-03-28' });
    await db.sql`delete from seizures where source = 'bulk'`;
  });
});
