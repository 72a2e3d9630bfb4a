import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressOnce, encoder, negotiateEncoding } from '../../src/lib/server/http/encoding';

describe('negotiateEncoding', () => {
  it('picks brotli from what browsers send, gzip from what curl and older clients send', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br'); // Chromium
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('GZIP')).toBe('gzip');
  });

  it('follows q-values, q=0 meaning "not this one"', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.8, gzip;q=0.8')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined();
  });

  it('reads * as every coding not named', () => {
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.2, *;q=0.5')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
  });

  it('answers identity when nothing it writes is acceptable', () => {
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding(null)).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('deflate, zstd')).toBeUndefined();
  });
});

describe('encoder', () => {
  // Points with coordinates that do not repeat, as layer pages have.
  const text = Buffer.from(
    JSON.stringify(
      Array.from({ length: 3000 }, (_, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [106 + ((i * 7919) % 9973) / 1e4, 21.8] },
        properties: { id: i, quantity: (i * 104_729) % 5000 },
      })),
    ),
  );
  const run = (stream: NodeJS.ReadWriteStream) =>
    new Promise<Buffer>((done, fail) => {
      const out: Buffer[] = [];
      stream.on('data', (c: Buffer) => out.push(c));
      stream.on('end', () => done(Buffer.concat(out)));
      stream.on('error', fail);
      stream.end(text);
    });

  it('writes what the standard decoders read back, smaller', async () => {
    const br = await run(encoder('br'));
    const gz = await run(encoder('gzip'));
    expect(brotliDecompressSync(br).equals(text)).toBe(true);
    expect(gunzipSync(gz).equals(text)).toBe(true);
    expect(br.length).toBeLessThan(text.length / 5);
    expect(gz.length).toBeLessThan(text.length / 5);
    expect(br.length).toBeLessThan(gz.length);
  });

  it('compresses a file once, smaller than per request, read back by the standard decoders', async () => {
    const once = { br: await compressOnce(text, 'br'), gzip: await compressOnce(text, 'gzip') };
    expect(brotliDecompressSync(once.br).equals(text)).toBe(true);
    expect(gunzipSync(once.gzip).equals(text)).toBe(true);
    expect(once.br.length).toBeLessThan((await run(encoder('br'))).length);
    expect(once.gzip.length).toBeLessThan((await run(encoder('gzip'))).length);
  });
});
