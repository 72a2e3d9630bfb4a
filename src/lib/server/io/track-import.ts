/**
 * A patrol's track from what officers bring back: GPX 1.1 text from a handheld (tracks and
 * routes) or GeoJSON lines. Every part becomes one LineString: parts are joined end to start in
 * file order, because the patrols table holds one line per patrol and a gap between parts is a
 * GPS drop-out on the same patrol (the straight join is the best guess of the way taken). Long
 * tracks are simplified to at most MAX_TRACK_VERTICES positions.
 */
import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { checkGeometry } from './geometry-check';

export const MAX_TRACK_VERTICES = 10_000;
/** Positions read before simplifying: a day at one fix a second, with room to spare. */
export const MAX_RAW_VERTICES = 500_000;

export interface ImportedTrack {
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  /** How many parts (GPX segments and routes, GeoJSON lines) were joined. */
  parts: number;
  /** Positions read, before duplicates were dropped and the line simplified. */
  vertices_read: number;
}

/** Input the caller must fix: the route answers 422 with the message. */
export class TrackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrackError';
  }
}

type Position = number[];

/** The line parts of any GeoJSON object holding lines; anything else is refused by name. */
function partsOf(value: unknown, where = 'track'): Position[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TrackError(`${where} must be a GeoJSON object`);
  const o = value as {
    type?: unknown;
    coordinates?: unknown;
    geometry?: unknown;
    features?: unknown;
  };
  switch (o.type) {
    case 'LineString':
      return [positions(o.coordinates, where)];
    case 'MultiLineString':
      if (!Array.isArray(o.coordinates))
        throw new TrackError(`${where}: coordinates must be an array of lines`);
      return o.coordinates.map((c, i) => positions(c, `${where} part ${i + 1}`));
    case 'Feature':
      if (o.geometry === null) throw new TrackError(`${where}: the feature has no geometry`);
      return partsOf(o.geometry, where);
    case 'FeatureCollection':
      if (!Array.isArray(o.features)) throw new TrackError(`${where}: features must be an array`);
      return o.features.flatMap((f, i) => partsOf(f, `${where} feature ${i + 1}`));
    default:
      throw new TrackError(
        `${where} must be a LineString, MultiLineString, or a Feature or FeatureCollection of them (got ${String(o.type)})`,
      );
  }
}

function positions(value: unknown, where: string): Position[] {
  if (!Array.isArray(value)) throw new TrackError(`${where}: coordinates must be an array`);
  for (const p of value) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      throw new TrackError(`${where}: every position must be [longitude, latitude]`);
  }
  return value as Position[];
}

/** Joins the parts, keeps lon/lat only and drops repeated positions (a GPS standing still). */
function join(parts: Position[][]): { coordinates: [number, number][]; read: number } {
  const coordinates: [number, number][] = [];
  let read = 0;
  for (const part of parts) {
    read += part.length;
    if (read > MAX_RAW_VERTICES)
      throw new TrackError(`The track has more than ${MAX_RAW_VERTICES} positions.`);
    for (const [lon, lat] of part) {
      const last = coordinates[coordinates.length - 1];
      if (!last || last[0] !== lon || last[1] !== lat) coordinates.push([lon, lat]);
    }
  }
  return { coordinates, read };
}

/**
 * The line with at most `max` positions, by Visvalingam-Whyatt: repeatedly drop the position
 * whose triangle with its neighbours has the least area (longitude scaled by cos(latitude) so
 * both axes weigh alike), ends kept. A heap makes it O(n log n) whatever the line's shape;
 * Douglas-Peucker (Turf's simplify) goes quadratic on GPS jitter and recurses past the stack.
 */
export function fitVertices(
  coordinates: [number, number][],
  max = MAX_TRACK_VERTICES,
): [number, number][] {
  const n = coordinates.length;
  if (n <= max) return coordinates;
  const k = Math.cos((coordinates[0][1] * Math.PI) / 180);
  const prev = Int32Array.from({ length: n }, (_, i) => i - 1);
  const next = Int32Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
  const stamp = new Uint32Array(n);
  const area = (i: number) => {
    const [a, b, c] = [coordinates[prev[i]], coordinates[i], coordinates[next[i]]];
    return Math.abs((b[0] - a[0]) * k * (c[1] - a[1]) - (c[0] - a[0]) * k * (b[1] - a[1])) / 2;
  };
  const heap = new MinHeap();
  for (let i = 1; i < n - 1; i++) heap.push(area(i), i, 0);
  let left = n;
  while (left > max) {
    const { index: i, stamp: s } = heap.pop()!;
    if (s !== stamp[i]) continue; // superseded by a newer area for this position
    const [p, q] = [prev[i], next[i]];
    next[p] = q;
    prev[q] = p;
    stamp[i] = 0xffffffff;
    left--;
    for (const j of [p, q]) {
      if (j > 0 && j < n - 1) heap.push(area(j), j, ++stamp[j]);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0; i !== -1; i = next[i]) out.push(coordinates[i]);
  return out;
}

/** A binary min-heap of (area, index, stamp), smallest area on top. */
class MinHeap {
  private keys: number[] = [];
  private items: { index: number; stamp: number }[] = [];
  push(key: number, index: number, stamp: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.items.push({ index, stamp });
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.keys[up] <= key) break;
      this.swap(i, up);
      i = up;
    }
  }
  pop(): { index: number; stamp: number } | undefined {
    if (!this.keys.length) return undefined;
    const top = this.items[0];
    const lastKey = this.keys.pop()!;
    const lastItem = this.items.pop()!;
    if (this.keys.length) {
      this.keys[0] = lastKey;
      this.items[0] = lastItem;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.keys[l] < this.keys[m]) m = l;
        if (r < this.keys.length && this.keys[r] < this.keys[m]) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
  }
}

function finish(parts: Position[][], kind: string): ImportedTrack {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (!nonEmpty.length) throw new TrackError(`The ${kind} holds no track or route points.`);
  const { coordinates, read } = join(nonEmpty);
  if (coordinates.length < 2)
    throw new TrackError(`The ${kind} needs at least two distinct positions to make a line.`);
  const geometry = { type: 'LineString' as const, coordinates: fitVertices(coordinates) };
  const problems = checkGeometry(geometry, ['LineString'], { maxVertices: MAX_TRACK_VERTICES });
  if (problems.length) throw new TrackError(`Invalid ${kind}: ${problems[0]}`);
  return { geometry, parts: nonEmpty.length, vertices_read: read };
}

export function trackFromGeoJson(value: unknown): ImportedTrack {
  return finish(partsOf(value), 'track');
}

/** GPX text: every track segment and every route, in file order. Waypoints are ignored. */
export function trackFromGpx(text: string): ImportedTrack {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TrackError(`The GPX is not well-formed XML: ${reason}`);
  }
  if (doc.documentElement?.localName !== 'gpx')
    throw new TrackError(
      `The file is not GPX (its root element is <${doc.documentElement?.localName ?? ''}>).`,
    );
  const lines = gpx(doc).features.filter(
    (f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
  );
  return finish(
    lines.flatMap((f) => partsOf(f, 'GPX')),
    'GPX',
  );
}
