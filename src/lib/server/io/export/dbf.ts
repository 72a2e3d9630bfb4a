/**
 * dBASE III tables (.dbf) for Shapefiles, written record by record: the header is written again
 * with the record count once the last record is in. Text is UTF-8 (the archive's .cpg says so),
 * cut at 254 bytes on a character boundary.
 */
import type { FieldType } from './types';

export interface DbfField {
  name: string;
  type: FieldType;
  /** 'C' text, 'N' number, 'L' logical. */
  dbfType: 'C' | 'N' | 'L';
  length: number;
  decimals: number;
}

const MAX_TEXT_BYTES = 254;
const REAL_WIDTH = 24;
const REAL_DECIMALS = 15;

/** The dBASE column for an attribute (timestamps as ISO text: dBASE dates hold no time). */
export function dbfField(name: string, type: FieldType, maxBytes = 1): DbfField {
  switch (type) {
    case 'integer':
      return { name, type, dbfType: 'N', length: 11, decimals: 0 };
    case 'bigint':
      // 18 digits: GDAL reads wider whole numbers as reals.
      return { name, type, dbfType: 'N', length: 18, decimals: 0 };
    case 'double':
      return { name, type, dbfType: 'N', length: REAL_WIDTH, decimals: REAL_DECIMALS };
    case 'boolean':
      return { name, type, dbfType: 'L', length: 1, decimals: 0 };
    case 'datetime':
      return { name, type, dbfType: 'C', length: 25, decimals: 0 };
    case 'string':
      return {
        name,
        type,
        dbfType: 'C',
        length: Math.min(MAX_TEXT_BYTES, Math.max(1, maxBytes)),
        decimals: 0,
      };
  }
}

export const recordLength = (fields: readonly DbfField[]) =>
  1 + fields.reduce((n, f) => n + f.length, 0);

/** The 32-byte header and field descriptors, ending in 0x0D. */
export function dbfHeader(fields: readonly DbfField[], records: number, today: Date): Buffer {
  const size = 32 + 32 * fields.length + 1;
  const b = Buffer.alloc(size);
  b[0] = 0x03;
  b[1] = today.getUTCFullYear() - 1900;
  b[2] = today.getUTCMonth() + 1;
  b[3] = today.getUTCDate();
  b.writeUInt32LE(records, 4);
  b.writeUInt16LE(size, 8);
  b.writeUInt16LE(recordLength(fields), 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    b.write(f.name, at, 10, 'latin1');
    b.write(f.dbfType, at + 11, 1, 'latin1');
    b[at + 16] = f.length;
    b[at + 17] = f.decimals;
  });
  b[size - 1] = 0x0d;
  return b;
}

/** One record (deletion flag and fixed-width fields) into `out` at `at`. */
export function writeDbfRecord(
  out: Buffer,
  at: number,
  fields: readonly DbfField[],
  values: readonly unknown[],
): void {
  out.fill(0x20, at, at + recordLength(fields));
  let pos = at + 1;
  fields.forEach((f, i) => {
    const text = fieldText(f, values[i]);
    if (f.dbfType === 'N') {
      // Numbers are right-aligned.
      out.write(text, pos + f.length - text.length, 'latin1');
    } else if (text) {
      const bytes = fitUtf8(text, f.length);
      bytes.copy(out, pos);
    }
    pos += f.length;
  });
}

function fieldText(f: DbfField, value: unknown): string {
  if (value === null || value === undefined) return f.dbfType === 'L' ? '?' : '';
  if (f.dbfType === 'L') return value ? 'T' : 'F';
  if (f.dbfType === 'N') {
    const n = Number(value);
    if (!Number.isFinite(n)) return '';
    if (f.decimals === 0) return String(Math.round(n)).slice(0, f.length);
    let s = n.toFixed(f.decimals);
    if (s.length > f.length) s = n.toFixed(Math.max(0, f.decimals - (s.length - f.length)));
    return s.length > f.length ? '' : s;
  }
  return String(value);
}

/** UTF-8 bytes of `text`, at most `max` of them, never ending inside a character. */
export function fitUtf8(text: string, max: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}
