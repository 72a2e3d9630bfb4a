/**
 * The `reports` layer in the generic paths: /api/layers (counts per caller), the layer's pages,
 * exports in every format (mixed geometry, TLP carried, read back with GDAL) and the OGC API,
 * each showing a caller only the reports their distribution reaches. The full role by
 * distribution matrix is in reports-matrix.test.ts.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { seedReport } from '../fixtures/report-seeds';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { itWithGdal, readWithGdal } from './export-gdal';
import { LAYERS } from '../../src/lib/server/repositories/layer-registry';
import { countFeatures, selectFeature, summarise } from '../../src/lib/server/repositories/layers';
import { timeExtent } from '../../src/lib/server/repositories/ogc-items';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
/** Cookies: a Border Guard analyst of Vinh Xuong (the author), a Customs analyst of Vinh Xuong
 * (a listed unit), a Customs analyst without a unit. */
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db).app;
  const users = [
    ['bga', 'border_guard', 'bp_vinh_xuong'],
    ['hqa', 'customs', 'hq_vinh_xuong'],
    ['hqn', 'customs', null],
  ] as const;
  const author: Record<
    string,
    { id: number; username: string; agency: 'customs' | 'border_guard'; unit: string | null }
  > = {};
  for (const [name, agency, unit] of users) {
    const u = await addUser(db.sql, name, 'analyst', agency);
    await db.sql`update users set unit = ${unit} where id = ${u.id}`;
    author[name] = { id: u.id, username: name, agency, unit };
    cookies[name] = await signIn(app, name);
  }
  // Four reports: a point both forces see, a canal stretch for the Border Guard only, an area
  // for two named units (TLP:RED) and a Customs-only point.
  ids.both = await seedReport(db.sql, {
    title: 'Ghe chở đường qua kênh',
    wkt: 'POINT(105.1 10.6)',
    province: 'an_giang',
    author: author.bga,
    distribution: 'both',
    tlp: 'green',
    category: 'sugar',
    reliability: 'B',
    credibility: 2,
    ageDays: 10,
    text: 'Người báo tin: không ghi tên',
  });
  ids.own = await seedReport(db.sql, {
    title: 'Đoạn kênh có xuồng lạ',
    wkt: 'LINESTRING(105.05 10.55, 105.15 10.65)',
    province: 'an_giang',
    author: author.bga,
    distribution: 'own_agency',
    tlp: 'amber',
    reliability: 'C',
    credibility: 3,
    ageDays: 3,
  });
  ids.units = await seedReport(db.sql, {
    title: 'Bãi tập kết hàng',
    wkt: 'POLYGON((106.65 21.85, 106.75 21.85, 106.75 21.95, 106.65 21.95, 106.65 21.85))',
    province: 'lang_son',
    author: author.bga,
    distribution: 'units',
    units: ['hq_vinh_xuong'],
    tlp: 'red',
    kind: 'warehouse',
    reliability: 'A',
    credibility: 1,
    ageDays: 0,
  });
  ids.customs = await seedReport(db.sql, {
    title: 'Xe tải chở thuốc lá',
    wkt: 'POINT(105.12 10.62)',
    province: 'an_giang',
    author: author.hqn,
    distribution: 'own_agency',
    tlp: 'clear',
    kind: 'vehicle',
    category: 'cigarettes',
    reliability: 'D',
    credibility: 4,
    ageDays: 40,
  });
});
afterAll(() => db.close());

const get = async (url: string, who: string) =>
  app.request(url, { headers: { cookie: cookies[who] } });
const featureIds = (fc: { features: { id: number }[] }) => fc.features.map((f) => f.id).sort();

