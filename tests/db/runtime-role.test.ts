import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { grantRuntimeRole, roleOf } from '../../src/lib/server/db/grants';
import { testDb, type TestDb } from '../setup/test-db';
import { createRecordBody } from '../../src/lib/server/api/seizure-record-body';
import * as records from '../../src/lib/server/services/seizure-records';

/**
 * Server mode with two roles: the owner migrates; the app's role may read and write rows but
 * only append to and read the audit log, and, owning nothing, cannot switch its triggers off.
 * PGlite is one superuser session with no roles to separate, so this runs on PostgreSQL only.
 */
const url = inject('databaseUrl');
let db: TestDb;
let app: postgres.Sql;
const role = `brm_rt_${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  if (!url) return;
  db = await testDb();
  await db.sql.unsafe(`create role ${role} login password 'runtime-test'`);
  await grantRuntimeRole(db.sql, role, db.schema);
  const asApp = new URL(url);
  asApp.username = role;
  asApp.password = 'runtime-test';
  app = postgres(asApp.toString(), {
    max: 1,
    onnotice: () => {},
    connection: { search_path: `${db.schema},public` },
  });
});
afterAll(async () => {
  if (!url) return;
  await app.end();
  await db.close(); // drops the schema, and with it every grant to the role
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop role ${role}`);
  await admin.end();
});

describe.runIf(url)('the runtime role (PostgreSQL)', () => {
  it('appends to and reads the audit log', async () => {
    await app`insert into audit_log (action, outcome) values ('test.append', 'ok')`;
    const [row] = await app`select count(*)::int as n from audit_log where action = 'test.append'`;
    expect(row.n).toBe(1);
  });

  it('cannot change, delete, truncate or unprotect it', async () => {
    const denied = /permission denied|must be owner/;
    await expect(app`update audit_log set outcome = 'error'`).rejects.toThrow(denied);
    await expect(app`delete from audit_log`).rejects.toThrow(denied);
    await expect(app`truncate audit_log`).rejects.toThrow(denied);
    await expect(app`alter table audit_log disable trigger all`).rejects.toThrow(denied);
    await expect(app`drop table audit_log`).rejects.toThrow(denied);
    await expect(app`create table sneaky (a int)`).rejects.toThrow(denied);
    const [row] =
      await db.sql`select count(*)::int as n from audit_log where action = 'test.append'`;
    expect(row.n).toBe(1);
  });

  it('reads and writes the working tables', async () => {
    await app`insert into provinces (id, name_vi, name_en, neighbour, geom)
      values ('p_rt', 'P', 'P', 'KH', ST_Multi(ST_MakeEnvelope(105, 10, 105.1, 10.1, 4326)))`;
    await app`update provinces set name_en = 'Q' where id = 'p_rt'`;
    await app`delete from provinces where id = 'p_rt'`;
    await app`insert into users (username, password_hash, role, agency)
      values ('rt.user', 'x', 'analyst', 'customs')`;
    // Tokens are created, touched and revoked by the app; the audit rows name them.
    await app`insert into api_tokens (user_id, name, token_hash, expires_at)
      select id, 'qgis', 'h', now() + interval '1 day' from users where username = 'rt.user'`;
    await app`update api_tokens set last_used_at = now(), revoked_at = now() where token_hash = 'h'`;
    await app`insert into audit_log (action, outcome, token_id) values ('test.token', 'ok', 1)`;
    await expect(app`insert into schema_migrations (id) values ('9999_x')`).rejects.toThrow(
      /permission denied/,
    );
  });

  it('keeps seizure records by hand: lock, version, VN-2000 transform, UTM trigger', async () => {
    await db.sql`insert into provinces (id, name_vi, name_en, neighbour, geom)
      values ('lang_son', 'L', 'L', 'CN', ST_Multi(ST_MakeEnvelope(106.6, 21.8, 106.8, 22.0, 4326)))`;
    const user = {
      id: 1,
      username: 'rt',
      role: 'analyst' as const,
      agency: 'customs' as const,
      unit: null,
    };
    const input = createRecordBody.parse({
      occurred_at: '2024-03-05',
      category: 'drugs',
      subjects: 1,
      transport_mode: 'porter',
      lead_agency: 'customs',
      case_ref: 'RT-1',
      x: 675400,
      y: 2422800,
      crs: 3405,
    });
    const created = await app.begin((tx) => records.createRecord(tx, user, input));
    expect(created).toMatchObject({ version: 1, province: 'lang_son', source: 'manual' });
    const { after } = await app.begin((tx) =>
      records.updateRecord(tx, user, created.id, 1, { ...input, subjects: 2 }),
    );
    expect(after).toMatchObject({ version: 2, subjects: 2 });
    const [utm] = await app`select x_utm from seizures where id = ${created.id}`;
    expect(utm.x_utm).toBeGreaterThan(600_000);
    await app.begin((tx) => records.deleteRecord(tx, user, created.id, 2));
    await db.sql`delete from provinces where id = 'lang_son'`;
  });

  // Two servers in server mode start together and both grant: PostgreSQL answered one of them
  // "tuple concurrently updated" and that server exited.
  it('is granted by several starting servers at once without an error', async () => {
    const owners = [0, 1, 2, 3, 4, 5].map(() =>
      postgres(url!, {
        max: 1,
        onnotice: () => {},
        connection: { search_path: `${db.schema},public` },
      }),
    );
    try {
      const results = await Promise.allSettled(
        owners.map((o) => grantRuntimeRole(o, role, db.schema)),
      );
      const failed = results.filter((r) => r.status === 'rejected');
      expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    } finally {
      await Promise.all(owners.map((o) => o.end({ timeout: 5 })));
    }
    const [row] = await app`select count(*)::int as n from provinces`;
    expect(row.n).toBeGreaterThanOrEqual(0);
  });

  it('is named by the user of the app URL', () => {
    expect(roleOf('postgres://brm%5Fapp:secret@db:5432/brm')).toBe('brm_app');
  });
});
