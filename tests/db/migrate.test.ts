import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { useSchema } from '../../src/lib/server/db/client';
import { secondClient, testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await testDb(); // already migrated with the real files
});
afterAll(() => db.close());

const tables = async () =>
  (
    await db.sql<{ t: string }[]>`
    select table_name as t from information_schema.tables where table_schema = ${db.schema} order by 1`
  ).map((r) => r.t);

describe('migrations', () => {
  it('are numbered files applied in order and recorded once', async () => {
    const files = readMigrations();
    const all = [
      '0001_init',
      '0002_auth_audit',
      '0003_reliability',
      '0004_frontier_accuracy',
      '0005_seizure_goods_code',
      '0006_plans_patrols',
      '0007_synthetic_patrols',
      '0008_seizure_records',
      '0009_api_tokens',
      '0010_information_reports',
    ];
    expect(files.map((m) => m.id)).toEqual(all);
    const rows = await db.sql`select id from schema_migrations order by id`;
    expect(rows.map((r) => r.id)).toEqual(all);
    expect(await migrate(db.sql)).toEqual([]);
  });

  it('roll back a failing file whole: no half schema, no record', async () => {
    const before = await tables();
    const broken = [
      { id: '9001_ok', sql: 'create table later_ok (a int);' },
      { id: '9002_broken', sql: 'create table half_done (a int); select no_such_function();' },
      { id: '9003_never', sql: 'create table never_reached (a int);' },
    ];
    await expect(migrate(db.sql, [...readMigrations(), ...broken])).rejects.toThrow(
      /no_such_function/,
    );
    expect(await tables()).toEqual([...before, 'later_ok'].sort());
    const ids = (await db.sql`select id from schema_migrations order by id`).map((r) => r.id);
    expect(ids).toEqual([
      '0001_init',
      '0002_auth_audit',
      '0003_reliability',
      '0004_frontier_accuracy',
      '0005_seizure_goods_code',
      '0006_plans_patrols',
      '0007_synthetic_patrols',
      '0008_seizure_records',
      '0009_api_tokens',
      '0010_information_reports',
      '9001_ok',
    ]);
  });

  // Two servers started together against one database both migrate. Each file must be applied
  // exactly once and neither start may fail (it did: duplicate key on schema_migrations).
  it('run by four instances at once, apply each file once and fail none', async () => {
    const schema = `${db.schema}_race`;
    const clients = await Promise.all([0, 1, 2, 3].map(() => secondClient(db)));
    try {
      for (const c of clients) await useSchema(c, schema);
      const results = await Promise.allSettled(clients.map((c) => migrate(c)));
      const failed = results.filter((r) => r.status === 'rejected');
      expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.sort()).toEqual(readMigrations().map((m) => m.id));
    } finally {
      await clients[0]`drop schema if exists ${clients[0](schema)} cascade`;
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
    }
  });
});
