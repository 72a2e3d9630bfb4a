import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Client as Sql } from './client';
import { withSchemaLock } from './schema-lock';

export const MIGRATIONS_DIR = resolve('migrations');

export interface Migration {
  id: string;
  sql: string;
}

/** Numbered files `NNNN_name.sql` in order; anything else in the folder is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      throw new Error(`Migration file name not NNNN_name.sql: ${f}`);
  }
  return files.map((f) => ({
    id: f.replace(/\.sql$/, ''),
    sql: readFileSync(join(dir, f), 'utf8'),
  }));
}

/**
 * Applies pending migrations in order, each in its own transaction together with its record,
 * so a failing file leaves neither half a schema nor a false record. Each transaction holds the
 * schema lock and looks again whether its file is done, so instances starting together apply
 * each file once. Returns the ids this call applied.
 */
export async function migrate(sql: Sql, migrations = readMigrations()): Promise<string[]> {
  await withSchemaLock(sql, async (tx) => {
    await tx`
      create table if not exists schema_migrations (
        id text primary key,
        applied_at timestamptz not null default now()
      )`;
  });
  const done = new Set(
    (await sql<{ id: string }[]>`select id from schema_migrations`).map((r) => r.id),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    const ran = await withSchemaLock(sql, async (tx) => {
      const [already] = await tx`select 1 from schema_migrations where id = ${m.id}`;
      if (already) return false;
      await tx.unsafe(m.sql);
      await tx`insert into schema_migrations (id) values (${m.id})`;
      return true;
    });
    if (ran) applied.push(m.id);
  }
  return applied;
}
