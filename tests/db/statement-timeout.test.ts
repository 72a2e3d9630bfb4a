import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/lib/server/api/app';
import { loadConfig } from '../../src/lib/server/config';
import { connect } from '../../src/lib/server/db/client';

const url = inject('databaseUrl');

describe('statement timeout', () => {
  // PGlite runs in this process's event loop and cannot cancel a running statement, so the
  // timeout is PostgreSQL's alone (README, STATEMENT_TIMEOUT_MS); only that engine is checked.
  it.skipIf(!url)('cancels a query that runs past STATEMENT_TIMEOUT_MS', async () => {
    const db = await connect({ databaseUrl: url, dataDir: '', statementTimeoutMs: 200 });
    try {
      const [row] = await db.sql`select current_setting('statement_timeout') as t`;
      expect(row.t).toBe('200ms');
      await expect(db.sql`select pg_sleep(2)`).rejects.toMatchObject({ code: '57014' });
      expect(await db.sql`select 1 as ok`).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!url)('reaches the client as a 503 with the request id, not a 500', async () => {
    const sql = postgres(url, {
      max: 1,
      onnotice: () => {},
      connection: { statement_timeout: 100 },
    });
    try {
      const app = createApp({ db: { sql, engine: 'postgres' }, config: loadConfig({}) });
      // The health check is the one public route that queries; a slow function stands in for
      // a slow PostGIS call by replacing postgis_lib_version in a schema searched first.
      await sql`create schema if not exists slow_timeout_test`;
      await sql.unsafe(`create or replace function slow_timeout_test.postgis_lib_version() returns text
        language sql as $$ select pg_sleep(1)::text $$`);
      await sql.unsafe('set search_path to slow_timeout_test, public');
      const res = await app.request('/api/health');
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.error).toMatchObject({
        code: 'timeout',
        message: 'The query took too long and was cancelled. Narrow the filters and retry.',
        details: { request_id: expect.any(String) },
      });
    } finally {
      await sql.unsafe('drop schema if exists slow_timeout_test cascade');
      await sql.end();
    }
  });
});
