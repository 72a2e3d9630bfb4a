// Serves the production build (build/index.js) with the environment adapter-node reads as it
// loads: its body limit follows MAX_BODY_BYTES and MAX_IMPORT_BYTES, NODE_ENV is production, and HOST defaults to this
// machine only. `npm start` builds first (scripts/start.js); after `npm run build`, run this.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), '../build/index.js');
const log = (/** @type {string} */ m) => console.log(`[border-risk-map] ${m}`);

if (existsSync('.env')) process.loadEnvFile('.env');
if (!existsSync(ENTRY)) {
  console.error('[border-risk-map] No build: run `npm run build` first (`npm start` does both).');
  process.exit(1);
}

/** Sets an environment variable unless it has a value already (empty counts as unset). */
function byDefault(/** @type {string} */ name, /** @type {string} */ value) {
  if (!process.env[name]) process.env[name] = value;
  return /** @type {string} */ (process.env[name]);
}

byDefault('NODE_ENV', 'production');
// The app's own configuration rules (defaults, ranges), so the numbers here are the ones it uses.
/** @type {typeof import('../src/lib/server/config')} */
const { loadConfig } = await tsImport('../src/lib/server/config.ts', import.meta.url);
/** @type {import('../src/lib/server/config').Config} */
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`[border-risk-map] ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}

// adapter-node refuses bodies over BODY_SIZE_LIMIT (512K unless set) before the API sees them, so
// MAX_BODY_BYTES could never be reached: make the server's limit the larger of the API's two (file
// imports take MAX_IMPORT_BYTES; the API holds every other route to MAX_BODY_BYTES itself).
const largest = Math.max(config.maxBodyBytes, config.maxImportBytes);
const bodyLimit = byDefault('BODY_SIZE_LIMIT', String(largest));
if (bytes(bodyLimit) < largest) {
  log(
    `Warning: BODY_SIZE_LIMIT=${bodyLimit} is below ${largest} (the larger of MAX_BODY_BYTES and MAX_IMPORT_BYTES); bodies between the two are refused.`,
  );
}
// The session cookie is Secure in production, which browsers honour only over HTTPS or on
// localhost: listen on this machine unless HOST says otherwise (e.g. behind a TLS proxy).
const host = byDefault('HOST', '127.0.0.1');
const port = byDefault('PORT', String(config.port));

const socket = process.env.SOCKET_PATH;
const shown = host.includes(':') ? `[${host}]` : host;
const everywhere = host === '0.0.0.0' || host === '::';
log(
  socket
    ? `Serving on the socket ${socket}`
    : `Serving on http://${shown}:${port}${everywhere ? ` (every network interface; on this machine http://localhost:${port})` : ''}`,
);
await import(pathToFileURL(ENTRY).href);

/** adapter-node's reading of a size: bytes, or a number with K, M or G. */
function bytes(/** @type {string} */ value) {
  const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
  return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}
