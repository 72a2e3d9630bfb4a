import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { insertReport, point, userRow } from '../fixtures/report-rows';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The briefing's information exchange section: the exchange figures over the briefing's province
 * and window, as the reader may see them, with the reviews' 2012-2019 count as a reference.
 *
 *   report  passed by     delivered (UTC)      ack after  assessment  seen by hq.analyst
 *   B1      border_guard  2026-11-02 00:00     3 h        valuable    yes
 *   B2      border_guard  2026-11-03 00:00     5 h        -           yes
 *   B3      border_guard  2026-11-04 00:00     -          -           no (units: bg's only)
 *   B4      border_guard  2025-06-01 00:00     1 h        valuable    yes, outside the window
 *   L1      border_guard  2026-11-05 00:00     -          -           yes, in Lang Son
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const cookies: Record<string, string> = {};

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  for (const [name, role, agency, unit] of [
    ['bg.analyst', 'analyst', 'border_guard', 'bp_vinh_xuong'],
    ['hq.analyst', 'analyst', 'customs', 'hq_tinh_bien'],
  ] as const) {
    await addUser(db.sql, name, role, agency);
    await db.sql`update users set unit = ${unit} where username = ${name}`;
    cookies[name] = await signIn(app, name);
  }
  const bg = await userRow(db.sql, 'bg.analyst');
  const h = (t: string, hours?: number, assessment?: 'valuable') => ({
    delivered_at: t,
    acknowledged_at:
      hours === undefined ? null : new Date(Date.parse(t) + hours * 3_600_000).toISOString(),
    assessment: assessment ?? null,
  });
  await insertReport(db.sql, { author: bg, handover: h('2026-11-02T00:00:00Z', 3, 'valuable') });
  await insertReport(db.sql, { author: bg, handover: h('2026-11-03T00:00:00Z', 5) });
  await insertReport(db.sql, {
    author: bg,
    distribution: 'units',
    handover: h('2026-11-04T00:00:00Z'),
  });
  await insertReport(db.sql, { author: bg, handover: h('2025-06-01T00:00:00Z', 1, 'valuable') });
  await insertReport(db.sql, {
    author: bg,
    province: 'lang_son',
    geometry: point(106.7, 21.9),
    handover: h('2026-11-05T00:00:00Z'),
  });
});
afterAll(() => db.close());

const read = (who: string) =>
  app.request('/api/briefing?province=an_giang&from=2026-11-01&to=2026-11-30', {
    headers: { cookie: cookies[who] },
  });

describe('GET /api/briefing: information exchange', () => {
  it('counts the handovers of the window the reader can see (median of 3 and 5 h = 4)', async () => {
    const res = await read('hq.analyst');
    expect(res.status).toBe(200);
    const { exchange } = await res.json();
    expect(exchange.from).toBe('2026-11-01');
    expect(exchange.province).toBe('an_giang');
    expect(exchange.agencies[0]).toEqual({
      agency: 'border_guard',
      passed: 2,
      acknowledged: 2,
      median_ack_hours: 4,
      assessed: 1,
      valuable: 1,
      not_valuable: 0,
      duplicate: 0,
      valuable_share: 0.5,
      led_to_seizure: 0,
      seizure_share: 0,
    });
    expect(exchange.agencies[1]).toMatchObject({
      agency: 'customs',
      passed: 0,
      valuable_share: null,
    });
    expect(exchange.baseline).toEqual({
      period: '2012-2019',
      border_guard: { passed: 468, valuable: 336 },
      customs: { passed: 398, valuable: 236 },
    });
  });

  it("counts the author's own unit-only report for the author", async () => {
    const { exchange } = await (await read('bg.analyst')).json();
    // B1, B2, B3: acknowledged 2 of 3, median still 4 h.
    expect(exchange.agencies[0]).toMatchObject({ passed: 3, acknowledged: 2, median_ack_hours: 4 });
  });

  it('audits the exchange read beside the briefing read', async () => {
    await read('hq.analyst');
    const rows = await db.sql<{ action: string; details: { via?: string; passed?: object } }[]>`
      select action, details from audit_log
      where username = 'hq.analyst' and action in ('briefing.read', 'report.exchange.read')
      order by id desc limit 2`;
    expect(rows.map((r) => r.action).sort()).toEqual(['briefing.read', 'report.exchange.read']);
    const ex = rows.find((r) => r.action === 'report.exchange.read')!;
    expect(ex.details).toMatchObject({ via: 'briefing', passed: { border_guard: 2, customs: 0 } });
  });
});
