import { resolve } from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { basemapEnv, basemapFromEnv, basemapIssues, type BasemapConfig } from './basemap/config';

/** Everything the server reads from the environment, validated once, in one place. */
export interface Config {
  /** Server mode when set; embedded PGlite + PostGIS otherwise. */
  databaseUrl: string | undefined;
  /**
   * Server mode, optional: the owner role's URL. Migrations then run as the owner, which grants
   * the app's own role (DATABASE_URL's) rows to read and write and the audit log to append to.
   */
  migrationDatabaseUrl: string | undefined;
  /** Where the embedded engine keeps its files and its socket. */
  dataDir: string;
  /** fsync the embedded engine's commits to the disk (off: faster, a power cut may lose them). */
  embeddedFsync: boolean;
  port: number;
  /** Load geodata and synthetic seizures into an empty database on start. */
  demoData: boolean;
  statementTimeoutMs: number;
  /** Features per page when the client gives no `limit`, and the most it may ask for. */
  defaultLimit: number;
  maxLimit: number;
  /** Request bodies larger than this get 413. */
  maxBodyBytes: number;
  /** The same for file imports (POST /api/import/...), which alone may send more. */
  maxImportBytes: number;
  production: boolean;
  /** Secure flag on the session cookie (on by default in production; needs HTTPS or localhost). */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Login attempts before delays start: one username from one client, one client, one account. */
  loginMaxFailuresPerUser: number;
  loginMaxFailuresPerClient: number;
  loginMaxFailuresPerAccount: number;
  /** The first delay past those, doubling with each attempt up to the maximum. */
  loginDelayBaseSeconds: number;
  loginDelayMaxSeconds: number;
  /** A login counter with no attempt for this long starts again from zero. */
  loginFailureWindowMinutes: number;
  /** Requests using the database at once; unset: 1 embedded (one query at a time), 8 on PostgreSQL. */
  dbConcurrency: number | undefined;
  /** Of those, heavy requests (big pages) at once; unset: 1 embedded, 2 on PostgreSQL. */
  dbMaxHeavy: number | undefined;
  /** Requests one client may have running or waiting, requests waiting in all, longest wait. */
  queueMaxPerClient: number;
  queueMaxWaiting: number;
  queueMaxWaitMs: number;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or proxy-addr names). */
  trustedProxies: string[];
  /** What the map draws under the data layers (BASEMAP_*). */
  basemap: BasemapConfig;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_FSYNC: bool.default(true),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DEMO_DATA: bool.default(true),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DEFAULT_LIMIT: z.coerce.number().int().min(1).default(1000),
  MAX_LIMIT: z.coerce.number().int().min(1).default(10_000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  NODE_ENV: z.string().default('development'),
  COOKIE_SECURE: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  LOGIN_DELAY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  LOGIN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  DB_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  DB_MAX_HEAVY: z.coerce.number().int().min(1).max(100).optional(),
  QUEUE_MAX_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(16),
  QUEUE_MAX_WAITING: z.coerce.number().int().min(1).max(100_000).default(200),
  QUEUE_MAX_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(compilesAsTrust, {
      message:
        'a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    }),
  ...basemapEnv,
});

function compilesAsTrust(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema
    .superRefine((e, ctx) => {
      for (const { path, message } of basemapIssues(e))
        ctx.addIssue({ code: 'custom', path: [path], message });
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.DATABASE_URL ? e.MIGRATION_DATABASE_URL : undefined,
    dataDir: resolve(e.DATA_DIR),
    embeddedFsync: e.EMBEDDED_FSYNC,
    port: e.PORT,
    demoData: e.DEMO_DATA,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    defaultLimit: Math.min(e.DEFAULT_LIMIT, e.MAX_LIMIT),
    maxLimit: e.MAX_LIMIT,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    production: e.NODE_ENV === 'production',
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    loginMaxFailuresPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
    loginMaxFailuresPerClient: e.LOGIN_MAX_FAILURES_PER_CLIENT,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginDelayBaseSeconds: e.LOGIN_DELAY_BASE_SECONDS,
    loginDelayMaxSeconds: Math.max(e.LOGIN_DELAY_MAX_SECONDS, e.LOGIN_DELAY_BASE_SECONDS),
    loginFailureWindowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
    dbConcurrency: e.DB_CONCURRENCY,
    dbMaxHeavy: e.DB_MAX_HEAVY,
    queueMaxPerClient: e.QUEUE_MAX_PER_CLIENT,
    queueMaxWaiting: e.QUEUE_MAX_WAITING,
    queueMaxWaitMs: e.QUEUE_MAX_WAIT_MS,
    trustedProxies: e.TRUSTED_PROXIES,
    basemap: basemapFromEnv(e),
  };
}
