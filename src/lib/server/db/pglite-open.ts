import fs from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { postgis } from '@electric-sql/pglite-postgis';

export interface OpenOptions {
  /** fsync every commit and checkpoint to the disk (the default); off trades durability for speed. */
  fsync: boolean;
  /** A data directory dump (PGlite's dumpDataDir) to unpack into the empty directory first. */
  loadDataDir?: Blob;
}

/**
 * PGlite's NODEFS has no fsync operation, so PostgreSQL's fsync and fdatasync calls do nothing
 * and an acknowledged commit may still sit in the page cache when the power goes. This adds one
 * that reaches the real file descriptor.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: { FS: { filesystems: { NODEFS: unknown } } }) => {
      const nodefs = mod.FS.filesystems.NODEFS as {
        stream_ops: { fsync?: (stream: { nfd?: number }) => number };
      };
      nodefs.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
        return 0;
      };
    };
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] },
    };
  }
}

/**
 * The file system and start parameters for PGlite on `pgDir`: durable by default, where PGlite's
 * own defaults start the backend with `-F` (fsync off).
 */
export function storageOptions(pgDir: string, fsync: boolean): PGliteOptions {
  if (!fsync) return { fs: new NodeFS(pgDir) };
  return {
    fs: new DurableNodeFS(pgDir),
    startParams: [
      ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
      // Emscripten maps fsync and fdatasync to the same call; plain fsync is the one patched above.
      '-c',
      'wal_sync_method=fsync',
    ],
  };
}

/** Opens (or creates) PGlite with PostGIS on the data files in `pgDir`. */
export async function openPglite(pgDir: string, options: OpenOptions): Promise<PGlite> {
  return PGlite.create({
    ...storageOptions(pgDir, options.fsync),
    extensions: { postgis },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
}

/**
 * Flushes every file below `dir` to the disk: files written outside PostgreSQL's own fsync
 * calls (initdb's copy on a first start, an unpacked backup) are otherwise only in the cache.
 */
export function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else if (entry.isFile()) {
      const fd = fs.openSync(path, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
