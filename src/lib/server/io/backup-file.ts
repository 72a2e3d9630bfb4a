import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What a backup file holds: an embedded data directory dump, or a pg_dump archive. */
export type BackupKind = 'pglite' | 'pg_dump';

/**
 * Writes `bytes` to `path` so that the file is either the old one or the whole new one, also
 * after a crash: written to a temporary name beside it, flushed, then renamed over it.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const draft = `${path}.${process.pid}.partial`;
  try {
    const fd = openSync(draft, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(draft, path);
  } catch (error) {
    rmSync(draft, { force: true });
    throw error;
  }
  syncDir(dirname(path)); // the rename itself must survive a power cut too
}

export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads the first bytes of a file, to tell its kind. */
export function readHead(path: string, length = 8): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The kind of backup by its magic bytes: gzip for PGlite dumps, "PGDMP" for pg_dump's custom format. */
export function backupKind(head: Uint8Array): BackupKind | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'pg_dump';
  return undefined;
}

/** The regular files of a tar archive, by name, with their sizes (ustar headers). */
export function tarEntries(tar: Uint8Array): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  if (tar.length < 1024 || tar.length % 512 !== 0) throw new Error('not a tar archive');
  const text = (from: number, to: number) =>
    Buffer.from(tar.subarray(from, to)).toString('latin1').replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length;) {
    if (tar.subarray(at, at + 512).every((b) => b === 0)) break; // end of archive
    if (text(at + 257, at + 262) !== 'ustar') throw new Error('not a tar archive');
    const prefix = text(at + 345, at + 500);
    const name = prefix ? `${prefix}/${text(at, at + 100)}` : text(at, at + 100);
    const size = parseInt(text(at + 124, at + 136).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error(`bad size in tar header of ${name}`);
    entries.set(name.replace(/^\.?\//, ''), tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/**
 * Checks that `bytes` is a gzip tar of a PostgreSQL data directory of the given major version
 * (what PGlite's dumpDataDir writes), and says what is wrong otherwise.
 */
export function checkPgliteDump(bytes: Uint8Array, pgMajor: string): void {
  let entries: Map<string, Uint8Array>;
  try {
    entries = tarEntries(gunzipSync(bytes));
  } catch (error) {
    throw new Error(`not a gzip tar archive (${(error as Error).message})`);
  }
  const version = entries.get('PG_VERSION');
  if (!version || !entries.has('global/pg_control'))
    throw new Error('a tar archive, but not of a PostgreSQL data directory (no PG_VERSION)');
  const found = Buffer.from(version).toString('latin1').trim();
  if (found !== pgMajor)
    throw new Error(`a PostgreSQL ${found} data directory; this engine runs ${pgMajor}`);
}
