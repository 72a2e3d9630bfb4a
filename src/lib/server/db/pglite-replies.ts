/**
 * PGlite answers an error in the extended protocol with ErrorResponse and then, at once, a
 * ReadyForQuery of its own, before the one for the Sync that ends the batch. A real backend
 * sends ReadyForQuery only for Sync. The extra one completes whichever query postgres.js has
 * waiting next, so with queries in flight (Promise.all) every later reply went to the wrong
 * query. This drops each ReadyForQuery that directly follows an ErrorResponse while the reply
 * holds more of them than the batch had Syncs.
 *
 * @example dropStrayReadyForQuery(bytesOf('EZZ'), 1) // the bytes of 'EZ'
 */
export function dropStrayReadyForQuery(reply: Uint8Array, syncs: number): Uint8Array {
  const messages: [type: number, start: number, end: number][] = [];
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  for (let at = 0; at + 5 <= reply.length;) {
    const end = at + 1 + view.getInt32(at + 1);
    messages.push([reply[at], at, end]);
    at = end;
  }
  const Z = 0x5a;
  const E = 0x45;
  let excess = messages.filter(([type]) => type === Z).length - syncs;
  if (excess <= 0) return reply;
  const kept = messages.filter(([type], i) => {
    const stray = type === Z && i > 0 && messages[i - 1][0] === E && excess > 0;
    if (stray) excess--;
    return !stray;
  });
  const out = new Uint8Array(kept.reduce((n, [, s, e]) => n + e - s, 0));
  let at = 0;
  for (const [, s, e] of kept) {
    out.set(reply.subarray(s, e), at);
    at += e - s;
  }
  return out;
}
