import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { insertReport, point, userRow } from '../fixtures/report-rows';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const cookies: Record<string, string> = {};

/**
 * Border Guard (author bg, unit bp_vinh_xuong) passed R1-R5 to Customs; Customs (author hq,
 * unit hq_tinh_bien) passed C1. R5 goes to named units (bp_vinh_xuong, hq_tinh_bien) only.
 *
 *   report  delivered (UTC)     Vietnam month  ack after  assessment    seizure  province
 *   R1      2026-11-02 01:00    2026-11        2 h        valuable      yes      an_giang
 *   R2      2026-11-10 00:00    2026-11        6 h        not_valuable  no       an_giang
 *   R3      2026-11-30 18:00    2026-12        10 h       valuable      no       an_giang
 *   R4      2026-12-05 00:00    2026-12        -          -             no       lang_son
 *   R5      2026-11-20 00:00    2026-11        1 h        duplicate     no       an_giang
 *   C1      2026-11-05 00:00    2026-11        4 h        valuable      no       an_giang
 */
beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  const users = [
    ['bg.analyst', 'analyst', 'border_guard', 'bp_vinh_xuong'],
    ['hq.commander', 'commander', 'customs', 'hq_tinh_bien'],
    ['hq.planner', 'planner', 'customs', null],
    ['bg.planner', 'planner', 'border_guard', 'bp_tinh_bien'],
  ] as const;
  for (const [name, role, agency, unit] of users) {
    await addUser(db.sql, name, role, agency);
    await db.sql`update users set unit = ${unit} where username = ${name}`;
    cookies[name] = await signIn(app, name);
  }
  const bg = await userRow(db.sql, 'bg.analyst');
  const hq = await userRow(db.sql, 'hq.commander');
  const [{ id: seizure }] = await db.sql<{ id: number }[]>`select min(id) as id from seizures`;
  const at = (t: string, hours?: number) =>
    hours === undefined ? null : new Date(Date.parse(t) + hours * 3_600_000).toISOString();
  const passed = (
    t: string,
    hours?: number,
    assessment?: 'valuable' | 'not_valuable' | 'duplicate',
  ) => ({
    delivered_at: t,
    acknowledged_at: at(t, hours),
    assessment: assessment ?? null,
  });
  await insertReport(db.sql, {
    author: bg,
    handover: passed('2026-11-02T01:00:00Z', 2, 'valuable'),
    seizures: [seizure],
  });
  await insertReport(db.sql, {
    author: bg,
    handover: passed('2026-11-10T00:00:00Z', 6, 'not_valuable'),
  });
  await insertReport(db.sql, {
    author: bg,
    handover: passed('2026-11-30T18:00:00Z', 10, 'valuable'),
  });
  await insertReport(db.sql, {
    author: bg,
    province: 'lang_son',
    geometry: point(106.7, 21.9),
    handover: passed('2026-12-05T00:00:00Z'),
  });
  await insertReport(db.sql, {
    author: bg,
    distribution: 'units',
    units: ['hq_tinh_bien'],
    tlp: 'red',
    handover: passed('2026-11-20T00:00:00Z', 1, 'duplicate'),
  });
  await insertReport(db.sql, {
    author: hq,
    handover: passed('2026-11-05T00:00:00Z', 4, 'valuable'),
  });
  // Never handed over: not part of the exchange.
  await insertReport(db.sql, { author: hq, distribution: 'own_agency' });
});
afterAll(() => db.close());

const get = (who: string, query = '') =>
  app.request(`/api/reports/exchange${query}`, { headers: { cookie: cookies[who] } });

const none = (agency: string) => ({
  agency,
  passed: 0,
  acknowledged: 0,
  median_ack_hours: null,
  assessed: 0,
  valuable: 0,
  not_valuable: 0,
  duplicate: 0,
  valuable_share: null,
  led_to_seizure: 0,
  seizure_share: null,
});

