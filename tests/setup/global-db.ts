import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../src/lib/server/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of a real PostGIS, when TEST_DATABASE_URL is set. */
    databaseUrl: string;
    /** Socket of the run's one embedded engine otherwise. */
    socketPath: string;
    /** Data directory of that engine ('' against PostgreSQL). */
    dataDir: string;
  }
}

/**
 * One database for the whole run: the real PostGIS named by TEST_DATABASE_URL, or one embedded
 * PGlite (kept in .data-test so later runs reopen it in seconds instead of re-running initdb).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? '';
  project.provide('databaseUrl', url);
  project.provide('socketPath', '');
  project.provide('dataDir', '');
  if (url) {
    console.log('Tests run against PostgreSQL at TEST_DATABASE_URL');
    return;
  }
  const dataDir = resolve(process.env.TEST_DATA_DIR ?? '.data-test');
  const engine = await startEmbedded(dataDir, (m) => console.log(m));
  project.provide('socketPath', engine.socketPath);
  project.provide('dataDir', dataDir);
  return () => engine.stop();
}
