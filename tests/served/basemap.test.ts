import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, freePort, startApp, type AppProcess } from '../lib/app-process';
import { get } from './lib';

const ARCHIVE = readFileSync(join(ROOT, 'tests/fixtures/basemap/test.pmtiles'));
const SIZE = ARCHIVE.length;

/** Every header, with compression asked for: what a browser on a thin link sends. */
const ranged = (range: string, extra: Record<string, string> = {}) =>
  get('/basemap/tiles.pmtiles', {
    headers: { range, 'accept-encoding': 'gzip, deflate, br', ...extra },
  });

describe('a PMTiles basemap served by the built app (BASEMAP_PMTILES)', () => {
  it('answers a range with 206 and exactly those bytes, uncompressed', async () => {
    const res = await ranged('bytes=0-16383');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-16383/${SIZE}`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(Buffer.from(await res.arrayBuffer()).equals(ARCHIVE.subarray(0, 16_384))).toBe(true);
    const tail = await ranged(`bytes=${SIZE - 100}-`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(ARCHIVE.subarray(SIZE - 100))).toBe(true);
  });

  it('answers 416 past the end and keeps one ETag across requests', async () => {
    const res = await ranged(`bytes=${SIZE}-${SIZE + 10}`);
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
    const a = (await ranged('bytes=0-0')).headers.get('etag');
    const b = (await ranged('bytes=1-1')).headers.get('etag');
    expect(a).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(b).toBe(a);
    expect((await ranged('bytes=0-0', { 'if-range': '"stale"' })).status).toBe(200);
  });

  it('serves its style, and nothing else under /basemap/', async () => {
    const style = await get('/basemap/style.json');
    expect(style.status).toBe(200);
    expect((await style.json()).sources.geodata.url).toBe('pmtiles://test.pmtiles');
    for (const path of ['/basemap/test.pmtiles', '/basemap/..%2F..%2Fpackage.json', '/basemap/x'])
      expect((await get(path)).status, path).toBe(404);
  });

  it('tells the page where the archive is, without a sign-in', async () => {
    const res = await get('/api/basemap');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: 'pmtiles',
      pmtiles_url: '/basemap/tiles.pmtiles',
      style_url: '/basemap/style.json',
      tile_type: 'mvt',
    });
  });

  it('leaves the page CSP closed to other origins (the archive is same-origin)', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).toMatch(/img-src 'self' data: blob:;/);
    expect(csp).not.toMatch(/https?:\/\//);
  });
});

describe('a style URL basemap opens the page CSP to its origins only', () => {
  let styleServer: Server;
  let app: AppProcess;
  let styleOrigin: string;
  let fontOrigin: string;

  beforeAll(async () => {
    // The "agency" style server: its glyphs and tiles on a second origin (another port).
    const [stylePort, fontPort] = [await freePort(), await freePort()];
    styleOrigin = `http://127.0.0.1:${stylePort}`;
    fontOrigin = `http://localhost:${fontPort}`;
    const style = {
      version: 8,
      glyphs: `${fontOrigin}/fonts/{fontstack}/{range}.pbf`,
      sources: { r: { type: 'raster', tiles: [`${fontOrigin}/tiles/{z}/{x}/{y}.png`] } },
      layers: [{ id: 'r', type: 'raster', source: 'r' }],
    };
    styleServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(style));
    });
    await new Promise<void>((done) => styleServer.listen(stylePort, '127.0.0.1', done));
    app = await startApp({
      DATA_DIR: inject('spareDataDir'),
      DEMO_DATA: 'false',
      BASEMAP_STYLE_URL: `${styleOrigin}/styles/agency.json`,
      BASEMAP_ATTRIBUTION: 'Agency basemap',
    });
    await app.ready(120_000);
  });

  afterAll(async () => {
    await app?.stop();
    await new Promise((done) => styleServer?.close(done));
  });

  it('adds the style and font/tile origins to connect-src and img-src, nowhere else', async () => {
    const csp = (await fetch(`${app.baseUrl}/`)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? '';
    for (const name of ['connect-src', 'img-src']) {
      expect(directive(name), name).toContain(styleOrigin);
      expect(directive(name), name).toContain(fontOrigin);
    }
    expect(directive('script-src')).not.toMatch(/http/);
    expect(directive('default-src')).toBe("default-src 'self'");
    // Only those two origins anywhere in the policy.
    const origins = new Set(csp.match(/https?:\/\/[^\s;]+/g));
    expect(origins).toEqual(new Set([styleOrigin, fontOrigin]));
    const api = await (await fetch(`${app.baseUrl}/api/basemap`)).json();
    expect(api).toMatchObject({
      kind: 'style',
      style_url: `${styleOrigin}/styles/agency.json`,
      attribution: 'Agency basemap',
    });
  });
});
