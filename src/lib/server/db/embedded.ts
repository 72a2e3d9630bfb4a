import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONTROL_SOCKET, pingEngine } from './engine-control';
import { describeHolder, lockDataDir, lockHolder, type LockHolder } from './engine-lock';
import { DB_SOCKET, type FromWorker, type ToWorker, type WorkerOptions } from './engine-messages';

/** A running embedded PGlite + PostGIS, reachable by postgres.js on a unix socket. */
export interface EmbeddedEngine {
  socketPath: string;
  /** The control socket (engine-control.ts): backups of the running engine go through it. */
  controlPath: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** fsync commits to the disk (default true; EMBEDDED_FSYNC). */
  fsync?: boolean;
}

type Progress = (message: string) => void;

/**
 * The worker's source, found from the working directory as migrations are: the production
 * build bundles this module into build/, where no file sits beside it. tsx compiles it in the
 * worker (about 200 ms), in tests, the dev server and `node build` alike.
 */
const WORKER_FILE = resolve('src/lib/server/db/engine-worker.ts');
const workerCode = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)});
});`;

/**
 * Opens (or creates) the PGlite data directory with PostGIS in a worker thread and serves it
 * on a unix socket inside `dataDir`. The first start runs initdb and CREATE EXTENSION postgis
 * (20 to 40 s); later starts take a few seconds. Progress messages come from the worker.
 */
export async function startEmbedded(
  dataDir: string,
  progress: Progress = () => {},
  options: EmbeddedOptions = {},
): Promise<EmbeddedEngine> {
  mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
  const releaseLock = await lockDataDir(dataDir);
  const started = Date.now();
  const workerData: WorkerOptions = { dataDir, fsync: options.fsync ?? true };
  const worker = new Worker(workerCode, { eval: true, workerData });
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  exited.then(releaseLock);

  let socketPath: string;
  try {
    socketPath = await new Promise<string>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') progress(message.message);
        else if (message.type === 'ready') resolve(message.socketPath);
        else reject(new Error(message.message));
      });
      worker.once('error', reject);
      exited.then((code) => reject(new Error(`The embedded engine exited (code ${code})`)));
    });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  progress(`Embedded PostGIS ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Without its engine the app answers nothing but errors: fail loudly rather than limp on.
  worker.on('error', (error) => {
    if (!stopping) throw new Error(`The embedded database engine failed: ${error.message}`);
  });
  exited.then((code) => {
    if (!stopping) throw new Error(`The embedded database engine stopped (exit code ${code})`);
  });

  return {
    socketPath,
    controlPath: join(dataDir, CONTROL_SOCKET),
    async stop() {
      if (stopping) return void (await exited);
      stopping = true;
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      const timer = setTimeout(() => void worker.terminate(), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** An engine another process (or this one) runs on a data directory. */
export interface RunningEngine {
  holder: LockHolder;
  socketPath: string;
  controlPath: string;
}

/**
 * The engine already running on `dataDir`, once its sockets answer (a holder still starting is
 * waited for, up to `waitMs`), or undefined when no live process holds the directory.
 */
export async function findRunningEngine(
  dataDir: string,
  waitMs = 120_000,
): Promise<RunningEngine | undefined> {
  const controlPath = join(dataDir, CONTROL_SOCKET);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const holder = await lockHolder(dataDir);
    if (!holder) return undefined;
    // The control socket opens after the database socket: its answer means both are ready.
    if ((await pingEngine(controlPath, 1000)) !== undefined)
      return { holder, socketPath: join(dataDir, DB_SOCKET), controlPath };
    if (Date.now() > deadline) {
      throw new Error(
        `The embedded database in ${dataDir} is held by ${describeHolder(holder)}, ` +
          'whose engine does not answer on its socket. Is the app still starting?',
      );
    }
    await sleep(500);
  }
}
