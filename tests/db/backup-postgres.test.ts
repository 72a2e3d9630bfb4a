import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupPostgres, restorePostgres } from '../../src/lib/server/services/backup-postgres';
import { loadFullDb } from '../fixtures/full-db';
import { tableChecksums } from '../setup/table-checksums';
import { testDb, type TestDb } from '../setup/test-db';

/**
 * Server mode: pg_dump of the live database, pg_restore into a new, empty database, every table
 * the same row for row. The new database comes from the template_postgis template (PostGIS
 * installed by a superuser, as .ci/run does): creating the extension needs one.
 */
const TEMPLATE = process.env.TEST_POSTGIS_TEMPLATE ?? 'template_postgis';

describe.skipIf(!inject('databaseUrl'))('PostgreSQL backup and restore', () => {
  let db: TestDb;
  let work: string;
  let target: string;
  let targetUrl: string;
  beforeAll(async () => {
    db = await testDb();
    await loadFullDb(db.sql);
    work = mkdtempSync(join(tmpdir(), 'brm-pgbackup-'));
    target = `brm_restore_${Math.random().toString(36).slice(2, 10)}`;
    await db.sql`create database ${db.sql(target)} template ${db.sql(TEMPLATE)}`;
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${target}`;
    targetUrl = url.toString();
  });
  afterAll(async () => {
    await db.sql`drop database if exists ${db.sql(target)} with (force)`;
    await db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up and restores into a new, empty database with every table identical', async () => {
    const file = join(work, 'brm.dump');
    await backupPostgres(inject('databaseUrl'), file);
    await restorePostgres(targetUrl, file);
    const before = await tableChecksums(db.sql, db.schema);
    expect(Object.entries(before).filter(([, sum]) => !sum.rows)).toEqual([]);
    const restored = postgres(targetUrl, { max: 1, onnotice: () => {} });
    try {
      await restored.unsafe("set timezone = 'UTC'");
      expect(await tableChecksums(restored, db.schema)).toEqual(before);
    } finally {
      await restored.end();
    }
  });

  it('refuses a database that is not empty, and a file of another kind', async () => {
    const file = join(work, 'brm.dump');
    await expect(restorePostgres(targetUrl, file)).rejects.toThrow(
      'The target database is not empty: restore only into a new, empty database.',
    );
    writeFileSync(join(work, 'x.tgz'), Buffer.from([0x1f, 0x8b, 8, 0]));
    await expect(restorePostgres(targetUrl, join(work, 'x.tgz'))).rejects.toThrow(
      /is an embedded-engine backup: restore it with DATABASE_URL unset/,
    );
    writeFileSync(join(work, 'x.txt'), 'select 1;');
    await expect(restorePostgres(targetUrl, join(work, 'x.txt'))).rejects.toThrow(
      /is not a pg_dump archive/,
    );
  });
});

describe.skipIf(!inject('databaseUrl'))('PostgreSQL restore without PostGIS in the target', () => {
  it('says what a superuser must run, and restores nothing', async () => {
    const db = await testDb();
    const bare = `brm_bare_${Math.random().toString(36).slice(2, 10)}`;
    const work = mkdtempSync(join(tmpdir(), 'brm-pgbackup-'));
    await db.sql`create database ${db.sql(bare)} template template0`;
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${bare}`;
    try {
      await backupPostgres(inject('databaseUrl'), join(work, 'brm.dump'));
      await expect(restorePostgres(url.toString(), join(work, 'brm.dump'))).rejects.toThrow(
        /lacks the extension postgis, and this role cannot create it .* As a superuser, run: create extension postgis;/,
      );
      const other = postgres(url.toString(), { max: 1 });
      const [{ n }] = await other<{ n: number }[]>`
        select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
      await other.end();
      expect(n).toBe(0);
    } finally {
      await db.sql`drop database if exists ${db.sql(bare)} with (force)`;
      await db.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
