import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/lib/server/repositories/audit';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The audit log has no gaps: a write and its row land together or not at all, failed writes
 * and route reads are recorded, anonymous refusals are counted rather than logged one by one,
 * and text is stored so that it cannot disguise itself when an admin reads it.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let errors: unknown[];
let planner: string;
let admin: string;

const LINE = {
  type: 'LineString',
  coordinates: [
    [105.01, 10.52],
    [105.1, 10.65],
  ],
};
const body = { name: 'R', province: 'an_giang', agency: 'customs', geometry: LINE };

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  ({ app, errors } = testApp(db));
  await addUser(db.sql, 'plan', 'planner', 'customs');
  await addUser(db.sql, 'boss', 'admin', 'customs');
  planner = await signIn(app, 'plan');
  admin = await signIn(app, 'boss');
});
afterAll(() => db.close());

const count = async (table: 'patrol_routes' | 'audit_log', action?: string) =>
  (
    await db.sql<{ n: number }[]>`
    select count(*)::int as n from ${db.sql(table)}
    where ${action ? db.sql`action = ${action}` : db.sql`true`}`
  )[0].n;

const lastOf = async (action: string) =>
  (
    await db.sql`
    select outcome, details, username from audit_log where action = ${action} order by id desc limit 1`
  )[0];

describe('the audit trail', () => {
  it('rolls a write back when its audit row cannot be written', async () => {
    // The failure the issue measured: routes committed with no audit row. A trigger makes the
    // audit row of a successful create fail, as a crash between the two statements would.
    await db.sql.unsafe(`
      create function refuse_ok_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'patrol_route.create' and new.outcome = 'ok' then
          raise exception 'audit storage failed';
        end if;
        return new;
      end $$;
      create trigger refuse_ok_audit before insert on audit_log
        for each row execute function refuse_ok_audit();`);
    const routes = await count('patrol_routes');
    const res = await app.request('/api/patrol-routes', json('POST', planner, body));
    await db.sql.unsafe(`drop trigger refuse_ok_audit on audit_log`);
    expect(res.status).toBe(500);
    expect(await count('patrol_routes')).toBe(routes);
    expect(await lastOf('patrol_route.create')).toEqual({
      outcome: 'error',
      details: { status: 500 },
      username: 'plan',
    });
    errors.length = 0;
  });

  it('records a write that fails with 500', async () => {
    await db.sql.unsafe(`
      create function refuse_route() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$;
      create trigger refuse_route before update on patrol_routes
        for each row execute function refuse_route();`);
    const created = await (
      await app.request('/api/patrol-routes', json('POST', planner, body))
    ).json();
    const res = await app.request(
      `/api/patrol-routes/${created.id}`,
      json('PUT', planner, { ...body, name: 'R2', version: 1 }),
    );
    await db.sql.unsafe(`drop trigger refuse_route on patrol_routes`);
    expect(res.status).toBe(500);
    expect(await lastOf('patrol_route.update')).toMatchObject({
      outcome: 'error',
      details: { status: 500 },
    });
    expect(errors).toHaveLength(1);
    errors.length = 0;
  });

  it('records every read of patrol routes, listed or one by one', async () => {
    const list = await app.request('/api/patrol-routes?province=an_giang', {
      headers: { cookie: planner },
    });
    const { features } = await list.json();
    expect(await lastOf('patrol_route.list')).toEqual({
      outcome: 'ok',
      details: { filters: { province: 'an_giang' }, number_returned: features.length },
      username: 'plan',
    });
    await app.request(`/api/patrol-routes/${features[0].id}`, { headers: { cookie: planner } });
    expect(await lastOf('patrol_route.read')).toEqual({
      outcome: 'ok',
      details: { id: features[0].id, version: 1 },
      username: 'plan',
    });
    await app.request('/api/patrol-routes/999999', { headers: { cookie: planner } });
    expect(await lastOf('patrol_route.read')).toMatchObject({
      outcome: 'failed',
      details: { status: 404 },
    });
  });

  it('counts a flood of anonymous requests instead of logging each', async () => {
    // The failure the issue measured: 500 anonymous requests wrote 500 rows in 0.6 s.
    const before = await count('audit_log');
    for (let i = 0; i < 500; i++) {
      const res = await app.request('/api/layers/seizures', {}, { clientAddress: '198.51.100.7' });
      expect(res.status).toBe(401);
    }
    expect((await count('audit_log')) - before).toBe(1);
    const res = await app.request('/api/audit?outcome=denied', { headers: { cookie: admin } });
    const entries = (await res.json()).entries.filter(
      (e: { client: string }) => e.client === '198.51.100.7',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      username: null,
      action: 'GET /api/layers/:id',
      outcome: 'denied',
      details: { status: 401, permission: 'view', denials_in_window: 500 },
    });
  });

  it('still logs each refusal of a signed-in user', async () => {
    const commander = await (async () => {
      await addUser(db.sql, 'cmd', 'commander', 'border_guard');
      return signIn(app, 'cmd');
    })();
    const before = await count('audit_log', 'POST /api/patrol-routes');
    for (let i = 0; i < 3; i++)
      await app.request('/api/patrol-routes', json('POST', commander, body));
    expect((await count('audit_log', 'POST /api/patrol-routes')) - before).toBe(3);
  });

  it('stores escape codes, bidi overrides and invisible characters as visible escapes', async () => {
    await appendAudit(db.sql, {
      at: new Date(),
      action: 'login',
      outcome: 'failed',
      username: 'root\u001b[2J\u202eadmin\u200b',
      client: '10.0.0.1\r\n',
      details: { note: 'a\u0007b', ['k\u202e']: 'v' },
    });
    const [row] = await db.sql`
      select username, client, details from audit_log order by id desc limit 1`;
    expect(row).toEqual({
      username: 'root\\u{1b}[2J\\u{202e}admin\\u{200b}',
      client: '10.0.0.1\\u{d}\\u{a}',
      details: { note: 'a\\u{7}b', 'k\\u{202e}': 'v' },
    });
  });
});
