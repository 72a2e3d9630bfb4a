import fs from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { storageOptions } from '../../src/lib/server/db/pglite-open';
import { copyOfTestEngine } from '../setup/engine-copy';

/**
 * PGlite starts PostgreSQL with fsync off and its file system drops fsync calls, so a commit
 * could be acknowledged while still only in the page cache. Durable mode (the default) turns
 * fsync on and gives the file system a real fsync: each commit reaches the disk.
 */
describe.skipIf(!inject('socketPath'))('durable commits', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyOfTestEngine();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function fsyncsPerStatement(db: PGlite) {
    await db.exec('create table if not exists durable_probe (id serial primary key, v text)');
    const spy = vi.spyOn(fs, 'fsyncSync');
    try {
      await db.query('insert into durable_probe (v) values ($1)', ['one commit']);
      const commit = spy.mock.calls.length;
      await db.query('select count(*) from durable_probe');
      return { commit, read: spy.mock.calls.length - commit };
    } finally {
      spy.mockRestore();
    }
  }

  it('fsyncs the write-ahead log at every commit when on', async () => {
    // PostGIS is left out: it takes seconds to load and has nothing to do with storage.
    const db = await PGlite.create(storageOptions(join(dir, 'pgdata'), true));
    try {
      expect((await db.query('show fsync')).rows).toEqual([{ fsync: 'on' }]);
      expect((await db.query('show wal_sync_method')).rows).toEqual([{ wal_sync_method: 'fsync' }]);
      const { commit, read } = await fsyncsPerStatement(db);
      expect(commit).toBe(1);
      expect(read).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('fsyncs nothing when turned off (EMBEDDED_FSYNC=false)', async () => {
    const db = await PGlite.create(storageOptions(join(dir, 'pgdata'), false));
    try {
      expect((await db.query('show fsync')).rows).toEqual([{ fsync: 'off' }]);
      expect(await fsyncsPerStatement(db)).toEqual({ commit: 0, read: 0 });
    } finally {
      await db.close();
    }
  });
});
