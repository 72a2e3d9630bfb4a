import postgres from 'postgres';
import type { Config } from '../config';
import { findRunningEngine, startEmbedded, type EmbeddedEngine } from './embedded';
import { describeHolder } from './engine-lock';

/** The client, or a transaction opened on it: repositories accept either. */
export type Sql = postgres.Sql | postgres.TransactionSql;
/** The client itself (only it can open transactions or end). */
export type Client = postgres.Sql;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  sql: Client;
  engine: Engine;
  close(): Promise<void>;
}

interface ConnectOptions {
  /** Schema to put first on the search path (tests isolate each file in its own). */
  schema?: string;
  progress?: (message: string) => void;
  /**
   * Embedded only: when another process (the app) runs the engine of the data directory, use
   * it through its socket instead of refusing. Command-line tools set this.
   */
  attach?: boolean;
}

const clientOptions = { onnotice: () => {}, types: {} } as const;

/**
 * The one postgres.js client of the process. Server mode connects to DATABASE_URL; the
 * embedded default starts PGlite and talks to it over its socket with a single connection.
 */
export async function connect(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'statementTimeoutMs'> &
    Partial<Pick<Config, 'embeddedFsync'>>,
  options: ConnectOptions = {},
): Promise<Database> {
  let embedded: EmbeddedEngine | undefined;
  let sql: Client;
  if (config.databaseUrl) {
    sql = postgres(config.databaseUrl, {
      ...clientOptions,
      max: 10,
      connection: {
        statement_timeout: config.statementTimeoutMs,
        timezone: 'UTC',
        ...(options.schema ? { search_path: `${options.schema},public` } : {}),
      },
    });
  } else {
    const running = options.attach ? await findRunningEngine(config.dataDir) : undefined;
    if (running) {
      options.progress?.(`Using the embedded engine of ${describeHolder(running.holder)}`);
    } else {
      embedded = await startEmbedded(config.dataDir, options.progress, {
        fsync: config.embeddedFsync,
      });
    }
    sql = embeddedClient(running?.socketPath ?? embedded!.socketPath);
    // PGlite is one session shared by every connection: an attached tool sets the app's values.
    await sql.unsafe(
      `set statement_timeout = ${Number(config.statementTimeoutMs)}; set timezone = 'UTC'`,
    );
    if (options.schema) await useSchema(sql, options.schema);
  }
  const engine: Engine = config.databaseUrl ? 'postgres' : 'pglite';
  return {
    sql,
    engine,
    async close() {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

/**
 * A client for an already-running embedded engine (tests share one per run). PGlite is a
 * single session, so one connection; the bridge ignores startup parameters, hence the SETs.
 */
export function embeddedClient(socketPath: string): Client {
  return postgres({ ...clientOptions, path: socketPath, max: 1, idle_timeout: 0 });
}

/**
 * Runs `fn` in a transaction: a new one on the client, a savepoint inside an open one, so a
 * step can be all-or-nothing on its own and still join a caller's larger transaction.
 */
export function transaction<T>(sql: Sql, fn: (tx: postgres.TransactionSql) => Promise<T>) {
  return 'savepoint' in sql ? sql.savepoint(fn) : sql.begin(fn);
}

/** Creates `schema` if needed and puts it first on the search path (PostGIS stays in public). */
export async function useSchema(sql: Sql, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  await sql`create schema if not exists ${sql(schema)}`;
  await sql.unsafe(`set search_path to "${schema}", public`);
}
