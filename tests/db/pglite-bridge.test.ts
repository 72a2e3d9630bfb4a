import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embeddedClient } from '../../src/lib/server/db/client';
import { serveOnSocket } from '../../src/lib/server/db/pglite-bridge';
import { storageOptions } from '../../src/lib/server/db/pglite-open';
import { copyOfTestEngine } from '../setup/engine-copy';
import { secondClient, testDb, type TestDb } from '../setup/test-db';

/**
 * Every reply reaches the query it answers, also after errors. Through pglite-socket's server,
 * errors raised by triggers made later replies drift by one (a DELETE "succeeded" with no rows
 * while a later SELECT received its error); src/lib/server/db/pglite-bridge.ts is the fix.
 */
let db: TestDb;
beforeAll(async () => {
  db = await testDb();
  await db.sql.unsafe(`
    create table guarded (x int);
    insert into guarded values (1), (2);
    create function refuse_guarded() returns trigger language plpgsql as $$
      begin raise exception 'guarded is read-only'; end $$;
    create trigger guarded_rows before update or delete on guarded for each row execute function refuse_guarded();
    create trigger guarded_truncate before truncate on guarded for each statement execute function refuse_guarded();`);
});
afterAll(() => db.close());

async function outcome(query: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await query());
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('replies after errors', () => {
  it.each([1, 2, 3, 4, 5])('stay in step (round %i)', async () => {
    const { sql } = db;
    const results = [];
    results.push(await outcome(() => sql`update guarded set x = 3`));
    results.push(await outcome(() => sql`delete from guarded`));
    results.push(await outcome(() => sql`select count(*)::int as n from guarded`));
    results.push(await outcome(() => sql`truncate guarded`));
    results.push(await outcome(() => sql`select 43 as v`));
    results.push(await outcome(() => sql`select ${'x'}::int as bad`));
    results.push(await outcome(() => sql`select 44 as v`));
    expect(results).toEqual([
      'error: guarded is read-only',
      'error: guarded is read-only',
      '[{"n":2}]',
      'error: guarded is read-only',
      '[{"v":43}]',
      'error: invalid input syntax for type integer: "x"',
      '[{"v":44}]',
    ]);
  });

  it('stay in step when an error comes while other queries are in flight', async () => {
    // PGlite sent an extra ReadyForQuery after the error; the query waiting next took it as
    // its own empty answer, and from then on each query received the previous one's rows.
    const { sql } = db;
    const both = await Promise.allSettled([sql`select ${'x'}::int as bad`, sql`select 2 as b`]);
    expect(both.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.message))).toEqual([
      'invalid input syntax for type integer: "x"',
      [{ b: 2 }],
    ]);
    expect(await sql`select 47 as v`).toEqual([{ v: 47 }]);
    const syntax = await Promise.allSettled([sql`select from where ${1}`, sql`select 3 as c`]);
    expect(syntax[1]).toEqual({ status: 'fulfilled', value: [{ c: 3 }] });
    expect(await sql`select 48 as v`).toEqual([{ v: 48 }]);
  });

  it('rolls back a failed transaction and carries on', async () => {
    const { sql } = db;
    await expect(
      sql.begin(async (tx) => {
        await tx`insert into guarded values (9)`;
        await tx`delete from guarded`;
      }),
    ).rejects.toThrow('guarded is read-only');
    expect(await sql`select count(*)::int as n from guarded`).toEqual([{ n: 2 }]);
  });
});

describe('several connections', () => {
  it('never shows one connection the uncommitted rows of another', async () => {
    const other = await secondClient(db);
    try {
      let committedAt = 0;
      const writer = db.sql
        .begin(async (tx) => {
          await tx`insert into guarded values (100)`;
          await new Promise((r) => setTimeout(r, 150));
          await tx`insert into guarded values (101)`;
        })
        .then(() => (committedAt = performance.now()));
      await new Promise((r) => setTimeout(r, 30));
      const [{ n }] = await other<
        { n: number }[]
      >`select count(*)::int as n from guarded where x >= 100`;
      const readAt = performance.now();
      await writer;
      // PostgreSQL reads the committed state (0); the embedded bridge makes the reader wait for
      // the writer's commit (2). Never 1: half a transaction.
      expect(n === 0 || (n === 2 && readAt >= committedAt)).toBe(true);
      expect((await other`select count(*)::int as n from guarded where x >= 100`)[0].n).toBe(2);
    } finally {
      await other.end();
    }
  });

  it('rolls back the open transaction of a connection that vanishes', async () => {
    const quitter = await secondClient(db);
    const reserved = await quitter.reserve();
    await reserved`begin`;
    await reserved`insert into guarded values (200)`;
    // Drop the socket without COMMIT, as a crashed process would.
    await quitter.end({ timeout: 0 });
    const [{ n }] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from guarded where x = 200`;
    expect(n).toBe(0);
    expect(await db.sql`select 7 as v`).toEqual([{ v: 7 }]);
  });
});

describe.skipIf(!inject('socketPath'))('exclusive tasks (backups)', () => {
  it('run between transactions: never inside one that another connection holds open', async () => {
    const dir = await copyOfTestEngine();
    const pg = await PGlite.create(storageOptions(join(dir, 'pgdata'), false));
    const bridge = await serveOnSocket(pg, join(dir, 'db.sock'));
    const client = embeddedClient(join(dir, 'db.sock'));
    try {
      await client`create table pairs (batch int)`;
      const order: string[] = [];
      const writer = client.begin(async (tx) => {
        await tx`insert into pairs values (1)`;
        await new Promise((r) => setTimeout(r, 200));
        await tx`insert into pairs values (1)`;
        order.push('commit');
      });
      await new Promise((r) => setTimeout(r, 50)); // the transaction is open now
      const seen = bridge.exclusive(async () => {
        order.push('task');
        return (await pg.query<{ n: number }>('select count(*)::int as n from pairs')).rows[0].n;
      });
      await writer;
      expect(await seen).toBe(2);
      expect(order).toEqual(['commit', 'task']);
    } finally {
      await client.end();
      await bridge.close();
      await pg.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
