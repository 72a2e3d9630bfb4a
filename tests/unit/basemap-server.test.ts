import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { byteRange, ifRangeHolds, noneMatchHits } from '../../src/lib/server/basemap/byte-ranges';
import { fileResponse } from '../../src/lib/server/basemap/file-response';
import { basemapFile } from '../../src/lib/server/basemap/files';

const work = mkdtempSync(join(tmpdir(), 'basemap-server-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = join(import.meta.dirname, '../fixtures/basemap');
const ARCHIVE = join(FIXTURE, 'test.pmtiles');
const STYLE = join(FIXTURE, 'style.json');

describe('basemap configuration', () => {
  it('is the offline default when nothing is set', () => {
    expect(loadConfig({}).basemap).toEqual({
      kind: 'offline',
      attribution: undefined,
      extraOrigins: [],
    });
  });

  it('reads each kind with its attribution and extra origins', () => {
    expect(
      loadConfig({
        BASEMAP_PMTILES: ARCHIVE,
        BASEMAP_PMTILES_STYLE: STYLE,
        BASEMAP_ATTRIBUTION: '© OpenStreetMap contributors',
      }).basemap,
    ).toEqual({
      kind: 'pmtiles',
      archive: ARCHIVE,
      styleFile: STYLE,
      attribution: '© OpenStreetMap contributors',
      extraOrigins: [],
    });
    expect(
      loadConfig({
        BASEMAP_STYLE_URL: 'https://maps.agency.example/style.json',
        BASEMAP_ORIGINS: 'https://fonts.agency.example, https://tiles.agency.example:8443',
      }).basemap,
    ).toMatchObject({
      kind: 'style',
      styleUrl: 'https://maps.agency.example/style.json',
      extraOrigins: ['https://fonts.agency.example', 'https://tiles.agency.example:8443'],
    });
    expect(
      loadConfig({
        BASEMAP_XYZ_URL: 'https://imagery.example/{z}/{x}/{y}.jpg',
        BASEMAP_MAX_ZOOM: '17',
        BASEMAP_TILE_SIZE: '512',
      }).basemap,
    ).toMatchObject({
      kind: 'xyz',
      tilesUrl: 'https://imagery.example/{z}/{x}/{y}.jpg',
      maxZoom: 17,
      tileSize: 512,
    });
  });

  it('refuses two kinds at once, a style without an archive, and bad values', () => {
    expect(() =>
      loadConfig({ BASEMAP_PMTILES: ARCHIVE, BASEMAP_XYZ_URL: 'https://t.example/{z}/{x}/{y}' }),
    ).toThrow(/BASEMAP_XYZ_URL: choose one basemap: BASEMAP_PMTILES or BASEMAP_XYZ_URL/);
    expect(() => loadConfig({ BASEMAP_PMTILES_STYLE: STYLE })).toThrow(
      /BASEMAP_PMTILES_STYLE: needs BASEMAP_PMTILES/,
    );
    expect(() => loadConfig({ BASEMAP_PMTILES: join(work, 'missing.pmtiles') })).toThrow(
      /BASEMAP_PMTILES: no readable file/,
    );
    expect(() => loadConfig({ BASEMAP_PMTILES: ARCHIVE, BASEMAP_PMTILES_STYLE: ARCHIVE })).toThrow(
      /BASEMAP_PMTILES_STYLE: not a MapLibre style/,
    );
    expect(() => loadConfig({ BASEMAP_XYZ_URL: 'https://t.example/tiles.png' })).toThrow(
      /BASEMAP_XYZ_URL: must contain \{z\}, \{x\} and \{y\}/,
    );
    expect(() => loadConfig({ BASEMAP_STYLE_URL: 'file:///etc/style.json' })).toThrow(
      /BASEMAP_STYLE_URL: must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ BASEMAP_ORIGINS: 'https://t.example/path' })).toThrow(
      /BASEMAP_ORIGINS/,
    );
  });
});

