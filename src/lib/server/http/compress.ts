import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { SEIZURE_POINTS_TYPE } from '../../seizure-points';
import { encoder, negotiateEncoding } from './encoding';

/** Bodies shorter than this go as they are: the coding's own framing would eat the saving. */
export const MIN_COMPRESS_BYTES = 1024;

/** Binary bodies of our own that shrink well (seizure points: sorted ids, few days, few codes). */
const COMPRESSIBLE_BINARY = new Set([SEIZURE_POINTS_TYPE]);

const compressible = (type: string) =>
  COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
  COMPRESSIBLE_BINARY.has(type.split(';')[0].trim().toLowerCase());

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Whether `response` may be sent with a content coding at all. Never a partial answer or one to
 * a Range request (ranges count bytes of the coded body, so coding would break them), nor one a
 * route marked as range-capable, already coded, or `no-transform`; only text-like types (JSON,
 * GeoJSON, HTML, CSV, JS, SVG: hono's list of compressible types) and the seizure points.
 */
function codable(request: Request, response: Response): boolean {
  const h = response.headers;
  return (
    request.method !== 'HEAD' &&
    response.body !== null &&
    response.status >= 200 &&
    ![204, 206, 304].includes(response.status) &&
    !request.headers.has('range') &&
    !h.has('content-range') &&
    h.get('accept-ranges')?.toLowerCase() !== 'bytes' &&
    (h.get('content-encoding') ?? 'identity').toLowerCase() === 'identity' &&
    compressible(h.get('content-type') ?? '') &&
    !NO_TRANSFORM.test(h.get('cache-control') ?? '')
  );
}

/**
 * The response compressed as the request's Accept-Encoding allows (brotli, else gzip), streamed
 * through zlib: a layer page of several MB is never copied whole and the event loop only moves
 * chunks. Bodies under `minBytes` stay identity; it reads at most that much ahead to find out
 * when no Content-Length says so. Every coded-or-codable answer says `Vary: Accept-Encoding`.
 *
 * Used by src/hooks.server.ts for every answer SvelteKit gives (the API's and the pages' HTML).
 */
export async function compressResponse(
  request: Request,
  response: Response,
  minBytes = MIN_COMPRESS_BYTES,
): Promise<Response> {
  if (!codable(request, response)) return response;
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) < minBytes) return response;

  const reader = response.body!.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < minBytes && !ended) {
    const chunk = await reader.read();
    if (chunk.done) ended = true;
    else {
      head.push(chunk.value);
      size += chunk.value.byteLength;
    }
  }
  const init = { status: response.status, statusText: response.statusText };
  const headers = new Headers(response.headers);
  if (ended && size < minBytes) return new Response(Buffer.concat(head), { ...init, headers });

  const vary = headers.get('vary');
  if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) {
    headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  const body = replay(head, ended ? null : reader);
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
  if (!encoding) return new Response(body, { ...init, headers });

  headers.set('content-encoding', encoding);
  headers.delete('content-length');
  // The coded bytes differ from the identity ones: a strong validator no longer describes them.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(coded(body, encoder(encoding, Number(declared ?? 0))), {
    ...init,
    headers,
  });
}

/**
 * `body` through a zlib stream, read only as fast as the client takes it. Not Duplex.toWeb (what
 * CompressionStream uses): on Node 20 it queues up to 16384 chunks each way before pushing back,
 * so a slow client would have a whole export buffered. Node streams count bytes; the web stream
 * here pulls one zlib chunk per read. A client that goes away ends the zlib iterator, which
 * ends the pipeline and cancels `body`.
 */
function coded(body: ReadableStream<Uint8Array>, zlib: ReturnType<typeof encoder>) {
  pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), zlib, () => {
    // Errors reach the reader through `zlib`, which the pipeline destroys with them.
  });
  const chunks = zlib[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await chunks.next();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: async () => void (await chunks.return?.()),
    },
    { highWaterMark: 0 },
  );
}

/** The chunks already read, then the rest of the body (cancelling it if the client goes). */
function replay(
  head: Uint8Array[],
  rest: ReadableStreamDefaultReader<Uint8Array> | null,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
      if (!rest) controller.close();
    },
    async pull(controller) {
      const chunk = await rest!.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel: (reason) => rest?.cancel(reason),
  });
}
