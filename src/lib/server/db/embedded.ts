import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A running embedded PGlite + PostGIS, reachable by postgres.js on a unix socket. */
export interface EmbeddedEngine {
  socketPath: string;
  stop(): Promise<void>;
}

type Progress = (message: string) => void;

/**
 * Opens (or creates) the PGlite data directory with PostGIS and serves it on a unix socket
 * inside `dataDir`. The first start runs initdb and CREATE EXTENSION postgis (20 to 40 s);
 * later starts take a few seconds. Imported lazily so server mode never loads the WASM.
 */
export async function startEmbedded(
  dataDir: string,
  progress: Progress = () => {},
): Promise<EmbeddedEngine> {
  const [{ PGlite }, { postgis }, { serveOnSocket }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-postgis'),
    import('./pglite-bridge'),
  ]);
  const pgDir = join(dataDir, 'pgdata');
  mkdirSync(pgDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  const started = Date.now();
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  progress(
    fresh
      ? `Creating the embedded PostGIS in ${pgDir} (first start: up to a minute)...`
      : `Opening the embedded PostGIS in ${pgDir}...`,
  );
  const db = await PGlite.create({ dataDir: pgDir, extensions: { postgis } });
  const hasPostgis = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_extension where extname = 'postgis'",
  );
  if (hasPostgis.rows[0]?.n !== 1) {
    progress('Installing PostGIS into the embedded database...');
    await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  }
  // A crash leaves the socket file behind, and listen() would then fail with EADDRINUSE.
  const socketPath = join(dataDir, '.s.PGSQL.5432');
  rmSync(socketPath, { force: true });
  const server = await serveOnSocket(db, socketPath);
  progress(`Embedded PostGIS ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    socketPath,
    async stop() {
      await server.close();
      await db.close();
      rmSync(socketPath, { force: true });
      releaseLock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same files would corrupt
 * them. A pid file refuses that with a clear message (a stale one from a crash is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'engine.pid');
  let holder = NaN;
  try {
    holder = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    // no lock yet
  }
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder} (the app or another command). ` +
        'Stop it first, or point DATA_DIR elsewhere.',
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
