import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { embeddedClient, type Client } from '../../src/lib/server/db/client';
import { startEmbedded, type EmbeddedEngine } from '../../src/lib/server/db/embedded';
import { pingEngine } from '../../src/lib/server/db/engine-control';
import { lockDataDir } from '../../src/lib/server/db/engine-lock';
import { copyOfTestEngine } from '../setup/engine-copy';

/**
 * PGlite runs in a worker thread: a heavy query keeps the worker busy while this thread (the
 * one serving static files and routes in the app) stays free. Before the worker, a timer here
 * stalled for the whole query.
 */
describe.skipIf(!inject('socketPath'))('the embedded engine in a worker thread', () => {
  let dir: string;
  let engine: EmbeddedEngine;
  let sql: Client;
  const messages: string[] = [];
  beforeAll(async () => {
    dir = await copyOfTestEngine();
    engine = await startEmbedded(dir, (m) => messages.push(m));
    sql = embeddedClient(engine.socketPath);
  });
  afterAll(async () => {
    await sql?.end();
    await engine?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports the worker's progress on this thread", () => {
    expect(messages[0]).toBe(`Opening the embedded PostGIS in ${join(dir, 'pgdata')}...`);
    expect(messages.at(-1)).toMatch(/^Embedded PostGIS ready in \d+\.\d s$/);
  });

  it('runs durably by default (EMBEDDED_FSYNC)', async () => {
    expect(await sql`show fsync`).toEqual([{ fsync: 'on' }]);
  });

  it('answers on a control socket only its owner may use', async () => {
    expect(statSync(engine.controlPath).mode & 0o777).toBe(0o600);
    expect(await pingEngine(engine.controlPath)).toBe(process.pid);
  });

  it('keeps this thread responsive while a query runs for seconds', async () => {
    const lateness: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lateness.push(now - last - 20);
      last = now;
    }, 20);
    const started = performance.now();
    const [{ n }] = await sql<{ n: number }[]>`
      select count(distinct md5(i::text))::int as n from generate_series(1, 2500000) i`;
    const queryMs = performance.now() - started;
    clearInterval(timer);
    expect(n).toBe(2_500_000);
    expect(queryMs).toBeGreaterThan(1000);
    // On the main thread the timer would wait out the whole query; here it keeps its pace.
    expect(lateness.length).toBeGreaterThan((queryMs / 20) * 0.5);
    // A loaded machine delays timers too; on the main thread one wait would be the whole query.
    expect(Math.max(...lateness)).toBeLessThan(Math.min(1000, queryMs / 3));
  });

  it('stops the worker cleanly: the thread ends, sockets gone, lock released', async () => {
    await sql.end();
    const started = performance.now();
    await engine.stop(); // resolves on the worker's exit
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(readdirSync(dir)).toEqual(['pgdata']);
    (await lockDataDir(dir))();
  });
});