describe('GET /api/layers and /api/layers/reports', () => {
  it('counts and bounds only what each caller may see', async () => {
    const layerOf = async (who: string) => {
      const { layers } = await (await get('/api/layers', who)).json();
      return layers.find((l: { id: string }) => l.id === 'reports');
    };
    // The author: the three Border Guard reports (Lang Son's area reaches 22 N... 21.95 N).
    expect(await layerOf('bga')).toMatchObject({
      count: 3,
      geometry_type: 'Mixed',
      bbox: [105.05, 10.55, 106.75, 21.95],
      filters: ['province', 'bbox', 'limit', 'offset', 'from', 'to', 'category', 'agency'],
    });
    // A listed Customs unit: the shared point, the area, the Customs point.
    expect(await layerOf('hqa')).toMatchObject({ count: 3, bbox: [105.1, 10.6, 106.75, 21.95] });
    // Customs without a unit: the shared point and the Customs point.
    expect(await layerOf('hqn')).toMatchObject({ count: 2, bbox: [105.1, 10.6, 105.12, 10.62] });
  });

  it('pages carry the register properties, no free text, per caller', async () => {
    const res = await get('/api/layers/reports', 'bga');
    expect(res.status).toBe(200);
    const fc = await res.json();
    expect(fc.numberMatched).toBe(3);
    expect(featureIds(fc)).toEqual([ids.both, ids.own, ids.units].sort());
    const both = fc.features.find((f: { id: number }) => f.id === ids.both);
    expect(both.geometry).toEqual({ type: 'Point', coordinates: [105.1, 10.6] });
    expect(both.properties).toEqual({
      title: 'Ghe chở đường qua kênh',
      kind: 'boat',
      category: 'sugar',
      province: 'an_giang',
      reliability: 'B',
      credibility: 2,
      rating: 'B2',
      tlp: 'green',
      distribution: 'both',
      status: 'open',
      agency: 'border_guard',
      unit: 'bp_vinh_xuong',
      observed_from: null,
      observed_to: null,
      received_at: expect.any(String),
      age_days: 10,
      place: null,
    });
    const types = fc.features.map((f: { geometry: { type: string } }) => f.geometry.type).sort();
    expect(types).toEqual(['LineString', 'Point', 'Polygon']);

    const hqn = await (await get('/api/layers/reports', 'hqn')).json();
    expect(hqn.numberMatched).toBe(2);
    expect(featureIds(hqn)).toEqual([ids.both, ids.customs].sort());
    // Filters narrow within what the caller sees.
    const ls = await (await get('/api/layers/reports?province=lang_son', 'hqn')).json();
    expect(ls).toMatchObject({ numberMatched: 0, features: [] });
    const cig = await (await get('/api/layers/reports?category=cigarettes', 'hqa')).json();
    expect(featureIds(cig)).toEqual([ids.customs]);
    const bg = await (await get('/api/layers/reports?agency=border_guard', 'hqa')).json();
    expect(featureIds(bg)).toEqual([ids.both, ids.units].sort());
  });

  it('audits a read of the layer with its size', async () => {
    await get('/api/layers/reports?province=an_giang', 'hqn');
    const [row] = await db.sql<{ details: { number_matched: number } }[]>`
      select details from audit_log where action = 'layer.read' and target = 'reports'
      order by id desc limit 1`;
    expect(row.details.number_matched).toBe(2);
  });
});

describe('the rule fails closed without a viewer', () => {
  it('reads nothing of the reports layer when no viewer is given', async () => {
    const layer = LAYERS.reports;
    expect(await countFeatures(db.sql, layer, {})).toBe(0);
    expect(await summarise(db.sql, layer)).toEqual({ id: 'reports', count: 0, bbox: null });
    expect(await selectFeature(db.sql, layer, ids.both)).toBeUndefined();
    expect(await timeExtent(db.sql, layer)).toBeNull();
  });
});

