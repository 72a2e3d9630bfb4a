/**
 * Report writes are all or nothing (the report, its units, handover and history land with
 * their audit row or not at all), and concurrent writers of one report serialise on its row:
 * of two acknowledgements or edits at once exactly one wins (real concurrency on PostgreSQL;
 * PGlite runs them one after the other and must give the same answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, client, registerState, reportWorld, type ReportWorld } from '../fixtures/reports';
import { json } from '../setup/auth';
import { pooledClient, testApp } from '../setup/test-db';

let w: ReportWorld;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
});
afterAll(() => w.db.close());

describe('all or nothing', () => {
  // The audit row is the transaction's last statement: failing it shows the rest rolls back.
  it('writes no report, unit, handover or event when the audit insert fails', async () => {
    const { id } = await api.create('bg.analyst', BASE);
    await w.db.sql.unsafe(`
      create function refuse_report_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$;
      create trigger refuse_report_audit before insert on audit_log for each row
        when (new.action like 'report.%' and new.action <> 'report.read' and new.outcome = 'ok')
        execute function refuse_report_audit();`);
    try {
      const before = await registerState(w.db, id);
      const attempts = [
        api.send('POST', '/api/reports', 'cu.planner', {
          ...BASE,
          distribution: 'units',
          units: ['bp_khanh_binh'],
        }),
        api.send('PUT', `/api/reports/${id}`, 'bg.analyst', { ...BASE, title: 'X', version: 1 }),
        api.send('POST', `/api/reports/${id}/acknowledge`, 'cu.commander', {}),
        api.send('POST', `/api/reports/${id}/assessment`, 'cu.commander', {
          value: 'valuable',
          reason: 'Tốt',
          action_taken: 'Tuần tra',
        }),
        api.send('POST', `/api/reports/${id}/links`, 'cu.commander', {
          seizure_id: w.seizureIds[0],
        }),
        api.send('POST', `/api/reports/${id}/close`, 'bg.analyst', { version: 1, reason: 'x' }),
      ];
      for (const res of attempts) expect((await res).status).toBe(500);
      expect(await registerState(w.db, id)).toEqual(before);
    } finally {
      await w.db.sql.unsafe(`
        drop trigger refuse_report_audit on audit_log;
        drop function refuse_report_audit();`);
    }
    const [errors] = await w.db.sql`
      select count(*)::int as n from audit_log where action like 'report.%' and outcome = 'error'`;
    expect(errors.n).toBe(6);
  });
});

describe('concurrent writers', () => {
  it('lets exactly one of three simultaneous acknowledgements win', async () => {
    const { id } = await api.create('bg.analyst', BASE);
    const pool = pooledClient(w.db);
    const pooled = testApp(
      { ...w.db, sql: pool },
      { sessionIdleMinutes: 100_000, sessionAbsoluteHours: 10_000 },
      () => w.clock.now,
    ).app;
    const ack = (who: 'cu.commander' | 'cu.planner' | 'cu.analyst') =>
      pooled.request(`/api/reports/${id}/acknowledge`, json('POST', w.cookie[who], {}));
    const results = await Promise.all([
      ack('cu.commander'),
      ack('cu.planner'),
      ack('cu.analyst'),
    ]).finally(() => pool.end({ timeout: 5 }));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const [events] = await w.db.sql`
      select count(*)::int as n from report_events
      where report_id = ${id} and action = 'acknowledged'`;
    expect(events.n).toBe(1);
  });

  it('lets exactly one of three simultaneous edits of one version win', async () => {
    const { id } = await api.create('bg.analyst', BASE);
    const pool = pooledClient(w.db);
    const pooled = testApp(
      { ...w.db, sql: pool },
      { sessionIdleMinutes: 100_000, sessionAbsoluteHours: 10_000 },
      () => w.clock.now,
    ).app;
    const edit = (who: 'bg.analyst' | 'bg.commander' | 'bg.admin', title: string) =>
      pooled.request(
        `/api/reports/${id}`,
        json('PUT', w.cookie[who], { ...BASE, title, version: 1 }),
      );
    const results = await Promise.all([
      edit('bg.analyst', 'A'),
      edit('bg.commander', 'B'),
      edit('bg.admin', 'C'),
    ]).finally(() => pool.end({ timeout: 5 }));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const [row] = await w.db.sql`select version from reports where id = ${id}`;
    expect(row.version).toBe(2);
    const [events] = await w.db.sql`
      select count(*)::int as n from report_events where report_id = ${id} and action = 'edited'`;
    expect(events.n).toBe(1);
  });
});
