/**
 * The production build under test: `node build` on a free port with a fresh embedded database
 * and the demo data, stopped (and its data directory removed) at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, log } from './runner.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BOOT_TIMEOUT_MS = 180_000;

/** @typedef {{ baseUrl: string, output: () => string, stop: () => Promise<void> }} Server */

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `node build` with a fresh data directory; resolves once /api/health answers.
 * @param {Record<string, string>} [env] More environment (a basemap, say) for this server.
 * @returns {Promise<Server>}
 */
export async function startServer(env = {}) {
  const entry = join(ROOT, 'build/index.js');
  check(existsSync(entry), `No production build at ${entry}: run \`npm run build\` first.`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'brm-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  log(
    `starting node build on ${baseUrl} (data in ${dataDir}; the first start takes up to a minute)`,
  );
  const started = Date.now();
  while (Date.now() - started < BOOT_TIMEOUT_MS) {
    if (exited) {
      await stop();
      throw new Error(`the server exited during start:\n${output.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) {
        log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return { baseUrl, output: () => output, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(
    `the server did not answer /api/health within 3 minutes:\n${output.slice(-3000)}`,
  );
}
