import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves a PGlite database to PostgreSQL clients (postgres.js) on a unix socket.
 *
 * Why not pglite-socket's server: it hands PGlite one protocol message at a time, and after an
 * error in the extended protocol the replies then drift by one (a later query receives the
 * earlier error, an earlier one an empty result; measured with tests/db/pglite-bridge.test.ts).
 * Here each client's messages are passed on in whole batches ending at Sync, Query or Flush,
 * as a real backend reads them, and batches from different connections never interleave
 * (PGlite is one session; a transaction keeps the lock until it ends).
 */
export async function serveOnSocket(db: PGlite, path: string): Promise<{ close(): Promise<void> }> {
  let queue: Promise<void> = Promise.resolve();
  let owner: Socket | undefined;
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    let started = false;
    let batch: Buffer[] = [];
    socket.setNoDelay(true);

    const send = (bytes: Uint8Array) => {
      if (bytes.length && socket.writable) socket.write(bytes);
    };
    const run = (message: Buffer) =>
      exclusive(async () => {
        // Wait for another connection's open transaction to end before running ours.
        while (owner && owner !== socket && db.isInTransaction() && !owner.destroyed) {
          await new Promise((r) => setTimeout(r, 5));
        }
        send(await db.execProtocolRaw(new Uint8Array(message)));
        owner = db.isInTransaction() ? socket : undefined;
      });

    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (len === 8 && code === 80877103) {
            // SSLRequest: no TLS on a local socket.
            send(Buffer.from('N'));
            buffer = buffer.subarray(8);
            continue;
          }
          if (buffer.length < len) return;
          const startup = buffer.subarray(0, len);
          buffer = buffer.subarray(len);
          started = true;
          void run(Buffer.from(startup));
          continue;
        }
        if (buffer.length < 5) return;
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) return;
        const type = String.fromCharCode(buffer[0]);
        const message = Buffer.from(buffer.subarray(0, len));
        buffer = buffer.subarray(len);
        if (type === 'X') {
          socket.end();
          return;
        }
        batch.push(message);
        if (type === 'S' || type === 'Q' || type === 'H') {
          const whole = Buffer.concat(batch);
          batch = [];
          void run(whole).catch(() => socket.destroy());
        }
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      // A client that vanished mid-transaction must not hold the database.
      if (owner === socket) {
        void exclusive(async () => {
          if (db.isInTransaction()) await db.exec('ROLLBACK');
          owner = undefined;
        });
      }
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      await queue;
    },
  };
}
