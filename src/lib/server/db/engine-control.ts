import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';

/**
 * The embedded engine's control channel: a unix socket beside the database socket, readable only
 * by its owner (0600), through which command-line tools reach a running engine. One request per
 * connection, one JSON line each way; a dump's bytes follow its reply line:
 *
 *   -> {"op":"ping"}    <- {"ok":true,"pid":1234}
 *   -> {"op":"dump"}    <- {"ok":true,"bytes":N}\n<N bytes: gzip tar of the data directory>
 *   (any failure)       <- {"ok":false,"error":"..."}
 */
export const CONTROL_SOCKET = 'engine.ctl';

export interface ControlHandlers {
  /** A consistent dump of the data directory (PGlite's dumpDataDir, gzip). */
  dump(): Promise<Uint8Array>;
}

type Reply = { ok: true; pid?: number; bytes?: number } | { ok: false; error: string };

const MAX_REQUEST_BYTES = 1024;

export async function serveControl(
  path: string,
  handlers: ControlHandlers,
): Promise<{ close(): Promise<void> }> {
  rmSync(path, { force: true }); // left behind by a crash; the data directory lock is ours
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end < 0 && text.length <= MAX_REQUEST_BYTES) return;
      socket.removeAllListeners('data');
      void answer(socket, end < 0 ? '' : text.slice(0, end), handlers);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(path, { force: true });
    },
  };
}

async function answer(socket: Socket, line: string, handlers: ControlHandlers): Promise<void> {
  const send = (reply: Reply, payload?: Uint8Array) => {
    socket.write(`${JSON.stringify(reply)}\n`);
    if (payload) socket.write(payload);
    socket.end();
  };
  let op: unknown;
  try {
    op = (JSON.parse(line) as { op?: unknown }).op;
  } catch {
    return send({ ok: false, error: 'Bad request: one JSON line {"op": ...} expected' });
  }
  try {
    if (op === 'ping') return send({ ok: true, pid: process.pid });
    if (op === 'dump') {
      const bytes = await handlers.dump();
      return send({ ok: true, bytes: bytes.byteLength }, bytes);
    }
    send({ ok: false, error: `Unknown operation: ${String(op)}` });
  } catch (error) {
    send({ ok: false, error: (error as Error).message });
  }
}

/** Sends one request and reads the reply line and its payload, if any. */
function request(
  path: string,
  op: string,
  timeoutMs: number,
): Promise<{ reply: Reply; payload: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`The embedded engine did not answer within ${timeoutMs} ms`)),
    );
    socket.on('connect', () => socket.write(`${JSON.stringify({ op })}\n`));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf(10);
      try {
        if (end < 0) throw new Error('The embedded engine closed the control channel unanswered');
        const reply = JSON.parse(all.subarray(0, end).toString('utf8')) as Reply;
        const payload = all.subarray(end + 1);
        if (reply.ok && reply.bytes !== undefined && payload.length !== reply.bytes)
          throw new Error(`Dump cut short: ${payload.length} of ${reply.bytes} bytes`);
        resolve({ reply, payload });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The pid of the engine answering on `path`, or undefined when none answers. */
export async function pingEngine(path: string, timeoutMs = 2000): Promise<number | undefined> {
  try {
    const { reply } = await request(path, 'ping', timeoutMs);
    return reply.ok ? reply.pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the running engine for a dump of its data directory, taken between transactions. The
 * timeout covers waiting for other clients' open transactions as well as the dump itself.
 */
export async function requestDump(path: string, timeoutMs = 600_000): Promise<Buffer> {
  const { reply, payload } = await request(path, 'dump', timeoutMs);
  if (!reply.ok) throw new Error(`The embedded engine refused the backup: ${reply.error}`);
  return payload;
}
