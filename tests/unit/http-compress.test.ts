import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, MIN_COMPRESS_BYTES } from '../../src/lib/server/http/compress';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** A layer page much like the API writes: points with varied coordinates and properties. */
function layerPage(n: number): string {
  const features = [];
  for (let i = 0; i < n; i++) {
    const lon = (104.8 + ((i * 7919) % 10_000) / 20_000).toFixed(6);
    const lat = (10.5 + ((i * 104_729) % 10_000) / 25_000).toFixed(6);
    features.push(
      `{"type":"Feature","id":${i + 1},"geometry":{"type":"Point","coordinates":[${lon},${lat}]},` +
        `"properties":{"category":"cat-${i % 16}","quantity":${(i * 37) % 5000},` +
        `"seized_at":"2024-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00Z"}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

const get = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('http://app.test/api/layers/seizures', { method, headers });

const reply = (body: BodyInit | null, init: ResponseInit = {}) =>
  new Response(body, { ...init, headers: { 'content-type': GEOJSON, ...init.headers } });

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** A body arriving in `parts` chunks, as a streamed export does. */
function chunked(text: string, parts: number): ReadableStream<Uint8Array> {
  const data = Buffer.from(text);
  const step = Math.ceil(data.length / parts);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= data.length) return c.close();
      c.enqueue(new Uint8Array(data.subarray(at, at + step)));
      at += step;
    },
  });
}

describe('compressResponse', () => {
  const page = layerPage(2000);

  it('brotli-codes a GeoJSON page for a browser: same JSON, over 4x smaller', async () => {
    const res = await compressResponse(
      get({ 'accept-encoding': 'gzip, deflate, br' }),
      reply(page),
    );
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe(GEOJSON);
    const coded = await bytes(res);
    expect(brotliDecompressSync(coded).toString()).toBe(page);
    expect(coded.length).toBeLessThan(Buffer.byteLength(page) / 4);
  });

  it('gzip-codes for a client without brotli, keeping status and other headers', async () => {
    const res = await compressResponse(
      get({ 'accept-encoding': 'gzip' }),
      reply(page, { status: 404, headers: { 'cache-control': 'no-store', 'x-request-id': 'r1' } }),
    );
    expect(res.status).toBe(404);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBe('r1');
    expect(gunzipSync(await bytes(res)).toString()).toBe(page);
  });

  it('sends identity without Accept-Encoding, still saying the answer varies with it', async () => {
    const res = await compressResponse(get(), reply(page));
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect((await bytes(res)).toString()).toBe(page);
  });

  it('codes a body that arrives in many small chunks, reading ahead only to the threshold', async () => {
    const res = await compressResponse(get({ 'accept-encoding': 'br' }), reply(chunked(page, 400)));
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(page);
  });

  it('leaves short bodies alone, whether or not their length is declared', async () => {
    const small = '{"ok":true,"padding":"' + 'x'.repeat(MIN_COMPRESS_BYTES - 30) + '"}';
    expect(Buffer.byteLength(small)).toBeLessThan(MIN_COMPRESS_BYTES);
    for (const body of [small, chunked(small, 5)]) {
      const res = await compressResponse(get({ 'accept-encoding': 'br, gzip' }), reply(body));
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBeNull();
      expect((await bytes(res)).toString()).toBe(small);
    }
    const declared = reply('x'.repeat(100), { headers: { 'content-length': '100' } });
    expect(await compressResponse(get({ 'accept-encoding': 'br' }), declared)).toBe(declared);
  });

  it('codes a body of exactly the threshold', async () => {
    const body = 'y'.repeat(MIN_COMPRESS_BYTES);
    const res = await compressResponse(get({ 'accept-encoding': 'gzip' }), reply(body));
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(res)).toString()).toBe(body);
  });

  it('never touches partial answers, Range requests, coded bodies, HEAD or no-transform', async () => {
    const br = { 'accept-encoding': 'br, gzip' };
    const untouched: [Request, Response][] = [
      [get(br), reply(page, { status: 206, headers: { 'content-range': 'bytes 0-9/99' } })],
      [get({ ...br, range: 'bytes=0-99' }), reply(page)],
      [get(br), reply(page, { headers: { 'accept-ranges': 'bytes' } })],
      [get(br), reply(page, { headers: { 'content-encoding': 'gzip' } })],
      [get(br, 'HEAD'), reply(null, { headers: { 'content-length': '70000' } })],
      [get(br), reply(page, { headers: { 'cache-control': 'private, no-transform' } })],
      [get(br), reply(null, { status: 304 })],
      [get(br), new Response(page, { headers: { 'content-type': 'image/png' } })],
      [get(br), new Response(page, { headers: { 'content-type': 'application/x-protobuf' } })],
    ];
    for (const [req, res] of untouched) expect(await compressResponse(req, res)).toBe(res);
  });

  it('codes HTML, CSV and JSON alike', async () => {
    for (const type of ['text/html', 'text/csv; charset=utf-8', 'application/json']) {
      const res = await compressResponse(
        get({ 'accept-encoding': 'gzip' }),
        new Response(page, { headers: { 'content-type': type } }),
      );
      expect(res.headers.get('content-encoding'), type).toBe('gzip');
    }
  });

  it('drops Content-Length, weakens a strong ETag, adds to Vary and keeps every cookie', async () => {
    const headers = new Headers({
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(page)),
      etag: '"abc"',
      vary: 'Origin',
    });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    const res = await compressResponse(
      get({ 'accept-encoding': 'br' }),
      new Response(page, { headers }),
    );
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('etag')).toBe('W/"abc"');
    expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(page);
  });

  it('reads the source only as fast as a slow client takes the coded body, and stops when it goes', async () => {
    let cancelled: unknown = null;
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent++;
        // ~10 KB that does not repeat: about 2.5x smaller coded, like real coordinates.
        c.enqueue(Buffer.from(JSON.stringify(Array.from({ length: 500 }, Math.random))));
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    const res = await compressResponse(get({ 'accept-encoding': 'gzip' }), reply(endless));
    const reader = res.body!.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 100));
    // A few 64 KB zlib chunks' worth, not the 16384 chunks Duplex.toWeb would queue.
    expect(sent).toBeLessThan(100);
    await reader.cancel('client gone');
    await new Promise((r) => setTimeout(r, 50));
    expect(cancelled).not.toBeNull();
    const after = sent;
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toBe(after);
  });
});
