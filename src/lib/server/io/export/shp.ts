/**
 * Shapefile geometry (.shp records and .shx index entries), per the ESRI white paper: points,
 * polylines and polygons, whose outer rings run clockwise and holes counter-clockwise (the
 * opposite of RFC 7946, so rings are oriented here whatever they arrive as).
 */
import type { Position, SimpleGeometry } from './types';

export type ShapeKind = 'point' | 'line' | 'polygon';
export const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5 };

export function shapeKind(g: SimpleGeometry): ShapeKind {
  if (g.type === 'Point' || g.type === 'MultiPoint') return 'point';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'line';
  return 'polygon';
}

/** Bounds [xmin, ymin, xmax, ymax], grown in place. */
export type Bounds = [number, number, number, number];
export const emptyBounds = (): Bounds => [Infinity, Infinity, -Infinity, -Infinity];

/** Twice the signed area of a ring: positive when counter-clockwise. */
function signedArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/** The geometry's parts as the Shapefile orders them (rings oriented for Shapefile). */
function partsOf(g: SimpleGeometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return orientRings(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.flatMap(orientRings);
    default:
      throw new Error(`No parts in a ${g.type}`);
  }
}

function orientRings(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea2(ring) < 0;
    const wantClockwise = i === 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

/**
 * The record's content (without its 8-byte record header) for one geometry, and the bounds of
 * the file grown by it. A MultiPoint becomes its first point (exports hold no MultiPoints).
 */
export function shapeContent(g: SimpleGeometry, bounds: Bounds): Buffer {
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const [x, y] = g.type === 'Point' ? g.coordinates : g.coordinates[0];
    const b = Buffer.alloc(20);
    b.writeInt32LE(1, 0);
    b.writeDoubleLE(x, 4);
    b.writeDoubleLE(y, 12);
    grow(bounds, x, y, x, y);
    return b;
  }
  const parts = partsOf(g);
  const points = parts.reduce((n, p) => n + p.length, 0);
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * points);
  b.writeInt32LE(SHAPE_TYPE[shapeKind(g)], 0);
  const box = emptyBounds();
  let at = 44 + 4 * parts.length;
  let start = 0;
  parts.forEach((part, i) => {
    b.writeInt32LE(start, 44 + 4 * i);
    start += part.length;
    for (const [x, y] of part) {
      b.writeDoubleLE(x, at);
      b.writeDoubleLE(y, at + 8);
      at += 16;
      grow(box, x, y, x, y);
    }
  });
  box.forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(parts.length, 36);
  b.writeInt32LE(points, 40);
  grow(bounds, ...box);
  return b;
}

function grow(b: Bounds, xmin: number, ymin: number, xmax: number, ymax: number) {
  if (xmin < b[0]) b[0] = xmin;
  if (ymin < b[1]) b[1] = ymin;
  if (xmax > b[2]) b[2] = xmax;
  if (ymax > b[3]) b[3] = ymax;
}

/** The 100-byte header of a .shp or .shx of `lengthBytes` bytes in all. */
export function shpHeader(kind: ShapeKind, lengthBytes: number, bounds: Bounds): Buffer {
  const b = Buffer.alloc(100);
  b.writeInt32BE(9994, 0);
  b.writeInt32BE(lengthBytes / 2, 24);
  b.writeInt32LE(1000, 28);
  b.writeInt32LE(SHAPE_TYPE[kind], 32);
  const box = Number.isFinite(bounds[0]) ? bounds : [0, 0, 0, 0];
  box.forEach((v, i) => b.writeDoubleLE(v, 36 + 8 * i));
  return b;
}

/** A .shp record header: record number (from 1) and content length, in 16-bit words. */
export function recordHeader(recordNumber: number, contentBytes: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeInt32BE(recordNumber, 0);
  b.writeInt32BE(contentBytes / 2, 4);
  return b;
}

/** A .shx entry: the record's offset and content length, in 16-bit words. */
export function indexEntry(offsetBytes: number, contentBytes: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeInt32BE(offsetBytes / 2, 0);
  b.writeInt32BE(contentBytes / 2, 4);
  return b;
}
