import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJson } from '../../src/lib/server/services/import';
import { loadMini } from '../fixtures/mini';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * Hostile and broken input: every request gets a 4xx with a message a person can act on, the
 * server keeps serving, and nothing stored changes.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let errors: unknown[];
let cookie: string;
let routeId: number;
let snapshot: string;

const LINE = [
  [105.01, 10.52],
  [105.1, 10.65],
];
const route = (geometry: unknown, over: object = {}) => ({
  name: 'H',
  province: 'an_giang',
  agency: 'customs',
  geometry,
  ...over,
});

async function tableState() {
  const rows = await db.sql`
    select (select count(*)::int from patrol_routes) as routes,
      (select string_agg(id || ':' || version || ':' || name, ',' order by id) from patrol_routes) as versions,
      (select count(*)::int from seizures) as seizures,
      (select count(*)::int from provinces) as provinces,
      (select count(*)::int from users) as users`;
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  ({ app, errors } = testApp(db, { maxBodyBytes: 5 * 1024 * 1024 }));
  await addUser(db.sql, 'planner', 'planner', 'customs');
  cookie = await signIn(app, 'planner');
  routeId = (
    await (
      await app.request(
        '/api/patrol-routes',
        json('POST', cookie, route({ type: 'LineString', coordinates: LINE })),
      )
    ).json()
  ).id;
  snapshot = await tableState();
});
afterAll(async () => {
  // The server still answers, logged no internal error, and nothing changed.
  expect((await app.request('/api/health')).status).toBe(200);
  expect(errors).toEqual([]);
  expect(await tableState()).toBe(snapshot);
  await db.close();
});

const post = (body: unknown) => app.request('/api/patrol-routes', json('POST', cookie, body));
const put = (body: unknown) =>
  app.request(`/api/patrol-routes/${routeId}`, json('PUT', cookie, body));

async function expectError(
  res: Response | Promise<Response>,
  status: number,
  message: string | RegExp,
) {
  const r = await res;
  expect(r.status).toBe(status);
  const body = await r.json();
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

describe('bodies', () => {
  it('malformed JSON', () =>
    expectError(post('{"name": "x", '), 400, 'The body is not valid JSON.'));
  it('NaN literal (not JSON)', () =>
    expectError(
      post(
        '{"name":"x","province":"an_giang","agency":"customs","geometry":{"type":"LineString","coordinates":[[NaN,10],[105,10.6]]}}',
      ),
      400,
      'The body is not valid JSON.',
    ));
  it('Infinity from an overflowing number', () =>
    expectError(
      post(
        '{"name":"x","province":"an_giang","agency":"customs","geometry":{"type":"LineString","coordinates":[[1e999,10.5],[105,10.6]]}}',
      ),
      422,
      'Invalid route geometry: coordinates[0]: coordinates must be finite numbers',
    ));
  it('swapped longitude and latitude', () =>
    expectError(
      post(
        route({
          type: 'LineString',
          coordinates: [
            [10.52, 105.01],
            [10.65, 105.1],
          ],
        }),
      ),
      422,
      'Invalid route geometry: coordinates[0]: [10.52, 105.01] looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]',
    ));
  it('a polygon where a line belongs', () =>
    expectError(
      post(
        route({
          type: 'Polygon',
          coordinates: [
            [
              [105, 10.5],
              [105.1, 10.5],
              [105.1, 10.6],
              [105, 10.5],
            ],
          ],
        }),
      ),
      422,
      'Invalid route geometry: geometry type must be LineString (got Polygon)',
    ));
  it('a 100,000-vertex line', () => {
    const coordinates = Array.from({ length: 100_000 }, (_, i) => [
      105.01 + (i % 1000) / 1e5,
      10.52 + Math.floor(i / 1000) / 1e5,
    ]);
    return expectError(
      post(route({ type: 'LineString', coordinates })),
      422,
      'Invalid route geometry: geometry has more than 10000 positions',
    );
  });
  it('deeply nested coordinates', () => {
    // Built as text: JSON.stringify itself overflows the stack at this depth.
    const deep = '['.repeat(100_000) + '105,10.5' + ']'.repeat(100_000);
    const body = `{"name":"x","province":"an_giang","agency":"customs","geometry":{"type":"LineString","coordinates":${deep}}}`;
    return expectError(
      post(body),
      422,
      'Invalid route geometry: geometry.coordinates nesting does not match a LineString',
    );
  });
  it('nesting one level too deep', () =>
    expectError(
      post(route({ type: 'LineString', coordinates: [LINE] })),
      422,
      'Invalid route geometry: geometry.coordinates nesting does not match a LineString',
    ));
  it('NUL characters', () =>
    expectError(
      post(route({ type: 'LineString', coordinates: LINE }, { name: 'a\u0000b' })),
      400,
      'Text may not contain NUL characters.',
    ));
  it('a nested GeometryCollection', () => {
    let g: object = { type: 'LineString', coordinates: LINE };
    for (let i = 0; i < 1000; i++) g = { type: 'GeometryCollection', geometries: [g] };
    return expectError(
      post(route(g)),
      422,
      'Invalid route geometry: geometry type must be LineString (got GeometryCollection)',
    );
  });
  it('an oversized body', () =>
    expectError(post('x'.repeat(5 * 1024 * 1024 + 1)), 413, 'Request body exceeds 5242880 bytes'));
  it('unknown and missing fields', async () => {
    await expectError(
      post({ ...route({ type: 'LineString', coordinates: LINE }), colour: 'red' }),
      400,
      /^Invalid body: \(body\): Unrecognized key: "colour"/,
    );
    await expectError(post({ name: 'x' }), 400, /^Invalid body: province: Invalid option/);
  });
  it('out-of-range numbers', async () => {
    await expectError(
      post(route({ type: 'LineString', coordinates: LINE }, { radius_m: -5 })),
      400,
      'Invalid body: radius_m: Too small: expected number to be >0',
    );
    await expectError(
      post(route({ type: 'LineString', coordinates: LINE }, { shifts_per_week: 1e9 })),
      400,
      'Invalid body: shifts_per_week: Too big: expected number to be <=84',
    );
  });
  it('a stale or absurd version', async () => {
    await expectError(
      put({ ...route({ type: 'LineString', coordinates: LINE }), version: 0 }),
      400,
      'Invalid body: version: Too small: expected number to be >=1',
    );
    await expectError(
      put({ ...route({ type: 'LineString', coordinates: LINE }), version: 7 }),
      409,
      /was changed by someone else/,
    );
  });
  it('text that is not JSON', () =>
    expectError(
      app.request('/api/patrol-routes', {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/plain' },
        body: '{}',
      }),
      415,
      'Send the body as application/json (or text/csv for imports).',
    ));
  it('a cross-site request, recorded as denied', async () => {
    await app.request('/api/patrol-routes', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    const [row] =
      await db.sql`select action, outcome, details from audit_log where outcome = 'denied' order by id desc limit 1`;
    expect(row).toEqual({
      action: 'POST /api/patrol-routes',
      outcome: 'denied',
      details: { status: 403, reason: 'cross_site', origin: 'https://evil.example', site: null },
    });
  });
  it('an opaque origin ("null", e.g. a sandboxed frame)', () =>
    expectError(
      app.request('/api/patrol-routes', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: 'null' },
        body: '{}',
      }),
      403,
      'Cross-site requests may not change data.',
    ));
  it('a cross-site request', () =>
    expectError(
      app.request('/api/patrol-routes', {
        ...json('POST', cookie, route({ type: 'LineString', coordinates: LINE })),
        headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      }),
      403,
      'Cross-site requests may not change data.',
    ));
});

