import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_MAX_ROWS } from '../../src/lib/server/services/audit-export';
import { addUser, signIn } from '../setup/auth';
import { testApp, testDb, type TestDb } from '../setup/test-db';

/**
 * The export's cap, against a real table: 100,001 entries are refused with a 400 that says to
 * narrow the filters, and 100,000 stream in full.
 */
let db: TestDb;
let app: ReturnType<typeof testApp>['app'];
let admin: string;

beforeAll(async () => {
  db = await testDb();
  app = testApp(db).app;
  // One entry a second from 1 January 2024 00:00 UTC: the 100,001st is at 03:46:40 on the 2nd.
  await db.sql`
    insert into audit_log (at, username, action, target, outcome, details)
    select timestamptz '2024-01-01T00:00:00Z' + (i - 1) * interval '1 second', 'bulk',
      'layer.read', 'seizures', 'ok', jsonb_build_object('n', i)
    from generate_series(1, ${AUDIT_EXPORT_MAX_ROWS + 1}) i`;
  await addUser(db.sql, 'boss', 'admin', 'border_guard');
  admin = await signIn(app, 'boss');
}, 180_000);
afterAll(() => db.close());

const exportCsv = (query: string) =>
  app.request(`/api/audit/export.csv?${query}`, { headers: { cookie: admin } });

describe('the export cap', () => {
  it('is 100,000 entries', () => {
    expect(AUDIT_EXPORT_MAX_ROWS).toBe(100_000);
  });

  it('refuses one entry more, saying to narrow the filters, and records the refusal', async () => {
    const res = await exportCsv('username=bulk');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = await res.json();
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toMatch(/More than 100000 audit entries match: narrow the filters/);
    expect(error.details).toEqual({ max_rows: 100_000 });
    const [entry] = await db.sql`
      select username, outcome, details from audit_log where action = 'audit.export'`;
    expect(entry).toEqual({
      username: 'boss',
      outcome: 'failed',
      details: { filters: { username: 'bulk' }, status: 400, code: 'too_many_rows' },
    });
  });

  it('streams exactly the cap', async () => {
    const res = await exportCsv('username=bulk&to=2024-01-02T03:46:40Z');
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(await res.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(100_002); // the header, 100,000 rows, and '' after the last CRLF
    expect(lines[1]).toMatch(/^\d+,2024-01-01T00:00:00\.000Z,01\/01\/2024 07:00:00,bulk,/);
    expect(lines[100_000]).toMatch(
      /,2024-01-02T03:46:39\.000Z,02\/01\/2024 10:46:39,bulk,.*"{""n"":100000}"$/,
    );
    const [entry] = await db.sql`
      select outcome, details from audit_log where action = 'audit.export' order by id desc limit 1`;
    expect(entry.details.row_count).toBe(100_000);
  }, 120_000);
});
