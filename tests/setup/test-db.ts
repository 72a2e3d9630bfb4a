import postgres from 'postgres';
import { inject } from 'vitest';
import { createApp } from '../../src/lib/server/api/app';
import { loadConfig, type Config } from '../../src/lib/server/config';
import {
  embeddedClient,
  useSchema,
  type Client,
  type Engine,
} from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';

export interface TestDb {
  sql: Client;
  engine: Engine;
  schema: string;
  /** Drops the file's schema and closes the client. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated schema for one test file on the run's shared database, so files never see
 * each other's rows and every file starts from the same state on both engines.
 */
export async function testDb(): Promise<TestDb> {
  const url = inject('databaseUrl');
  const engine: Engine = url ? 'postgres' : 'pglite';
  const sql = url
    ? postgres(url, { max: 1, onnotice: () => {} })
    : embeddedClient(inject('socketPath'));
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await sql.unsafe("set timezone = 'UTC'");
  await useSchema(sql, schema);
  await migrate(sql);
  return {
    sql,
    engine,
    schema,
    async close() {
      await sql`drop schema if exists ${sql(schema)} cascade`;
      await sql.end({ timeout: 5 });
    },
  };
}

/** Another connection to the same file schema (for concurrency tests). */
export async function secondClient(db: TestDb): Promise<Client> {
  const url = inject('databaseUrl');
  const sql = url
    ? postgres(url, { max: 1, onnotice: () => {} })
    : embeddedClient(inject('socketPath'));
  await useSchema(sql, db.schema);
  return sql;
}

/**
 * A client with `max` connections to the file's schema on PostgreSQL, so requests really run
 * side by side; on PGlite, one more single-connection client (it has one session anyway).
 */
export function pooledClient(db: TestDb, max = 10): Client {
  const url = inject('databaseUrl');
  if (!url) return embeddedClient(inject('socketPath'));
  return postgres(url, {
    max,
    onnotice: () => {},
    connection: { search_path: `${db.schema},public`, timezone: 'UTC' },
  });
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATA_DIR: '.data-test' }), ...overrides };
}

export function testApp(db: TestDb, config: Partial<Config> = {}, now?: () => Date) {
  const errors: unknown[] = [];
  const app = createApp({ db, config: testConfig(config), now, logError: (e) => errors.push(e) });
  return { app, errors };
}
