import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { itWithGdal, readWithGdal, type GdalFeature } from './export-gdal';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let analyst: string;
let commander: string;

const HYPERLINK = '=HYPERLINK("http://evil.example","Bấm vào đây")';

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  // One seizure with a formula for goods and a clockwise province outline (RFC 7946 wants the
  // outer ring counter-clockwise, Shapefile clockwise): what the writers must fix.
  await db.sql`update seizures set goods = ${HYPERLINK}, quantity = 12.5, unit = 'kg'
    where province = 'an_giang' and category = 'sugar'`;
  await db.sql`insert into provinces (id, name_vi, name_en, neighbour, geom) values
    ('cw_test', 'Tỉnh thử', 'Test', 'KH',
     ST_GeomFromText('MULTIPOLYGON(((104 11, 104 11.1, 104.1 11.1, 104.1 11, 104 11)))', 4326))`;
  // The export's day is today in Vietnam: 2024-07-01.
  app = testApp(db, {}, () => new Date('2024-06-30T18:00:00Z')).app;
  await addUser(db.sql, 'ana', 'analyst');
  await addUser(db.sql, 'cmd', 'commander');
  analyst = await signIn(app, 'ana');
  commander = await signIn(app, 'cmd');
});
afterAll(() => db.close());

const get = (url: string, cookie = analyst) => app.request(url, { headers: { cookie } });

type LayerFeature = {
  id: number;
  geometry: { type: string; coordinates: number[] };
  properties: Record<string, unknown>;
};
async function layer(query: string): Promise<LayerFeature[]> {
  const res = await get(`/api/layers/seizures${query}`);
  expect(res.status).toBe(200);
  return (await res.json()).features;
}

