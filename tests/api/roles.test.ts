import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/server/auth/roles';
import { loadMini } from '../fixtures/mini';
import { json, signInEveryRole } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookies: Record<Role, string>;
let routeId: number;
const LINE = {
  type: 'LineString',
  coordinates: [
    [105.01, 10.52],
    [105.1, 10.65],
  ],
};
const body = { name: 'R', province: 'an_giang', agency: 'joint', geometry: LINE };

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  cookies = await signInEveryRole(app, db.sql);
  routeId = (
    await (await app.request('/api/patrol-routes', json('POST', cookies.admin, body))).json()
  ).id;
});
afterAll(() => db.close());

type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', 'admin', 'commander', 'planner', 'analyst'];

/** Expected status per caller for each kind of route: the server's authorisation contract. */
const MATRIX: {
  name: string;
  request: (cookie?: string) => Response | Promise<Response>;
  expect: Record<Who, number>;
}[] = [
  {
    name: 'read a layer',
    request: (cookie) => app.request('/api/layers/seizures', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 200, planner: 200, analyst: 200 },
  },
  {
    name: 'read the stats',
    request: (cookie) => app.request('/api/stats', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 200, planner: 200, analyst: 200 },
  },
  {
    name: 'list layers',
    request: (cookie) => app.request('/api/layers', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 200, planner: 200, analyst: 200 },
  },
  {
    name: 'list patrol routes',
    request: (cookie) => app.request('/api/patrol-routes', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 200, planner: 200, analyst: 200 },
  },
  {
    name: 'create a patrol route',
    request: (cookie) => app.request('/api/patrol-routes', json('POST', cookie, body)),
    expect: { anonymous: 401, admin: 201, commander: 403, planner: 201, analyst: 403 },
  },
  {
    name: 'edit a patrol route (stale version after the first success)',
    request: (cookie) =>
      app.request(`/api/patrol-routes/${routeId}`, json('PUT', cookie, { ...body, version: 1 })),
    // admin edits version 1 first, so the planner's version 1 is stale: 409 proves it was authorised.
    expect: { anonymous: 401, admin: 200, commander: 403, planner: 409, analyst: 403 },
  },
  {
    name: 'delete a patrol route',
    request: (cookie) =>
      app.request(`/api/patrol-routes/${routeId}?version=99`, {
        method: 'DELETE',
        headers: cookie ? { cookie } : {},
      }),
    expect: { anonymous: 401, admin: 409, commander: 403, planner: 409, analyst: 403 },
  },
  {
    name: 'read the audit log',
    request: (cookie) => app.request('/api/audit', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 403, planner: 403, analyst: 403 },
  },
  {
    name: 'who am I',
    request: (cookie) => app.request('/api/auth/me', { headers: cookie ? { cookie } : {} }),
    expect: { anonymous: 401, admin: 200, commander: 200, planner: 200, analyst: 200 },
  },
];

describe.each(MATRIX)('$name', ({ request, expect: expected }) => {
  it.each(WHO)('as %s', async (who) => {
    const res = await request(who === 'anonymous' ? undefined : cookies[who]);
    expect(res.status).toBe(expected[who]);
  });
});

describe('denied requests', () => {
  it('are recorded in the audit log with the status', async () => {
    await app.request('/api/audit', { headers: { cookie: cookies.analyst } });
    const [row] = await db.sql`
      select username, role, action, target, outcome, details from audit_log
      where outcome = 'denied' and username = 'analyst1' order by id desc limit 1`;
    expect(row).toEqual({
      username: 'analyst1',
      role: 'analyst',
      action: 'GET /api/audit',
      target: '/api/audit',
      outcome: 'denied',
      details: { status: 403, permission: 'view_audit' },
    });
  });
});
