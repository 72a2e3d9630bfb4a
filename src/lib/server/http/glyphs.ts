import { createHash } from 'node:crypto';
import { compressOnce, negotiateEncoding, type Encoding } from './encoding';

/**
 * The map's SDF glyphs (`/fonts/{fontstack}/{range}.pbf`), served by the app rather than from
 * static/: adapter-node's file server knows no type for .pbf, compresses at build time only
 * text types, and lets no one set its headers. Each file is compressed once, as small as brotli
 * and gzip go, and kept in memory (about 2 MB for two fonts).
 *
 * The URLs carry no content hash, so answers are cached for a day, then used while revalidated
 * (a 304 against the ETag, which is the content's hash and the coding).
 */
export const GLYPH_TYPE = 'application/x-protobuf';
export const GLYPH_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** `fontstack/start-end.pbf` of a file path or URL ending in one, else null. */
export function glyphKey(path: string): string | null {
  const m = /([a-z0-9-]+)\/(\d+-\d+)\.pbf$/.exec(path);
  return m ? `${m[1]}/${m[2]}.pbf` : null;
}

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * @param files where each glyph file is, by `glyphKey`
 * @param load reads the file at such a location
 */
export function createGlyphs(
  files: Record<string, string>,
  load: (location: string) => Promise<Uint8Array<ArrayBuffer>>,
) {
  const variants = new Map<string, Promise<Variant>>();

  function variant(key: string, encoding: Encoding | undefined): Promise<Variant> {
    const id = `${key}:${encoding ?? 'identity'}`;
    let v = variants.get(id);
    if (!v) {
      v = encoding
        ? variant(key, undefined).then(async (plain) => ({
            body: new Uint8Array(await compressOnce(plain.body, encoding)),
            etag: `${plain.etag.slice(0, -1)}-${encoding}"`,
          }))
        : load(files[key]).then((body) => ({
            body,
            etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
          }));
      // A failed read is retried by the next request rather than remembered.
      v.catch(() => variants.delete(id));
      variants.set(id, v);
    }
    return v;
  }

  /** The answer to GET /fonts/{fontstack}/{range}: 404 for a glyph file that does not exist. */
  return async function glyphResponse(
    request: Request,
    fontstack: string,
    range: string,
  ): Promise<Response> {
    const key = `${fontstack}/${range}`;
    if (glyphKey(key) !== key || !Object.hasOwn(files, key)) {
      return new Response('No such glyph range.', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
    const { body, etag } = await variant(key, encoding);
    const headers = new Headers({
      'content-type': GLYPH_TYPE,
      'cache-control': GLYPH_CACHE_CONTROL,
      vary: 'Accept-Encoding',
      etag,
    });
    if (notModified(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    if (encoding) headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : body, { headers });
  };
}

/** If-None-Match against our ETag, by the weak comparison the header calls for. */
function notModified(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