describe('GET /api/reports/exchange', () => {
  it('counts every handover the author can see, median of 1, 2, 6, 10 hours = 4', async () => {
    const res = await get('bg.analyst');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.from).toBeNull();
    expect(body.to).toBeNull();
    expect(body.agencies).toEqual([
      {
        agency: 'border_guard',
        passed: 5,
        acknowledged: 4,
        median_ack_hours: 4,
        assessed: 4,
        valuable: 2,
        not_valuable: 1,
        duplicate: 1,
        valuable_share: 0.4,
        led_to_seizure: 1,
        seizure_share: 0.2,
      },
      {
        agency: 'customs',
        passed: 1,
        acknowledged: 1,
        median_ack_hours: 4,
        assessed: 1,
        valuable: 1,
        not_valuable: 0,
        duplicate: 0,
        valuable_share: 1,
        led_to_seizure: 0,
        seizure_share: 0,
      },
    ]);
    // R3 was delivered at 18:00 UTC on 30 Nov: 01:00 on 1 Dec in Vietnam.
    expect(body.months).toEqual([
      { month: '2026-11', agency: 'border_guard', passed: 3, valuable: 1 },
      { month: '2026-11', agency: 'customs', passed: 1, valuable: 1 },
      { month: '2026-12', agency: 'border_guard', passed: 2, valuable: 1 },
    ]);
  });

  it('leaves out the reports the caller may not see (R5 to named units)', async () => {
    for (const who of ['hq.planner', 'bg.planner']) {
      const body = await (await get(who)).json();
      // R1-R4: median of 2, 6, 10 hours = 6; 2 valuable of 4.
      expect(body.agencies[0]).toMatchObject({
        passed: 4,
        acknowledged: 3,
        median_ack_hours: 6,
        assessed: 3,
        valuable: 2,
        duplicate: 0,
        valuable_share: 0.5,
        led_to_seizure: 1,
        seizure_share: 0.25,
      });
      expect(body.months[0]).toEqual({
        month: '2026-11',
        agency: 'border_guard',
        passed: 2,
        valuable: 1,
      });
    }
    // The listed Customs unit sees R5 like its author.
    const hq = await (await get('hq.commander')).json();
    expect(hq.agencies[0]).toMatchObject({ passed: 5, median_ack_hours: 4, duplicate: 1 });
  });

  it('windows on delivery in Vietnam days and filters by province', async () => {
    const dec = await (await get('bg.analyst', '?from=2026-12-01&to=2026-12-31')).json();
    expect(dec.from).toBe('2026-12-01');
    expect(dec.agencies).toEqual([
      {
        agency: 'border_guard',
        passed: 2,
        acknowledged: 1,
        median_ack_hours: 10,
        assessed: 1,
        valuable: 1,
        not_valuable: 0,
        duplicate: 0,
        valuable_share: 0.5,
        led_to_seizure: 0,
        seizure_share: 0,
      },
      none('customs'),
    ]);
    const ls = await (await get('bg.analyst', '?province=lang_son')).json();
    expect(ls.agencies[0]).toMatchObject({ passed: 1, acknowledged: 0, median_ack_hours: null });
    expect(ls.agencies[1]).toEqual(none('customs'));
  });

  it('is audited as report.exchange.read', async () => {
    await get('hq.commander', '?province=an_giang');
    const [row] = await db.sql<{ username: string; details: { passed: object } }[]>`
      select username, details from audit_log where action = 'report.exchange.read'
      order by id desc limit 1`;
    expect(row.username).toBe('hq.commander');
    expect(row.details.passed).toEqual({ border_guard: 4, customs: 1 });
  });

  it('refuses bad parameters and anonymous callers', async () => {
    expect((await get('bg.analyst', '?province=hanoi')).status).toBe(400);
    expect((await get('bg.analyst', '?from=2026-13-01')).status).toBe(400);
    expect((await get('bg.analyst', '?agency=customs')).status).toBe(400);
    expect((await app.request('/api/reports/exchange')).status).toBe(401);
  });
});
