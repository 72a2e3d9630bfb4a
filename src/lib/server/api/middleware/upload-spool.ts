import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MiddlewareHandler } from 'hono';
import { ApiError, tooLarge } from '../../errors';
import type { AppEnv } from '../types';

/** The body of an upload route, written to a temporary file that lives as long as the request. */
export interface Upload {
  path: string;
  bytes: number;
}

export const UPLOAD_TYPES = ['text/csv', 'application/geo+json', 'application/json'];

/**
 * The body limit and reader of upload routes (imports): the body goes to a temporary file as it
 * arrives, counted against `maxBytes` (413 past it, with or without a Content-Length), so a
 * 50 MB file never sits in memory, and the request takes its turn in the database queue only
 * once the upload is complete. The request then continues without a body; the route reads
 * `c.get('upload')`. At most `maxAtOnce` uploads are written at a time (503 past that), and
 * only requests that carry credentials (a cookie or an Authorization header) are written at all;
 * who they are is checked by the route, after the queue.
 */
export function spoolUpload(maxBytes: number, maxAtOnce = 2): MiddlewareHandler<AppEnv> {
  let running = 0;
  return async function spoolUpload(c, next) {
    const body = c.req.raw.body;
    if (!body || c.req.method !== 'POST') return next();
    // Without credentials nothing is written: the route's permission check answers the 401 and
    // records it as denied, as on every other route.
    if (!c.req.header('cookie') && !c.req.header('authorization')) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!UPLOAD_TYPES.includes(type))
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Send the file as text/csv or application/geo+json.',
      );
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(maxBytes);
    if (running >= maxAtOnce)
      throw new ApiError(503, 'busy', 'Other files are being uploaded. Try again shortly.', {
        reason: 'uploads_busy',
        retry_after_s: 10,
      });
    running++;
    const dir = await mkdtemp(join(tmpdir(), 'brm-upload-'));
    const path = join(dir, 'body');
    let bytes = 0;
    try {
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
        },
      });
      await pipeline(
        Readable.fromWeb(body as import('node:stream/web').ReadableStream),
        count,
        createWriteStream(path),
      );
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      // adapter-node fails the stream with status 413 past its own BODY_SIZE_LIMIT.
      if (error instanceof ApiError || (error as { status?: unknown }).status === 413)
        throw tooLarge(maxBytes);
      throw error;
    } finally {
      running--;
    }
    try {
      c.set('upload', { path, bytes } satisfies Upload);
      c.req.raw = new Request(c.req.raw.url, {
        method: c.req.raw.method,
        headers: c.req.raw.headers,
        signal: c.req.raw.signal,
      });
      await next();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
