import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditGroups } from '../../src/lib/server/services/audit-log';
import { FORMULA_NAME, VIETNAMESE_NAME, loadAuditHours } from '../fixtures/audit-hours';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The grouped audit log: entries of one user, action, target and outcome within a clock hour
 * become one row, counted over everything that matches, and a group opens the entries it
 * stands for. Expectations are worked out by hand from tests/fixtures/audit-hours.ts.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let admin: string;
/** Fixture ids in time order: ids[i] is AUDIT_HOURS[i]. */
let ids: number[];

beforeAll(async () => {
  db = await testDb();
  app = testApp(db).app;
  ids = await loadAuditHours(db.sql);
  await addUser(db.sql, 'boss', 'admin', 'border_guard');
  admin = await signIn(app, 'boss');
});
afterAll(() => db.close());

/** The fixture's two days (bare dates are UTC days; `to` includes its day). */
const DAYS = 'from=2024-03-04&to=2024-03-05';

async function get(path: string) {
  const res = await app.request(path, { headers: { cookie: admin } });
  return { status: res.status, body: await res.json() };
}

const group = (
  hour: string,
  username: string | null,
  action: string,
  target: string | null,
  outcome: string,
  count: number,
  first: [number, string],
  last: [number, string],
  denials: number | null = null,
) => ({
  hour: `2024-03-0${hour}:00:00.000Z`,
  username,
  action,
  target,
  outcome,
  count,
  first_at: `2024-03-0${first[1]}.000Z`,
  last_at: `2024-03-0${last[1]}.000Z`,
  first_id: ids[first[0]],
  last_id: ids[last[0]],
  denials,
});

/** Every group of the fixture, newest hour first and, within an hour, latest entry first. */
const ALL = () => [
  group('5T02', null, 'login', null, 'failed', 1, [14, '5T02:05:00'], [14, '5T02:05:00']),
  group(
    '5T02',
    VIETNAMESE_NAME,
    'login',
    null,
    'failed',
    1,
    [13, '5T02:00:00'],
    [13, '5T02:00:00'],
  ),
  group(
    '4T19',
    'demo.planner',
    'patrol_route.update',
    'patrol_routes/13',
    'ok',
    1,
    [12, '4T19:20:00'],
    [12, '4T19:20:00'],
  ),
  group(
    '4T19',
    'demo.planner',
    'patrol_route.update',
    'patrol_routes/12',
    'ok',
    1,
    [11, '4T19:12:00'],
    [11, '4T19:12:00'],
  ),
  group(
    '4T19',
    'demo.planner',
    'patrol_route.update',
    'patrol_routes/12',
    'failed',
    1,
    [10, '4T19:10:00'],
    [10, '4T19:10:00'],
  ),
  group(
    '4T19',
    'demo.commander',
    'layer.read',
    'seizures',
    'ok',
    1,
    [9, '4T19:05:00'],
    [9, '4T19:05:00'],
  ),
  group(
    '4T18',
    'demo.commander',
    'layer.read',
    'seizures',
    'ok',
    4,
    [1, '4T18:13:00'],
    [8, '4T18:58:59'],
  ),
  group(
    '4T18',
    'demo.planner',
    'layer.read',
    'seizures',
    'ok',
    1,
    [6, '4T18:40:00'],
    [6, '4T18:40:00'],
  ),
  group(
    '4T18',
    null,
    'GET /api/layers/:id',
    '/api/layers/seizures',
    'denied',
    2,
    [0, '4T18:12:00'],
    [5, '4T18:31:00'],
    42,
  ),
  group(
    '4T18',
    'demo.commander',
    'POST /api/patrol-routes',
    '/api/patrol-routes',
    'denied',
    1,
    [4, '4T18:30:00'],
    [4, '4T18:30:00'],
  ),
  group(
    '4T18',
    'demo.commander',
    'layer.read',
    'patrol_routes',
    'ok',
    1,
    [2, '4T18:15:00'],
    [2, '4T18:15:00'],
  ),
];

