/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * a 127-byte header, a gzipped root directory within the first 16 KiB, gzipped JSON metadata,
 * gzipped leaf directories when the root would not fit, then the tile data ordered by tile id
 * (clustered), identical tiles stored once and consecutive repeats run-length encoded.
 *
 * npm's `pmtiles` package reads archives but does not write them; it does give the Hilbert tile
 * id (`zxyToTileId`), which this writer uses so reader and writer agree on it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';

export const HEADER_BYTES = 127;
/** Header plus root directory must fit in the first 16 KiB (spec, chapter 4). */
export const MAX_ROOT_BYTES = 16_384 - HEADER_BYTES;

export interface TileInput {
  z: number;
  x: number;
  /** XYZ row (0 at the top), not the TMS row MBTiles stores. */
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: TileType;
  tileCompression: Compression;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [longitude, latitude, zoom]. */
  center: [number, number, number];
  metadata: Record<string, unknown>;
  /** Entries per leaf directory to start from (grown until the root fits). */
  leafSize?: number;
}

export interface ArchiveSummary {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  rootBytes: number;
  leafDirectories: number;
  bytes: number;
}

/** Appends an unsigned LEB128 varint (JS numbers: exact up to 2^53). */
export function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory serialised as the spec's columns (ids delta-coded, offsets 0 when contiguous), uncompressed. */
export function encodeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, i > 0 && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

/**
 * The root directory and the leaf directories for `entries`: one root when it fits, else leaves
 * of `leafSize` entries (growing by half until the root of leaf pointers fits).
 */
export function buildDirectories(
  entries: Entry[],
  leafSize = 4096,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = gzip(encodeDirectory(entries));
  if (root.length <= MAX_ROOT_BYTES) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let size = leafSize; ; size = Math.ceil(size * 1.5)) {
    const pointers: Entry[] = [];
    const blobs: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const chunk = entries.slice(i, i + size);
      const blob = gzip(encodeDirectory(chunk));
      pointers.push({ tileId: chunk[0].tileId, offset, length: blob.length, runLength: 0 });
      blobs.push(blob);
      offset += blob.length;
    }
    const leafRoot = gzip(encodeDirectory(pointers));
    if (leafRoot.length <= MAX_ROOT_BYTES) {
      const leaves = new Uint8Array(offset);
      let at = 0;
      for (const b of blobs) {
        leaves.set(b, at);
        at += b.length;
      }
      return { root: leafRoot, leaves, leafCount: blobs.length };
    }
  }
}

export function encodeHeader(
  fields: {
    rootOffset: number;
    rootLength: number;
    metadataOffset: number;
    metadataLength: number;
    leafOffset: number;
    leafLength: number;
    dataOffset: number;
    dataLength: number;
    addressedTiles: number;
    tileEntries: number;
    tileContents: number;
  },
  o: ArchiveOptions,
): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const v = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  v.setUint8(7, 3);
  const u64 = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leafOffset,
    fields.leafLength,
    fields.dataOffset,
    fields.dataLength,
    fields.addressedTiles,
    fields.tileEntries,
    fields.tileContents,
  ];
  u64.forEach((n, i) => v.setBigUint64(8 + i * 8, BigInt(n), true));
  v.setUint8(96, 1); // clustered: tile data in tile id order
  v.setUint8(97, Compression.Gzip);
  v.setUint8(98, o.tileCompression);
  v.setUint8(99, o.tileType);
  v.setUint8(100, o.minZoom);
  v.setUint8(101, o.maxZoom);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  v.setInt32(102, e7(o.bounds[0]), true);
  v.setInt32(106, e7(o.bounds[1]), true);
  v.setInt32(110, e7(o.bounds[2]), true);
  v.setInt32(114, e7(o.bounds[3]), true);
  v.setUint8(118, o.center[2]);
  v.setInt32(119, e7(o.center[0]), true);
  v.setInt32(123, e7(o.center[1]), true);
  return bytes;
}

interface Staged {
  tileId: number;
  /** Where the bytes wait in the staging file. */
  at: number;
  length: number;
  hash: string;
}

/**
 * Writes `tiles` (any order) to `outPath`. Tile bytes are staged in `stagingPath` on the way, so
 * memory holds the directory entries, not the tiles.
 */
export async function writePmtiles(
  outPath: string,
  stagingPath: string,
  tiles: Iterable<TileInput> | AsyncIterable<TileInput>,
  options: ArchiveOptions,
): Promise<ArchiveSummary> {
  const staging = openSync(stagingPath, 'w+');
  try {
    const staged: Staged[] = [];
    let end = 0;
    for await (const t of tiles) {
      if (t.data.length === 0) continue; // the spec forbids zero-length entries
      writeSync(staging, t.data, 0, t.data.length, end);
      staged.push({
        tileId: zxyToTileId(t.z, t.x, t.y),
        at: end,
        length: t.data.length,
        hash: createHash('sha256').update(t.data).digest('hex'),
      });
      end += t.data.length;
    }
    if (staged.length === 0) throw new Error('writePmtiles: no tiles');
    staged.sort((a, b) => a.tileId - b.tileId);

    // Plan the data section: each distinct content once, in the order it is first addressed.
    const offsets = new Map<string, number>();
    const copies: Staged[] = [];
    const entries: Entry[] = [];
    let dataLength = 0;
    for (const s of staged) {
      let offset = offsets.get(s.hash);
      if (offset === undefined) {
        offset = dataLength;
        offsets.set(s.hash, offset);
        copies.push(s);
        dataLength += s.length;
      }
      const last = entries[entries.length - 1];
      if (last && last.offset === offset && last.tileId + last.runLength === s.tileId)
        last.runLength++;
      else entries.push({ tileId: s.tileId, offset, length: s.length, runLength: 1 });
    }

    const { root, leaves, leafCount } = buildDirectories(entries, options.leafSize);
    const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
    const rootOffset = HEADER_BYTES;
    const metadataOffset = rootOffset + root.length;
    const leafOffset = metadataOffset + metadata.length;
    const dataOffset = leafOffset + leaves.length;
    const header = encodeHeader(
      {
        rootOffset,
        rootLength: root.length,
        metadataOffset,
        metadataLength: metadata.length,
        leafOffset,
        leafLength: leaves.length,
        dataOffset,
        dataLength,
        addressedTiles: staged.length,
        tileEntries: entries.length,
        tileContents: copies.length,
      },
      options,
    );

    const out = openSync(outPath, 'w');
    try {
      let at = 0;
      for (const part of [header, root, metadata, leaves]) {
        writeSync(out, part, 0, part.length, at);
        at += part.length;
      }
      for (const c of copies) {
        const buffer = new Uint8Array(c.length);
        readSync(staging, buffer, 0, c.length, c.at);
        writeSync(out, buffer, 0, c.length, at);
        at += c.length;
      }
      return {
        addressedTiles: staged.length,
        tileEntries: entries.length,
        tileContents: copies.length,
        rootBytes: root.length,
        leafDirectories: leafCount,
        bytes: at,
      };
    } finally {
      closeSync(out);
    }
  } finally {
    closeSync(staging);
  }
}