describe('GET /api/export/reports.{format}', () => {
  it("GeoJSON: the caller's reports, mixed geometry, the strictest TLP in X-TLP", async () => {
    const res = await get('/api/export/reports.geojson', 'bga');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-number-matched')).toBe('3');
    expect(res.headers.get('x-tlp')).toBe('TLP:RED');
    const fc = await res.json();
    expect(featureIds(fc)).toEqual([ids.both, ids.own, ids.units].sort());
    for (const f of fc.features) expect(f.properties).not.toHaveProperty('text');
    expect(fc.features.map((f: { properties: { tlp: string } }) => f.properties.tlp)).toEqual([
      'green',
      'amber',
      'red',
    ]);
    const hqn = await get('/api/export/reports.geojson', 'hqn');
    expect(hqn.headers.get('x-number-matched')).toBe('2');
    expect(hqn.headers.get('x-tlp')).toBe('TLP:GREEN');
    // Nothing matches: no marking to state.
    const none = await get('/api/export/reports.geojson?province=lang_son', 'hqn');
    expect(none.headers.get('x-number-matched')).toBe('0');
    expect(none.headers.get('x-tlp')).toBeNull();
    // Other layers carry no marking.
    expect((await get('/api/export/seizures.geojson', 'hqn')).headers.get('x-tlp')).toBeNull();
  });

  it('CSV: a tlp column and every geometry as WKT', async () => {
    const res = await get('/api/export/reports.csv', 'hqa');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,title,kind,category,province,reliability,credibility,rating,tlp,distribution,status,' +
        'agency,unit,observed_from,observed_to,received_at,age_days,place,wkt,lon,lat',
    );
    expect(lines).toHaveLength(4);
    const byId = Object.fromEntries(lines.slice(1).map((l) => [Number(l.split(',')[0]), l]));
    expect(byId[ids.units]).toContain(',A1,red,units,');
    expect(byId[ids.units]).toContain(
      '"POLYGON ((106.65 21.85,106.75 21.85,106.75 21.95,106.65 21.95,106.65 21.85))",,',
    );
    expect(byId[ids.customs]).toContain(',D4,clear,own_agency,');
    expect(byId[ids.customs]).toMatch(/,POINT \(105\.12 10\.62\),105\.12,10\.62$/);
  });

  it("KML: the marking in each placemark's ExtendedData", async () => {
    const kml = await (await get('/api/export/reports.kml', 'hqn')).text();
    expect(kml.match(/<Placemark /g)).toHaveLength(2);
    expect(kml).toContain('<Data name="tlp"><value>green</value></Data>');
    expect(kml).toContain('<Data name="tlp"><value>clear</value></Data>');
    expect(kml).not.toContain('Bãi tập kết');
  });

  it('Shapefile zip: one .shp per geometry type', async () => {
    const res = await get('/api/export/reports.shp.zip', 'bga');
    const files = Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer()))).sort();
    expect(files.filter((f) => f.endsWith('.shp'))).toEqual([
      'reports_lines.shp',
      'reports_points.shp',
      'reports_polygons.shp',
    ]);
    const hqn = await get('/api/export/reports.shp.zip', 'hqn');
    const only = unzipSync(new Uint8Array(await hqn.arrayBuffer()));
    expect(Object.keys(only).filter((f) => f.endsWith('.shp'))).toEqual(['reports_points.shp']);
    expect(strFromU8(only['reports_points.cpg'])).toBe('UTF-8');
  });

  itWithGdal('GDAL reads every format back with the marking and the geometry types', async () => {
    for (const format of ['geojson', 'fgb', 'kml', 'csv']) {
      const read = await readWithGdal(
        await get(`/api/export/reports.${format}`, 'bga'),
        `reports.${format}`,
      );
      expect(read.features, format).toHaveLength(3);
      const tlps = read.features.map((f) => f.properties.tlp).sort();
      expect(tlps, format).toEqual(['amber', 'green', 'red']);
      if (format !== 'csv') {
        const types = read.features.map((f) => f.geometry?.type).sort();
        expect(types, format).toEqual(['LineString', 'Point', 'Polygon']);
      }
    }
    // The zipped Shapefile: one layer per geometry type, each with its own report.
    const zip = await (await get('/api/export/reports.shp.zip', 'bga')).arrayBuffer();
    for (const [layer, id, type, tlp] of [
      ['reports_points', ids.both, 'Point', 'green'],
      ['reports_lines', ids.own, 'LineString', 'amber'],
      ['reports_polygons', ids.units, 'Polygon', 'red'],
    ] as const) {
      const read = await readWithGdal(new Response(zip), 'reports.zip', layer);
      expect(read.layers.sort()).toEqual(['reports_lines', 'reports_points', 'reports_polygons']);
      expect(read.features.map((f) => f.properties.id)).toEqual([id]);
      expect(read.features[0].geometry?.type).toBe(type);
      expect(read.features[0].properties.tlp).toBe(tlp);
    }
  });
});

