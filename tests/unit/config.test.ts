import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';

describe('loadConfig', () => {
  it('defaults to the embedded engine in ./.data on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      demoData: true,
      statementTimeoutMs: 15_000,
      defaultLimit: 1000,
      maxLimit: 10_000,
      cookieSecure: false,
      sessionIdleMinutes: 120,
      sessionAbsoluteHours: 12,
    });
    expect(c.dataDir).toBe(`${process.cwd()}/.data`);
  });

  it('turns on the Secure cookie in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('fsyncs embedded commits unless EMBEDDED_FSYNC=false', () => {
    expect(loadConfig({}).embeddedFsync).toBe(true);
    expect(loadConfig({ EMBEDDED_FSYNC: 'false' }).embeddedFsync).toBe(false);
    expect(() => loadConfig({ EMBEDDED_FSYNC: 'sometimes' })).toThrow(/EMBEDDED_FSYNC/);
  });

  it('lists every bad variable in one error', () => {
    expect(() =>
      loadConfig({ PORT: '70000', DATABASE_URL: 'not a url', DEMO_DATA: 'maybe' }),
    ).toThrow(/^Invalid configuration:\n {2}DATABASE_URL: .+\n {2}PORT: .+\n {2}DEMO_DATA: .+$/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
    });
  });
});
