import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { connect } from '../../src/lib/server/db/client';
import { prepareSchema } from '../../src/lib/server/db/prepare';
import { importGeoJson } from '../../src/lib/server/services/import';
import { addUser } from '../../src/lib/server/services/users';
import { ROOT, signInTo, startApp, type AppProcess } from '../lib/app-process';

/**
 * Two app instances on one PostGIS, the path for users who outgrow one machine: the app keeps
 * no state of its own, so a session, a version check and the login limit hold across both.
 * The instances run as a runtime role that owns nothing (PROCESS_DATABASE_URL) and migrate as
 * the owner (PROCESS_MIGRATION_DATABASE_URL). Without a PostGIS (PGlite belongs to one process)
 * there is nothing to test; .ci/run sets both.
 */
const url = process.env.PROCESS_DATABASE_URL;
const ownerUrl = process.env.PROCESS_MIGRATION_DATABASE_URL;
const PLANNER = { username: 'two.planner', password: 'two instances passphrase 1' };
let a: AppProcess;
let b: AppProcess;

async function prepare() {
  const config = loadConfig({ DATABASE_URL: url, MIGRATION_DATABASE_URL: ownerUrl });
  const db = await connect({ ...config, databaseUrl: ownerUrl ?? url });
  try {
    await prepareSchema(config, db);
    const provinces = readFileSync(join(ROOT, 'geodata/provinces.geojson'), 'utf8');
    await importGeoJson(db.sql, 'provinces', provinces);
    const [row] =
      await db.sql`select count(*)::int as n from users where username = ${PLANNER.username}`;
    if (row.n === 0) await addUser(db.sql, { ...PLANNER, role: 'planner', agency: 'customs' });
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  if (!url) return;
  await prepare();
  const env = { DATABASE_URL: url, ...(ownerUrl ? { MIGRATION_DATABASE_URL: ownerUrl } : {}) };
  [a, b] = await Promise.all([startApp(env), startApp(env)]);
  await Promise.all([a.ready(), b.ready()]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const call = (app: AppProcess, path: string, cookie: string, init: RequestInit = {}) =>
  fetch(app.baseUrl + path, {
    ...init,
    headers: { 'content-type': 'application/json', cookie, ...(init.headers ?? {}) },
  });

describe.runIf(url)('two instances on one PostGIS', () => {
  it('share sessions: made on one, used and ended on the other', async () => {
    const cookie = await signInTo(a.baseUrl, PLANNER.username, PLANNER.password);
    const me = await call(b, '/api/auth/me', cookie);
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe(PLANNER.username);
    expect((await call(b, '/api/auth/logout', cookie, { method: 'POST' })).status).toBe(200);
    expect((await call(a, '/api/auth/me', cookie)).status).toBe(401);
  });

  it('refuse a stale edit made through the other instance with 409', async () => {
    const cookie = await signInTo(a.baseUrl, PLANNER.username, PLANNER.password);
    const body = {
      name: 'Two instances',
      province: 'lang_son',
      agency: 'customs',
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.75, 21.9],
          [106.8, 21.95],
        ],
      },
    };
    const created = await call(a, '/api/patrol-routes', cookie, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const edit = (app: AppProcess, name: string) =>
      call(app, `/api/patrol-routes/${id}`, cookie, {
        method: 'PUT',
        body: JSON.stringify({ ...body, name, version: 1 }),
      });
    expect((await edit(b, 'Edited on B')).status).toBe(200);
    const stale = await edit(a, 'Edited on A from version 1');
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.details.current.properties).toMatchObject({ name: 'Edited on B', version: 2 });
  });

  it('count the login limit across both', async () => {
    const name = `ghost.${Date.now().toString(36)}`;
    const tryLogin = (app: AppProcess) =>
      fetch(`${app.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: name, password: 'wrong' }),
      });
    const statuses = [];
    for (const app of [a, b, a, b, a]) statuses.push((await tryLogin(app)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await tryLogin(b)).status).toBe(429);
    expect((await tryLogin(a)).status).toBe(429);
  });
});
