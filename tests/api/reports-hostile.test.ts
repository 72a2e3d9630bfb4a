/**
 * Hostile inputs on the report endpoints: oversized text and bodies, bad geometry, forged
 * distributions and authorship, impossible dates, a stale version. Each is refused with its 4xx
 * and leaves every register table (reports, units, handovers, events, links) and the edited
 * report exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, client, registerState, reportWorld, type ReportWorld } from '../fixtures/reports';

let w: ReportWorld;
let api: ReturnType<typeof client>;
let target: number;

beforeAll(async () => {
  w = await reportWorld();
  api = client(w);
  target = (await api.create('bg.analyst', BASE)).id;
});
afterAll(() => w.db.close());

const ring = (n: number) => {
  // n + 1 positions on a small circle in the An Giang square, closed.
  const points = Array.from({ length: n }, (_, i) => [
    105.1 + 0.05 * Math.cos((2 * Math.PI * i) / n),
    10.6 + 0.05 * Math.sin((2 * Math.PI * i) / n),
  ]);
  return [...points, points[0]];
};

/** [what, body change, status, code] */
const HOSTILE: [string, Record<string, unknown>, number, string][] = [
  ['text over 4000 characters', { text: 'x'.repeat(4001) }, 400, 'invalid_body'],
  ['title over 200 characters', { title: 't'.repeat(201) }, 400, 'invalid_body'],
  ['an empty title', { title: ' \u200B ' }, 400, 'invalid_body'],
  ['a bidi control in the text', { text: 'abc\u202Edef' }, 400, 'invalid_body'],
  ['an escape character in the title', { title: 'a\u001b[31mb' }, 400, 'invalid_body'],
  // Geometry: 422 invalid_geometry for anything that is not a usable shape.
  [
    'a self-intersecting polygon',
    {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105.05, 10.55],
            [105.15, 10.65],
            [105.15, 10.55],
            [105.05, 10.65],
            [105.05, 10.55],
          ],
        ],
      },
    },
    422,
    'invalid_geometry',
  ],
  [
    'lat/lon swapped',
    { geometry: { type: 'Point', coordinates: [10.6, 105.1] } },
    422,
    'invalid_geometry',
  ],
  [
    'outside the area',
    { geometry: { type: 'Point', coordinates: [0, 0] } },
    422,
    'invalid_geometry',
  ],
  [
    'text coordinates',
    { geometry: { type: 'Point', coordinates: ['105.1', '10.6'] } },
    422,
    'invalid_geometry',
  ],
  [
    'a Z value',
    { geometry: { type: 'Point', coordinates: [105.1, 10.6, 5] } },
    422,
    'invalid_geometry',
  ],
  [
    'a MultiPoint',
    { geometry: { type: 'MultiPoint', coordinates: [[105.1, 10.6]] } },
    422,
    'invalid_geometry',
  ],
  [
    'an unclosed ring',
    { geometry: { type: 'Polygon', coordinates: [ring(5).slice(0, 5)] } },
    422,
    'invalid_geometry',
  ],
  [
    '2001 vertices',
    { geometry: { type: 'Polygon', coordinates: [ring(2000)] } },
    422,
    'invalid_geometry',
  ],
  ['geometry as WKT text', { geometry: 'POINT(105.1 10.6)' }, 422, 'invalid_geometry'],
  [
    'a line of one position',
    {
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.1, 10.6],
          [105.1, 10.6],
        ],
      },
    },
    422,
    'invalid_geometry',
  ],
  // Inside the area of operations but in no province outline, or not in the one stated.
  [
    'a point in no province',
    { geometry: { type: 'Point', coordinates: [104.5, 10.0] } },
    400,
    'outside_province',
  ],
  ['a point outside the stated province', { province: 'lang_son' }, 400, 'outside_province'],
  ['an unknown place', { geometry: undefined, place: 'border_gates:zz' }, 400, 'unknown_place'],
  [
    'a place of another layer',
    { geometry: undefined, place: 'provinces:an_giang' },
    400,
    'invalid_body',
  ],
  [
    'a place with SQL in it',
    { geometry: undefined, place: "trails:t1';drop table reports;--" },
    400,
    'invalid_body',
  ],
  ['both geometry and place', { place: 'border_gates:g1' }, 400, 'invalid_body'],
  ['neither geometry nor place', { geometry: undefined }, 400, 'invalid_body'],
  // Forged distribution and authorship.
  ['an unknown unit', { distribution: 'units', units: ['bp_nowhere'] }, 400, 'unknown_unit'],
  ['a unit id with SQL', { distribution: 'units', units: ["x' or 1=1--"] }, 400, 'invalid_body'],
  ['units without a list', { distribution: 'units' }, 400, 'invalid_body'],
  ['units with an empty list', { distribution: 'units', units: [] }, 400, 'invalid_body'],
  ['a unit list with both', { distribution: 'both', units: ['hq_tinh_bien'] }, 400, 'invalid_body'],
  ['TLP red to both forces', { tlp: 'red' }, 400, 'invalid_body'],
  ['TLP red to the own agency', { tlp: 'red', distribution: 'own_agency' }, 400, 'invalid_body'],
  ['an unknown distribution', { distribution: 'everyone' }, 400, 'invalid_body'],
  ['an agency in the body', { agency: 'customs' }, 400, 'invalid_body'],
  ['an author in the body', { author: 'cu.commander' }, 400, 'invalid_body'],
  ['a unit in the body', { unit: 'hq_tinh_bien' }, 400, 'invalid_body'],
  ['a status in the body', { status: 'closed' }, 400, 'invalid_body'],
  // Ratings and dates.
  ['credibility 7', { credibility: 7 }, 400, 'invalid_body'],
  ['credibility 2.5', { credibility: 2.5 }, 400, 'invalid_body'],
  ['credibility as text', { credibility: '2' }, 400, 'invalid_body'],
  ['reliability G', { reliability: 'G' }, 400, 'invalid_body'],
  ['an unknown kind', { kind: 'submarine' }, 400, 'invalid_body'],
  ['received tomorrow', { received_at: '2026-11-11T02:00:00Z' }, 400, 'invalid_body'],
  ['received on 30 February', { received_at: '2026-02-30' }, 400, 'invalid_body'],
  [
    'observed to before from',
    { observed_from: '2026-11-09T20:00', observed_to: '2026-11-09T19:00' },
    400,
    'invalid_body',
  ],
];

