import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondClient, testDb, type TestDb } from '../setup/test-db';
import type { Client } from '../../src/lib/server/db/client';

/**
 * Why exports read in batches along the primary key rather than through a postgres.js cursor
 * (services/export.ts): what a cursor does through the embedded engine's bridge when another
 * connection queries between two of its fetches. On PostgreSQL each connection is a session of
 * its own and the cursor is untouched; PGlite is one session shared by every connection.
 */
let db: TestDb;
let other: Client;
beforeAll(async () => {
  db = await testDb();
  other = await secondClient(db);
  await db.sql`create table numbers as select generate_series(1, 1000) as n`;
});
afterAll(async () => {
  await other.end();
  await db.close();
});

async function readWithCursor(interleave: boolean): Promise<string> {
  let seen = 0;
  try {
    for await (const rows of db.sql`select n from numbers order by n`.cursor(100)) {
      seen += rows.length;
      if (interleave) await other`select 1 as x`;
    }
    return `read ${seen}`;
  } catch (e) {
    return `failed after ${seen}: ${(e as Error).message}`;
  }
}

describe('a postgres.js cursor', () => {
  it('reads every row when nothing else runs', async () => {
    expect(await readWithCursor(false)).toBe('read 1000');
  });

  it('on PostgreSQL survives another connection querying between fetches; not through the bridge', async () => {
    const result = await readWithCursor(true);
    if (db.engine === 'postgres') expect(result).toBe('read 1000');
    // The other connection's unnamed statement replaced the cursor's unnamed portal.
    else expect(result).toBe('failed after 100: portal "" does not exist');
  });
});
