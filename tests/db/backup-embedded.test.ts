import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embeddedClient, type Client } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { lockHolder } from '../../src/lib/server/db/engine-lock';
import {
  backupEmbedded,
  PGLITE_PG_MAJOR,
  restoreEmbedded,
} from '../../src/lib/server/services/backup-embedded';
import { loadFullDb } from '../fixtures/full-db';
import { tableChecksums, type TableSum } from '../setup/table-checksums';
import { secondClient, testDb, type TestDb } from '../setup/test-db';

/**
 * Backup of the running embedded engine (vitest's main process plays the app) through its
 * control socket, while another connection keeps writing; restore into an empty data directory;
 * every table the same, row for row.
 */
describe.skipIf(!inject('socketPath'))('embedded backup and restore', () => {
  let db: TestDb;
  let work: string;
  let before: Record<string, TableSum>;
  const file = () => join(work, 'backup.tgz');
  beforeAll(async () => {
    db = await testDb();
    work = mkdtempSync(join(tmpdir(), 'brm-backup-'));
    await loadFullDb(db.sql);
    await db.sql`create table writes (batch int not null, half int not null)`;
  });
  afterAll(async () => {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up while a writer keeps transactions open on another connection', async () => {
    const writer = await secondClient(db);
    let batches = 0;
    let stop = false;
    // Each transaction writes two rows with a pause between: it is open most of the time.
    const writing = (async () => {
      while (!stop) {
        const batch = ++batches;
        await writer.begin(async (tx) => {
          await tx`insert into writes values (${batch}, 1)`;
          await new Promise((r) => setTimeout(r, 15));
          await tx`insert into writes values (${batch}, 2)`;
        });
      }
    })();
    try {
      await new Promise((r) => setTimeout(r, 200));
      const bytes = await backupEmbedded(file(), { dataDir: inject('dataDir') });
      expect(bytes).toBeGreaterThan(1_000_000);
      expect(batches).toBeGreaterThan(3); // the writer kept going while the dump waited its turn
    } finally {
      stop = true;
      await writing;
      await writer.end();
    }
    before = await tableChecksums(db.sql, db.schema);
    const empty = Object.entries(before).filter(([name, sum]) => name !== 'writes' && !sum.rows);
    expect(empty).toEqual([]); // every table has rows worth comparing
    expect(readdirSync(work)).toEqual(['backup.tgz']); // no partial file left beside it
  });

  it('restores into an empty data directory with every table identical', async () => {
    const target = join(work, 'restored');
    await restoreEmbedded(file(), { dataDir: target });
    const engine = await startEmbedded(target);
    let sql: Client | undefined;
    try {
      sql = embeddedClient(engine.socketPath);
      const after = await tableChecksums(sql, db.schema);
      const { writes: writesAfter, ...restAfter } = after;
      const { writes: writesBefore, ...restBefore } = before;
      expect(restAfter).toEqual(restBefore);
      // The writer went on after the dump: fewer rows, but only whole transactions.
      expect(writesAfter.rows).toBeGreaterThan(0);
      expect(writesAfter.rows).toBeLessThanOrEqual(writesBefore.rows);
      const halves = await sql<{ n: number }[]>`
        select count(*)::int as n from ${sql(db.schema)}.writes group by batch having count(*) <> 2`;
      expect(halves).toEqual([]);
      expect((await sql`show server_version`)[0].server_version).toMatch(
        new RegExp(`^${PGLITE_PG_MAJOR}\\.`),
      );
    } finally {
      await sql?.end();
      await engine.stop();
    }
  });

  it('refuses a data directory that holds a database, and files of another kind', async () => {
    const target = join(work, 'restored');
    await expect(restoreEmbedded(file(), { dataDir: target })).rejects.toThrow(
      /already holds a database: restore only into an empty data directory/,
    );
    const fresh = join(work, 'fresh');
    writeFileSync(join(work, 'x.dump'), 'PGDMP\x01\x0e\x00');
    await expect(restoreEmbedded(join(work, 'x.dump'), { dataDir: fresh })).rejects.toThrow(
      /is a pg_dump archive: restore it into PostgreSQL/,
    );
    writeFileSync(join(work, 'x.tgz'), gzipSync('not a tar archive at all'.repeat(40)));
    await expect(restoreEmbedded(join(work, 'x.tgz'), { dataDir: fresh })).rejects.toThrow(
      /is not an embedded-engine backup: not a gzip tar archive/,
    );
    expect(existsSync(fresh)).toBe(false); // refused before anything was touched
  });

  it('refuses to restore over the running engine', async () => {
    const holder = await lockHolder(inject('dataDir'));
    await expect(restoreEmbedded(file(), { dataDir: inject('dataDir') })).rejects.toThrow(
      `is in use by process ${holder!.pid}`,
    );
  });
});
