import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * GET /api/objects/{id} says whether the caller may edit (`can.edit`), so the /info page offers
 * the edit form exactly to those whose PUT the server accepts: the author, or a commander,
 * analyst or admin of the author's agency.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
const who: Record<string, string> = {};
let boat = 0;

const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } });

beforeAll(async () => {
  db = await testDb();
  ({ app } = testApp(db));
  await loadMini(db.sql);
  await addUser(db.sql, 'bg.planner', 'planner', 'border_guard', 'bp_tinh_bien');
  await addUser(db.sql, 'bg.planner2', 'planner', 'border_guard', 'bp_vinh_xuong');
  await addUser(db.sql, 'bg.analyst', 'analyst', 'border_guard', 'bp_vinh_xuong');
  await addUser(db.sql, 'bg.admin', 'admin', 'border_guard');
  await addUser(db.sql, 'hq.commander', 'commander', 'customs', 'hq_tinh_bien');
  for (const name of ['bg.planner', 'bg.planner2', 'bg.analyst', 'bg.admin', 'hq.commander'])
    who[name] = await signIn(app, name);
  const res = await app.request(
    '/api/objects',
    json('POST', who['bg.planner'], {
      kind: 'boat',
      identifier: 'AG-RIGHTS-01',
      province: 'an_giang',
      distribution: 'both',
      tlp: 'green',
    }),
  );
  expect(res.status).toBe(201);
  boat = (await res.json()).id;
});
afterAll(() => db.close());

describe('who may edit an object, as the detail says', () => {
  it.each([
    ['bg.planner', true], // the author, though a planner
    ['bg.analyst', true], // an analyst of the author's agency
    ['bg.admin', true], // an admin of the author's agency
    ['bg.planner2', false], // a planner who did not write it
    ['hq.commander', false], // the other force sees it but may not change it
  ])('%s: can.edit is %s', async (name, edit) => {
    const body = await (await get(`/api/objects/${boat}`, who[name])).json();
    expect(body.can).toEqual({ edit });
  });

  it('matches what PUT accepts: the refused planner gets 403, the analyst 200', async () => {
    const current = await (await get(`/api/objects/${boat}`, who['bg.analyst'])).json();
    const change = {
      kind: 'boat',
      province: 'an_giang',
      distribution: 'both',
      tlp: 'amber',
      version: current.version,
    };
    const refused = await app.request(
      `/api/objects/${boat}`,
      json('PUT', who['bg.planner2'], change),
    );
    expect(refused.status).toBe(403);
    const ok = await app.request(`/api/objects/${boat}`, json('PUT', who['bg.analyst'], change));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, tlp: 'amber', can: { edit: true } });
  });
});
