import type { Context } from 'hono';
import type { Config } from '../config';
import type { Database, Sql } from '../db/client';
import type { AuditEntry } from '../repositories/audit';
import type { AuthDeps, SessionUser } from '../services/auth';
import type { Upload } from './middleware/upload-spool';

/** What createApp needs from outside: the database, the configuration, and test seams. */
export interface AppDeps {
  db: Pick<Database, 'sql' | 'engine'>;
  config: Config;
  /** The current time; tests move it to expire sessions. */
  now?: () => Date;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (error: unknown, requestId: string) => void;
}

export type AppEnv = {
  /** The address of the peer that connected (a proxy, when behind one), from the server. */
  Bindings: { clientAddress?: string };
  Variables: {
    requestId: string;
    user?: SessionUser;
    client: string;
    /** Set when an API token, not a session cookie, authenticated the request. */
    token?: { id: number; scheme: 'bearer' | 'basic' };
    /** An upload route's body, written to a temporary file (middleware/upload-spool.ts). */
    upload?: Upload;
  };
};

export type AuditRecord = Omit<AuditEntry, 'at'>;

/** What every route module receives: the deps plus the shared helpers built from them. */
export interface RouteDeps extends AppDeps {
  now: () => Date;
  auth: AuthDeps;
  /** Appends to the audit log with the request's id, client and user; with `tx`, inside it. */
  audit: (c: Context<AppEnv>, entry: AuditRecord, tx?: Sql) => Promise<void>;
  /**
   * A refused request. Without a signed-in user it is counted per client and time window, and
   * only the first of each window is logged, so a flood of anonymous requests cannot fill the log.
   * A refused login names the username tried and counts as anonymous whoever is signed in.
   */
  auditDenied: (
    c: Context<AppEnv>,
    outcome: 'denied',
    details: object,
    login?: { username: string },
  ) => Promise<void>;
  /**
   * Loads one record and logs the read either way: `ok` with `details(result)`, or `failed` with
   * the refusal's status, so probing ids leaves a trace too. Unexpected errors pass unlogged.
   */
  auditedRead: <T>(
    c: Context<AppEnv>,
    what: { action: string; target: string },
    load: () => Promise<T>,
    details?: (result: T) => Record<string, unknown>,
  ) => Promise<T>;
  /**
   * Runs a write in one transaction with its audit row, so both land or neither does. A refusal
   * (4xx) is logged as failed and an unexpected error as error, after the rollback.
   */
  auditedWrite: <T>(
    c: Context<AppEnv>,
    what: { action: string; target: string },
    run: (tx: Sql) => Promise<T>,
    details: (result: T) => object,
  ) => Promise<T>;
}
