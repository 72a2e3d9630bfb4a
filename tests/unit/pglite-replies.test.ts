import { describe, expect, it } from 'vitest';
import { dropStrayReadyForQuery } from '../../src/lib/server/db/pglite-replies';

/** Protocol messages with bodies short enough to read: type letter, length, then body bytes. */
function bytesOf(types: string): Uint8Array {
  const parts = [...types].map((t) => {
    const body = t === 'Z' ? [0x49] : [0x61, 0x62]; // ReadyForQuery carries 'I'
    const m = new Uint8Array(5 + body.length);
    m[0] = t.charCodeAt(0);
    new DataView(m.buffer).setInt32(1, 4 + body.length);
    m.set(body, 5);
    return m;
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const typesOf = (bytes: Uint8Array) => {
  let s = '';
  for (
    let at = 0;
    at < bytes.length;
    at += 1 + new DataView(bytes.buffer, bytes.byteOffset).getInt32(at + 1)
  )
    s += String.fromCharCode(bytes[at]);
  return s;
};

describe('dropStrayReadyForQuery', () => {
  it.each([
    ['EZZ', 1, 'EZ'], // Bind failed: PGlite's own Z, then the Sync's
    ['1tTEZZ', 1, '1tTEZ'],
    ['EZ', 0, 'E'], // Parse failed before a Flush: no Sync yet, so no Z is due
    ['1tT2DCZ1tTEZZ', 2, '1tT2DCZ1tTEZ'],
    ['1tT2DCZ', 1, '1tT2DCZ'], // no error: untouched
    ['EZ', 1, 'EZ'], // as many Z as Syncs: untouched
    ['ZZ', 1, 'ZZ'], // an excess not after an error is not ours to drop
  ])('%s with %i Sync(s) -> %s', (reply, syncs, expected) => {
    expect(typesOf(dropStrayReadyForQuery(bytesOf(reply), syncs))).toBe(expected);
  });
});
