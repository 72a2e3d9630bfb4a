import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  createGlyphs,
  GLYPH_CACHE_CONTROL,
  GLYPH_TYPE,
  glyphKey,
} from '../../src/lib/server/http/glyphs';

/** Bytes like an SDF bitmap: runs of similar values, compressible about 2:1. */
function glyphBytes(seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(60_000);
  for (let i = 0; i < out.length; i++) out[i] = ((i * seed) >> 6) % 200;
  return out;
}

function setup() {
  const stored: Record<string, Uint8Array<ArrayBuffer>> = {
    'disk/a': glyphBytes(3),
    'disk/b': glyphBytes(5),
  };
  const reads: string[] = [];
  let failNext = false;
  const glyphs = createGlyphs(
    { 'noto-sans-regular/0-255.pbf': 'disk/a', 'noto-sans-bold/7680-7935.pbf': 'disk/b' },
    async (location) => {
      reads.push(location);
      if (failNext) {
        failNext = false;
        throw new Error('EIO');
      }
      return stored[location];
    },
  );
  const get = (stack: string, range: string, headers: Record<string, string> = {}) =>
    glyphs(new Request(`http://app.test/fonts/${stack}/${range}`, { headers }), stack, range);
  return { stored, reads, get, failOnce: () => (failNext = true) };
}

const body = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('glyph files', () => {
  it('answers a browser with brotli, typed as protobuf, cached for a day, compressed once', async () => {
    const { stored, reads, get } = setup();
    const res = await get('noto-sans-regular', '0-255.pbf', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(GLYPH_TYPE);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(res.headers.get('cache-control')).toBe(GLYPH_CACHE_CONTROL);
    expect(res.headers.get('cache-control')).toMatch(/max-age=86400/);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-encoding')).toBe('br');
    const coded = await body(res);
    expect(Number(res.headers.get('content-length'))).toBe(coded.length);
    expect(brotliDecompressSync(coded).equals(Buffer.from(stored['disk/a']))).toBe(true);
    expect(coded.length).toBeLessThan(stored['disk/a'].length / 2);

    const again = await get('noto-sans-regular', '0-255.pbf', { 'accept-encoding': 'br' });
    expect((await body(again)).equals(coded)).toBe(true);
    expect(reads).toEqual(['disk/a']);
  });

  it('answers gzip or identity by Accept-Encoding, each coding with its own ETag', async () => {
    const { stored, get } = setup();
    const gz = await get('noto-sans-bold', '7680-7935.pbf', { 'accept-encoding': 'gzip' });
    const plain = await get('noto-sans-bold', '7680-7935.pbf');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await body(gz)).equals(Buffer.from(stored['disk/b']))).toBe(true);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await body(plain)).equals(Buffer.from(stored['disk/b']))).toBe(true);
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(gz.headers.get('etag')).toBe(`${etag.slice(0, -1)}-gzip"`);
  });

  it('answers 304 to a matching If-None-Match, weak or strong, and 200 to a stale one', async () => {
    const { get } = setup();
    const first = await get('noto-sans-regular', '0-255.pbf', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag')!;
    for (const inm of [etag, `W/${etag}`, `"old", ${etag}`]) {
      const res = await get('noto-sans-regular', '0-255.pbf', {
        'accept-encoding': 'br',
        'if-none-match': inm,
      });
      expect(res.status, inm).toBe(304);
      expect(res.body, inm).toBeNull();
      expect(res.headers.get('cache-control')).toBe(GLYPH_CACHE_CONTROL);
    }
    const plainTag = `${etag.slice(0, -4)}"`; // the identity ETag does not match the brotli body
    const stale = await get('noto-sans-regular', '0-255.pbf', {
      'accept-encoding': 'br',
      'if-none-match': plainTag,
    });
    expect(stale.status).toBe(200);
  });

  it('answers 404 for anything but a known file', async () => {
    const { get, reads } = setup();
    for (const [stack, range] of [
      ['noto-sans-regular', '256-511.pbf'],
      ['noto-sans-italic', '0-255.pbf'],
      ['noto-sans-regular', '0-255.pbf.br'],
      ['..', 'noto-sans-regular/0-255.pbf'],
      ['__proto__', '0-255.pbf'],
      ['constructor', 'x'],
    ]) {
      const res = await get(stack, range);
      expect(res.status, `${stack}/${range}`).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(reads).toEqual([]);
  });

  it('reads a file again after a failed read instead of remembering the failure', async () => {
    const { get, reads, failOnce } = setup();
    failOnce();
    await expect(get('noto-sans-regular', '0-255.pbf')).rejects.toThrow('EIO');
    expect((await get('noto-sans-regular', '0-255.pbf')).status).toBe(200);
    expect(reads).toEqual(['disk/a', 'disk/a']);
  });

  it('finds the key of every glyph file the project ships', () => {
    const dir = join(import.meta.dirname, '../../src/lib/assets/fonts');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.pbf'),
    );
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) expect(glyphKey(`/src/lib/assets/fonts/${f}`)).toBe(f);
  });
});
