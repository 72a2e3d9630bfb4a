import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/lib/server/config';
import { PASSWORD, addUser, json, signIn } from '../setup/auth';
import { createApp } from '../../src/lib/server/api/app';
import { useSchema } from '../../src/lib/server/db/client';
import { pooledClient, testApp, testConfig, testDb, type TestDb } from '../setup/test-db';

/**
 * Login limits: counted in the database one attempt at a time, per username and client
 * together, with delays that double rather than a lockout of the account's real owner.
 * Defaults: 5 attempts per username and client, 20 per client, 50 per account; delays
 * 15 s, 30 s, 60 s ... up to 15 minutes.
 */
let db: TestDb;
let clock: Date;
let app: ReturnType<typeof createApp>;
const SEC = 1000;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
let day = 0;

beforeAll(async () => {
  db = await testDb();
  await addUser(db.sql, 'bob', 'analyst', 'border_guard');
  await addUser(db.sql, 'alice', 'planner', 'customs');
  await addUser(db.sql, 'boss', 'admin', 'customs');
});
afterAll(() => db.close());

function useApp(config: Partial<Config> = {}) {
  app = testApp(db, config, () => clock).app;
}
beforeEach(() => {
  // A day apart, so no test's counters are still warm in the next (they forget after an hour).
  clock = new Date(Date.now() + ++day * 86_400_000);
  useApp();
});

const login = (username: string, password: string, peer = '10.0.0.1', xff?: string) =>
  app.request(
    '/api/auth/login',
    {
      ...json('POST', undefined, { username, password }),
      headers: {
        'content-type': 'application/json',
        ...(xff ? { 'x-forwarded-for': xff } : {}),
      },
    },
    { clientAddress: peer },
  );

const checkedSince = async (since: Date, username: string) =>
  (
    await db.sql<{ n: number }[]>`
    select count(*)::int as n from audit_log
    where action = 'login' and outcome = 'failed' and username = ${username} and at >= ${since}`
  )[0].n;

describe('login limits', () => {
  it('checks only 5 of 100 simultaneous wrong passwords for one user', async () => {
    const since = clock;
    // Ten connections on PostgreSQL, so the attempts race as they would in production; the
    // request queue (which would turn most of them away with 503 first) is widened.
    const pooled = pooledClient(db, 10);
    if (db.engine === 'pglite') await useSchema(pooled, db.schema);
    app = createApp({
      db: { sql: pooled, engine: db.engine },
      config: testConfig({ queueMaxPerClient: 200 }),
      now: () => clock,
    });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login('bob', `wrong-${i}`, '10.1.0.1')),
    );
    await pooled.end();
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    // Only those five reached the password check, as the audit log's failed rows show.
    expect(await checkedSince(since, 'bob')).toBe(5);
  });

  it('makes a guesser wait 15 s, then 30 s, then 60 s, and names the wait', async () => {
    for (let i = 0; i < 5; i++) expect((await login('bob', `w${i}`, '10.1.0.2')).status).toBe(401);
    const refused = await login('bob', PASSWORD, '10.1.0.2');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('15');
    expect((await refused.json()).error).toEqual({
      code: 'too_many_attempts',
      message: 'Too many failed sign-ins. Try again in 15 s.',
      details: { retry_after_s: 15 },
    });
    advance(15 * SEC);
    expect((await login('bob', 'w6', '10.1.0.2')).status).toBe(401);
    expect((await login('bob', PASSWORD, '10.1.0.2')).headers.get('retry-after')).toBe('30');
    advance(30 * SEC);
    expect((await login('bob', 'w7', '10.1.0.2')).status).toBe(401);
    expect((await login('bob', PASSWORD, '10.1.0.2')).headers.get('retry-after')).toBe('60');
    // Waiting it out, the right password works, and the count starts again.
    advance(60 * SEC);
    expect((await login('bob', PASSWORD, '10.1.0.2')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('bob', `v${i}`, '10.1.0.2')).status).toBe(401);
    expect((await login('bob', PASSWORD, '10.1.0.2')).status).toBe(200);
  });

  it('does not lock the real owner out from their own machine', async () => {
    // The failure the issue measured: 5 wrong passwords locked bob out for 15 minutes.
    for (let i = 0; i < 12; i++) await login('bob', `w${i}`, '10.6.6.6');
    expect((await login('bob', PASSWORD, '10.6.6.6')).status).toBe(429);
    expect((await login('bob', PASSWORD, '10.1.0.3')).status).toBe(200);
  });

  it('slows one client guessing across usernames after 20 attempts', async () => {
    for (let i = 0; i < 20; i++)
      expect((await login(`guess${i}`, 'x', '10.2.0.1')).status).toBe(401);
    expect((await login('alice', PASSWORD, '10.2.0.1')).status).toBe(429);
    expect((await login('alice', PASSWORD, '10.2.0.2')).status).toBe(200);
  });

  it('slows guessing spread over many addresses after 50 attempts on one account', async () => {
    for (let i = 0; i < 50; i++)
      expect((await login('alice', 'x', `10.3.0.${i}`)).status).toBe(401);
    const held = await login('alice', PASSWORD, '10.3.1.1');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('15');
    advance(15 * SEC);
    expect((await login('alice', PASSWORD, '10.3.1.1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    // Otherwise a guesser would name a fresh address with every attempt.
    for (let i = 0; i < 5; i++) await login('bob', `w${i}`, '10.4.0.1', `192.0.2.${i}`);
    expect((await login('bob', PASSWORD, '10.4.0.1', '192.0.2.99')).status).toBe(429);
  });

  it('tells clients behind a trusted proxy apart by X-Forwarded-For', async () => {
    // The failure the issue measured: 20 failures from one address locked out everyone
    // behind the same proxy.
    useApp({ trustedProxies: ['10.9.0.1'] });
    for (let i = 0; i < 20; i++) await login(`guess${i}`, 'x', '10.9.0.1', '172.16.0.5');
    expect((await login('alice', PASSWORD, '10.9.0.1', '172.16.0.5')).status).toBe(429);
    expect((await login('alice', PASSWORD, '10.9.0.1', '172.16.0.6')).status).toBe(200);
    const [row] = await db.sql`
      select client from audit_log where action = 'login' and outcome = 'ok' order by id desc limit 1`;
    expect(row.client).toBe('172.16.0.6');
  });

  it('logs the first refusal of a window and counts the rest', async () => {
    for (let i = 0; i < 5; i++) await login('bob', `w${i}`, '10.5.0.1');
    for (let i = 0; i < 30; i++) expect((await login('bob', 'x', '10.5.0.1')).status).toBe(429);
    const cookie = await signIn(app, 'boss');
    const res = await app.request(`/api/audit?action=login&outcome=denied`, {
      headers: { cookie },
    });
    const denied = (await res.json()).entries.filter(
      (e: { client: string }) => e.client === '10.5.0.1',
    );
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      username: 'bob',
      details: { status: 429, reason: 'rate_limited', denials_in_window: 30 },
    });
  });
});
