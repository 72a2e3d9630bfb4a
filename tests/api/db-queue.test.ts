import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestWeight } from '../../src/lib/server/api/request-cost';
import type { Client } from '../../src/lib/server/db/client';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { secondClient, testApp, testDb, type TestDb } from '../setup/test-db';

/** One user's pile of requests is turned away with 503 and Retry-After, not queued for ever. */
let db: TestDb;
let other: Client;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  other = await secondClient(db);
  app = testApp(db, { queueMaxPerClient: 2 }).app;
  await addUser(db.sql, 'cmd', 'commander', 'border_guard');
  cookie = await signIn(app, 'cmd');
});
afterAll(async () => {
  await other.end();
  await db.close();
});

describe('the database queue', () => {
  it('answers 503 with Retry-After when one client has too many requests in flight', async () => {
    let unlock = () => {};
    const locked = new Promise<void>((r) => (unlock = r));
    // Another connection holds the seizures table, so reads of it wait as a heavy query would.
    let holding = () => {};
    const held = new Promise<void>((r) => (holding = r));
    const tx = other.begin(async (t) => {
      await t`lock table seizures in access exclusive mode`;
      holding();
      await locked;
    });
    await held;
    const read = () => app.request('/api/layers/seizures', { headers: { cookie } });
    const first = read();
    const second = read();
    const third = await read();
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await third.json()).error).toMatchObject({
      code: 'busy',
      details: { reason: 'client_busy' },
    });
    unlock();
    await tx;
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await read()).status).toBe(200);
  });
});

describe('requestWeight', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('counts big layer pages as heavy and the rest as light', () => {
    expect(requestWeight('GET', '/api/layers/seizures', q('limit=10000'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/layers/seizures', q('limit=1001'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/layers/seizures', q('limit=1000'), 1000)).toBe('light');
    expect(requestWeight('GET', '/api/layers/seizures', q(''), 5000)).toBe('heavy');
    expect(requestWeight('GET', '/api/layers/seizures', q('limit=abc'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/layers', q(''), 1000)).toBe('light');
    // A few hundred bytes back, but every matching seizure read (about 1 s at 1M rows): heavy.
    expect(requestWeight('GET', '/api/stats', q('province=an_giang'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/seizures/points', q(''), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/seizures/17', q(''), 1000)).toBe('light');
    expect(requestWeight('POST', '/api/patrol-routes', q(''), 1000)).toBe('light');
  });

  it('counts the hot-spot analyses as heavy, whatever their parameters', () => {
    for (const path of ['/api/hotspots', '/api/hotspots/emerging', '/api/hotspots/forecast/'])
      expect(requestWeight('GET', path, q('province=an_giang'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/hotspots/other', q(''), 1000)).toBe('light');
    expect(requestWeight('GET', '/api/hotspotsx', q(''), 1000)).toBe('light');
  });

  it('counts effort and suggestions as heavy', () => {
    expect(requestWeight('GET', '/api/effort', q('province=an_giang'), 1000)).toBe('heavy');
    expect(requestWeight('POST', '/api/plans/12/suggest', q(''), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/plans/12/suggest', q(''), 1000)).toBe('light');
    expect(requestWeight('POST', '/api/plans/12', q(''), 1000)).toBe('light');
  });

  it('counts patrol pages over 200 tracks as heavy', () => {
    expect(requestWeight('GET', '/api/patrols', q('limit=201'), 1000)).toBe('heavy');
    expect(requestWeight('GET', '/api/patrols', q('limit=200'), 1000)).toBe('light');
    expect(requestWeight('GET', '/api/patrols', q(''), 1000)).toBe('light');
    expect(requestWeight('GET', '/api/patrols/17', q(''), 1000)).toBe('light');
  });
});
