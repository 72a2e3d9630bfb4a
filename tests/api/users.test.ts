import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/lib/server/api/app';
import type { Role } from '../../src/lib/server/auth/roles';
import { CLI_ACTOR, changeUser, setUserDisabled } from '../../src/lib/server/services/users';
import { addUser, json, PASSWORD, signIn, signInEveryRole } from '../setup/auth';
import { secondClient, testApp, testConfig, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let errors: unknown[];
let cookies: Record<Role, string>;

/** The client address the SvelteKit route would pass in; audit rows must carry it. */
const ENV = { clientAddress: '10.20.30.40' };

function call(method: string, path: string, cookie?: string, body?: unknown) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const init = body === undefined ? { method, headers } : json(method, cookie, body);
  return app.request(path, init, ENV);
}
const me = (cookie: string) => call('GET', '/api/auth/me', cookie);
const userRow = async (username: string) =>
  (
    await db.sql<{ role: string; agency: string; disabled: boolean }[]>`
      select role, agency, disabled from users where username = ${username}`
  )[0];

interface AuditRow {
  username: string | null;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
  request_id: string | null;
  client: string | null;
}
const auditFor = (target: string) =>
  db.sql<AuditRow[]>`
    select username, role, action, target, outcome, details, request_id, client
    from audit_log where target = ${target} and action like 'user.%' order by id`;

beforeAll(async () => {
  db = await testDb();
  ({ app, errors } = testApp(db));
  cookies = await signInEveryRole(app, db.sql);
});
afterAll(() => db.close());

type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', 'commander', 'planner', 'analyst', 'admin'];

