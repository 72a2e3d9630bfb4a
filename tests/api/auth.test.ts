import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteUserSessions } from '../../src/lib/server/repositories/sessions';
import { setDisabled } from '../../src/lib/server/repositories/users';
import { PASSWORD, addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let clock: Date;
let app: ReturnType<typeof testApp>['app'];
const MIN = 60_000;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  db = await testDb();
  for (const [name, role] of [
    ['alice', 'planner'],
    ['bob', 'analyst'],
    ['carol', 'commander'],
    ['dave', 'admin'],
  ] as const) {
    await addUser(db.sql, name, role, name === 'bob' ? 'border_guard' : 'customs');
  }
});
afterAll(() => db.close());
let day = 0;
beforeEach(() => {
  // Each test starts a day later, so no test's failed logins fall inside another's window.
  // (Near real time: cookies may not expire more than 400 days ahead.)
  clock = new Date(Date.now() + ++day * 86_400_000);
  app = testApp(db, { sessionIdleMinutes: 120, sessionAbsoluteHours: 12 }, () => clock).app;
});

const me = (cookie?: string) => app.request('/api/auth/me', { headers: cookie ? { cookie } : {} });
const login = (username: string, password: string, client = '10.0.0.1') =>
  app.request('/api/auth/login', json('POST', undefined, { username, password }), {
    clientAddress: client,
  });
const auditRows = (action: string) =>
  db.sql<{ username: string; outcome: string; details: { reason?: string } | null }[]>`
    select username, outcome, details from audit_log where action = ${action} and at >= ${new Date(clock.getTime() - 30 * 86_400_000)} order by id`;

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and stores only its hash', async () => {
    const res = await login('alice', PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: {
        id: expect.any(Number),
        username: 'alice',
        role: 'planner',
        agency: 'customs',
        unit: null,
        permissions: ['view', 'edit_routes', 'share_info'],
      },
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^brm_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const token = setCookie.split(';')[0].split('=')[1];
    // 43 base64url characters carry 256 bits.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await db.sql`select token_hash from sessions where token_hash = ${token}`;
    expect(stored).toHaveLength(0);
    const hashed = createHash('sha256').update(token).digest('hex');
    expect(await db.sql`select 1 from sessions where token_hash = ${hashed}`).toHaveLength(1);
  });

  it('marks the cookie Secure when configured (production)', async () => {
    const secureApp = testApp(db, { cookieSecure: true }, () => clock).app;
    const res = await secureApp.request(
      '/api/auth/login',
      json('POST', undefined, { username: 'alice', password: PASSWORD }),
    );
    expect(res.headers.get('set-cookie')).toContain('; Secure');
  });

  it('gives one answer for an unknown user and a wrong password', async () => {
    const a = await login('nobody', PASSWORD);
    const b = await login('alice', 'wrong password!');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
    const failures = (await auditRows('login')).filter((r) => r.outcome === 'failed').slice(-2);
    expect(failures.map((r) => [r.username, r.details?.reason])).toEqual([
      ['nobody', 'unknown_user'],
      ['alice', 'wrong_password'],
    ]);
  });

  it('records a failed attempt under the name tried, not the session already open', async () => {
    const cookie = await signIn(app, 'dave');
    const res = await app.request(
      '/api/auth/login',
      json('POST', cookie, { username: 'mallory', password: 'x' }),
    );
    expect(res.status).toBe(401);
    const [row] = await db.sql`
      select username, role, outcome from audit_log where action = 'login' order by id desc limit 1`;
    expect(row).toEqual({ username: 'mallory', role: null, outcome: 'failed' });
  });

  it('rejects malformed bodies with 400', async () => {
    const res = await app.request(
      '/api/auth/login',
      json('POST', undefined, '{"username": "alice",'),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'bad_request',
      message: 'The body is not valid JSON.',
    });
    const missing = await app.request(
      '/api/auth/login',
      json('POST', undefined, { username: 'alice' }),
    );
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe(
      'Invalid body: password: Invalid input: expected string, received undefined',
    );
  });
});

describe('sessions', () => {
  it('answers /auth/me for a live session and 401 without one', async () => {
    const cookie = await signIn(app, 'carol');
    expect((await (await me(cookie)).json()).user).toMatchObject({
      username: 'carol',
      role: 'commander',
      permissions: ['view', 'briefing', 'share_info', 'view_identifiers'],
    });
    expect((await me()).status).toBe(401);
    expect((await me('brm_session=' + 'A'.repeat(43))).status).toBe(401);
  });

  it('expires after the idle timeout', async () => {
    const cookie = await signIn(app, 'carol');
    advance(119 * MIN);
    expect((await me(cookie)).status).toBe(200);
    advance(119 * MIN); // active 119 min ago: still alive
    expect((await me(cookie)).status).toBe(200);
    advance(120 * MIN);
    expect((await me(cookie)).status).toBe(401);
  });

  it('expires at the absolute timeout however active', async () => {
    const cookie = await signIn(app, 'carol');
    for (let h = 0; h < 11; h++) {
      advance(60 * MIN);
      expect((await me(cookie)).status).toBe(200);
    }
    advance(59 * MIN); // 11 h 59 min
    expect((await me(cookie)).status).toBe(200);
    advance(1 * MIN); // 12 h
    expect((await me(cookie)).status).toBe(401);
  });

  it('ends on logout, and the old cookie no longer works', async () => {
    const cookie = await signIn(app, 'carol');
    const res = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^brm_session=; Max-Age=0; Path=\//);
    expect((await me(cookie)).status).toBe(401);
    expect((await auditRows('logout')).at(-1)).toMatchObject({ username: 'carol', outcome: 'ok' });
  });

  it('ends for a disabled user, who can no longer sign in', async () => {
    await addUser(db.sql, 'erin', 'analyst');
    const cookie = await signIn(app, 'erin');
    await setDisabled(db.sql, 'erin', true);
    expect((await me(cookie)).status).toBe(401);
    expect(await deleteUserSessions(db.sql, 'erin')).toBe(0); // already removed on the refused request
    expect((await login('erin', PASSWORD)).status).toBe(401);
    expect((await auditRows('login')).at(-1)).toMatchObject({
      username: 'erin',
      outcome: 'failed',
      details: { reason: 'disabled' },
    });
  });
});
