import postgres from 'postgres';
import type { Config } from '../config';
import type { Database } from './client';
import { grantRuntimeRole, roleOf } from './grants';
import { migrate } from './migrate';

/**
 * Brings the schema up to date before the app serves. With MIGRATION_DATABASE_URL set (server
 * mode) the owner role migrates and then grants the app's role what it may do; otherwise the
 * app's own connection migrates. Returns the migrations applied.
 */
export async function prepareSchema(
  config: Pick<Config, 'databaseUrl' | 'migrationDatabaseUrl'>,
  db: Pick<Database, 'sql'>,
): Promise<string[]> {
  if (!config.migrationDatabaseUrl || !config.databaseUrl) return migrate(db.sql);
  const owner = postgres(config.migrationDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const applied = await migrate(owner);
    const runtime = roleOf(config.databaseUrl);
    if (runtime !== roleOf(config.migrationDatabaseUrl)) await grantRuntimeRole(owner, runtime);
    return applied;
  } finally {
    await owner.end({ timeout: 5 });
  }
}
