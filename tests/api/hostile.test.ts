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
let adminCookie: string;
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
  await addUser(db.sql, 'admin', 'admin', 'customs');
  adminCookie = await signIn(app, 'admin');
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

/** Issue 6, finding 3: input that got a 500, or was accepted and stored, before. */
describe('out-of-range numbers and dates', () => {
  const get = (path: string, who = cookie) => app.request(path, { headers: { cookie: who } });

  it('a date before the year 1900 (year 0 made PostgreSQL fail)', async () => {
    await expectError(
      get('/api/layers/seizures?from=0000-01-01'),
      400,
      'from: the year must lie between 1900 and 2100',
    );
    await expectError(
      get('/api/layers/seizures?to=9999-12-31T00:00:00Z'),
      400,
      'to: the year must lie between 1900 and 2100',
    );
    await expectError(
      get('/api/audit?from=0000-01-01', adminCookie),
      400,
      'from: the year must lie between 1900 and 2100',
    );
  });
  it('a version beyond PostgreSQL integer in a PUT body', async () => {
    await expectError(
      put({ ...route({ type: 'LineString', coordinates: LINE }), version: 2147483648 }),
      400,
      'Invalid body: version: Too big: expected number to be <=2147483647',
    );
    await expectError(
      put({ ...route({ type: 'LineString', coordinates: LINE }), version: 1e300 }),
      400,
      /^Invalid body: version: /,
    );
  });
  it('a version beyond PostgreSQL integer in ?version=', () =>
    expectError(
      app.request(`/api/patrol-routes/${routeId}?version=2147483648`, {
        method: 'DELETE',
        headers: { cookie },
      }),
      400,
      'version: must be a whole number from 1 to 2147483647',
    ));
  it('numbers that only JavaScript reads as numbers', async () => {
    await expectError(
      get('/api/layers/seizures?bbox=0x10,1,20,30'),
      400,
      /^bbox: every value must be a finite number written as a plain decimal/,
    );
    await expectError(
      get('/api/layers/seizures?bbox=1e2,1,120,30'),
      400,
      /^bbox: every value must be a finite number written as a plain decimal/,
    );
    // '+' in a query is a space; %2B is the plus sign itself: neither makes a number.
    await expectError(
      get('/api/layers/seizures?bbox=%2B104,10,105,11'),
      400,
      /^bbox: every value must be a finite number written as a plain decimal/,
    );
    await expectError(
      get('/api/layers/seizures?limit=0x10'),
      400,
      'limit: must be a whole number from 1 to 10000',
    );
    await expectError(
      get('/api/layers/seizures?offset=+1'),
      400,
      'offset: must be a whole number from 0 to 100000',
    );
  });
});

describe('3-D coordinates', () => {
  const Z = 'positions must be 2-D [longitude, latitude]; Z values are not accepted';
  const line3d = {
    type: 'LineString',
    coordinates: [
      [105.01, 10.52, 12],
      [105.1, 10.65, 14],
    ],
  };
  it('in a new route', () =>
    expectError(post(route(line3d)), 422, `Invalid route geometry: coordinates[0]: ${Z}`));
  it('in an edit', () =>
    expectError(
      put({ ...route(line3d), version: 1 }),
      422,
      `Invalid route geometry: coordinates[0]: ${Z}`,
    ));
  it('on import', async () => {
    const report = await importGeoJson(
      db.sql,
      'seizures',
      JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [105.1, 10.6, 12] },
        properties: {
          occurred_at: '2024-01-01',
          category: 'fuel',
          lead_agency: 'customs',
          transport_mode: 'boat',
        },
      }),
    );
    expect(report.rejected).toEqual([{ index: 0, problems: [`coordinates: ${Z}`] }]);
  });
});

