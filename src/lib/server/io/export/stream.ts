/**
 * Turns a writer's pieces into a response body with backpressure: the next piece is made only
 * when the client has taken the previous ones (ReadableStream `pull`), so a download of a million
 * rows holds one batch at a time. Small pieces are gathered into chunks of about 64 KB.
 */
const CHUNK_BYTES = 64 * 1024;

export function byteStream(
  pieces: AsyncIterable<Uint8Array>,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const parts: Uint8Array[] = [];
          let size = 0;
          while (size < CHUNK_BYTES) {
            const next = await iterator.next();
            if (next.done) {
              if (size > 0) controller.enqueue(concat(parts, size));
              controller.close();
              return;
            }
            parts.push(next.value);
            size += next.value.length;
          }
          controller.enqueue(concat(parts, size));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
