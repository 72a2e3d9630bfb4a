import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { dropStrayReadyForQuery } from './pglite-replies';

/**
 * Serves a PGlite database to PostgreSQL clients (postgres.js) on a unix socket.
 *
 * Why not pglite-socket's server: it hands PGlite one protocol message at a time, and after an
 * error in the extended protocol the replies then drift by one (a later query receives the
 * earlier error, an earlier one an empty result; tests/db/pglite-bridge.test.ts shows it).
 * Here each client's messages go to PGlite in whole batches ending at Sync, Query or Flush, as
 * a real backend reads them. PGlite is a single session, so batches run one at a time, and
 * while a connection has a transaction open only its batches run: others wait their turn.
 */
export interface Bridge {
  /** Runs `task` between clients' batches at a moment when no transaction is open. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function serveOnSocket(db: PGlite, path: string): Promise<Bridge> {
  /**
   * A client's batch (`syncs`: how many ReadyForQuery it should get; unset for a simple Query),
   * a vanished client's rollback (no message), or an exclusive task.
   */
  type Job =
    | { socket: Socket; message?: Uint8Array; syncs?: number; task?: undefined; cancel?: undefined }
    | { socket?: undefined; task: () => Promise<void>; cancel: (reason: Error) => void };
  const pending: Job[] = [];
  const sockets = new Set<Socket>();
  let owner: Socket | undefined;
  let pumping: Promise<void> | undefined;
  // Set by close(): sockets report their end after the database may already be gone.
  let closed = false;

  /** The next job allowed to run: the transaction owner's while one is open, else the oldest. */
  function nextJob(): Job | undefined {
    const i = owner ? pending.findIndex((j) => j.socket === owner) : 0;
    return i < 0 ? undefined : pending.splice(i, 1)[0];
  }

  async function runJob(job: Job): Promise<void> {
    if (job.task) {
      await job.task();
    } else if (!job.message) {
      // The connection went away: undo whatever transaction it left open.
      if (owner === job.socket && db.isInTransaction()) await db.exec('ROLLBACK');
    } else if (!job.socket.destroyed) {
      try {
        const raw = await db.execProtocolRaw(job.message);
        const reply = job.syncs === undefined ? raw : dropStrayReadyForQuery(raw, job.syncs);
        if (reply.length && job.socket.writable) job.socket.write(reply);
      } catch {
        job.socket.destroy();
      }
    }
    owner = db.isInTransaction() && job.socket?.destroyed === false ? job.socket : undefined;
  }

  const runnable = () => (owner ? pending.some((j) => j.socket === owner) : pending.length > 0);

  async function drain(): Promise<void> {
    for (let job = nextJob(); job; job = nextJob()) await runJob(job);
  }

  /** Starts draining unless already draining; a job queued as a drain ends starts the next. */
  function pump(): void {
    if (pumping) return;
    pumping = drain().finally(() => {
      pumping = undefined;
      if (runnable()) pump();
    });
  }

  const enqueue = (job: Job) => {
    if (closed) return;
    pending.push(job);
    pump();
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    let started = false;
    let batch: Buffer[] = [];
    let syncs = 0;
    socket.setNoDelay(true);

    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          if (len === 8 && buffer.readInt32BE(4) === 80877103) {
            socket.write('N'); // SSLRequest: no TLS on a local socket
            buffer = buffer.subarray(8);
            continue;
          }
          if (buffer.length < len) return;
          enqueue({ socket, message: new Uint8Array(buffer.subarray(0, len)) });
          buffer = buffer.subarray(len);
          started = true;
          continue;
        }
        if (buffer.length < 5) return;
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) return;
        const type = String.fromCharCode(buffer[0]);
        batch.push(Buffer.from(buffer.subarray(0, len)));
        buffer = buffer.subarray(len);
        if (type === 'X') {
          socket.end();
          return;
        }
        if (type === 'S') syncs++;
        if (type === 'S' || type === 'Q' || type === 'H') {
          const message = new Uint8Array(Buffer.concat(batch));
          // A simple Query's error is followed by ReadyForQuery as it should be: leave it be.
          enqueue({ socket, message, syncs: type === 'Q' ? undefined : syncs });
          batch = [];
          syncs = 0;
        }
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      // Its queued batches will never be answered; a rollback job takes their place.
      for (let i = pending.length - 1; i >= 0; i--)
        if (pending[i].socket === socket) pending.splice(i, 1);
      enqueue({ socket });
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    // A task has no socket, so nextJob() never picks it while a client's transaction is open.
    exclusive: <T>(task: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (closed) return reject(new Error('The embedded database is closing'));
        enqueue({ task: () => task().then(resolve, reject), cancel: reject });
      }),
    close: async () => {
      closed = true;
      for (const job of pending.splice(0)) job.cancel?.(new Error('The embedded database closed'));
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      await pumping;
    },
  };
}