describe('byteRange', () => {
  const partial = (start: number, end: number) => ({ kind: 'partial', range: { start, end } });

  it('reads first-last, open-ended and suffix ranges, clamped to the file', () => {
    expect(byteRange('bytes=0-126', 1000)).toEqual(partial(0, 126));
    expect(byteRange('bytes=990-2000', 1000)).toEqual(partial(990, 999));
    expect(byteRange('bytes=500-', 1000)).toEqual(partial(500, 999));
    expect(byteRange('bytes=-100', 1000)).toEqual(partial(900, 999));
    expect(byteRange('bytes=-5000', 1000)).toEqual(partial(0, 999));
    expect(byteRange('BYTES = 5-5', 1000)).toEqual(partial(5, 5));
  });

  it('is unsatisfiable past the end, for an empty suffix or an empty file', () => {
    expect(byteRange('bytes=1000-1001', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=0-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('sends the whole file for no range, another unit, bad syntax or several ranges', () => {
    for (const header of [
      null,
      '',
      'items=0-5',
      'bytes=5-2',
      'bytes=a-b',
      'bytes=-',
      'bytes=0-1,5-6',
    ])
      expect(byteRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
  });

  it('honours If-Range only for the current strong ETag or exact date', () => {
    const date = 'Sat, 30 Nov 2024 10:00:00 GMT';
    expect(ifRangeHolds(null, '"a"', date)).toBe(true);
    expect(ifRangeHolds('"a"', '"a"', date)).toBe(true);
    expect(ifRangeHolds('"b"', '"a"', date)).toBe(false);
    expect(ifRangeHolds('W/"a"', '"a"', date)).toBe(false);
    expect(ifRangeHolds(date, '"a"', date)).toBe(true);
    expect(ifRangeHolds('Sun, 01 Dec 2024 10:00:00 GMT', '"a"', date)).toBe(false);
    expect(noneMatchHits('"x", W/"a"', '"a"')).toBe(true);
    expect(noneMatchHits('"x"', '"a"')).toBe(false);
  });
});

describe('fileResponse', () => {
  const file = join(work, 'bytes.bin');
  const content = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
  writeFileSync(file, content);
  utimesSync(file, new Date('2024-11-30T10:00:00Z'), new Date('2024-11-30T10:00:00Z'));
  const options = { contentType: 'application/vnd.pmtiles', cacheControl: 'no-transform' };
  const get = (headers: Record<string, string> = {}, method = 'GET') =>
    fileResponse(new Request('http://x/f', { method, headers }), file, options);

  it('answers a range with 206, Content-Range and exactly those bytes', async () => {
    const res = await get({ range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('cache-control')).toBe('no-transform');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content.slice(100, 200));
  });

  it('answers the whole file with 200 and a stable ETag', async () => {
    const a = await get();
    const b = await get();
    expect(a.status).toBe(200);
    expect(a.headers.get('content-length')).toBe('1000');
    expect(a.headers.get('etag')).toBe(`"3e8-${Date.parse('2024-11-30T10:00:00Z').toString(16)}"`);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(a.headers.get('last-modified')).toBe('Sat, 30 Nov 2024 10:00:00 GMT');
    expect(new Uint8Array(await a.arrayBuffer())).toEqual(content);
    await b.body?.cancel();
  });

  it('answers 416 with the size when the range lies past the end', async () => {
    const res = await get({ range: 'bytes=1000-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
    expect(await res.text()).toBe('');
  });

  it('sends the whole file when If-Range names an older version', async () => {
    const res = await get({ range: 'bytes=0-9', 'if-range': '"old"' });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(1000);
    const current = (await get({ range: 'bytes=0-9' })).headers.get('etag')!;
    expect((await get({ range: 'bytes=0-9', 'if-range': current })).status).toBe(206);
  });

  it('answers 304 to a matching If-None-Match and no body to HEAD', async () => {
    const etag = (await get({ range: 'bytes=0-0' })).headers.get('etag')!;
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
    const head = await get({ range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.body).toBeNull();
  });
});

describe('basemapFile', () => {
  const request = (headers: Record<string, string> = {}) =>
    new Request('http://x/basemap/f', { headers });
  const pmtiles = loadConfig({ BASEMAP_PMTILES: ARCHIVE }).basemap;

  it('serves the configured archive with ranges, uncompressed and not to be transformed', async () => {
    const res = await basemapFile(pmtiles, 'tiles.pmtiles', request({ range: 'bytes=0-126' }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(res.headers.get('cache-control')).toMatch(/no-transform/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const header = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(header.slice(0, 7))).toBe('PMTiles');
    expect(header[7]).toBe(3);
  });

  it('is 404 for anything not configured: other names, a style never set, the offline default', async () => {
    expect((await basemapFile(pmtiles, 'style.json', request())).status).toBe(404);
    expect((await basemapFile(pmtiles, '..%2Fpackage.json', request())).status).toBe(404);
    expect((await basemapFile(pmtiles, 'test.pmtiles', request())).status).toBe(404);
    const offline = loadConfig({}).basemap;
    expect((await basemapFile(offline, 'tiles.pmtiles', request())).status).toBe(404);
    const styled = loadConfig({ BASEMAP_PMTILES: ARCHIVE, BASEMAP_PMTILES_STYLE: STYLE }).basemap;
    const style = await basemapFile(styled, 'style.json', request());
    expect(style.status).toBe(200);
    expect((await style.json()).sources.geodata.url).toBe('pmtiles://test.pmtiles');
  });
});
