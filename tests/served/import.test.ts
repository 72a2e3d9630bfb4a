import { cpSync, createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { writeSeizureCsv } from '../fixtures/import/generate';
import { startApp, type AppProcess } from '../lib/app-process';
import { get, jsonError, plannerCookie } from './lib';

/**
 * File imports through adapter-node and the Hono app together: the import route alone takes
 * bodies up to MAX_IMPORT_BYTES (64 MiB by default; scripts/serve.js raises adapter-node's
 * BODY_SIZE_LIMIT to it), streamed to disk as they arrive, while every other route still answers
 * 413 past MAX_BODY_BYTES (2 MiB in this run).
 */
const maxImport = loadConfig({}).maxImportBytes;
const dir = mkdtempSync(join(tmpdir(), 'brm-served-import-'));
let own: AppProcess | undefined;
afterAll(async () => {
  await own?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `total` bytes sent chunked (no Content-Length): a CSV header, then blank lines. */
function chunkedCsv(total: number): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode('ngày,wkt,loại hàng,phương tiện,đơn vị chủ trì\n');
  const chunk = 256 * 1024;
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent = head.length;
      } else if (sent < total) {
        const n = Math.min(chunk, total - sent);
        controller.enqueue(new Uint8Array(n).fill(0x0a));
        sent += n;
      } else controller.close();
    },
  });
}

/** Kilobytes of a /proc/<pid>/status field (VmRSS now, VmHWM the peak so far). */
function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
}

const postImport = (
  cookie: string,
  query: string,
  body: BodyInit,
  headers: object = {},
  origin = inject('baseUrl'),
) =>
  fetch(`${origin}/api/import/seizures?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

/** Signs in as the importer on a server of the test's own; returns the Cookie header value. */
async function cookieAt(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject('importer')),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('imports through the served app', () => {
  it('imports a ~50 MB CSV streamed without a Content-Length (201), within the memory it reports', async () => {
    const file = join(dir, 'big.csv');
    const rows = await writeSeizureCsv(file, 50 * 1000 * 1000, 'SRV');
    const bytes = statSync(file).size;
    expect(bytes).toBeGreaterThan(50_000_000);
    expect(bytes).toBeLessThan(maxImport);
    // A server and database of its own: 369k more seizures must not change what the other
    // served files count.
    const dataDir = join(dir, 'data');
    cpSync(inject('spareDataDir'), dataDir, { recursive: true });
    own = await startApp({
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      MAX_BODY_BYTES: String(inject('maxBodyBytes')),
    });
    await own.ready(180_000);
    const pid = own.child.pid!;
    const cookie = await cookieAt(own.baseUrl);
    const rssBefore = memoryKb(pid, 'VmRSS');
    const t0 = performance.now();
    const res = await postImport(
      cookie,
      'dry_run=false&filename=big.csv',
      Readable.toWeb(createReadStream(file)) as ReadableStream,
      {},
      own.baseUrl,
    );
    const text = await res.text();
    const seconds = (performance.now() - t0) / 1000;
    expect(res.status, text.slice(0, 500)).toBe(201);
    const report = JSON.parse(text);
    expect(report).toMatchObject({ total: rows, valid: rows, inserted: rows, rows: [] });
    const peak = memoryKb(pid, 'VmHWM');
    console.log(
      `[import] ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s ` +
        `(${(bytes / 1e6 / seconds).toFixed(2)} MB/s); server RSS before ${Math.round(rssBefore / 1024)} MiB, ` +
        `peak ${Math.round(peak / 1024)} MiB`,
    );
    // The rows are there: the layer counts them.
    const layer = await fetch(`${own.baseUrl}/api/layers/seizures?limit=1`, {
      headers: { cookie },
    });
    const body = await layer.json();
    expect(body.numberMatched).toBe(inject('seizures') + rows);
  }, 900_000);

  it('still answers 413 JSON for a 6 MB body to any other route', async () => {
    const res = await get('/api/patrol-routes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await plannerCookie() },
      body: ' '.repeat(6 * 1000 * 1000),
    });
    expect(res.status).toBe(413);
    expect(await jsonError(res)).toMatchObject({
      code: 'payload_too_large',
      message: `Request body exceeds ${inject('maxBodyBytes')} bytes`,
    });
  });

  it('answers 413 JSON for an import over MAX_IMPORT_BYTES, declared or streamed', async () => {
    const cookie = await plannerCookie('importer');
    const declared = await postImport(cookie, 'filename=x.csv', chunkedCsv(maxImport + 1), {
      'content-length': String(maxImport + 1),
    }).catch(() => undefined);
    // With a Content-Length the server may answer before the body is sent and close the
    // connection; fetch then reports the answer or, rarely, a reset.
    if (declared) {
      expect(declared.status).toBe(413);
      expect((await jsonError(declared)).message).toBe(`Request body exceeds ${maxImport} bytes`);
    }
    const streamed = await postImport(cookie, 'filename=x.csv', chunkedCsv(maxImport + 1));
    expect(streamed.status).toBe(413);
    expect(await jsonError(streamed)).toEqual({
      code: 'payload_too_large',
      message: `Request body exceeds ${maxImport} bytes`,
      details: { limit_bytes: maxImport },
    });
  }, 120_000);
});
