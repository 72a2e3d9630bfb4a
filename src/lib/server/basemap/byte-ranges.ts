/**
 * HTTP byte ranges (RFC 9110 section 14) for serving one file: which part of it a request asks
 * for. Pure: no file, no request object.
 */

/** First and last byte, both included. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeAnswer =
  /** Send the whole file (no Range, an invalid one, or several: handled as none, like nginx's max_ranges 1). */
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  /** 416: valid syntax, but no byte of it lies in the file. */
  | { kind: 'unsatisfiable' };

const WHOLE: RangeAnswer = { kind: 'whole' };
const SPEC = /^(\d*)-(\d*)$/;

/**
 * What to send for a `Range` header value on a file of `size` bytes.
 * @example byteRange('bytes=0-126', 1000) // { kind: 'partial', range: { start: 0, end: 126 } }
 * @example byteRange('bytes=-100', 1000) // the last 100 bytes: { start: 900, end: 999 }
 */
export function byteRange(header: string | null | undefined, size: number): RangeAnswer {
  if (!header) return WHOLE;
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m) return WHOLE; // another unit: ignored, as the RFC allows
  const specs = m[1].split(',').map((s) => s.trim());
  if (specs.length !== 1) return WHOLE;
  const spec = SPEC.exec(specs[0]);
  if (!spec || (spec[1] === '' && spec[2] === '')) return WHOLE;
  const [first, last] = [spec[1], spec[2]];
  if (first === '') {
    // A suffix: the last N bytes.
    const n = Number(last);
    if (!Number.isSafeInteger(n)) return WHOLE;
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - n), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (!Number.isSafeInteger(start) || (last !== '' && !Number.isSafeInteger(end))) return WHOLE;
  if (end < start) return WHOLE; // invalid, so the header is ignored
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end: Math.min(end, size - 1) } };
}

/**
 * Whether a conditional range request may be answered with the range: `If-Range` absent, or
 * naming the current (strong) ETag, or the exact Last-Modified date.
 */
export function ifRangeHolds(
  ifRange: string | null | undefined,
  etag: string,
  lastModified: string,
): boolean {
  if (!ifRange) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === etag;
  if (value.startsWith('W/')) return false; // weak validators never match for ranges
  return value === lastModified;
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 13.1.2 asks). */
export function noneMatchHits(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => bare(t) === bare(etag));
}
