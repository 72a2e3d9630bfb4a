import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let cookie: string;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  await addUser(db.sql, 'viewer', 'commander');
  cookie = await signIn(app, 'viewer');
});
afterAll(() => db.close());

const BASE = 'http://localhost/api/ogc';
const get = (path: string) => app.request(`${BASE}${path}`, { headers: { cookie } });
type Feature = { id: number | string; geometry: { coordinates: number[] }; properties: object };
type Link = { rel: string; href: string };

async function items(query: string) {
  const res = await get(`/collections/seizures/items${query}`);
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  const body = await res.json();
  return {
    res,
    body,
    ids: (body.features as Feature[]).map((f) => f.id),
    link: (rel: string) => (body.links as Link[]).find((l) => l.rel === rel)?.href,
  };
}

/** Follows an absolute link from the API back into it. */
async function follow(href: string) {
  expect(href.startsWith(`${BASE}/collections/seizures/items?`)).toBe(true);
  return items(href.slice(`${BASE}/collections/seizures/items`.length));
}

describe('OGC items', () => {
  it('pages with numberMatched, numberReturned, timeStamp and cursor links', async () => {
    const p1 = await items('?limit=2');
    expect(p1.res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(p1.res.headers.get('content-crs')).toBe(
      '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>',
    );
    expect(p1.body).toMatchObject({
      type: 'FeatureCollection',
      numberMatched: 6,
      numberReturned: 2,
    });
    expect(Number.isNaN(Date.parse(p1.body.timeStamp))).toBe(false);
    expect(p1.ids).toEqual([1, 2]);
    expect(p1.link('self')).toBe(`${BASE}/collections/seizures/items?limit=2`);
    expect(p1.link('prev')).toBeUndefined();
    const next = p1.link('next')!;
    expect(next).toMatch(/[?&]cursor=[A-Za-z0-9_-]+/);
    const p2 = await follow(next);
    expect(p2.ids).toEqual([3, 4]);
    const p3 = await follow(p2.link('next')!);
    expect(p3.ids).toEqual([5, 6]);
    expect(p3.body.numberMatched).toBe(6);
    // A full last page cannot know it is last: its next page is empty and has no next link.
    const p4 = await follow(p3.link('next')!);
    expect(p4.ids).toEqual([]);
    expect(p4.link('next')).toBeUndefined();
    const back = await follow(p3.link('prev')!);
    expect(back.ids).toEqual([3, 4]);
    const first = await follow(back.link('prev')!);
    expect(first.ids).toEqual([1, 2]);
  });

  it('accepts offset, and its next link moves to a cursor', async () => {
    const page = await items('?limit=2&offset=3');
    expect(page.ids).toEqual([4, 5]);
    expect(page.link('next')).not.toContain('offset=');
    expect((await follow(page.link('next')!)).ids).toEqual([6]);
    expect((await follow(page.link('prev')!)).ids).toEqual([2, 3]);
  });

  it('sorts by queryables, NULLs last, id breaking ties, and pages the sort by cursor', async () => {
    // value_vnd: #1 1,000,000, #2 2,500,000, the rest NULL.
    const p1 = await items('?sortby=-value_vnd&limit=3');
    expect(p1.ids).toEqual([2, 1, 3]);
    const p2 = await follow(p1.link('next')!);
    expect(p2.ids).toEqual([4, 5, 6]);
    expect((await follow(p2.link('prev')!)).ids).toEqual([2, 1, 3]);
    const byTime = await items('?sortby=-occurred_at&limit=4');
    expect(byTime.ids).toEqual([6, 5, 4, 3]);
    expect((await follow(byTime.link('next')!)).ids).toEqual([2, 1]);
    // '+' unencoded arrives as a space and still means ascending.
    expect((await items('?sortby=+category,-occurred_at')).ids).toEqual([6, 3, 1, 5, 4, 2]);
  });

  it('refuses a cursor made for another sort, or forged', async () => {
    const p1 = await items('?sortby=-value_vnd&limit=3');
    const cursor = new URL(p1.link('next')!).searchParams.get('cursor')!;
    const res = await get(`/collections/seizures/items?limit=3&cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect((await get('/collections/seizures/items?cursor=bm9wZQ')).status).toBe(400);
  });

  it('filters by datetime instants and intervals, open at either end', async () => {
    expect((await items('?datetime=2021-06-30T23:30:00Z')).ids).toEqual([2]);
    // A bare date is that whole day in Vietnam: #2 (06:30 on 1 July in Hanoi), #3 and #4.
    expect((await items('?datetime=2021-07-01/2022-02-01')).ids).toEqual([2, 3, 4]);
    expect((await items('?datetime=../2021-01-01')).ids).toEqual([1]);
    // #5 is 2023-12-31T16:59:59Z exactly: a closed interval includes it.
    expect((await items('?datetime=2023-12-31T16:59:59Z/..')).ids).toEqual([5, 6]);
    expect((await items('?datetime=2023-12-31T17:00:00Z/')).ids).toEqual([6]);
    const bad = await get('/collections/seizures/items?datetime=../..');
    expect(bad.status).toBe(400);
  });

  it('filters by bbox in CRS84, EPSG:4326 (latitude first) and EPSG:3405', async () => {
    expect((await items('?bbox=105,10.5,105.12,10.62')).ids).toEqual([1, 2]);
    const lat = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326');
    expect((await items(`?bbox=10.5,105,10.62,105.12&bbox-crs=${lat}`)).ids).toEqual([1, 2]);
    const [[x1, y1], [x2, y2]] = [P1_3405, P2_3405];
    const box = [x1 - 100, y1 - 100, x2 + 100, y2 + 100].join(',');
    const utm = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3405');
    expect((await items(`?bbox=${box}&bbox-crs=${utm}`)).ids).toEqual([1, 2]);
  });

  it('writes coordinates in the CRS asked for, with Content-Crs', async () => {
    const utm = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3405');
    const page = await items(`?crs=${utm}&limit=1`);
    expect(page.res.headers.get('content-crs')).toBe(
      '<http://www.opengis.net/def/crs/EPSG/0/3405>',
    );
    const [x, y] = (page.body.features[0] as Feature).geometry.coordinates;
    expect(Math.abs(x - P1_3405[0])).toBeLessThan(0.01);
    expect(Math.abs(y - P1_3405[1])).toBeLessThan(0.01);
    const lat = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326');
    const latFirst = await items(`?crs=${lat}&limit=1`);
    expect((latFirst.body.features[0] as Feature).geometry.coordinates).toEqual([10.55, 105.05]);
  });

  it('takes the layer filters and a subset of properties', async () => {
    expect((await items('?category=drugs,sugar')).ids).toEqual([2, 5]);
    expect((await items('?province=lang_son')).ids).toEqual([4, 5, 6]);
    const customs = await items('?agency=customs&limit=1');
    expect(customs.ids).toEqual([1]);
    expect(customs.body.numberMatched).toBe(3);
    const some = await items('?properties=category,case_ref&province=lang_son');
    expect(some.body.features[2].properties).toEqual({
      category: 'agricultural',
      case_ref: 'LS-6',
    });
  });

  it('filters with CQL2 text, alone or with the other parameters, and pages the result', async () => {
    const f = (text: string, more = '') => items(`?filter=${encodeURIComponent(text)}${more}`);
    expect((await f("category = 'drugs' OR category = 'sugar'")).ids).toEqual([2, 5]);
    // subjects: #1 has 1, #5 has 2, the rest the default 0.
    expect((await f("subjects >= 1 AND lead_agency <> 'joint'")).ids).toEqual([1, 5]);
    expect((await f("occurred_at < TIMESTAMP('2021-01-01T00:00:00Z')")).ids).toEqual([1]);
    const box = 'POLYGON((105 10.5, 105.12 10.5, 105.12 10.62, 105 10.62, 105 10.5))';
    expect((await f(`S_INTERSECTS(geometry, ${box})`, '&filter-lang=cql2-text')).ids).toEqual([
      1, 2,
    ]);
    const [[x1, y1], [x2, y2]] = [P1_3405, P2_3405];
    const utmBox = `POLYGON((${x1 - 50} ${y1 - 50}, ${x2 + 50} ${y1 - 50}, ${x2 + 50} ${y2 + 50}, ${x1 - 50} ${y2 + 50}, ${x1 - 50} ${y1 - 50}))`;
    const crs = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3405');
    expect((await f(`S_INTERSECTS(geometry, ${utmBox})`, `&filter-crs=${crs}`)).ids).toEqual([
      1, 2,
    ]);
    const p1 = await f("province = 'an_giang'", '&sortby=-occurred_at&limit=2');
    expect(p1.ids).toEqual([3, 2]);
    expect(p1.body.numberMatched).toBe(3);
    const p2 = await follow(p1.link('next')!);
    expect(p2.ids).toEqual([1]);
    expect(p2.link('next')).toBeUndefined();
    expect((await f("category = 'cigarettes'", '&datetime=2021-01-01/..')).ids).toEqual([3]);
    const json = {
      op: 'or',
      args: [
        { op: '=', args: [{ property: 'category' }, 'drugs'] },
        { op: '=', args: [{ property: 'category' }, 'sugar'] },
      ],
    };
    expect((await f(JSON.stringify(json), '&filter-lang=cql2-json')).ids).toEqual([2, 5]);
  });

  it('answers 400 for a filter it cannot read, saying why', async () => {
    for (const text of ["category = 'drugs", 'nothing = 1', "subjects = 'many'"]) {
      const res = await get(`/collections/seizures/items?filter=${encodeURIComponent(text)}`);
      expect(res.status, text).toBe(400);
      expect((await res.json()).error.code, text).toBe('invalid_filter');
    }
  });

  it('answers 400 for unknown or misplaced parameters and 404 for unknown collections', async () => {
    for (const q of [
      '?colour=red',
      '?f=html',
      '?limit=0',
      '?limit=10001',
      '?sortby=geometry',
      '?sortby=nothing',
      '?properties=nothing',
      '?bbox=1,2,3',
      '?bbox-crs=EPSG:3405',
      '?crs=EPSG:3857',
      '?filter-lang=cql3&filter=x',
      '?filter-crs=EPSG:3405',
    ]) {
      const res = await get(`/collections/seizures/items${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code, q).toBe('bad_parameter');
    }
    expect((await get('/collections/border_gates/items?datetime=2020-01-01')).status).toBe(400);
    expect((await get('/collections/border_gates/items?category=drugs')).status).toBe(400);
    expect((await get('/collections/nothing/items')).status).toBe(404);
    expect((await get('/collections/seizures/items?f=json')).status).toBe(200);
  });

  it('reads one feature by id, in any supported CRS', async () => {
    const res = await get('/collections/border_gates/items/4');
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f).toMatchObject({
      type: 'Feature',
      id: 4,
      geometry: { type: 'Point', coordinates: [106.65, 22] },
      properties: { code: 'g4', name_en: 'Gate D' },
    });
    expect(f.links[0]).toEqual({
      rel: 'self',
      type: 'application/geo+json',
      href: `${BASE}/collections/border_gates/items/4`,
    });
    const province = await get('/collections/provinces/items/lang_son');
    expect((await province.json()).properties.name_vi).toBe('Lạng Sơn');
    for (const missing of ['99', 'abc', '99999999999'])
      expect((await get(`/collections/border_gates/items/${missing}`)).status).toBe(404);
  });

  it('needs a session, and audits every read with its filter and size', async () => {
    expect((await app.request(`${BASE}/collections/seizures/items`)).status).toBe(401);
    await items('?province=an_giang&limit=2');
    const [row] = await db.sql<
      {
        action: string;
        target: string;
        details: { number_returned: number; collection: string; query: object };
      }[]
    >`
      select action, target, details from audit_log where action = 'ogc.read' order by id desc limit 1`;
    expect(row).toMatchObject({
      action: 'ogc.read',
      target: 'seizures',
      details: {
        collection: 'seizures',
        number_returned: 2,
        query: { province: 'an_giang', limit: '2' },
      },
    });
  });
});

/**
 * Seizures 1 (105.05 E, 10.55 N) and 2 (105.1 E, 10.6 N) in VN-2000 / UTM 48N, read from GDAL
 * (`echo 105.05 10.55 | gdaltransform -s_srs '+proj=longlat +datum=WGS84' -t_srs EPSG:3405`),
 * which takes EPSG:3405 and its shift to WGS 84 from PROJ's database, not from PostGIS.
 */
const P1_3405 = [505273.786, 1166335.403];
const P2_3405 = [510742.322, 1171865.087];