describe('who may manage users', () => {
  beforeAll(() => addUser(db.sql, 'matrix.target', 'planner'));

  const MATRIX: { name: string; method: string; path: string; body?: unknown; ok: number }[] = [
    { name: 'list', method: 'GET', path: '/api/users', ok: 200 },
    {
      name: 'add',
      method: 'POST',
      path: '/api/users',
      body: { username: 'matrix.new', role: 'analyst', agency: 'customs' },
      ok: 201,
    },
    { name: 'change', method: 'PATCH', path: '/api/users/matrix.target', body: {}, ok: 400 },
    { name: 'disable', method: 'POST', path: '/api/users/matrix.target/disable', ok: 200 },
    { name: 'enable', method: 'POST', path: '/api/users/matrix.target/enable', ok: 200 },
    { name: 'reset', method: 'POST', path: '/api/users/matrix.target/reset-password', ok: 200 },
  ];

  describe.each(MATRIX)('$name', ({ method, path, body, ok }) => {
    // Admin last: a refused caller must find the target as it was.
    it.each(WHO)('as %s', async (who) => {
      const before = await userRow('matrix.target');
      const res = await call(method, path, who === 'anonymous' ? undefined : cookies[who], body);
      const expected = { anonymous: 401, admin: ok }[who as string] ?? 403;
      expect(res.status).toBe(expected);
      if (who !== 'admin') expect(await userRow('matrix.target')).toEqual(before);
    });
  });

  it('leaves nothing behind from the refused callers', async () => {
    const rows = await db.sql<{ username: string }[]>`
      select username from users where username like 'matrix.%' order by username`;
    expect(rows.map((r) => r.username)).toEqual(['matrix.new', 'matrix.target']);
    const denied = await db.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log
      where outcome = 'denied' and action = 'POST /api/users/:username/disable'
        and username is not null`;
    expect(denied[0].n).toBe(3);
  });
});

describe('GET /api/users', () => {
  it('lists every user with last sign-in and live sessions, and never a hash', async () => {
    await addUser(db.sql, 'list.never', 'commander', 'border_guard');
    await addUser(db.sql, 'list.twice', 'analyst');
    await signIn(app, 'list.twice');
    await signIn(app, 'list.twice');
    // A third session, idle for longer than the policy allows: not counted.
    const [{ id }] = await db.sql<
      { id: number }[]
    >`select id from users where username = 'list.twice'`;
    await db.sql`
      insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
      values ('idle-one', ${id}, now() - interval '5 hours', now() - interval '3 hours', now() + interval '5 hours')`;
    const [lastLogin] = await db.sql<{ at: Date }[]>`
      select at from audit_log where action = 'login' and outcome = 'ok' and username = 'list.twice'
      order by id desc limit 1`;

    const res = await call('GET', '/api/users', cookies.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toMatch(/argon2|password|hash/i);
    const { users } = JSON.parse(text) as { users: Record<string, unknown>[] };
    expect(users.map((u) => u.username)).toEqual([...users.map((u) => u.username)].sort());
    const byName = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(Object.keys(byName['list.never']).sort()).toEqual([
      'active_sessions',
      'agency',
      'created_at',
      'disabled',
      'last_sign_in_at',
      'role',
      'unit',
      'username',
    ]);
    expect(byName['list.never']).toMatchObject({
      role: 'commander',
      agency: 'border_guard',
      disabled: false,
      last_sign_in_at: null,
      active_sessions: 0,
    });
    expect(byName['list.twice']).toMatchObject({
      active_sessions: 2,
      last_sign_in_at: lastLogin.at.toISOString(),
    });
  });
});

describe('adding a user', () => {
  it('creates the account with a password shown once, which signs in', async () => {
    const res = await call('POST', '/api/users', cookies.admin, {
      username: ' New.Officer ',
      role: 'planner',
      agency: 'border_guard',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/users/new.officer');
    const body = await res.json();
    expect(body.user).toEqual({
      username: 'new.officer',
      role: 'planner',
      agency: 'border_guard',
      unit: null,
      disabled: false,
      created_at: expect.any(String),
    });
    expect(body.generatedPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    const cookie = await signIn(app, 'new.officer', body.generatedPassword);
    expect(await (await me(cookie)).json()).toMatchObject({
      user: { username: 'new.officer', role: 'planner', agency: 'border_guard' },
    });
  });

  it('refuses a name that exists (409) and names the bad field (400)', async () => {
    const add = (body: unknown) => call('POST', '/api/users', cookies.admin, body);
    const ok = { username: 'field.check', role: 'analyst', agency: 'customs' };
    const dup = await add({ ...ok, username: 'NEW.officer' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.message).toBe("A user named 'new.officer' already exists.");
    for (const [patch, field] of [
      [{ role: 'boss' }, 'role'],
      [{ agency: 'police' }, 'agency'],
      [{ username: 'a b' }, 'username'],
      [{ username: 'xy' }, 'username'],
      [{ username: 'x'.repeat(41) }, 'username'],
    ] as const) {
      const res = await add({ ...ok, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      const { error } = await res.json();
      expect(error.details.problems[0].field).toBe(field);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
    // An administrator does not choose someone else's password.
    const withPassword = await add({ ...ok, password: 'chosen by me 1' });
    expect(withPassword.status).toBe(400);
    expect((await add('{not json')).status).toBe(400);
    expect(await userRow('field.check')).toBeUndefined();
  });

  it('records the refusals as failed, with the reason', async () => {
    const rows = await db.sql<AuditRow[]>`
      select username, action, target, outcome, details from audit_log
      where action = 'user.add' and outcome = 'failed' and username = 'admin1' order by id`;
    expect(rows.map((r) => [r.target, r.details?.status, r.details?.code])).toEqual([
      ['users/new.officer', 409, 'user_exists'],
      ['users/field.check', 400, 'invalid_body'],
      ['users/field.check', 400, 'invalid_body'],
      ['users/a?b', 400, 'invalid_body'],
      ['users/xy', 400, 'invalid_body'],
      [`users/${'x'.repeat(41)}`, 400, 'invalid_body'],
      ['users', 400, 'invalid_body'],
      ['users', 400, 'bad_request'],
    ]);
    expect(rows[1].details?.reason).toBe('role: one of admin, commander, planner, analyst');
  });
});

describe('disabling and enabling', () => {
  it("ends the user's sessions at once; they cannot sign in until enabled", async () => {
    await addUser(db.sql, 'field.analyst', 'analyst');
    const session = await signIn(app, 'field.analyst');
    expect((await call('GET', '/api/layers', session)).status).toBe(200);

    const res = await call('POST', '/api/users/field.analyst/disable', cookies.admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { username: 'field.analyst', disabled: true },
      sessionsEnded: 1,
    });
    expect((await call('GET', '/api/layers', session)).status).toBe(401);
    expect((await me(session)).status).toBe(401);
    await expect(signIn(app, 'field.analyst')).rejects.toThrow(/: 401 /);

    const enabled = await call('POST', '/api/users/field.analyst/enable', cookies.admin);
    expect(enabled.status).toBe(200);
    expect((await enabled.json()).user.disabled).toBe(false);
    // The old session stays ended; a new sign-in works.
    expect((await me(session)).status).toBe(401);
    expect((await me(await signIn(app, 'field.analyst'))).status).toBe(200);
  });

  it('answers 404 for an unknown user and records it as failed', async () => {
    for (const action of ['disable', 'enable', 'reset-password']) {
      const res = await call('POST', `/api/users/no.such.user/${action}`, cookies.admin);
      expect(res.status, action).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect(
      (await call('PATCH', '/api/users/no.such.user', cookies.admin, { role: 'analyst' })).status,
    ).toBe(404);
    // A name no account can have, escape codes and all, is a 404 too, stored harmlessly.
    const odd = encodeURIComponent('x\u001b[31m\u202e');
    expect((await call('POST', `/api/users/${odd}/disable`, cookies.admin)).status).toBe(404);
    const rows = await auditFor('users/no.such.user');
    expect(rows.map((r) => [r.action, r.outcome, r.details])).toEqual([
      ['user.disable', 'failed', { status: 404, code: 'not_found' }],
      ['user.enable', 'failed', { status: 404, code: 'not_found' }],
      ['user.reset_password', 'failed', { status: 404, code: 'not_found' }],
      ['user.update', 'failed', { status: 404, code: 'not_found' }],
    ]);
    expect(await auditFor('users/x??31m?')).toHaveLength(1);
  });
});

describe('resetting a password', () => {
  it('ends the sessions, retires the old password, and the new one works', async () => {
    await addUser(db.sql, 'reset.me', 'commander');
    const a = await signIn(app, 'reset.me');
    const b = await signIn(app, 'reset.me');
    const res = await call('POST', '/api/users/reset.me/reset-password', cookies.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ user: { username: 'reset.me' }, sessionsEnded: 2 });
    expect(body.generatedPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    await expect(signIn(app, 'reset.me', PASSWORD)).rejects.toThrow(/: 401 /);
    expect((await me(await signIn(app, 'reset.me', body.generatedPassword))).status).toBe(200);
    const [row] = await auditFor('users/reset.me');
    expect(JSON.stringify(row)).not.toContain(body.generatedPassword);
  });
});

describe('changing a role or agency', () => {
  it('applies from the next request without ending the session', async () => {
    await addUser(db.sql, 'promote.me', 'commander');
    const session = await signIn(app, 'promote.me');
    expect((await call('GET', '/api/audit', session)).status).toBe(403);
    const res = await call('PATCH', '/api/users/promote.me', cookies.admin, {
      role: 'admin',
      agency: 'border_guard',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ role: 'admin', agency: 'border_guard' });
    expect((await call('GET', '/api/audit', session)).status).toBe(200);
    const [row] = await auditFor('users/promote.me');
    expect(row.details).toEqual({
      role_before: 'commander',
      role_after: 'admin',
      agency_before: 'customs',
      agency_after: 'border_guard',
    });
    const bad = await call('PATCH', '/api/users/promote.me', cookies.admin, { role: 'king' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.problems[0].field).toBe('role');
  });
});

describe('the administrators who must remain', () => {
  it('an administrator may not disable or demote themselves', async () => {
    const self = await call('POST', '/api/users/admin1/disable', cookies.admin);
    expect(self.status).toBe(409);
    expect((await self.json()).error).toMatchObject({ code: 'own_account' });
    const again = await call('POST', '/api/users/admin1/disable', cookies.admin);
    expect((await again.json()).error.message).toBe(
      'You may not disable your own account; ask another administrator.',
    );
    const demote = await call('PATCH', '/api/users/admin1', cookies.admin, { role: 'analyst' });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toBe(
      'You may not demote your own account; ask another administrator.',
    );
    expect(await userRow('admin1')).toEqual({ role: 'admin', agency: 'customs', disabled: false });
    expect((await me(cookies.admin)).status).toBe(200);
    const rows = (await auditFor('users/admin1')).map((r) => [r.action, r.outcome]);
    expect(rows).toEqual([
      ['user.disable', 'failed'],
      ['user.disable', 'failed'],
      ['user.update', 'failed'],
    ]);
  });

  it('the last enabled administrator cannot be disabled or demoted', async () => {
    // Leave admin1 as the only enabled administrator.
    await setUserDisabled(db.sql, 'promote.me', true);
    await expect(setUserDisabled(db.sql, 'admin1', true)).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
      message:
        'admin1 is the last enabled administrator: add or enable another administrator first.',
    });
    await expect(
      changeUser(db.sql, 'admin1', { role: 'planner' }, CLI_ACTOR),
    ).rejects.toMatchObject({ status: 409 });
    // A disabled administrator may be demoted: they do not count.
    expect((await changeUser(db.sql, 'promote.me', { role: 'planner' })).role).toBe('planner');
    expect(await userRow('admin1')).toMatchObject({ role: 'admin', disabled: false });
  });

  it('two administrators disabling each other at once leave one of them enabled', async () => {
    await addUser(db.sql, 'admin.a', 'admin');
    await addUser(db.sql, 'admin.b', 'admin');
    // admin1 stays out of it: disable it for the race so a and b are the only enabled admins.
    await db.sql`update users set disabled = true where username = 'admin1'`;
    const other = await secondClient(db);
    try {
      const appB = createApp({ db: { sql: other, engine: db.engine }, config: testConfig() });
      const a = await signIn(app, 'admin.a');
      const b = await signIn(appB, 'admin.b');
      const results = await Promise.all([
        app.request('/api/users/admin.b/disable', { method: 'POST', headers: { cookie: a } }),
        appB.request('/api/users/admin.a/disable', { method: 'POST', headers: { cookie: b } }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      // The loser is refused by the lock (409) or, if it was slower, has lost its session (401).
      expect([
        [200, 409],
        [200, 401],
      ]).toContainEqual(statuses);
      const [{ n }] = await db.sql<{ n: number }[]>`
        select count(*)::int as n from users
        where username in ('admin.a', 'admin.b') and not disabled`;
      expect(n).toBe(1);
    } finally {
      await other.end();
      await db.sql`update users set disabled = false where username in ('admin1', 'admin.a', 'admin.b')`;
    }
  });
});

describe('the audit trail of changes', () => {
  it('has exactly one row per change, with the request id, client and outcome', async () => {
    await addUser(db.sql, 'traced', 'planner');
    const steps = [
      [
        'POST',
        '/api/users/traced/disable',
        'user.disable',
        { was_disabled: false, sessions_ended: 0 },
      ],
      [
        'POST',
        '/api/users/traced/enable',
        'user.enable',
        { was_disabled: true, sessions_ended: 0 },
      ],
      ['POST', '/api/users/traced/reset-password', 'user.reset_password', { sessions_ended: 0 }],
    ] as const;
    for (const [method, path, action, details] of steps) {
      const res = await call(method, path, cookies.admin);
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const rows = await db.sql<AuditRow[]>`
        select username, role, action, target, outcome, details, request_id, client
        from audit_log where request_id = ${requestId}`;
      expect(rows).toEqual([
        {
          username: 'admin1',
          role: 'admin',
          action,
          target: 'users/traced',
          outcome: 'ok',
          details,
          request_id: requestId,
          client: '10.20.30.40',
        },
      ]);
    }
    const added = await call('POST', '/api/users', cookies.admin, {
      username: 'traced.two',
      role: 'analyst',
      agency: 'border_guard',
    });
    const rows = await db.sql<AuditRow[]>`
      select action, target, outcome, details from audit_log
      where request_id = ${added.headers.get('x-request-id')}`;
    expect(rows).toEqual([
      {
        action: 'user.add',
        target: 'users/traced.two',
        outcome: 'ok',
        details: { role: 'analyst', agency: 'border_guard' },
      },
    ]);
  });
});

describe('a failure inside the transaction', () => {
  // The audit insert for these targets fails, as a full disk or a broken constraint would.
  beforeAll(async () => {
    await db.sql`
      create function refuse_doomed_audit() returns trigger language plpgsql as $$
      begin
        if new.target like 'users/doomed%' and new.outcome = 'ok' then
          raise exception 'forced failure of the audit insert';
        end if;
        return new;
      end $$`;
    await db.sql`
      create trigger refuse_doomed_audit before insert on audit_log
      for each row execute function refuse_doomed_audit()`;
    await addUser(db.sql, 'doomed', 'analyst');
  });
  afterAll(() => db.sql`drop trigger refuse_doomed_audit on audit_log`);

  it('leaves neither the change nor its audit row, and records the error', async () => {
    const session = await signIn(app, 'doomed');
    const before = errors.length;
    const disable = await call('POST', '/api/users/doomed/disable', cookies.admin);
    expect(disable.status).toBe(500);
    expect(await userRow('doomed')).toMatchObject({ disabled: false });
    expect((await me(session)).status).toBe(200);

    const reset = await call('POST', '/api/users/doomed/reset-password', cookies.admin);
    expect(reset.status).toBe(500);
    expect((await me(session)).status).toBe(200);
    expect(await signIn(app, 'doomed')).toMatch(/^brm_session=/);

    const add = await call('POST', '/api/users', cookies.admin, {
      username: 'doomed.new',
      role: 'analyst',
      agency: 'customs',
    });
    expect(add.status).toBe(500);
    expect(await userRow('doomed.new')).toBeUndefined();
    expect(errors.length - before).toBe(3);

    const rows = await db.sql<AuditRow[]>`
      select action, target, outcome, details, request_id from audit_log
      where target like 'users/doomed%' order by id`;
    expect(rows).toEqual([
      {
        action: 'user.disable',
        target: 'users/doomed',
        outcome: 'error',
        details: { status: 500 },
        request_id: disable.headers.get('x-request-id'),
      },
      {
        action: 'user.reset_password',
        target: 'users/doomed',
        outcome: 'error',
        details: { status: 500 },
        request_id: reset.headers.get('x-request-id'),
      },
      {
        action: 'user.add',
        target: 'users/doomed.new',
        outcome: 'error',
        details: { status: 500 },
        request_id: add.headers.get('x-request-id'),
      },
    ]);
  });
});