describe('SQL meta-characters in every parameter', () => {
  const evil = ["'", "';--", '" or 1=1 --', '1; drop table seizures', '$1', '\\', '%', '\u0000'];
  const params = ['province', 'bbox', 'from', 'to', 'category', 'agency', 'limit', 'offset'];
  it.each(params)('%s', async (param) => {
    for (const value of evil) {
      const res = await app.request(`/api/layers/seizures?${param}=${encodeURIComponent(value)}`, {
        headers: { cookie },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(new RegExp(`^${param}: `));
    }
  });
  it('route ids and versions', async () => {
    for (const value of evil) {
      const id = encodeURIComponent(value);
      expect((await app.request(`/api/patrol-routes/${id}`, { headers: { cookie } })).status).toBe(
        404,
      );
      expect(
        (
          await app.request(`/api/patrol-routes/${routeId}?version=${id}`, {
            method: 'DELETE',
            headers: { cookie },
          })
        ).status,
      ).toBe(400);
    }
  });
  it('login fields', async () => {
    for (const value of evil) {
      const res = await app.request(
        '/api/auth/login',
        json('POST', undefined, { username: value, password: value }),
      );
      expect([400, 401]).toContain(res.status);
    }
  });
  it('names are stored as text, never run', async () => {
    const res = await post(
      route({ type: 'LineString', coordinates: LINE }, { name: "x'); drop table seizures; --" }),
    );
    expect(res.status).toBe(201);
    const { id, properties } = await res.json();
    expect(properties.name).toBe("x'); drop table seizures; --");
    // Put the state back as it was for the final check.
    expect(
      (
        await app.request(`/api/patrol-routes/${id}?version=1`, {
          method: 'DELETE',
          headers: { cookie },
        })
      ).status,
    ).toBe(204);
  });
});

describe('rings on import', () => {
  const province = (coordinates: unknown) =>
    JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates },
      properties: { id: 'an_giang', name_vi: 'A', name_en: 'A', neighbour: 'KH' },
    });
  it('an unclosed ring', async () => {
    const report = await importGeoJson(
      db.sql,
      'provinces',
      province([
        [
          [105, 10.5],
          [105.1, 10.5],
          [105.1, 10.6],
          [105, 10.6],
        ],
      ]),
    );
    expect(report.rejected[0].problems).toEqual([
      'coordinates[0]: ring is not closed (first position must equal the last)',
    ]);
  });
  it('a self-intersecting ring', async () => {
    const report = await importGeoJson(
      db.sql,
      'provinces',
      province([
        [
          [105, 10.5],
          [105.1, 10.6],
          [105.1, 10.5],
          [105, 10.6],
          [105, 10.5],
        ],
      ]),
    );
    expect(report.rejected[0].problems[0]).toMatch(
      /^invalid geometry: Self-intersection\[105\.05 10\.55\]/,
    );
  });
});
