import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../../src/lib/server/config';
import { connect } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { seedSeizures } from '../../../src/lib/server/services/demo-data';
import { importGeoJson } from '../../../src/lib/server/services/import';
import { addUser } from '../../../src/lib/server/services/users';
import { ROOT, startApp } from '../../lib/app-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:port of the server under test. */
    baseUrl: string;
    /** Its MAX_BODY_BYTES (the body limit both adapter-node and the API must apply). */
    maxBodyBytes: number;
    /** A planner who may create routes, and what the server printed while starting. */
    planner: { username: string; password: string };
    /** An admin, who may make API tokens (for GDAL and QGIS) and read the audit log. */
    admin: { username: string; password: string };
    /** An analyst, who may create API tokens. */
    analyst: { username: string; password: string };
    /** The analyst above, who imports files. */
    importer: { username: string; password: string };
    /** How many synthetic seizures the database holds (a layer big enough to compress). */
    seizures: number;
    startOutput: string;
    /** A copy of the prepared data directory, for a test that starts a server of its own. */
    spareDataDir: string;
  }
}

const BOOT_TIMEOUT_MS = 180_000;
// Over adapter-node's 512K default, so a body between the two proves scripts/serve.js raised
// BODY_SIZE_LIMIT; smaller than the 5 MB default to keep the over-limit uploads quick.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const PLANNER = { username: 'served.planner', password: 'served planner passphrase 1' };
const ADMIN = { username: 'served.admin', password: 'served admin passphrase 1' };
const ANALYST = { username: 'served.analyst', password: 'served analyst passphrase 1' };
const SEIZURES = 2000;

/**
 * The data directory, prepared before the server opens it (the embedded engine belongs to one
 * process): the schema, the province outlines routes are checked against, a planner and some
 * synthetic seizures.
 */
async function prepare(dataDir: string): Promise<void> {
  const db = await connect(loadConfig({ DATA_DIR: dataDir }));
  try {
    await migrate(db.sql);
    const provinces = readFileSync(join(ROOT, 'geodata/provinces.geojson'), 'utf8');
    const report = await importGeoJson(db.sql, 'provinces', provinces);
    if (report.rejected.length) throw new Error(`provinces: ${JSON.stringify(report.rejected)}`);
    await addUser(db.sql, { ...PLANNER, role: 'planner', agency: 'customs' });
    await addUser(db.sql, { ...ADMIN, role: 'admin', agency: 'customs' });
    await addUser(db.sql, { ...ANALYST, role: 'analyst', agency: 'customs' });
    await seedSeizures(db.sql, { count: SEIZURES, seed: 7 });
  } finally {
    await db.close();
  }
}

/**
 * Starts `node scripts/serve.js` (what `npm start` runs after building) on a free port with a
 * fresh embedded database and no demo data, waits for /api/health, and stops it at the end.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'brm-served-'));
  await prepare(dataDir);
  const spareDataDir = `${dataDir}-spare`;
  cpSync(dataDir, spareDataDir, { recursive: true });
  // serve.js chooses NODE_ENV, HOST and BODY_SIZE_LIMIT itself: that is under test too.
  const app = await startApp({
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    // A basemap archive the server serves itself (tests/served/basemap.test.ts).
    BASEMAP_PMTILES: join(ROOT, 'tests/fixtures/basemap/test.pmtiles'),
    BASEMAP_PMTILES_STYLE: join(ROOT, 'tests/fixtures/basemap/style.json'),
  });
  const stop = async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(spareDataDir, { recursive: true, force: true });
  };
  try {
    await app.ready(BOOT_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', app.baseUrl);
  project.provide('maxBodyBytes', MAX_BODY_BYTES);
  project.provide('planner', PLANNER);
  project.provide('admin', ADMIN);
  project.provide('analyst', ANALYST);
  project.provide('importer', ANALYST);
  project.provide('seizures', SEIZURES);
  project.provide('startOutput', app.output());
  project.provide('spareDataDir', spareDataDir);
  return stop;
}
