import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMini } from '../fixtures/mini';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';
import { vietnamDay } from '../../src/lib/server/io/vietnam-time';

let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let analyst: string;
let planner: string;

const FIXTURES = 'tests/fixtures/import';
const golden = readFileSync(`${FIXTURES}/seizures-vi.csv`, 'utf8');
const expected = JSON.parse(readFileSync(`${FIXTURES}/seizures-vi.expected.json`, 'utf8'));
/** The golden file with only its good rows (lines 2, 3, 15 and 17). */
const goodOnly = (() => {
  const lines = golden.trimEnd().split('\n');
  return [1, 2, 3, 15, 17].map((n) => lines[n - 1]).join('\n') + '\n';
})();

const post = (body: string, query: string, cookie = analyst, type = 'text/csv') =>
  app.request(`/api/import/seizures?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
    body,
  });
const count = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from seizures`)[0].n;

beforeAll(async () => {
  db = await testDb();
  await loadMini(db.sql);
  app = testApp(db, { maxBodyBytes: 4096, maxImportBytes: 64 * 1024 }).app;
  await addUser(db.sql, 'an.import', 'analyst', 'customs');
  await addUser(db.sql, 'pl.import', 'planner', 'customs');
  analyst = await signIn(app, 'an.import');
  planner = await signIn(app, 'pl.import');
});
afterAll(() => db.close());

describe('POST /api/import/seizures, dry run', () => {
  it('reports every bad row of the golden file by line, field and code, and previews the rest', async () => {
    const before = await count();
    const res = await post(golden, 'dry_run=true&filename=bao-cao-thang-3.csv');
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r).toMatchObject({
      dry_run: true,
      filename: 'bao-cao-thang-3.csv',
      format: 'csv',
      total: expected.total,
      valid: expected.valid,
      inserted: 0,
      rows_truncated: false,
      ignored_columns: expected.ignored_columns,
    });
    const codes = r.rows.map((row: { problems: { field: string; code: string }[] }) => ({
      ...row,
      problems: row.problems.map(({ field, code }) => ({ field, code })),
    }));
    expect(codes).toEqual(expected.rows);
    expect(r.rows[3].problems[0].message).toBe(
      '(10.6, 105.1) lies in the area only as (105.1, 10.6): longitude and latitude look swapped',
    );
    expect(r.rows[8].problems[0].message).toBe(
      "a seizure with case reference 'LS-6' is already stored",
    );
    // Values worked out by hand from the cells (Vietnam time is UTC+7).
    expect(r.preview).toEqual([
      {
        occurred_at: '2024-03-04T17:00:00.000Z',
        province: 'an_giang',
        category: 'cigarettes',
        goods: 'Thuốc lá điếu Jet',
        quantity: 1500,
        unit: 'bao',
        value_vnd: 1250000,
        subjects: 2,
        transport_mode: 'motorbike',
        lead_agency: 'customs',
        case_ref: 'HQ-001',
        source: 'import:bao-cao-thang-3.csv',
        lon: 105.1,
        lat: 10.6,
      },
      {
        occurred_at: '2024-03-06T01:30:00.000Z',
        province: 'lang_son',
        category: 'sugar',
        goods: 'Đường kính trắng',
        quantity: 2000.5,
        unit: 'kg',
        value_vnd: 1250000000,
        subjects: 3,
        transport_mode: 'truck',
        lead_agency: 'border_guard',
        case_ref: 'BP-002',
        source: 'import:bao-cao-thang-3.csv',
        lon: 106.7,
        lat: 21.9,
      },
      expect.objectContaining({
        occurred_at: '2024-03-15T07:05:00.000Z',
        province: 'an_giang',
        value_vnd: 500000,
        subjects: 0,
        case_ref: 'HQ-012',
      }),
      expect.objectContaining({
        occurred_at: '2024-03-06T17:00:00.000Z',
        province: 'lang_son',
        category: 'firecrackers',
        transport_mode: 'pedestrian',
        lead_agency: 'joint',
        value_vnd: 35000000,
        lon: 106.65,
        lat: 21.85,
      }),
    ]);
    expect(await count()).toBe(before);
  });

  it('is the default when dry_run is not given', async () => {
    const res = await post(goodOnly, 'filename=a.csv');
    expect(res.status).toBe(200);
    expect((await res.json()).dry_run).toBe(true);
  });

  it('reads a semicolon-separated file as Excel writes it in a Vietnamese locale', async () => {
    const csv =
      '\uFEFFngay;kinh do;vi do;loai hang;phuong tien;don vi chu tri;tri gia\r\n' +
      '05/03/2024;105,1;10,6;Ma túy;Đi bộ;Biên phòng;1.250.000\r\n';
    const r = await (await post(csv, 'filename=excel.csv')).json();
    expect(r.rows).toEqual([]);
    expect(r.preview[0]).toMatchObject({
      category: 'drugs',
      lead_agency: 'border_guard',
      value_vnd: 1250000,
      lon: 105.1,
      lat: 10.6,
    });
  });

  it('refuses a header without the columns it needs (400, naming them)', async () => {
    const res = await post('Ngày,Tỉnh\n05/03/2024,An Giang\n', 'filename=x.csv');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.problems).toEqual([
      expect.stringMatching(/^no column for category/),
      expect.stringMatching(/^no column for transport_mode/),
      expect.stringMatching(/^no column for lead_agency/),
      'no columns for the point: lon and lat (kinh độ, vĩ độ) or wkt',
    ]);
  });

  it('refuses a file without records, and JSON that is not GeoJSON, as 400s', async () => {
    const header = 'ngày,kinh độ,vĩ độ,loại hàng,phương tiện,đơn vị chủ trì\n';
    const empty = await post(header, 'filename=x.csv');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe('The CSV file holds a header but no records.');
    const notGeo = await post('[1, 2]', 'filename=x.json', analyst, 'application/json');
    expect(notGeo.status).toBe(400);
    const broken = await post(
      '{"type": "FeatureCollection", "features": [{',
      'filename=x.json',
      analyst,
      'application/json',
    );
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/^The GeoJSON file cannot be read/);
  });

  it("reads back the app's own spreadsheet-safe CSV: English headers, ' before formula-like text", async () => {
    const csv =
      'occurred_at,province,category,goods,value_vnd,subjects,transport_mode,lead_agency,case_ref,source,lon,lat\r\n' +
      "06/03/2024 03:04:09,an_giang,sugar,'-5 kg sugar,1250000,1,boat,customs,'=X1,manual,105.1,10.6\r\n";
    const r = await (await post(csv, 'filename=export.csv')).json();
    expect(r.rows).toEqual([]);
    expect(r.ignored_columns).toEqual(['source']);
    expect(r.preview[0]).toMatchObject({
      occurred_at: '2024-03-05T20:04:09.000Z',
      goods: '-5 kg sugar',
      case_ref: '=X1',
      source: 'import:export.csv',
    });
  });

  it('answers 400 for a CSV that does not parse, naming the line', async () => {
    const res = await post(
      'ngày,kinh độ,vĩ độ,loại hàng,phương tiện,đơn vị chủ trì\n05/03/2024,105.1,10.6,"Thuốc lá,Xe máy,Hải quan\n',
      'filename=x.csv',
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/CSV file cannot be read/);
  });
});