describe('POST /api/reports refuses hostile bodies and writes nothing', () => {
  it.each(HOSTILE)('%s', async (_what, change, status, code) => {
    const before = await registerState(w.db, target);
    const res = await api.send('POST', '/api/reports', 'cu.commander', { ...BASE, ...change });
    expect(res.status, await res.clone().text()).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await registerState(w.db, target)).toEqual(before);
  });

  it('refuses a body past the size limit with 413', async () => {
    const before = await registerState(w.db, target);
    const res = await api.send('POST', '/api/reports', 'cu.commander', {
      ...BASE,
      text: 'x'.repeat(6 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await registerState(w.db, target)).toEqual(before);
  });

  it('refuses a body that is not JSON, or holds a NUL', async () => {
    const before = await registerState(w.db, target);
    for (const raw of ['{"title": ', JSON.stringify({ ...BASE, text: 'a\u0000b' })]) {
      const res = await api.send('POST', '/api/reports', 'cu.commander', raw);
      expect(res.status).toBe(400);
    }
    expect(await registerState(w.db, target)).toEqual(before);
  });
});

describe('PUT /api/reports/{id} refuses hostile bodies and changes nothing', () => {
  it.each(HOSTILE)('%s', async (_what, change, status, code) => {
    const before = await registerState(w.db, target);
    const res = await api.send('PUT', `/api/reports/${target}`, 'bg.analyst', {
      ...BASE,
      ...change,
      version: 1,
    });
    expect(res.status, await res.clone().text()).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await registerState(w.db, target)).toEqual(before);
  });

  it('refuses a stale version with 409, a version of 0 or too large with 400', async () => {
    const ok = await api.send('PUT', `/api/reports/${target}`, 'bg.analyst', {
      ...BASE,
      title: 'Đã sửa',
      version: 1,
    });
    expect(ok.status).toBe(200);
    const before = await registerState(w.db, target);
    for (const [version, status] of [
      [1, 409],
      [0, 400],
      [2 ** 31, 400],
      ['2', 400],
    ] as const) {
      const res = await api.send('PUT', `/api/reports/${target}`, 'bg.analyst', {
        ...BASE,
        title: 'Ghi đè',
        version,
      });
      expect(res.status, String(version)).toBe(status);
    }
    expect(before.row).toMatchObject({ version: 2, title: 'Đã sửa' });
    expect(await registerState(w.db, target)).toEqual(before);
  });
});

describe('the handover endpoints refuse hostile bodies and change nothing', () => {
  it.each([
    ['a reason over 1000 characters', { value: 'valuable', reason: 'r'.repeat(1001) }],
    ['an empty reason', { value: 'valuable', reason: '' }],
    ['an unknown value', { value: 'great', reason: 'x' }],
    [
      'an action over 2000 characters',
      { value: 'valuable', reason: 'x', action_taken: 'a'.repeat(2001) },
    ],
    [
      'an assessor named in the body',
      { value: 'valuable', reason: 'x', assessed_by: 'bg.analyst' },
    ],
  ])('assessment with %s', async (_what, body) => {
    const before = await registerState(w.db, target);
    const res = await api.send('POST', `/api/reports/${target}/assessment`, 'cu.commander', body);
    expect(res.status).toBe(400);
    expect(await registerState(w.db, target)).toEqual(before);
  });

  it('an acknowledgement with anything in its body', async () => {
    const before = await registerState(w.db, target);
    const res = await api.send('POST', `/api/reports/${target}/acknowledge`, 'cu.commander', {
      acknowledged_at: '2020-01-01T00:00:00Z',
    });
    expect(res.status).toBe(400);
    expect(await registerState(w.db, target)).toEqual(before);
  });
});
