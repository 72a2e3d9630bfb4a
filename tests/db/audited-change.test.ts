import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '../../src/lib/server/errors';
import { audited, type Actor } from '../../src/lib/server/services/audited-change';
import { testDb, type TestDb } from '../setup/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await testDb();
  await db.sql`create table counters (name text primary key, n int not null)`;
  await db.sql`insert into counters values ('c', 0)`;
});
afterAll(() => db.close());

const AT = new Date('2025-03-04T05:06:07Z');
const actor: Actor = {
  user: null,
  stamp: (e) => ({ ...e, username: 'tester', requestId: 'req-1', client: '10.0.0.9' }),
  now: () => AT,
};
const counter = async () => (await db.sql<{ n: number }[]>`select n from counters`)[0].n;
const rows = (target: string) =>
  db.sql`select at, username, action, outcome, details, request_id, client
    from audit_log where target = ${target} order by id`;

/** Adds one to the counter, then fails as told. */
const bump = (fail?: () => never) => ({
  prepare: () => 1,
  apply: async (tx: postgres.TransactionSql, by: number) => {
    await tx`update counters set n = n + ${by}`;
    fail?.();
    return { result: 'done', details: { by } };
  },
});

describe('audited', () => {
  it('commits the change and its ok row together', async () => {
    expect(await audited(db.sql, actor, 'count.up', 't/ok', bump())).toBe('done');
    expect(await counter()).toBe(1);
    expect(await rows('t/ok')).toEqual([
      {
        at: AT,
        username: 'tester',
        action: 'count.up',
        outcome: 'ok',
        details: { by: 1 },
        request_id: 'req-1',
        client: '10.0.0.9',
      },
    ]);
  });

  it('rolls a refusal back and records it as failed', async () => {
    const refuse = () => {
      throw notFound('No such thing');
    };
    await expect(audited(db.sql, actor, 'count.up', 't/refused', bump(refuse))).rejects.toThrow(
      'No such thing',
    );
    expect(await counter()).toBe(1);
    expect(await rows('t/refused')).toMatchObject([
      { outcome: 'failed', details: { status: 404, code: 'not_found' } },
    ]);
  });

  it('rolls an error back and records it without its internals', async () => {
    const crash = () => {
      throw new Error('disk on fire at /var/lib/x');
    };
    await expect(audited(db.sql, actor, 'count.up', 't/error', bump(crash))).rejects.toThrow(
      'disk on fire',
    );
    expect(await counter()).toBe(1);
    expect(await rows('t/error')).toMatchObject([{ outcome: 'error', details: { status: 500 } }]);
  });

  it('joins a transaction it is given as a savepoint', async () => {
    await db.sql.begin(async (tx) => {
      await audited(tx, actor, 'count.up', 't/inner', bump());
      // The outer transaction goes on after a refused inner change.
      await expect(
        audited(
          tx,
          actor,
          'count.up',
          't/inner',
          bump(() => {
            throw notFound('x');
          }),
        ),
      ).rejects.toThrow('x');
      await tx`update counters set n = n + 10`;
    });
    expect(await counter()).toBe(12);
    expect((await rows('t/inner')).map((r) => r.outcome)).toEqual(['ok', 'failed']);
  });
});
