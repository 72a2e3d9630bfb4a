import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageWorld } from '../fixtures/coverage/world';
import { addUser, json, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { itWithGdal, readWithGdal } from './export-gdal';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let analyst: string;
let planId: number;

beforeAll(async () => {
  db = await testDb();
  ({ planId } = await loadCoverageWorld(db.sql));
  app = testApp(db, {}, () => new Date('2024-12-31T10:00:00Z')).app;
  await addUser(db.sql, 'ana', 'analyst');
  analyst = await signIn(app, 'ana');
});
afterAll(() => db.close());

const get = (url: string) => app.request(url, { headers: { cookie: analyst } });

describe('GET /api/export/hotspots.{format}', () => {
  const query = 'province=an_giang&cell=2000&distance=5000&from=2024-01-01&to=2024-12-31';

  for (const format of ['geojson', 'fgb', 'csv', 'shp.zip', 'kml']) {
    itWithGdal(`${format}: the cells of GET /api/hotspots with their figures`, async () => {
      const map = await (await get(`/api/hotspots?${query}`)).json();
      expect(map.features.length).toBeGreaterThan(10);
      const res = await get(`/api/export/hotspots.${format}?${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-number-matched')).toBe(String(map.features.length));
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="hotspots_an_giang_2024-01-01_2024-12-31_20241231.${format}"`,
      );
      const read = await readWithGdal(res, `hotspots.${format}`);
      expect(read.features).toHaveLength(map.features.length);
      const want = map.features[7];
      const got =
        format === 'kml'
          ? read.features[7]
          : read.features.find((f) => f.properties.cell_id === want.properties.cell_id)!;
      expect(got).toBeDefined();
      const num = (v: unknown) => Number(v);
      expect(num(got.properties.count)).toBe(want.properties.count);
      expect(num(got.properties.class)).toBe(want.properties.class);
      expect(num(got.properties.gi_z)).toBeCloseTo(want.properties.gi_z, 9);
      if (format !== 'csv') {
        const ring = (got.geometry!.coordinates as number[][][])[0];
        expect(ring).toHaveLength(7);
        expect(ring[0][0]).toBeCloseTo(want.geometry.coordinates[0][0][0], 6);
      }
    });
  }

  itWithGdal('crs=3405: the hexagons in VN-2000 metres, named EPSG:3405', async () => {
    const res = await get(`/api/export/hotspots.fgb?${query}&crs=3405`);
    const read = await readWithGdal(res, 'hotspots.fgb');
    expect(read.epsg).toBe(3405);
    const [x, y] = (read.features[0].geometry!.coordinates as number[][][])[0][0];
    // Inside An Giang in VN-2000 / UTM 48N: 10.5 N is about 1 161 000 m north.
    expect(x).toBeGreaterThan(400_000);
    expect(x).toBeLessThan(600_000);
    expect(y).toBeGreaterThan(1_100_000);
    expect(y).toBeLessThan(1_250_000);
  });

  it('answers the hot-spot parameters as /api/hotspots does', async () => {
    const res = await get('/api/export/hotspots.csv?cell=2000');
    expect(res.status).toBe(400);
  });
});

describe('GET /api/export/coverage.{format}?plan=', () => {
  async function coverageOfPlan() {
    const plan = await (await get(`/api/plans/${planId}`)).json();
    const res = await app.request(
      '/api/coverage',
      json('POST', analyst, {
        province: plan.province,
        plan: planId,
        ...(plan.risk_from ? { from: plan.risk_from, to: plan.risk_to } : {}),
      }),
    );
    return res.json();
  }

  itWithGdal(
    'GeoJSON: the gaps (lines) and uncovered crossings (points) of POST /api/coverage',
    async () => {
      const want = await coverageOfPlan();
      const res = await get(`/api/export/coverage.geojson?plan=${planId}`);
      expect(res.status).toBe(200);
      const read = await readWithGdal(res, 'coverage.geojson');
      const gaps = read.features.filter((f) => f.properties.feature === 'gap');
      const crossings = read.features.filter((f) => f.properties.feature === 'uncovered_crossing');
      expect(gaps).toHaveLength(want.gaps.features.length);
      expect(crossings.map((f) => f.properties.name_en)).toEqual(
        want.crossings.uncovered.features.map(
          (f: { properties: { name_en: string } }) => f.properties.name_en,
        ),
      );
      expect(gaps.map((f) => f.properties.length_km)).toEqual(
        want.gaps.features.map(
          (f: { properties: { length_km: number } }) => f.properties.length_km,
        ),
      );
    },
  );

  itWithGdal('Shapefile: one file set per geometry kind', async () => {
    const want = await coverageOfPlan();
    const res = await get(`/api/export/coverage.shp.zip?plan=${planId}&crs=3405`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const names = Object.keys(unzipSync(bytes)).sort();
    expect(names).toEqual([
      'coverage_lines.cpg',
      'coverage_lines.dbf',
      'coverage_lines.prj',
      'coverage_lines.shp',
      'coverage_lines.shx',
      'coverage_points.cpg',
      'coverage_points.dbf',
      'coverage_points.prj',
      'coverage_points.shp',
      'coverage_points.shx',
    ]);
    expect(strFromU8(unzipSync(bytes)['coverage_points.prj'])).toContain('VN_2000_UTM_Zone_48N');
    const points = await readWithGdal(new Response(bytes), 'c.shp.zip', 'coverage_points');
    expect(points.features).toHaveLength(want.crossings.uncovered.features.length);
    expect(points.epsg).toBe(3405);
    const lines = await readWithGdal(new Response(bytes), 'c.shp.zip', 'coverage_lines');
    expect(lines.features).toHaveLength(want.gaps.features.length);
  });

  it('404 for a missing plan, 400 without one', async () => {
    expect((await get('/api/export/coverage.csv?plan=99999')).status).toBe(404);
    expect((await get('/api/export/coverage.csv')).status).toBe(400);
  });
});
