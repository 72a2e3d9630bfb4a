import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let admin: string;
let planner: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'boss', 'admin', 'border_guard');
  await addUser(db.sql, 'plan', 'planner', 'customs');
  admin = await signIn(app, 'boss');
  planner = await signIn(app, 'plan');
});
afterAll(() => db.close());

const last = async (action: string) =>
  (
    await db.sql`select username, role, agency, action, target, outcome, details, request_id, client
    from audit_log where action = ${action} order by id desc limit 1`
  )[0];

describe('audit log', () => {
  it('records every write with the record id and versions', async () => {
    const body = {
      name: 'A',
      province: 'an_giang',
      agency: 'customs',
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.01, 10.52],
          [105.1, 10.65],
        ],
      },
    };
    const created = await app.request('/api/patrol-routes', json('POST', planner, body), {
      clientAddress: '10.9.9.9',
    });
    const { id } = await created.json();
    expect(await last('patrol_route.create')).toEqual({
      username: 'plan',
      role: 'planner',
      agency: 'customs',
      action: 'patrol_route.create',
      target: 'patrol_routes',
      outcome: 'ok',
      details: { id, version_after: 1 },
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      client: '10.9.9.9',
    });
    await app.request(
      `/api/patrol-routes/${id}`,
      json('PUT', planner, { ...body, name: 'B', version: 1 }),
    );
    expect(await last('patrol_route.update')).toMatchObject({
      target: `patrol_routes/${id}`,
      outcome: 'ok',
      details: { id, version_before: 1, version_after: 2 },
    });
    await app.request(
      `/api/patrol-routes/${id}`,
      json('PUT', planner, { ...body, name: 'C', version: 1 }),
    );
    expect(await last('patrol_route.update')).toMatchObject({
      outcome: 'failed',
      details: { status: 409, code: 'conflict' },
    });
    await app.request(`/api/patrol-routes/${id}?version=2`, {
      method: 'DELETE',
      headers: { cookie: planner },
    });
    expect(await last('patrol_route.delete')).toMatchObject({
      outcome: 'ok',
      details: { id, version_before: 2 },
    });
  });

  it('records bulk reads of seizures with filters and row counts', async () => {
    await app.request('/api/layers/seizures?province=an_giang&category=cigarettes', {
      headers: { cookie: planner },
    });
    expect(await last('layer.read')).toMatchObject({
      username: 'plan',
      target: 'seizures',
      outcome: 'ok',
      details: {
        filters: { province: 'an_giang', category: 'cigarettes' },
        number_returned: 2,
        number_matched: 2,
      },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.sql`update audit_log set outcome = 'ok'`).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(db.sql`delete from audit_log`).rejects.toThrow('audit_log is append-only');
    await expect(db.sql`truncate audit_log`).rejects.toThrow('audit_log is append-only');
    const [{ n }] = await db.sql`select count(*)::int as n from audit_log`;
    expect(n).toBeGreaterThan(3);
  });

  it('is readable and filterable by admins through the API', async () => {
    const res = await app.request('/api/audit?action=patrol_route.update&outcome=failed', {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    const { total, entries } = await res.json();
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({
      username: 'plan',
      action: 'patrol_route.update',
      outcome: 'failed',
    });
    const bad = await app.request('/api/audit?outcome=maybe', { headers: { cookie: admin } });
    expect(bad.status).toBe(400);
  });
});
