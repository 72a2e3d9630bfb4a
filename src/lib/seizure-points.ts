/**
 * Seizure points as binary columns: the body of `GET /api/seizures/points`, written by the server
 * and read by the map. One pure module for both sides, so the layout cannot drift apart.
 *
 * Layout, version 1 (all numbers little-endian; media type SEIZURE_POINTS_TYPE):
 *
 *   offset  size  content
 *   0       4     magic, ASCII `BRMP`
 *   4       2     Uint16 version (1)
 *   6       2     Uint16 reserved (0)
 *   8       4     Uint32 H: length of the JSON header in bytes (a multiple of 4)
 *   12      H     UTF-8 JSON header, padded with spaces:
 *                   { count, base_day: 'YYYY-MM-DD' | null, origin: [lon, lat],
 *                     categories: string[], agencies: string[], value_breaks_vnd: number[] }
 *   then, each block right after the one before (every block starts 4-byte aligned):
 *   8n      Float32 [lon - origin lon, lat - origin lat] per point, degrees (a few cm of error)
 *   4n      Uint32 id
 *   2n      Uint16 day: days since base_day, counted in Vietnam time (UTC+7)
 *   n       Uint8 category: index into header.categories
 *   n       Uint8 agency: index into header.agencies
 *   n       Uint8 value class: how many of header.value_breaks_vnd the value reaches (0 unknown)
 *
 * 17 bytes a point before compression. The map draws positions as offsets from `origin`
 * (deck.gl's LNGLAT_OFFSETS), so no point pays for absolute float64 coordinates.
 */

export const SEIZURE_POINTS_TYPE = 'application/vnd.brm.seizure-points';
export const SEIZURE_POINTS_VERSION = 1;
const MAGIC = [0x42, 0x52, 0x4d, 0x50]; // BRMP
const PREFIX_BYTES = 12;
/** Bytes per point in the column blocks. */
export const BYTES_PER_POINT = 17;
const DAY_MS = 86_400_000;
/**
 * Seizure value classes in VND: a case worth exactly a bound falls in the class above it, a case
 * without a value in the first. The map sizes its marks by class (styles.ts).
 */
export const VALUE_BREAKS_VND = [50_000_000, 200_000_000, 1_000_000_000] as const;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface SeizurePointsHeader {
  count: number;
  /** The day that `days` count from (`YYYY-MM-DD`, Vietnam time), null without points. */
  base_day: string | null;
  origin: [number, number];
  categories: string[];
  agencies: string[];
  value_breaks_vnd: number[];
}

export interface SeizurePoints {
  header: SeizurePointsHeader;
  /** Interleaved [dlon, dlat] from header.origin, degrees. */
  offsets: Float32Array;
  ids: Uint32Array;
  days: Uint16Array;
  categories: Uint8Array;
  agencies: Uint8Array;
  valueClasses: Uint8Array;
}

