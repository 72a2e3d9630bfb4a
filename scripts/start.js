// `npm start`: build the app when the build is missing or older than the sources, then serve it
// (scripts/serve.js sets the server's environment). The server prepares the database itself
// (embedded PostGIS and demo data on first start).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

if (existsSync('.env')) process.loadEnvFile('.env');

const STAMP = 'build/index.js';
const SOURCES = [
  'src',
  'static',
  'package.json',
  'package-lock.json',
  'svelte.config.js',
  'vite.config.ts',
];

/** @param {string} path @returns {number} newest modification time below path, in ms */
function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce(
    (m, name) => Math.max(m, newestMtime(join(path, name))),
    s.mtimeMs,
  );
}

const stale =
  !existsSync(STAMP) ||
  SOURCES.filter((p) => existsSync(p)).some((p) => newestMtime(p) > statSync(STAMP).mtimeMs);

if (stale) {
  console.log('[border-risk-map] Building the app (first start or changed sources)...');
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./serve.js');