describe('POST /api/import/seizures, for real', () => {
  it('writes nothing when one row has a problem: 422 with the report, the table unchanged', async () => {
    const before = await count();
    const res = await post(golden, 'dry_run=false&filename=bao-cao.csv');
    expect(res.status).toBe(422);
    const r = await res.json();
    expect(r.error.code).toBe('import_rejected');
    expect(r.error.message).toBe('12 of 16 records have problems; nothing was imported.');
    expect(r.inserted).toBe(0);
    expect(r.rows).toHaveLength(12);
    expect(await count()).toBe(before);
    const [audit] = await db.sql<{ outcome: string }[]>`
      select outcome from audit_log where action = 'seizure.import' order by id desc limit 1`;
    expect(audit.outcome).toBe('failed');
  });

  it('imports a clean file in one go (201), visible in the seizures layer with its values', async () => {
    const before = await count();
    const res = await post(goodOnly, 'dry_run=false&filename=bao-cao-sach.csv');
    expect(res.status).toBe(201);
    const r = await res.json();
    expect(r).toMatchObject({ dry_run: false, total: 4, valid: 4, inserted: 4, rows: [] });
    expect(await count()).toBe(before + 4);

    const layer = await (
      await app.request('/api/layers/seizures?limit=100', { headers: { cookie: analyst } })
    ).json();
    const imported = layer.features.filter(
      (f: { properties: { source: string } }) => f.properties.source === 'import:bao-cao-sach.csv',
    );
    expect(imported).toHaveLength(4);
    const hq1 = imported.find(
      (f: { properties: { case_ref: string } }) => f.properties.case_ref === 'HQ-001',
    );
    expect(hq1.geometry.coordinates).toEqual([105.1, 10.6]);
    expect(hq1.properties).toMatchObject({
      province: 'an_giang',
      category: 'cigarettes',
      quantity: 1500,
      value_vnd: 1250000,
      subjects: 2,
      transport_mode: 'motorbike',
      lead_agency: 'customs',
      synthetic: false,
    });
    expect(vietnamDay(new Date(hq1.properties.occurred_at))).toBe('2024-03-05');
    expect(new Date(hq1.properties.occurred_at).toISOString()).toBe('2024-03-04T17:00:00.000Z');

    const [audit] = await db.sql<{ outcome: string; username: string; details: unknown }[]>`
      select outcome, username, details from audit_log
      where action = 'seizure.import' order by id desc limit 1`;
    expect(audit).toMatchObject({
      outcome: 'ok',
      username: 'an.import',
      details: { filename: 'bao-cao-sach.csv', format: 'csv', rows: 4 },
    });
  });

  it('refuses the same file again: every case reference is already stored', async () => {
    const before = await count();
    const res = await post(goodOnly, 'dry_run=false&filename=lan-2.csv');
    expect(res.status).toBe(422);
    const r = await res.json();
    expect(r.rows.map((x: { case_ref: string }) => x.case_ref)).toEqual([
      'HQ-001',
      'BP-002',
      'HQ-012',
      'HQ-014',
    ]);
    expect(
      r.rows.every(
        (x: { problems: { code: string }[] }) => x.problems[0].code === 'duplicate_case_ref',
      ),
    ).toBe(true);
    expect(await count()).toBe(before);
  });

  it('compares case references as hand edits do: hq-001 is HQ-001, in the file and stored', async () => {
    const lower = goodOnly.replace('HQ-001', 'hq-001').replace('BP-002', 'Bp-002');
    const res = await post(lower, 'dry_run=true&filename=lan-3.csv');
    const r = await res.json();
    expect(r.rows.map((x: { case_ref: string }) => x.case_ref)).toEqual([
      'hq-001',
      'Bp-002',
      'HQ-012',
      'HQ-014',
    ]);
  });

  it('imports a GeoJSON FeatureCollection of Points with the same properties', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [105.05, 10.55] },
          properties: {
            occurred_at: '2024-04-01',
            category: 'fuel',
            transport_mode: 'Tàu, thuyền',
            lead_agency: 'customs',
            value_vnd: 2500000,
            case_ref: 'GJ-1',
          },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [105, 10.5],
              [105.1, 10.6],
            ],
          },
          properties: {
            occurred_at: '2024-04-01',
            category: 'fuel',
            transport_mode: 'boat',
            lead_agency: 'customs',
          },
        },
      ],
    };
    const dry = await (
      await post(JSON.stringify(fc), 'filename=a.geojson', analyst, 'application/geo+json')
    ).json();
    expect(dry.format).toBe('geojson');
    expect(dry.rows).toEqual([
      {
        line: 2,
        case_ref: null,
        problems: [
          {
            field: 'geometry',
            code: 'bad_geometry',
            message: 'the geometry must be a Point (got LineString)',
          },
        ],
      },
    ]);
    expect(dry.preview[0]).toMatchObject({
      occurred_at: '2024-03-31T17:00:00.000Z',
      province: 'an_giang',
      transport_mode: 'boat',
      value_vnd: 2500000,
    });
    fc.features.pop();
    const res = await post(
      JSON.stringify(fc),
      'dry_run=false&filename=a.geojson',
      analyst,
      'application/geo+json',
    );
    expect(res.status).toBe(201);
    expect((await res.json()).inserted).toBe(1);
  });
});

