/**
 * One file on disk as an HTTP response with byte ranges: 206 with Content-Range for a range, 416
 * when none of it is in the file, 304 for a matching If-None-Match, a stable ETag from size and
 * modification time. The body is streamed from disk, never read whole into memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { byteRange, ifRangeHolds, noneMatchHits } from './byte-ranges';

export interface FileOptions {
  contentType: string;
  cacheControl: string;
}

/** A strong validator that changes when the file is replaced or rewritten. */
export function fileEtag(size: number, mtimeMs: number): string {
  return `"${size.toString(16)}-${Math.trunc(mtimeMs).toString(16)}"`;
}

function stream(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  // Node's web stream type differs from the DOM's in name only.
  return Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
}

export async function fileResponse(
  request: Request,
  path: string,
  options: FileOptions,
): Promise<Response> {
  const info = await stat(path);
  const size = info.size;
  const etag = fileEtag(size, info.mtimeMs);
  const lastModified = info.mtime.toUTCString();
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': options.contentType,
    // no-transform: a compressing proxy (or middleware) must not re-encode byte ranges.
    'Cache-Control': options.cacheControl,
    ETag: etag,
    'Last-Modified': lastModified,
  });
  const head = request.method === 'HEAD';

  if (noneMatchHits(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get('if-range');
  const answer = ifRangeHolds(ifRange, etag, lastModified)
    ? byteRange(request.headers.get('range'), size)
    : ({ kind: 'whole' } as const);

  if (answer.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.delete('Content-Type');
    return new Response(null, { status: 416, headers });
  }
  if (answer.kind === 'partial') {
    const { start, end } = answer.range;
    headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
    headers.set('Content-Length', String(end - start + 1));
    return new Response(head ? null : stream(path, start, end), { status: 206, headers });
  }
  headers.set('Content-Length', String(size));
  const body = head || size === 0 ? null : stream(path, 0, size - 1);
  return new Response(body, { status: 200, headers });
}
