import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findRunningEngine, startEmbedded } from '../db/embedded';
import { requestDump } from '../db/engine-control';
import { describeHolder, lockDataDir } from '../db/engine-lock';
import { fsyncTree, openPglite } from '../db/pglite-open';
import { backupKind, checkPgliteDump, writeFileAtomic } from '../io/backup-file';

/** The PostgreSQL major version of the bundled PGlite (tests/db/backup-embedded.test.ts checks it). */
export const PGLITE_PG_MAJOR = '18';

type Progress = (message: string) => void;

export interface EmbeddedBackupOptions {
  dataDir: string;
  fsync?: boolean;
  progress?: Progress;
}

/**
 * Backs the embedded database up to `out` (a gzip tar of its data directory). A running engine
 * (the app) is asked over its control socket, and dumps between two transactions; with none
 * running, the data directory is opened here for the time of the dump. Returns the size.
 */
export async function backupEmbedded(
  out: string,
  { dataDir, fsync, progress = () => {} }: EmbeddedBackupOptions,
): Promise<number> {
  const running = await findRunningEngine(dataDir);
  if (running) progress(`Asking the running engine (${describeHolder(running.holder)}) for a dump`);
  const own = running ? undefined : await startEmbedded(dataDir, progress, { fsync });
  try {
    const bytes = await requestDump(running?.controlPath ?? own!.controlPath);
    writeFileAtomic(out, bytes);
    return bytes.length;
  } finally {
    await own?.stop();
  }
}

/**
 * Restores a backup into an empty data directory, holding its lock meanwhile so that no app
 * starts on it half-restored. Refuses a running engine, a directory holding a database, and a
 * file that is not an embedded backup; a failed restore leaves the directory empty again.
 */
export async function restoreEmbedded(
  file: string,
  { dataDir, fsync = true, progress = () => {} }: EmbeddedBackupOptions,
): Promise<void> {
  const bytes = readFileSync(file);
  if (backupKind(bytes) === 'pg_dump')
    throw new Error(`${file} is a pg_dump archive: restore it into PostgreSQL (set DATABASE_URL)`);
  try {
    checkPgliteDump(bytes, PGLITE_PG_MAJOR);
  } catch (error) {
    throw new Error(`${file} is not an embedded-engine backup: ${(error as Error).message}`);
  }
  const pgDir = join(dataDir, 'pgdata');
  mkdirSync(pgDir, { recursive: true });
  const release = await lockDataDir(dataDir); // refuses while the app (or anyone) runs on it
  try {
    if (existsSync(join(pgDir, 'PG_VERSION')) || readdirSync(pgDir).length > 0) {
      throw new Error(
        `${pgDir} already holds a database: restore only into an empty data directory ` +
          '(move the old one aside first).',
      );
    }
    progress(`Unpacking ${file} into ${pgDir}...`);
    try {
      const db = await openPglite(pgDir, {
        fsync,
        loadDataDir: new Blob([bytes], { type: 'application/x-gzip' }),
      });
      await db.query('select 1');
      await db.close();
      if (fsync) fsyncTree(pgDir);
    } catch (error) {
      rmSync(pgDir, { recursive: true, force: true });
      mkdirSync(pgDir);
      throw error;
    }
  } finally {
    release();
  }
}