/** Day number (days since 1970-01-01) of `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The Vietnamese calendar day (day number) an instant falls on. */
export function vietnamDayNumber(at: Date): number {
  return Math.floor((at.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
}

/**
 * Columns under construction for `count` points, filled in any order by `set`; `finish` writes
 * the body. The server fills it batch by batch from the database, holding 17 bytes a point.
 */
export class SeizurePointsWriter {
  readonly offsets: Float32Array;
  readonly ids: Uint32Array;
  readonly days: Uint16Array;
  readonly categories: Uint8Array;
  readonly agencies: Uint8Array;
  readonly valueClasses: Uint8Array;
  readonly #buffer: ArrayBuffer;
  readonly #header: Uint8Array;

  constructor(header: SeizurePointsHeader) {
    const n = header.count;
    let json = new TextEncoder().encode(JSON.stringify(header));
    const padded = Math.ceil(json.length / 4) * 4;
    if (padded !== json.length) {
      const spaced = new Uint8Array(padded).fill(0x20);
      spaced.set(json);
      json = spaced;
    }
    this.#header = json;
    this.#buffer = new ArrayBuffer(PREFIX_BYTES + json.length + BYTES_PER_POINT * n);
    let at = PREFIX_BYTES + json.length;
    const take = <T>(
      make: (b: ArrayBuffer, at: number, n: number) => T,
      length: number,
      bytes: number,
    ): T => {
      const view = make(this.#buffer, at, length);
      at += length * bytes;
      return view;
    };
    this.offsets = take((b, o, l) => new Float32Array(b, o, l), 2 * n, 4);
    this.ids = take((b, o, l) => new Uint32Array(b, o, l), n, 4);
    this.days = take((b, o, l) => new Uint16Array(b, o, l), n, 2);
    this.categories = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
    this.agencies = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
    this.valueClasses = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  }

  /** The finished body. Typed arrays are little-endian on every platform this runs on. */
  finish(): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(this.#buffer);
    const view = new DataView(this.#buffer);
    bytes.set(MAGIC, 0);
    view.setUint16(4, SEIZURE_POINTS_VERSION, true);
    view.setUint16(6, 0, true);
    view.setUint32(8, this.#header.length, true);
    bytes.set(this.#header, PREFIX_BYTES);
    return bytes;
  }
}

/** One point as plain values, for `encodeSeizurePoints`. */
export interface PlainPoint {
  id: number;
  lon: number;
  lat: number;
  /** `YYYY-MM-DD`, Vietnam time. */
  day: string;
  category: string;
  agency: string;
  valueClass: number;
}

/**
 * The body for a list of points (tests and the bench; the server fills a writer in batches).
 * @example encodeSeizurePoints([{ id: 7, lon: 105.1, lat: 10.6, day: '2024-01-02', category: 'sugar', agency: 'customs', valueClass: 1 }], header)
 */
export function encodeSeizurePoints(
  points: readonly PlainPoint[],
  header: Omit<SeizurePointsHeader, 'count' | 'base_day'>,
): Uint8Array<ArrayBuffer> {
  const base = points.length ? Math.min(...points.map((p) => dayNumber(p.day))) : null;
  const writer = new SeizurePointsWriter({
    ...header,
    count: points.length,
    base_day: base === null ? null : dayOfNumber(base),
  });
  points.forEach((p, i) => {
    writer.offsets[2 * i] = p.lon - header.origin[0];
    writer.offsets[2 * i + 1] = p.lat - header.origin[1];
    writer.ids[i] = p.id;
    writer.days[i] = dayNumber(p.day) - base!;
    writer.categories[i] = header.categories.indexOf(p.category);
    writer.agencies[i] = header.agencies.indexOf(p.agency);
    writer.valueClasses[i] = p.valueClass;
  });
  return writer.finish();
}

export class SeizurePointsFormatError extends Error {}

/**
 * Reads a body into views over its own bytes (no copy of the columns). Throws
 * SeizurePointsFormatError for anything that is not version 1 of this layout.
 */
export function decodeSeizurePoints(body: ArrayBuffer): SeizurePoints {
  const bytes = new Uint8Array(body);
  if (bytes.length < PREFIX_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new SeizurePointsFormatError('Not a seizure points body');
  }
  const view = new DataView(body);
  const version = view.getUint16(4, true);
  if (version !== SEIZURE_POINTS_VERSION) {
    throw new SeizurePointsFormatError(`Unknown seizure points version ${version}`);
  }
  const length = view.getUint32(8, true);
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + length)),
  ) as SeizurePointsHeader;
  const n = header.count;
  if (PREFIX_BYTES + length + BYTES_PER_POINT * n !== body.byteLength) {
    throw new SeizurePointsFormatError('Seizure points body has the wrong length');
  }
  let at = PREFIX_BYTES + length;
  const next = (bytesEach: number, count: number) => {
    const start = at;
    at += bytesEach * count;
    return start;
  };
  return {
    header,
    offsets: new Float32Array(body, next(4, 2 * n), 2 * n),
    ids: new Uint32Array(body, next(4, n), n),
    days: new Uint16Array(body, next(2, n), n),
    categories: new Uint8Array(body, next(1, n), n),
    agencies: new Uint8Array(body, next(1, n), n),
    valueClasses: new Uint8Array(body, next(1, n), n),
  };
}

/** Point `i` as plain values (popups, tests). */
export function pointAt(points: SeizurePoints, i: number): PlainPoint {
  const { header } = points;
  return {
    id: points.ids[i],
    lon: header.origin[0] + points.offsets[2 * i],
    lat: header.origin[1] + points.offsets[2 * i + 1],
    day: dayOfNumber(dayNumber(header.base_day!) + points.days[i]),
    category: header.categories[points.categories[i]],
    agency: header.agencies[points.agencies[i]],
    valueClass: points.valueClasses[i],
  };
}
