/**
 * The embedded engine's thread: PGlite, the bridge that serves it on the database socket and
 * the control socket, all off the main thread, so a heavy query never delays static files or
 * routes that need no database. Started by embedded.ts with the data directory lock held.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CONTROL_SOCKET, serveControl } from './engine-control';
import { DB_SOCKET, type FromWorker, type ToWorker, type WorkerOptions } from './engine-messages';
import { serveOnSocket } from './pglite-bridge';
import { fsyncTree, openPglite } from './pglite-open';

const port = parentPort!;
const { dataDir, fsync } = workerData as WorkerOptions;
const post = (message: FromWorker) => port.postMessage(message);
const progress = (message: string) => post({ type: 'progress', message });

async function start() {
  const pgDir = join(dataDir, 'pgdata');
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  progress(
    fresh
      ? `Creating the embedded PostGIS in ${pgDir} (first start: up to a minute)...`
      : `Opening the embedded PostGIS in ${pgDir}...`,
  );
  const db = await openPglite(pgDir, { fsync });
  const hasPostgis = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_extension where extname = 'postgis'",
  );
  if (hasPostgis.rows[0]?.n !== 1) {
    progress('Installing PostGIS into the embedded database...');
    await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  }
  if (fresh && fsync) {
    // initdb's files were copied in without fsync; make the new cluster durable as a whole.
    await db.exec('CHECKPOINT');
    fsyncTree(pgDir);
  }
  // A crash leaves the socket file behind, and listen() would then fail with EADDRINUSE.
  const socketPath = join(dataDir, DB_SOCKET);
  rmSync(socketPath, { force: true });
  const bridge = await serveOnSocket(db, socketPath);
  const control = await serveControl(join(dataDir, CONTROL_SOCKET), {
    // Between transactions, after a checkpoint: the dump needs no WAL replay to be whole.
    dump: () =>
      bridge.exclusive(async () => {
        await db.exec('CHECKPOINT');
        const blob = await db.dumpDataDir('gzip');
        return new Uint8Array(await blob.arrayBuffer());
      }),
  });

  port.on('message', async (message: ToWorker) => {
    if (message.type !== 'stop') return;
    try {
      await control.close();
      await bridge.close();
      await db.close();
      rmSync(socketPath, { force: true });
    } finally {
      port.close(); // nothing keeps the thread alive now: it exits
    }
  });
  post({ type: 'ready', socketPath });
}

start().catch((error: Error) => {
  post({ type: 'failed', message: error.message });
  port.close();
});
