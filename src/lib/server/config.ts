import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, validated once, in one place. */
export interface Config {
  /** Server mode when set; embedded PGlite + PostGIS otherwise. */
  databaseUrl: string | undefined;
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
  production: boolean;
  /** Secure flag on the session cookie (on by default in production; needs HTTPS or localhost). */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailuresPerUser: number;
  loginMaxFailuresPerClient: number;
  loginFailureWindowMinutes: number;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
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
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
});

/** Reads and validates the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embeddedFsync: e.EMBEDDED_FSYNC,
    port: e.PORT,
    demoData: e.DEMO_DATA,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    defaultLimit: Math.min(e.DEFAULT_LIMIT, e.MAX_LIMIT),
    maxLimit: e.MAX_LIMIT,
    maxBodyBytes: e.MAX_BODY_BYTES,
    production: e.NODE_ENV === 'production',
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    loginMaxFailuresPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
    loginMaxFailuresPerClient: e.LOGIN_MAX_FAILURES_PER_CLIENT,
    loginFailureWindowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
  };
}
