/** What the main thread and the engine worker (engine-worker.ts) say to each other. */

/** The database socket's name inside the data directory, as PostgreSQL names its own. */
export const DB_SOCKET = '.s.PGSQL.5432';

export interface WorkerOptions {
  dataDir: string;
  fsync: boolean;
}

export type ToWorker = { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; message: string }
  | { type: 'ready'; socketPath: string }
  | { type: 'failed'; message: string };
