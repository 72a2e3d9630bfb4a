import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../../src/lib/server/config';
import { connect } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { importGeoJson } from '../../../src/lib/server/services/import';
import { addUser } from '../../../src/lib/server/services/users';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:port of the server under test. */
    baseUrl: string;
    /** Its MAX_BODY_BYTES (the body limit both adapter-node and the API must apply). */
    maxBodyBytes: number;
    /** A planner who may create routes, and what the server printed while starting. */
    planner: { username: string; password: string };
    startOutput: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');
const BOOT_TIMEOUT_MS = 180_000;
// Over adapter-node's 512K default, so a body between the two proves scripts/serve.js raised
// BODY_SIZE_LIMIT; smaller than the 5 MB default to keep the over-limit uploads quick.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const PLANNER = { username: 'served.planner', password: 'served planner passphrase 1' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The data directory, prepared before the server opens it (the embedded engine belongs to one
 * process): the schema, the province outlines routes are checked against, and a planner.
 */
async function prepare(dataDir: string): Promise<void> {
  const db = await connect(loadConfig({ DATA_DIR: dataDir }));
  try {
    await migrate(db.sql);
    const provinces = readFileSync(join(ROOT, 'geodata/provinces.geojson'), 'utf8');
    const report = await importGeoJson(db.sql, 'provinces', provinces);
    if (report.rejected.length) throw new Error(`provinces: ${JSON.stringify(report.rejected)}`);
    await addUser(db.sql, { ...PLANNER, role: 'planner', agency: 'customs' });
  } finally {
    await db.close();
  }
}

/**
 * Starts `node scripts/serve.js` (what `npm start` runs after building) on a free port with a
 * fresh embedded database and no demo data, waits for /api/health, and stops it at the end.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(ROOT, 'build/index.js')))
    throw new Error('No production build: run `npm run build` before `npm run test:served`.');
  const dataDir = mkdtempSync(join(tmpdir(), 'brm-served-'));
  await prepare(dataDir);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // serve.js chooses NODE_ENV, HOST and BODY_SIZE_LIMIT itself: that is under test too.
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['NODE_ENV', 'HOST', 'BODY_SIZE_LIMIT', 'DATABASE_URL', 'ORIGIN'])
    delete env[name];
  const child = spawn(process.execPath, ['scripts/serve.js'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`The server exited while starting:\n${output.slice(-3000)}`);
    }
    if (Date.now() - started > BOOT_TIMEOUT_MS) {
      await stop();
      throw new Error(`No answer from /api/health in 3 minutes:\n${output.slice(-3000)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('maxBodyBytes', MAX_BODY_BYTES);
  project.provide('planner', PLANNER);
  project.provide('startOutput', output);
  return stop;
}
