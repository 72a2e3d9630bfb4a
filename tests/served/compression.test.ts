import { readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SEIZURE_POINTS_TYPE, decodeSeizurePoints } from '../../src/lib/seizure-points';
import { ROOT } from '../lib/app-process';
import { baseUrl, plannerCookie } from './lib';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body comes back as it crossed the wire (fetch would decode it). */
function raw(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = request(`${baseUrl()}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const IMMUTABLE = 'public,max-age=31536000,immutable';
const LAYER = '/api/layers/seizures?limit=2000';

describe('compression and caching through the served app', () => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await plannerCookie();
  });

  it('a GeoJSON layer page goes gzip-coded when asked: the same JSON, at least 4x smaller', async () => {
    const plain = await raw(LAYER, { cookie });
    const gz = await raw(LAYER, { cookie, 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(gz.status).toBe(200);
    expect(gz.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.headers['cache-control']).toBe('no-store');
    const page = JSON.parse(gunzipSync(gz.body).toString());
    expect(page).toEqual(JSON.parse(plain.body.toString()));
    expect(page.numberMatched).toBe(inject('seizures'));
    expect(page.features).toHaveLength(inject('seizures'));
    expect(gz.body.length * 4).toBeLessThanOrEqual(plain.body.length);
  });

  it('a browser (br in Accept-Encoding) gets brotli, smaller still', async () => {
    const gz = await raw(LAYER, { cookie, 'accept-encoding': 'gzip' });
    const br = await raw(LAYER, { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(gunzipSync(gz.body))).toBe(true);
    expect(br.body.length).toBeLessThan(gz.body.length);
  });

  it('the seizure points (binary columns) go brotli-coded: the same bytes, every seizure, smaller', async () => {
    const path = '/api/seizures/points';
    const plain = await raw(path, { cookie });
    const br = await raw(path, { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe(SEIZURE_POINTS_TYPE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-type']).toBe(SEIZURE_POINTS_TYPE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const body = brotliDecompressSync(br.body);
    expect(body.equals(plain.body)).toBe(true);
    const points = decodeSeizurePoints(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
    );
    expect(points.header.count).toBe(inject('seizures'));
    expect(br.body.length).toBeLessThan(plain.body.length * 0.8);
  });

  it('without Accept-Encoding, or for a Range request, the page is identity', async () => {
    const plain = await raw(LAYER, { cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(plain.body.toString()).type).toBe('FeatureCollection');
    const ranged = await raw(LAYER, { cookie, 'accept-encoding': 'gzip', range: 'bytes=0-99' });
    expect(ranged.headers['content-encoding']).toBeUndefined();
    expect(ranged.body.equals(plain.body)).toBe(true);
  });

  it('a small API answer stays identity', async () => {
    const res = await raw('/api/health', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toHaveProperty('status');
  });

  it('a page’s HTML is compressed, with its security headers and an inlined favicon', async () => {
    const res = await raw('/', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const html = brotliDecompressSync(res.body).toString();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,[^"]+"/);
    expect(res.body.length * 3).toBeLessThan(html.length);
  });

  it('a glyph PBF is protobuf, compressed, cached for a day and revalidated by ETag', async () => {
    const path = '/fonts/noto-sans-regular/0-255.pbf';
    const file = readFileSync(join(ROOT, 'src/lib/assets/fonts', path.slice('/fonts/'.length)));
    const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toBe('application/x-protobuf');
    expect(br.headers['cache-control']).toMatch(/^public, max-age=86400\b/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    expect(br.body.length).toBeLessThan(file.length * 0.6);

    const plain = await raw(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);

    const again = await raw(path, {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await raw('/fonts/noto-sans-regular/65280-65535.pbf')).status).toBe(404);
  });

  // It was a build asset, which adapter-node sent uncompressed (261 KB of a 939 KB sign-in).
  it('the offline basemap is GeoJSON, compressed, cached for a day and revalidated', async () => {
    const path = '/basemap/offline.geojson';
    const file = readFileSync(join(ROOT, 'geodata/basemap/offline.geojson'));
    const br = await raw(path, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toBe('application/geo+json');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toMatch(/^public, max-age=86400\b/);
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    expect(br.body.length).toBeLessThan(file.length / 3);
    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).equals(file)).toBe(true);
    const again = await raw(path, {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('versioned build assets are precompressed and cached for a year as immutable', async () => {
    const html = (await raw('/')).body.toString();
    // The page links them relative to itself: "./_app/immutable/...".
    const assets = [...html.matchAll(/"\.?(\/_app\/immutable\/[^"]+\.(?:js|css))"/g)];
    expect(assets.length).toBeGreaterThan(1);
    const path = assets[0][1];
    const plain = await raw(path);
    const br = await raw(path, { 'accept-encoding': 'br' });
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });

  it('files outside /_app/immutable are not cached as immutable', async () => {
    const res = await raw('/_app/version.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBeUndefined();
    expect(res.headers.etag).toBeDefined();
  });
});
