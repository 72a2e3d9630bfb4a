import { createHash } from 'node:crypto';
import { compressOnce, negotiateEncoding, type Encoding } from './encoding';

/**
 * Files the app serves itself rather than from static/ (glyph PBFs, the offline basemap):
 * adapter-node's file server compresses at build time only some text types, knows no type for
 * .pbf or .geojson, and lets no one set its headers. Each file is read and compressed once, as
 * small as brotli and gzip go, and kept in memory.
 *
 * Their URLs carry no content hash, so answers are cached for a day, then used while revalidated
 * (a 304 against the ETag, which is the content's hash and the coding).
 */
export const DAY_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export interface CachedFiles {
  /** Where each file is, by the key requests name it with. */
  files: Record<string, string>;
  /** Reads the file at such a location. */
  load: (location: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** Its Content-Type. */
  type: string;
  /** Said in the body of a 404. */
  missing: string;
}

/** A responder for GET and HEAD of the files by key: 404 for a key not among them. */
export function createCachedFiles({ files, load, type, missing }: CachedFiles) {
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

  return async function cachedFileResponse(request: Request, key: string): Promise<Response> {
    if (!Object.hasOwn(files, key)) {
      return new Response(missing, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
    const { body, etag } = await variant(key, encoding);
    const headers = new Headers({
      'content-type': type,
      'cache-control': DAY_CACHE_CONTROL,
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
