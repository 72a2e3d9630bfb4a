import { parseAccept } from 'hono/utils/accept';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';

/** The content codings this server writes, best first: brotli is about a fifth smaller. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * The coding to answer with, given the request's Accept-Encoding (RFC 9110 section 12.5.3):
 * the acceptable one (q > 0, named or through `*`) with the highest q, brotli on a tie.
 * Undefined means identity, also when there is no header at all.
 *
 * @example negotiateEncoding('gzip, deflate, br, zstd') // 'br'
 * @example negotiateEncoding('br;q=0.5, gzip') // 'gzip'
 */
export function negotiateEncoding(header: string | null | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepts = parseAccept(header);
  const wildcard = accepts.find((a) => a.type === '*')?.q ?? 0;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const named = accepts.find((a) => a.type.toLowerCase() === encoding);
    const q = named ? named.q : wildcard;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

/**
 * A zlib stream for per-request compression. zlib works on libuv's thread pool, a chunk at a
 * time, so the event loop only moves buffers; 64 KB output chunks keep those hand-overs few.
 * Brotli at quality 5 costs about what gzip at 6 does and writes less (measured on layer pages);
 * its top quality is ten times slower, for files compressed once (compressOnce).
 */
export function encoder(encoding: Encoding, sizeHint = 0) {
  const chunkSize = 64 * 1024;
  if (encoding === 'gzip') return createGzip({ chunkSize, level: 6 });
  const params: Record<number, number> = { [constants.BROTLI_PARAM_QUALITY]: 5 };
  if (sizeHint > 0) params[constants.BROTLI_PARAM_SIZE_HINT] = sizeHint;
  return createBrotliCompress({ chunkSize, params });
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `bytes` compressed as small as zlib can, on the thread pool: for files kept in memory. */
export async function compressOnce(bytes: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
  if (encoding === 'gzip') return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
  return brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}
