import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { findUserByName } from '../../src/lib/server/repositories/users';
import {
  addUser,
  createDemoUsers,
  resetPassword,
  setUserDisabled,
  UserError,
} from '../../src/lib/server/services/users';
import { signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
beforeAll(async () => {
  db = await testDb();
  app = testApp(db).app;
});
afterAll(() => db.close());

const me = (cookie: string) => app.request('/api/auth/me', { headers: { cookie } });
const sessionsOf = async (username: string) =>
  (
    await db.sql<{ n: number }[]>`
    select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = ${username}`
  )[0].n;

describe('user management', () => {
  it('creates demo users only into an empty table, with strong generated passwords', async () => {
    const created = await createDemoUsers(db.sql);
    expect(created.map((u) => [u.username, u.role])).toEqual([
      ['demo.admin', 'admin'],
      ['demo.commander', 'commander'],
      ['demo.planner', 'planner'],
      ['demo.analyst', 'analyst'],
      ['demo.bg.analyst', 'analyst'],
      ['demo.hq.commander', 'commander'],
    ]);
    for (const u of created) {
      expect(u.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
      const row = await findUserByName(db.sql, u.username);
      expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(row!.password_hash, u.password)).toBe(true);
    }
    expect(await createDemoUsers(db.sql)).toEqual([]);
  });

  it('refuses bad fields, weak passwords and duplicates', async () => {
    const add = (over: object) =>
      addUser(db.sql, {
        username: 'ok.name',
        role: 'analyst',
        agency: 'customs',
        password: 'long enough pw',
        ...over,
      });
    await expect(add({ username: 'A B' })).rejects.toThrow(
      'username: 3 to 40 characters of a-z, 0-9, . _ -',
    );
    await expect(add({ role: 'boss' })).rejects.toThrow(
      'role: one of admin, commander, planner, analyst',
    );
    await expect(add({ agency: 'police' })).rejects.toThrow('agency: one of customs, border_guard');
    await expect(add({ password: 'short' })).rejects.toThrow(
      'password: must be at least 10 characters',
    );
    await expect(add({ username: 'demo.admin' })).rejects.toThrow(
      "A user named 'demo.admin' already exists.",
    );
    await expect(add({ username: 'Demo.Admin' })).rejects.toMatchObject({ status: 409 });
    await expect(add({ role: 'boss' })).rejects.toBeInstanceOf(UserError);
  });

  it('disabling ends every session of the user at once', async () => {
    await addUser(db.sql, {
      username: 'to.disable',
      role: 'planner',
      agency: 'customs',
      password: 'first password',
    });
    const a = await signIn(app, 'to.disable', 'first password');
    const b = await signIn(app, 'to.disable', 'first password');
    expect(await sessionsOf('to.disable')).toBe(2);
    expect(await setUserDisabled(db.sql, 'to.disable', true)).toMatchObject({
      user: { username: 'to.disable', disabled: true },
      sessionsEnded: 2,
    });
    expect(await sessionsOf('to.disable')).toBe(0);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    await expect(setUserDisabled(db.sql, 'nobody', true)).rejects.toThrow("No user 'nobody'.");
  });

  it('resetting a password ends sessions and only the new password works', async () => {
    await addUser(db.sql, {
      username: 'to.reset',
      role: 'analyst',
      agency: 'border_guard',
      password: 'old password 1',
    });
    const cookie = await signIn(app, 'to.reset', 'old password 1');
    const { generatedPassword: generated, sessionsEnded } = await resetPassword(db.sql, 'to.reset');
    expect(generated).toHaveLength(20);
    expect(sessionsEnded).toBe(1);
    expect((await me(cookie)).status).toBe(401);
    await expect(signIn(app, 'to.reset', 'old password 1')).rejects.toThrow(/login to.reset: 401/);
    expect(await signIn(app, 'to.reset', generated!)).toMatch(/^brm_session=/);
  });

  it('records each change in the audit log, made by the command line', async () => {
    const rows = await db.sql<{ action: string; target: string }[]>`
      select action, target, username, outcome from audit_log
      where action like 'user.%' and target in ('users/to.disable', 'users/to.reset', 'users/nobody')
      order by id`;
    expect(rows).toEqual([
      { action: 'user.add', target: 'users/to.disable', username: 'cli', outcome: 'ok' },
      { action: 'user.disable', target: 'users/to.disable', username: 'cli', outcome: 'ok' },
      { action: 'user.disable', target: 'users/nobody', username: 'cli', outcome: 'failed' },
      { action: 'user.add', target: 'users/to.reset', username: 'cli', outcome: 'ok' },
      { action: 'user.reset_password', target: 'users/to.reset', username: 'cli', outcome: 'ok' },
    ]);
  });

  it('takes part in a transaction it is given, and rolls back with it', async () => {
    await expect(
      db.sql.begin(async (tx) => {
        await addUser(tx, { username: 'in.tx', role: 'analyst', agency: 'customs' });
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    expect(await findUserByName(db.sql, 'in.tx')).toBeUndefined();
    const [{ n }] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where target = 'users/in.tx'`;
    expect(n).toBe(0);
  });
});
