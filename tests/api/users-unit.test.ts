import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/** An account's named unit: added, changed and removed through the admin API, checked there. */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let admin: string;

beforeAll(async () => {
  db = await testDb();
  ({ app } = testApp(db));
  await addUser(db.sql, 'unit.admin', 'admin', 'customs');
  admin = await signIn(app, 'unit.admin');
});
afterAll(() => db.close());

const call = (method: string, path: string, body?: unknown) =>
  app.request(
    path,
    body === undefined ? { method, headers: { cookie: admin } } : json(method, admin, body),
  );
const unitOf = async (username: string) =>
  (await db.sql<{ unit: string | null }[]>`select unit from users where username = ${username}`)[0]
    ?.unit;
const auditDetails = (username: string) =>
  db.sql<{ action: string; outcome: string; details: Record<string, unknown> | null }[]>`
    select action, outcome, details from audit_log where target = ${'users/' + username} order by id`;

describe('a user of a named unit', () => {
  it('the test helper gives a unit as its 5th argument', async () => {
    const u = await addUser(db.sql, 'helper.unit', 'analyst', 'border_guard', 'bp_vinh_xuong');
    expect(u.unit).toBe('bp_vinh_xuong');
    const cookie = await signIn(app, 'helper.unit');
    const me = await (await app.request('/api/auth/me', { headers: { cookie } })).json();
    expect(me.user.unit).toBe('bp_vinh_xuong');
  });

  it('is added with a unit of its own agency, recorded in the audit row', async () => {
    const res = await call('POST', '/api/users', {
      username: 'bg.post',
      role: 'planner',
      agency: 'border_guard',
      unit: 'bp_tan_thanh',
    });
    expect(res.status).toBe(201);
    expect((await res.json()).user).toMatchObject({ unit: 'bp_tan_thanh' });
    expect(await unitOf('bg.post')).toBe('bp_tan_thanh');
    expect(await auditDetails('bg.post')).toEqual([
      {
        action: 'user.add',
        outcome: 'ok',
        details: { role: 'planner', agency: 'border_guard', unit: 'bp_tan_thanh' },
      },
    ]);
  });

  it('refuses an unknown unit and a unit of the other force (400 naming unit), adding nobody', async () => {
    const cases: [unknown, string][] = [
      ['bp_nowhere', "unit: unknown unit 'bp_nowhere'"],
      ['hq_tinh_bien', "unit: unit 'hq_tinh_bien' belongs to customs, not border_guard"],
      [42, 'unit: Invalid input: expected string, received number'],
    ];
    for (const [unit, message] of cases) {
      const res = await call('POST', '/api/users', {
        username: 'bad.unit',
        role: 'analyst',
        agency: 'border_guard',
        unit,
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.details.problems[0].field).toBe('unit');
      if (typeof unit === 'string') expect(body.error.message).toBe(message);
    }
    expect(await unitOf('bad.unit')).toBeUndefined();
  });

  it('is listed with its unit, and the list carries the 19 units to choose from', async () => {
    const res = await call('GET', '/api/users');
    const body = await res.json();
    expect(body.users.find((u: { username: string }) => u.username === 'bg.post').unit).toBe(
      'bp_tan_thanh',
    );
    expect(body.units).toHaveLength(19);
    expect(body.units.filter((u: { agency: string }) => u.agency === 'customs')).toHaveLength(9);
    expect(body.units[0]).toEqual({
      id: 'bdbp_an_giang',
      agency: 'border_guard',
      province: 'an_giang',
      name_vi: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang',
      name_en: 'An Giang Provincial Border Guard Command',
    });
  });

  it('changes unit, refuses a move to the other force that keeps the old unit, and removes it', async () => {
    const move = await call('PATCH', '/api/users/bg.post', { agency: 'customs' });
    expect(move.status).toBe(400);
    expect((await move.json()).error.message).toBe(
      "unit: unit 'bp_tan_thanh' belongs to border_guard, not customs",
    );
    expect(await unitOf('bg.post')).toBe('bp_tan_thanh');

    const both = await call('PATCH', '/api/users/bg.post', {
      agency: 'customs',
      unit: 'hq_tan_thanh',
    });
    expect(both.status).toBe(200);
    expect((await both.json()).user).toMatchObject({ agency: 'customs', unit: 'hq_tan_thanh' });

    const none = await call('PATCH', '/api/users/bg.post', { unit: null });
    expect(none.status).toBe(200);
    expect(await unitOf('bg.post')).toBeNull();
    const rows = (await auditDetails('bg.post')).filter((r) => r.action === 'user.update');
    expect(rows.map((r) => r.outcome)).toEqual(['failed', 'ok', 'ok']);
    expect(rows[1].details).toEqual({
      role_before: 'planner',
      role_after: 'planner',
      agency_before: 'border_guard',
      agency_after: 'customs',
      unit_before: 'bp_tan_thanh',
      unit_after: 'hq_tan_thanh',
    });
    expect(rows[2].details).toMatchObject({ unit_before: 'hq_tan_thanh', unit_after: null });
  });
});
