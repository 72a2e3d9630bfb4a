import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_NAME, VIETNAMESE_NAME, loadAuditHours } from '../fixtures/audit-hours';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The audit log as CSV: the exact bytes of a small export (byte order mark, header, Vietnamese
 * text, a cell crafted as a formula), a round trip through a CSV parser, batches that span
 * several reads, and the export's own entry in the log.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let admin: string;
let ids: number[];
/** The app's clock: exports are named after its Vietnam day (07/03/2024 10:00). */
const NOW = new Date('2024-03-07T03:00:00Z');

beforeAll(async () => {
  db = await testDb();
  app = testApp(db, {}, () => NOW).app;
  ids = await loadAuditHours(db.sql);
  await addUser(db.sql, 'boss', 'admin', 'border_guard');
  admin = await signIn(app, 'boss');
});
afterAll(() => db.close());

const exportCsv = (query: string) =>
  app.request(`/api/audit/export.csv?${query}`, { headers: { cookie: admin } });

/** The failed sign-ins of 05/03/2024, a Vietnam day given as its two midnights. */
const SIGN_INS =
  'from=2024-03-05T00:00:00%2B07:00&to=2024-03-06T00:00:00%2B07:00&action=login&outcome=failed';

/** CSV rows as objects keyed by the header, as a spreadsheet user's script would read them. */
const csvRecords = (input: string | Buffer) =>
  parse(input, { bom: true, columns: true }) as Record<string, string>[];

/** The body as text with its byte order mark kept (Response.text() drops it). */
const textOf = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

const lastExport = async () =>
  (
    await db.sql`select username, role, target, outcome, details from audit_log
      where action = 'audit.export' order by id desc limit 1`
  )[0];

describe('GET /api/audit/export.csv', () => {
  it('writes the exact bytes of a small export', async () => {
    const res = await exportCsv(SIGN_INS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="audit-log_2024-03-05_2024-03-05_2024-03-07.csv"',
    );
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    // The UTF-8 byte order mark, so Excel reads the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await textOf(res)).toBe(
      '\uFEFF' +
        'id,time_utc,time_vietnam,username,role,agency,action,target,outcome,client,request_id,details\r\n' +
        `${ids[13]},2024-03-05T02:00:00.000Z,05/03/2024 09:00:00,Nguyễn Văn Bình,,,login,,failed,10.9.9.9,,` +
        '"{""note"":""Đồng Đăng"",""reason"":""unknown_user""}"\r\n' +
        // A name that would run as a formula starts with an apostrophe; '-1+1' inside JSON does not.
        `${ids[14]},2024-03-05T02:05:00.000Z,05/03/2024 09:05:00,` +
        `"'=HYPERLINK(""http://x.example"",""Lạng Sơn"")",,,login,,failed,10.9.9.9,,` +
        '"{""note"":""-1+1"",""reason"":""unknown_user""}"\r\n',
    );
    // Vietnamese is encoded as UTF-8 ('ễ' is three bytes), not as a code page.
    expect(Buffer.from(bytes).includes(Buffer.from('Nguyễn', 'utf8'))).toBe(true);
  });

  it('round-trips through a CSV parser', async () => {
    const res = await exportCsv(SIGN_INS);
    const records = csvRecords(Buffer.from(await res.arrayBuffer()));
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      id: String(ids[13]),
      time_utc: '2024-03-05T02:00:00.000Z',
      time_vietnam: '05/03/2024 09:00:00',
      username: VIETNAMESE_NAME,
      role: '',
      agency: '',
      action: 'login',
      target: '',
      outcome: 'failed',
      client: '10.9.9.9',
      request_id: '',
      details: expect.any(String),
    });
    expect(JSON.parse(records[0].details)).toEqual({ reason: 'unknown_user', note: 'Đồng Đăng' });
    // What a reader must strip to get the name back: exactly the one apostrophe.
    expect(records[1].username).toBe(`'${FORMULA_NAME}`);
  });

  it('exports every matching entry oldest first, with denials counted', async () => {
    const res = await exportCsv('from=2024-03-04&to=2024-03-05');
    const records = csvRecords(Buffer.from(await res.arrayBuffer()));
    expect(records.map((r) => Number(r.id))).toEqual(ids);
    expect(JSON.parse(records[0].details)).toEqual({
      status: 401,
      permission: 'view',
      window_start: '2024-03-04T18:10:00.000Z',
      denials_in_window: 37,
    });
    expect(records[0].time_vietnam).toBe('05/03/2024 01:12:00');
    expect(records[1]).toMatchObject({
      username: 'demo.commander',
      role: 'commander',
      agency: 'border_guard',
      action: 'layer.read',
      target: 'seizures',
      outcome: 'ok',
      client: '10.1.1.1',
    });
  });

  it('records each export with its filters and row count', async () => {
    await exportCsv(`${SIGN_INS}&username=`);
    expect(await lastExport()).toEqual({
      username: 'boss',
      role: 'admin',
      target: 'audit_log',
      outcome: 'ok',
      details: {
        filters: {
          from: '2024-03-05T00:00:00+07:00',
          to: '2024-03-06T00:00:00+07:00',
          action: 'login',
          outcome: 'failed',
        },
        row_count: 2,
      },
    });
    const empty = await exportCsv('from=2020-01-01&to=2020-01-01');
    expect(await textOf(empty)).toBe(
      '\uFEFFid,time_utc,time_vietnam,username,role,agency,action,target,outcome,client,request_id,details\r\n',
    );
    expect(empty.headers.get('content-disposition')).toContain(
      'audit-log_2020-01-01_2020-01-01_2024-03-07.csv',
    );
    expect((await lastExport()).details).toEqual({
      filters: { from: '2020-01-01', to: '2020-01-01' },
      row_count: 0,
    });
  });

  it('names an export without date bounds start and now', async () => {
    const res = await exportCsv('target=seizures');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="audit-log_start_now_2024-03-07.csv"',
    );
    const records = csvRecords(await res.text());
    expect(records).toHaveLength(6);
  });

  it('reads a long export in several batches without a gap or a repeat', async () => {
    // 2,345 more entries: three batches of 1,000 and a short one after the fixture's.
    await db.sql`
      insert into audit_log (at, username, action, target, outcome)
      select timestamptz '2024-03-10T00:00:00Z' + i * interval '1 second', 'bulk', 'layer.read',
        'seizures', 'ok'
      from generate_series(1, 2345) i`;
    const res = await exportCsv('username=bulk');
    const records = csvRecords(await res.text());
    expect(records).toHaveLength(2345);
    const got = records.map((r) => Number(r.id));
    expect(new Set(got).size).toBe(2345);
    expect(got).toEqual([...got].sort((a, b) => a - b));
    expect(records.at(-1)?.time_utc).toBe('2024-03-10T00:39:05.000Z');
    expect((await lastExport()).details.row_count).toBe(2345);
  });

  it('refuses bad filters before counting', async () => {
    const res = await exportCsv('outcome=maybe');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_parameter');
    expect((await exportCsv('limit=5')).status).toBe(400);
  });
});