describe('GET /api/audit/groups', () => {
  it('groups every matching entry by user, action, target, outcome and hour', async () => {
    const { status, body } = await get(`/api/audit/groups?${DAYS}`);
    expect(status).toBe(200);
    // The formula name is stored as sent: the CSV export neutralises it, not the log.
    expect(body.groups[0].username).toBe(FORMULA_NAME);
    const expected = ALL();
    expected[0].username = FORMULA_NAME;
    expect(body).toEqual({ total: 11, entries: 15, groups: expected });
  });

  it('pages the groups, newest first, counting all of them on every page', async () => {
    const first = await get(`/api/audit/groups?${DAYS}&limit=4`);
    const last = await get(`/api/audit/groups?${DAYS}&limit=4&offset=8`);
    const beyond = await get(`/api/audit/groups?${DAYS}&limit=4&offset=20`);
    const all = ALL();
    expect(first.body.groups.map((g: { last_id: number }) => g.last_id)).toEqual(
      all.slice(0, 4).map((g) => g.last_id),
    );
    expect(last.body.groups.map((g: { last_id: number }) => g.last_id)).toEqual(
      all.slice(8).map((g) => g.last_id),
    );
    expect([first.body.total, last.body.total, beyond.body.total]).toEqual([11, 11, 11]);
    expect(beyond.body.groups).toEqual([]);
  });

  it('groups under the filters, the target among them', async () => {
    const seizures = await get(`/api/audit/groups?${DAYS}&target=seizures`);
    expect(seizures.body.entries).toBe(6);
    expect(
      seizures.body.groups.map((g: { username: string; count: number; hour: string }) => [
        g.hour.slice(11, 13),
        g.username,
        g.count,
      ]),
    ).toEqual([
      ['19', 'demo.commander', 1],
      ['18', 'demo.commander', 4],
      ['18', 'demo.planner', 1],
    ]);
    const route12 = await get(`/api/audit/groups?${DAYS}&target=patrol_routes/12`);
    expect(route12.body.groups.map((g: { outcome: string }) => g.outcome)).toEqual([
      'ok',
      'failed',
    ]);
    // A Vietnam day: 05/03 runs from 17:00 UTC on the 4th, so it holds every fixture hour...
    const vnDay = await get(
      '/api/audit/groups?from=2024-03-05T00:00:00%2B07:00&to=2024-03-06T00:00:00%2B07:00',
    );
    expect(vnDay.body.entries).toBe(15);
    // ...and a bound inside an hour cuts its group: 18:30 onwards keeps 3 of the 4 reads' hour.
    const half = await get(
      '/api/audit/groups?from=2024-03-04T18:30:00Z&to=2024-03-04T19:00:00Z&username=demo.commander',
    );
    expect(
      half.body.groups.map((g: { action: string; count: number }) => [g.action, g.count]),
    ).toEqual([
      ['layer.read', 2],
      ['POST /api/patrol-routes', 1],
    ]);
  });

  it('answers an empty log with no groups, and refuses bad paging', async () => {
    expect((await get('/api/audit/groups?from=2020-01-01&to=2020-01-02')).body).toEqual({
      total: 0,
      entries: 0,
      groups: [],
    });
    expect((await get(`/api/audit/groups?${DAYS}&limit=201`)).status).toBe(400);
    expect((await get(`/api/audit/groups?${DAYS}&outcome=maybe`)).status).toBe(400);
    expect((await get(`/api/audit/groups?${DAYS}&target=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('refuses to group more entries than its cap, counting no further', async () => {
    const filter = { from: new Date('2024-03-04T00:00:00Z'), to: new Date('2024-03-06T00:00:00Z') };
    await expect(auditGroups(db.sql, filter, { limit: 10, offset: 0 }, 14)).rejects.toMatchObject({
      status: 400,
      code: 'too_many_rows',
      details: { max_rows: 14 },
    });
    const exact = await auditGroups(db.sql, filter, { limit: 1, offset: 0 }, 15);
    expect([exact.total, exact.entries]).toEqual([11, 15]);
  });

  it('is for administrators only', async () => {
    await addUser(db.sql, 'cmd', 'commander', 'border_guard');
    const commander = await signIn(app, 'cmd');
    for (const path of [
      '/api/audit/groups',
      '/api/audit/groups/entries',
      '/api/audit/export.csv',
    ]) {
      const res = await app.request(path, { headers: { cookie: commander } });
      expect(res.status).toBe(403);
    }
  });
});

describe('GET /api/audit/groups/entries', () => {
  const entries = async (query: string) => {
    const { status, body } = await get(`/api/audit/groups/entries?${query}`);
    expect(status).toBe(200);
    return {
      total: body.total,
      ids: body.entries.map((e: { id: number }) => e.id),
      entries: body.entries,
    };
  };

  it('opens exactly the entries a group stands for, newest first', async () => {
    const reads = await entries(
      'hour=2024-03-04T18:00:00Z&username=demo.commander&action=layer.read&target=seizures&outcome=ok',
    );
    expect(reads.total).toBe(4);
    expect(reads.ids).toEqual([ids[8], ids[7], ids[3], ids[1]]);
  });

  it('opens a group without a user or target, with the denials of each window', async () => {
    const anon = await entries(
      'hour=2024-03-04T18:00:00Z&action=GET+/api/layers/:id&target=/api/layers/seizures&outcome=denied',
    );
    expect(anon.ids).toEqual([ids[5], ids[0]]);
    expect(
      anon.entries.map(
        (e: { details: { denials_in_window: number } }) => e.details.denials_in_window,
      ),
    ).toEqual([5, 37]);
    const login = await entries(
      `hour=2024-03-05T02:00:00Z&username=${encodeURIComponent(VIETNAMESE_NAME)}&action=login&outcome=failed`,
    );
    expect(login.ids).toEqual([ids[13]]);
    expect(login.entries[0].target).toBeNull();
  });

  it('keeps to the date bounds the groups were made under', async () => {
    const cut = await entries(
      'hour=2024-03-04T18:00:00Z&username=demo.commander&action=layer.read&target=seizures&outcome=ok' +
        '&from=2024-03-04T18:30:00Z',
    );
    expect(cut.ids).toEqual([ids[8], ids[7]]);
  });

  it('needs a whole hour, an action and an outcome', async () => {
    for (const query of [
      'action=login&outcome=ok',
      'hour=2024-03-04T18:30:00Z&action=login&outcome=ok',
      'hour=2024-03-04T18:00:00Z&outcome=ok',
      'hour=2024-03-04T18:00:00Z&action=login',
    ]) {
      expect((await get(`/api/audit/groups/entries?${query}`)).status).toBe(400);
    }
  });
});

describe('GET /api/audit with a target', () => {
  it('filters entries by their exact target', async () => {
    const { body } = await get(`/api/audit?${DAYS}&target=patrol_routes/12`);
    expect(body.total).toBe(2);
    expect(body.entries.map((e: { id: number }) => e.id)).toEqual([ids[11], ids[10]]);
  });
});