describe('text that hides or disguises itself', () => {
  const named = (over: object) => post(route({ type: 'LineString', coordinates: LINE }, over));
  const EMPTY = 'must not be empty (spaces and invisible characters do not count)';

  it('a name of only zero-width and invisible characters', async () => {
    await expectError(named({ name: '\u200B\u200B\u200B' }), 400, `Invalid body: name: ${EMPTY}`);
    await expectError(
      named({ name: '\uFEFF\u200D\u00AD \u2060' }),
      400,
      `Invalid body: name: ${EMPTY}`,
    );
  });
  it('an RTL override or an isolate in a name', async () => {
    await expectError(
      named({ name: 'Tuyến \u202Eđông' }),
      400,
      'Invalid body: name: contains a bidirectional control character (U+202E), which can disguise how text reads',
    );
    await expectError(
      named({ name: '\u2067x\u2069' }),
      400,
      /^Invalid body: name: contains a bidirectional control character \(U\+2067\)/,
    );
  });
  it('ANSI escapes and C1 controls in a name', async () => {
    await expectError(
      named({ name: '\u001B[2J\u001B[31mTuyến' }),
      400,
      'Invalid body: name: contains a control character (U+001B); this field takes one line of text',
    );
    await expectError(
      named({ name: 'x\u009B2J' }),
      400,
      'Invalid body: name: contains a control character (U+009B); this field takes one line of text',
    );
  });
  it('a lone surrogate in a name', () =>
    expectError(
      named({ name: 'x\uD800' }),
      400,
      'Invalid body: name: contains a lone surrogate (U+D800), which is not valid Unicode text',
    ));
  it('the same rules for the unit, and in an edit', async () => {
    await expectError(named({ unit: '\u200B' }), 400, `Invalid body: unit: ${EMPTY}`);
    await expectError(
      put({
        ...route({ type: 'LineString', coordinates: LINE }, { unit: 'a\u202Eb' }),
        version: 1,
      }),
      400,
      /^Invalid body: unit: contains a bidirectional control character/,
    );
  });
  it('a name stored composed (NFC) and trimmed', async () => {
    const res = await named({ name: '\u200B Vie\u0302\u0323t \uFEFF' });
    expect(res.status).toBe(201);
    const { id, properties } = await res.json();
    expect(properties.name).toBe('Vi\u1EC7t');
    const [row] = await db.sql`select name from patrol_routes where id = ${id}`;
    expect(row.name).toBe('Vi\u1EC7t');
    expect(
      (
        await app.request(`/api/patrol-routes/${id}?version=1`, {
          method: 'DELETE',
          headers: { cookie },
        })
      ).status,
    ).toBe(204);
  });
  it('a login username with escapes is refused before it is counted or stored', async () => {
    const [before] = await db.sql`select count(*)::int as n from audit_log`;
    await expectError(
      app.request(
        '/api/auth/login',
        json('POST', undefined, { username: '\u001B[31madmin', password: 'x' }),
      ),
      400,
      'Invalid body: username: contains a control character (U+001B); this field takes one line of text',
    );
    await expectError(
      app.request(
        '/api/auth/login',
        json('POST', undefined, { username: '\u200B', password: 'x' }),
      ),
      400,
      `Invalid body: username: ${EMPTY}`,
    );
    const [after] = await db.sql`select count(*)::int as n from audit_log`;
    expect(after.n).toBe(before.n);
  });
  it('text properties on import', async () => {
    const gate = (properties: object) => ({
      type: 'Feature',
      id: 'g-text',
      geometry: { type: 'Point', coordinates: [105.1, 10.6] },
      properties: {
        province: 'an_giang',
        name_vi: 'Cửa khẩu',
        name_en: 'Gate',
        kind: 'main',
        mode: 'road',
        ...properties,
      },
    });
    const report = await importGeoJson(
      db.sql,
      'border_gates',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          gate({ name_vi: '\u200B\u200C' }),
          gate({ name_en: 'Gate\u001B[0m' }),
          gate({ name_en: 'Gate \u2066A\u2069' }),
        ],
      }),
    );
    expect(report.rejected.map((r) => r.problems)).toEqual([
      [`name_vi: ${EMPTY}`],
      ['name_en: contains a control character (U+001B); this field takes one line of text'],
      [
        'name_en: contains a bidirectional control character (U+2066), which can disguise how text reads',
      ],
    ]);
  });
  it('a seizure date outside 1900 to 2100 on import', async () => {
    const report = await importGeoJson(
      db.sql,
      'seizures',
      JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [105.1, 10.6] },
        properties: {
          occurred_at: '0000-01-01',
          category: 'fuel',
          lead_agency: 'customs',
          transport_mode: 'boat',
          goods: 'x\u202Ey',
        },
      }),
    );
    expect(report.rejected[0].problems).toEqual([
      'occurred_at: the year must lie between 1900 and 2100',
      'goods: contains a bidirectional control character (U+202E), which can disguise how text reads',
    ]);
  });
});

describe('the query string itself', () => {
  const get = (path: string, who = cookie) => app.request(path, { headers: { cookie: who } });
  const TWICE = 'given more than once; send it once (lists are comma-separated)';

  it('a repeated parameter, on every route that reads the query', async () => {
    await expectError(
      get('/api/layers/seizures?province=an_giang&province=lang_son'),
      400,
      `province: ${TWICE}`,
    );
    await expectError(
      get('/api/patrol-routes?agency=customs&agency=joint'),
      400,
      `agency: ${TWICE}`,
    );
    await expectError(get('/api/audit?limit=1&limit=2', adminCookie), 400, `limit: ${TWICE}`);
    await expectError(
      app.request(`/api/patrol-routes/${routeId}?version=1&version=1`, {
        method: 'DELETE',
        headers: { cookie },
      }),
      400,
      `version: ${TWICE}`,
    );
  });
  it('malformed percent-encoding', async () => {
    await expectError(
      get('/api/layers/seizures?from=%E0%A4%A'),
      400,
      'from: malformed percent-encoding',
    );
    await expectError(
      get('/api/audit?username=%FF', adminCookie),
      400,
      'username: malformed percent-encoding',
    );
  });
  it('a NUL in a free-text filter (PostgreSQL text cannot hold it)', () =>
    expectError(
      get('/api/audit?username=a%00b', adminCookie),
      400,
      'username: contains a control character (U+0000); this field takes one line of text',
    ));
});

describe('a body the server refuses while it is read', () => {
  it('answers 413 JSON when the stream fails with status 413 (adapter-node BODY_SIZE_LIMIT)', async () => {
    // What adapter-node does past BODY_SIZE_LIMIT: the body stream errors with a SvelteKitError
    // carrying status 413. No Content-Length, so Hono's limit has to read to find out.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "'));
        controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
      },
    });
    await expectError(
      app.request('/api/patrol-routes', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
      413,
      'Request body exceeds 5242880 bytes',
    );
  });
});
