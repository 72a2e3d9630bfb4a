import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CONTROL_SOCKET, pingEngine } from './engine-control';

/**
 * PGlite is one process's database: a second process opening the same files would corrupt
 * them. The lock file names its holder by pid, the process's start time and the host, so a
 * stale lock whose pid now belongs to another program is recognised as stale; the engine's
 * control socket answering counts as alive too (a holder in another pid namespace).
 */
export const LOCK_FILE = 'engine.lock';

export interface LockHolder {
  pid: number;
  /** When the process started, as the system reports it; pids are reused, start times not. */
  start: string;
  host: string;
}

/** Start time of a live process (boot id and clock ticks on Linux), or undefined if none. */
export function processStart(pid: number): string | undefined {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') return undefined; // exited, not yet reaped
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return `${boot}:${fields[19]}`;
    } catch {
      return undefined;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(h.pid) || typeof h.start !== 'string' || typeof h.host !== 'string')
      return undefined;
    return h as LockHolder;
  } catch {
    return undefined; // not a lock this code wrote: no live holder behind it
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function isAlive(holder: LockHolder, dataDir: string): Promise<boolean> {
  if (holder.host === hostname() && processStart(holder.pid) === holder.start) return true;
  return (await pingEngine(join(dataDir, CONTROL_SOCKET), 1000)) !== undefined;
}

/** The live process holding the engine of `dataDir` (possibly this one), or undefined. */
export async function lockHolder(dataDir: string): Promise<LockHolder | undefined> {
  const holder = parseHolder(readText(join(dataDir, LOCK_FILE)) ?? '');
  return holder && (await isAlive(holder, dataDir)) ? holder : undefined;
}

export function describeHolder(holder: LockHolder): string {
  return holder.host === hostname()
    ? `process ${holder.pid}`
    : `process ${holder.pid} on ${holder.host}`;
}

/**
 * Takes the data directory for this process, or throws naming the live holder. The lock file
 * appears whole or not at all (written aside, then hard-linked into place, which fails if it
 * exists); a stale one is first renamed aside, which only one contender can do. Returns the
 * release function, which removes the file only while it is still ours.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const file = join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    start: processStart(process.pid) ?? '',
    host: hostname(),
  };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createWhole(file, text)) {
      return () => {
        if (readText(file) === text) rmSync(file, { force: true });
      };
    }
    const seen = readText(file);
    if (seen === undefined) continue; // released meanwhile
    const holder = parseHolder(seen);
    if (holder && (await isAlive(holder, dataDir))) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by ${describeHolder(holder)} (the app or ` +
          'another command). Stop it first, or point DATA_DIR elsewhere.',
      );
    }
    takeOverStale(file, seen);
  }
  throw new Error(`Could not take the lock ${file}: other processes keep replacing it`);
}

/** Creates `file` holding `text`, or returns false if it exists. */
function createWhole(file: string, text: string): boolean {
  const draft = `${file}.${process.pid}.new`;
  const fd = openSync(draft, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Moves a stale lock aside; if another process replaced it meanwhile, puts theirs back. */
function takeOverStale(file: string, stale: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== stale) linkSync(aside, file); // fails if a third took it
  } catch {
    // the lock is someone else's again either way; the next attempt reads it
  } finally {
    rmSync(aside, { force: true });
  }
}
