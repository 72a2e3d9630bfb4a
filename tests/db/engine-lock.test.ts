import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  LOCK_FILE,
  lockDataDir,
  lockHolder,
  processStart,
} from '../../src/lib/server/db/engine-lock';

/**
 * The data directory lock names its holder by pid and start time. The old lock trusted the pid
 * alone, so a stale lock whose pid had been reused by any live program blocked every start.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'brm-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockOf = (pid: number, start: string) => JSON.stringify({ pid, start, host: hostname() });
const held = () => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));

describe('a stale lock', () => {
  let sleeper: ChildProcess;
  afterAll(() => sleeper?.kill());

  it('is taken over when its pid now belongs to another, unrelated process', async () => {
    sleeper = spawn('sleep', ['60']);
    const pid = sleeper.pid!;
    expect(processStart(pid)).toBeDefined(); // alive, but not the process that wrote the lock
    writeFileSync(join(dir, LOCK_FILE), lockOf(pid, 'started long ago'));
    const release = await lockDataDir(dir);
    expect(held()).toMatchObject({ pid: process.pid, start: processStart(process.pid) });
    release();
  });

  it("is taken over when it names this test runner's parent with another start time", async () => {
    writeFileSync(join(dir, LOCK_FILE), lockOf(process.ppid, '0:0'));
    const release = await lockDataDir(dir);
    expect(held().pid).toBe(process.pid);
    release();
  });

  it('is taken over when its process is gone, or when the file is not a lock at all', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dir, LOCK_FILE), lockOf(gone.pid!, 'whatever'));
    (await lockDataDir(dir))();
    writeFileSync(join(dir, LOCK_FILE), '4242'); // the old format: a bare pid
    (await lockDataDir(dir))();
  });
});

describe('a live lock', () => {
  it('refuses a second holder with a message naming the first', async () => {
    const parent = process.ppid;
    writeFileSync(join(dir, LOCK_FILE), lockOf(parent, processStart(parent)!));
    await expect(lockDataDir(dir)).rejects.toThrow(
      `The embedded database in ${dir} is in use by process ${parent} (the app or another command)`,
    );
    expect(held().pid).toBe(parent); // left as it was
  });

  it('lets exactly one of two simultaneous contenders win', async () => {
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('is released only by its holder', async () => {
    const release = await lockDataDir(dir);
    const other = lockOf(process.ppid, processStart(process.ppid)!);
    writeFileSync(join(dir, LOCK_FILE), other); // taken over meanwhile
    release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it.skipIf(!inject('dataDir'))(
    "names the test run's engine as the holder of its data",
    async () => {
      // vitest's main process runs the engine (global setup); tests run in a fork of it, or in it.
      const holder = await lockHolder(inject('dataDir'));
      expect([process.ppid, process.pid]).toContain(holder?.pid);
      await expect(lockDataDir(inject('dataDir'))).rejects.toThrow(
        `is in use by process ${holder!.pid}`,
      );
    },
  );
});