describe('OGC API collection reports', () => {
  const BASE = 'http://localhost/api/ogc/collections';

  it("describes the collection with the caller's extent", async () => {
    const hqn = await (await get(`${BASE}/reports`, 'hqn')).json();
    expect(hqn.extent.spatial.bbox).toEqual([[105.1, 10.6, 105.12, 10.62]]);
    const bga = await (await get(`${BASE}/reports`, 'bga')).json();
    expect(bga.extent.spatial.bbox).toEqual([[105.05, 10.55, 106.75, 21.95]]);
    const all = await (await get(`${BASE}`, 'hqn')).json();
    const listed = all.collections.find((c: { id: string }) => c.id === 'reports');
    expect(listed.extent.spatial.bbox).toEqual([[105.1, 10.6, 105.12, 10.62]]);
  });

  it('items, item, and a 404 for a report out of reach like a missing one', async () => {
    const items = await (await get(`${BASE}/reports/items`, 'hqa')).json();
    expect(items.numberMatched).toBe(3);
    expect(featureIds(items)).toEqual([ids.both, ids.units, ids.customs].sort());
    const item = await get(`${BASE}/reports/items/${ids.units}`, 'hqa');
    expect(item.status).toBe(200);
    expect((await item.json()).properties.tlp).toBe('red');
    const hidden = await get(`${BASE}/reports/items/${ids.units}`, 'hqn');
    const missing = await get(`${BASE}/reports/items/999999`, 'hqn');
    expect(hidden.status).toBe(404);
    const body = (await hidden.json()).error;
    expect(body).toEqual({
      code: 'not_found',
      message: `No feature ${ids.units} in collection 'reports'`,
    });
    expect((await missing.json()).error).toEqual({
      code: 'not_found',
      message: "No feature 999999 in collection 'reports'",
    });
  });

  it('queryables and schema: the marking and the rating, any geometry', async () => {
    const q = await (await get(`${BASE}/reports/queryables`, 'hqn')).json();
    expect(q.properties.tlp).toEqual({
      title: 'tlp',
      type: 'string',
      enum: ['red', 'amber', 'green', 'clear'],
    });
    expect(q.properties.credibility.type).toBe('integer');
    expect(q.properties.received_at['x-ogc-role']).toBe('primary-instant');
    expect(q.properties.observed_from['x-ogc-role']).toBeUndefined();
    expect(q.properties.geometry.format).toBe('geometry-any');
    expect(q.properties).not.toHaveProperty('text');
    const schema = await (await get(`${BASE}/reports/schema`, 'hqn')).json();
    expect(schema.properties.geometry.$ref).toBe('https://geojson.org/schema/Geometry.json');
    expect(Object.keys(schema.properties.properties.properties)).toEqual(LAYERS.reports.columns);
  });

  it('CQL2 filters narrow within what the caller sees', async () => {
    const filter = (f: string, who: string) =>
      get(`${BASE}/reports/items?filter=${encodeURIComponent(f)}`, who).then((r) => r.json());
    expect((await filter("tlp = 'red'", 'hqa')).numberMatched).toBe(1);
    expect((await filter("tlp = 'red'", 'hqn')).numberMatched).toBe(0);
    expect(
      (await filter("distribution = 'units' or distribution = 'own_agency'", 'hqn')).numberMatched,
    ).toBe(1);
    const rated = await filter("rating in ('A1', 'B2') and age_days < 20", 'bga');
    expect(featureIds(rated)).toEqual([ids.both, ids.units].sort());
    const inside = await filter(
      'S_INTERSECTS(geometry, POLYGON((105.09 10.59, 105.11 10.59, 105.11 10.61, 105.09 10.61, 105.09 10.59)))',
      'bga',
    );
    // The point and the canal stretch through the little square; not the area in Lang Son.
    expect(featureIds(inside)).toEqual([ids.both, ids.own].sort());
  });
});