describe('who may import, and how large', () => {
  it('needs the import permission', async () => {
    expect((await post(goodOnly, 'filename=a.csv', planner)).status).toBe(403);
    expect((await post(goodOnly, 'filename=a.csv', '')).status).toBe(401);
    // Both refusals are in the audit log, as on every other route.
    const denied = await db.sql<{ status: string; username: string | null }[]>`
      select details->>'status' as status, username from audit_log
      where outcome = 'denied' and target = '/api/import/seizures' order by id`;
    expect(denied.map((r) => r.status)).toEqual(['403', '401']);
  });

  it('takes bodies up to maxImportBytes on this route only', async () => {
    // About 15 KB: over maxBodyBytes (4 KB), under maxImportBytes (64 KB); 6 times that is over.
    const rows = Array.from(
      { length: 250 },
      (_, i) => `05/03/2024,105.1,10.6,Thuốc lá,Xe máy,Hải quan,BIG-${i}`,
    );
    const big = `ngày,kinh độ,vĩ độ,loại hàng,phương tiện,đơn vị chủ trì,số vụ việc\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(4096);
    expect(Buffer.byteLength(big) * 6).toBeGreaterThan(64 * 1024);
    const ok = await post(big, 'filename=big.csv');
    expect(ok.status).toBe(200);
    expect((await ok.json()).valid).toBe(250);

    const tooBig = await post(big.repeat(6), 'filename=huge.csv');
    expect(tooBig.status).toBe(413);
    // The rest of a refused body may be unread: the connection is not reused.
    expect(tooBig.headers.get('connection')).toBe('close');
    expect((await tooBig.json()).error).toEqual({
      code: 'payload_too_large',
      message: `Request body exceeds ${64 * 1024} bytes`,
      details: { limit_bytes: 64 * 1024 },
    });
    const other = await app.request('/api/patrol-routes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: analyst },
      body: JSON.stringify({ pad: ' '.repeat(5000) }),
    });
    expect(other.status).toBe(413);
  });

  it('keeps the ordinary body limit for other methods on the import path', async () => {
    const res = await app.request('/api/import/seizures', {
      method: 'PUT',
      headers: { 'content-type': 'text/csv', cookie: analyst },
      body: 'x'.repeat(5000),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.details).toEqual({ limit_bytes: 4096 });
  });

  it('refuses other media types (415)', async () => {
    expect((await post('x', 'filename=a.txt', analyst, 'text/plain')).status).toBe(415);
  });
});