/** What each format's reader gives back for an attribute GDAL reads with a type of its own. */
function asRead(format: string, value: unknown): unknown {
  if (value === null) return format === 'csv' ? '' : format === 'kml' ? undefined : null;
  if (format === 'csv' || format === 'kml') {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  if (format === 'shp.zip' && typeof value === 'boolean') return value ? 'T' : 'F';
  return value;
}
/** ISO timestamps: GDAL writes +00:00 where PostGIS wrote Z. */
const sameInstant = (a: unknown, b: unknown) =>
  new Date(String(a)).getTime() === new Date(String(b)).getTime();

const SHP_NAMES: Record<string, string> = {
  occurred_at: 'occurred_a',
  transport_mode: 'transport_',
  lead_agency: 'lead_agenc',
};

describe('GET /api/export/seizures.{format}: read back by GDAL like GET /api/layers', () => {
  const query = '?province=an_giang&from=2020-01-01&to=2021-12-31';
  for (const format of ['geojson', 'fgb', 'kml', 'csv', 'shp.zip']) {
    itWithGdal(`${format}: same features, attributes and coordinates (EPSG:4326)`, async () => {
      const expected = await layer(query);
      expect(expected).toHaveLength(3);
      const res = await get(`/api/export/seizures.${format}${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-number-matched')).toBe('3');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="seizures_an_giang_2020-01-01_2021-12-31_20240701.${format}"`,
      );
      const read = await readWithGdal(res, `seizures.${format}`);
      expect(read.epsg).toBe(format === 'csv' ? null : 4326);
      expect(read.features).toHaveLength(3);
      const byId = new Map<number, GdalFeature>();
      read.features.forEach((f, i) =>
        // GeoJSON and KML carry the id as the feature's own; the others as an `id` column.
        byId.set(
          format === 'geojson' || format === 'kml' ? expected[i].id : Number(f.properties.id),
          f,
        ),
      );
      for (const e of expected) {
        const got = byId.get(e.id)!;
        expect(got, `feature ${e.id}`).toBeDefined();
        expect(got.geometry!.type).toBe('Point');
        const [x, y] = got.geometry!.coordinates as number[];
        expect(x).toBeCloseTo(e.geometry.coordinates[0], 6);
        expect(y).toBeCloseTo(e.geometry.coordinates[1], 6);
        for (const [name, value] of Object.entries(e.properties)) {
          const key = format === 'shp.zip' ? (SHP_NAMES[name] ?? name) : name;
          const actual = got.properties[key];
          if (name === 'occurred_at') expect(sameInstant(actual, value), name).toBe(true);
          // FlatGeobuf leaves nulls out, as GDAL reads them: absent.
          else if (format === 'fgb' && value === null) expect(actual ?? null, name).toBeNull();
          else if (name === 'goods' && value !== null && format === 'csv')
            expect(actual, name).toBe(`'${value}`);
          else expect(actual, `${format} ${name}`).toEqual(asRead(format, value));
        }
      }
    });
  }

  it('CSV: byte order mark, WKT and lon/lat columns, formulas neutralised', async () => {
    const res = await get(`/api/export/seizures.csv?province=an_giang`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const [header, ...rows] = text.trimEnd().split('\r\n');
    expect(header.split(',').slice(-3)).toEqual(['wkt', 'lon', 'lat']);
    const sugar = rows.find((r) => r.includes('sugar'))!;
    // A spreadsheet opening this cell sees text, not a formula: the cell starts with '.
    expect(sugar).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
    expect(sugar).toContain('POINT (105.1 10.6),105.1,10.6');
  });

  itWithGdal(
    'CSV of provinces: Vietnamese names survive (UTF-8 read by GDAL), no lon/lat for outlines',
    async () => {
      const res = await get('/api/export/provinces.csv?province=lang_son');
      const read = await readWithGdal(res, 'provinces.csv');
      expect(read.features).toHaveLength(1);
      expect(read.features[0].properties).toMatchObject({ id: 'lang_son', name_vi: 'Lạng Sơn' });
      expect(read.features[0].properties.wkt).toBe(
        'MULTIPOLYGON (((106.6 21.8,106.8 21.8,106.8 22,106.6 22,106.6 21.8)))',
      );
      expect(read.features[0].properties).not.toHaveProperty('lon');
    },
  );
});

// gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3405 (GDAL 3.6.2, PROJ), run separately:
// 105.05 10.55 -> 505273.786338176 1166335.40341977
// 105.1 10.6   -> 510742.32216242 1171865.0868042
// 105.15 10.65 -> 516209.082426229 1177395.68150915
const VN2000: Record<string, [number, number]> = {
  '105.05,10.55': [505273.786338176, 1166335.40341977],
  '105.1,10.6': [510742.32216242, 1171865.0868042],
  '105.15,10.65': [516209.082426229, 1177395.68150915],
};

describe('crs=3405: VN-2000 / UTM 48N metres', () => {
  for (const format of ['geojson', 'fgb', 'csv', 'shp.zip']) {
    itWithGdal(`${format}: coordinates as gdaltransform gives them, and the SRID`, async () => {
      const expected = await layer('?province=an_giang');
      const res = await get(`/api/export/seizures.${format}?province=an_giang&crs=3405`);
      expect(res.status).toBe(200);
      const read = await readWithGdal(res, `seizures.${format}`);
      // The .prj is ESRI WKT, which names no code: GDAL identifies it as EPSG:3405 all the same.
      expect(read.epsg).toBe(format === 'csv' ? null : 3405);
      expect(read.features).toHaveLength(3);
      for (const [i, e] of expected.entries()) {
        const [ex, ey] = VN2000[e.geometry.coordinates.join(',')];
        const got = read.features[i];
        const [x, y] =
          format === 'csv'
            ? [Number(got.properties.x), Number(got.properties.y)]
            : (got.geometry!.coordinates as number[]);
        // Written to the millimetre.
        expect(Math.abs(x - ex)).toBeLessThan(0.002);
        expect(Math.abs(y - ey)).toBeLessThan(0.002);
      }
    });
  }

  it('KML is longitude/latitude only: crs=3405 is a 400', async () => {
    const res = await get('/api/export/seizures.kml?crs=3405');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('crs');
  });

  it('refuses another crs', async () => {
    const res = await get('/api/export/seizures.geojson?crs=32648');
    expect(res.status).toBe(400);
  });
});

/** Twice the signed area: positive when counter-clockwise. */
function signedArea2(ring: number[][]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a;
}

describe('polygon winding', () => {
  it('GeoJSON: outer rings counter-clockwise (RFC 7946), even for a clockwise outline', async () => {
    const res = await get('/api/export/provinces.geojson');
    const body = await res.json();
    expect(body).not.toHaveProperty('crs');
    const cw = body.features.find((f: { id: string }) => f.id === 'cw_test');
    expect(signedArea2(cw.geometry.coordinates[0][0])).toBeGreaterThan(0);
    for (const f of body.features)
      expect(signedArea2(f.geometry.coordinates[0][0]), f.id).toBeGreaterThan(0);
  });

  itWithGdal('Shapefile: outer rings clockwise, as the format wants', async () => {
    const res = await get('/api/export/provinces.shp.zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'provinces.cpg',
      'provinces.dbf',
      'provinces.prj',
      'provinces.shp',
      'provinces.shx',
    ]);
    expect(strFromU8(files['provinces.cpg'])).toBe('UTF-8');
    // GDAL keeps the order of the stored ring as it reads it.
    const read = await readWithGdal(
      new Response(new Uint8Array(zipOf(files))),
      'provinces.shp.zip',
    );
    expect(read.features).toHaveLength(3);
    for (const f of read.features) {
      const ring = (f.geometry!.coordinates as number[][][])[0];
      expect(signedArea2(ring), String(f.properties.id)).toBeLessThan(0);
    }
  });
});

function zipOf(files: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> {
  // Re-zipped so the test reads exactly the files it listed.
  return new Uint8Array(zipSync(files));
}

describe('Shapefile field names', () => {
  itWithGdal(
    'cuts names to 10 characters, keeps them unique, and lists the renames in a note',
    async () => {
      const res = await get('/api/export/frontier.shp.zip');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const files = unzipSync(bytes);
      const note = strFromU8(files['frontier_fields.txt']);
      expect(note).toContain('accuracy_note_vi -> accuracy_n\r\n');
      expect(note).toContain('accuracy_note_en -> accuracy_2\r\n');
      expect(note).not.toContain('province ->');
      const read = await readWithGdal(new Response(bytes), 'frontier.shp.zip');
      expect(read.features[0].properties).toMatchObject({
        accuracy_n: 'Sai số khoảng 1,5 km.',
        accuracy_m: 1500,
      });
      expect(Object.keys(read.features[0].properties)).toContain('accuracy_2');
      expect(read.features[0].properties.length_km).toBeCloseTo(22.11, 1);
    },
  );
});

describe('permissions, errors and the audit log', () => {
  it('needs the export permission', async () => {
    const res = await get('/api/export/seizures.csv', commander);
    expect(res.status).toBe(403);
  });

  it('404 for an unknown layer or format', async () => {
    expect((await get('/api/export/nothing.csv')).status).toBe(404);
    expect((await get('/api/export/seizures.xlsx')).status).toBe(404);
  });

  it('400 for a bad filter, naming it', async () => {
    const res = await get('/api/export/seizures.csv?province=paris');
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual({ parameter: 'province' });
  });

  it('records each download with layer, format, crs, filters and rows', async () => {
    const res = await get('/api/export/border_gates.fgb?province=an_giang&crs=3405');
    await res.arrayBuffer();
    const [row] = await db.sql<{ target: string; outcome: string; details: unknown }[]>`
      select target, outcome, details from audit_log
      where action = 'export.download' order by id desc limit 1`;
    expect(row).toEqual({
      target: 'border_gates',
      outcome: 'ok',
      details: {
        layer: 'border_gates',
        format: 'fgb',
        crs: 3405,
        filters: { province: 'an_giang', crs: '3405' },
        rows: 3,
      },
    });
  });

  itWithGdal('an empty selection is a valid, empty file', async () => {
    const res = await get('/api/export/seizures.shp.zip?from=2030-01-01');
    expect(res.headers.get('x-number-matched')).toBe('0');
    const read = await readWithGdal(res, 'empty.shp.zip');
    expect(read.features).toHaveLength(0);
  });
});
