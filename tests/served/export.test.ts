import { request, type IncomingHttpHeaders } from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, plannerCookie } from './lib';

interface Streamed {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from the request to the first body chunk, and to the end. */
  firstChunkMs: number;
  endMs: number;
  chunks: number;
}

/** A GET read as it crosses the wire: headers as sent, chunk by chunk. */
function streamed(path: string, headers: Record<string, string>): Promise<Streamed> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const req = request(`${baseUrl()}${path}`, { headers }, (res) => {
      const parts: Buffer[] = [];
      let firstChunkMs = -1;
      res.on('data', (c: Buffer) => {
        if (firstChunkMs < 0) firstChunkMs = performance.now() - start;
        parts.push(c);
      });
      res.on('end', () =>
        done({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(parts),
          firstChunkMs,
          endMs: performance.now() - start,
          chunks: parts.length,
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const TODAY = /\d{8}/;

describe('exports through the served app', () => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await plannerCookie('analyst');
  });

  it('GeoJSON streams: chunked, no Content-Length, the count up front, named as a download', async () => {
    const res = await streamed('/api/export/seizures.geojson', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="seizures_all_all_all_${TODAY.source}\\.geojson"$`),
    );
    expect(res.headers['x-number-matched']).toBe(String(inject('seizures')));
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.chunks).toBeGreaterThan(1);
    expect(res.firstChunkMs).toBeLessThan(res.endMs);
    const fc = JSON.parse(res.body.toString('utf8'));
    expect(fc.features).toHaveLength(inject('seizures'));
  });

  it('CSV is compressed on the way when the client asks, still streamed', async () => {
    const res = await streamed('/api/export/seizures.csv?crs=3405', {
      cookie,
      'accept-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['content-disposition']).toMatch(/\.csv"$/);
  });

  it('binary formats keep their type and are not re-coded', async () => {
    for (const [format, type] of [
      ['shp.zip', 'application/zip'],
      ['fgb', 'application/flatgeobuf'],
      ['kml', 'application/vnd.google-earth.kml+xml; charset=utf-8'],
    ]) {
      const res = await streamed(`/api/export/seizures.${format}?province=lang_son`, {
        cookie,
        'accept-encoding': format === 'kml' ? 'identity' : 'gzip, br',
      });
      expect(res.status, format).toBe(200);
      expect(res.headers['content-type'], format).toBe(type);
      expect(res.headers['content-encoding'], format).toBeUndefined();
      expect(res.headers['content-disposition'], format).toMatch(
        new RegExp(
          `^attachment; filename="seizures_lang_son_all_all_\\d{8}\\.${format.replace('.', '\\.')}"$`,
        ),
      );
    }
  });

  it('a planner may not export (403 JSON)', async () => {
    const planner = await plannerCookie();
    const res = await streamed('/api/export/seizures.csv', { cookie: planner });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
