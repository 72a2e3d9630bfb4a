import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  Compression,
  PMTiles,
  TileType,
  readVarint,
  tileIdToZxy,
  zxyToTileId,
  type Source,
} from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/lib/server/basemap/archive';
import {
  MAX_ROOT_BYTES,
  buildDirectories,
  encodeDirectory,
  writePmtiles,
  writeVarint,
  type ArchiveOptions,
  type TileInput,
} from '../../scripts/basemap/pmtiles-writer';

const work = mkdtempSync(join(tmpdir(), 'pmtiles-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The archive read from memory: 21,845 reads from the disk would make the test slow. */
class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number) {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const OPTIONS: ArchiveOptions = {
  tileType: TileType.Mvt,
  tileCompression: Compression.None,
  minZoom: 0,
  maxZoom: 7,
  bounds: [103.3, 9, 107.9, 22.9],
  center: [105.6, 15.95, 5],
  metadata: { name: 'writer test', vector_layers: [{ id: 'x' }] },
};

describe('PMTiles encoding', () => {
  it('numbers tiles on the Hilbert curve as the spec table does', () => {
    // Spec v3, 4.1: (z, x, y) -> TileID.
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect(zxyToTileId(1, 0, 1)).toBe(2);
    expect(zxyToTileId(1, 1, 0)).toBe(4);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
    expect(zxyToTileId(12, 3423, 1763)).toBe(19078479);
  });

  it('writes little-endian varints', () => {
    const out: number[] = [];
    for (const n of [0, 1, 127, 128, 300, 2 ** 35]) writeVarint(out, n);
    expect(out).toEqual([0, 1, 127, 0x80, 1, 0xac, 2, 0x80, 0x80, 0x80, 0x80, 0x80, 1]);
    const buf = Uint8Array.from(out);
    const p = { buf, pos: 0 };
    expect([0, 1, 127, 128, 300, 2 ** 35].map(() => readVarint(p))).toEqual([
      0,
      1,
      127,
      128,
      300,
      2 ** 35,
    ]);
  });

  it('serialises a directory as columns with delta ids and zeroed contiguous offsets', () => {
    const bytes = encodeDirectory([
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
      { tileId: 7, offset: 10, length: 3, runLength: 2 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 },
    ]);
    // count; ids 5, +2, +2; run lengths; lengths; offsets 0+1, contiguous 0, 0+1 (points back).
    expect([...bytes]).toEqual([3, 5, 2, 2, 1, 2, 1, 10, 3, 10, 1, 0, 1]);
  });

  it('keeps a small directory in the root and splits a large one into leaves', () => {
    const small = Array.from({ length: 100 }, (_, i) => ({
      tileId: i,
      offset: i * 10,
      length: 10,
      runLength: 1,
    }));
    expect(buildDirectories(small).leafCount).toBe(0);
    // Irregular lengths and gaps compress badly: 30,000 entries cannot fit in 16 KiB.
    const large = Array.from({ length: 30_000 }, (_, i) => ({
      tileId: i * 3 + (i % 7),
      offset: i * 1000 + ((i * 7919) % 997),
      length: 1 + ((i * 104_729) % 1000),
      runLength: 1,
    }));
    const { root, leaves, leafCount } = buildDirectories(large, 4096);
    expect(leafCount).toBe(Math.ceil(30_000 / 4096));
    expect(root.length).toBeLessThanOrEqual(MAX_ROOT_BYTES);
    expect(leaves.length).toBeGreaterThan(MAX_ROOT_BYTES);
    // The root is gzip, its first entry points at the first leaf.
    const rootBytes = new Uint8Array(gunzipSync(root));
    const p = { buf: rootBytes, pos: 0 };
    expect(readVarint(p)).toBe(leafCount);
    expect(readVarint(p)).toBe(large[0].tileId);
  });
});

/** Every tile of zooms 0-7 (21,845), with repeats: enough entries to need leaf directories. */
function pyramid(): TileInput[] {
  const tiles: TileInput[] = [];
  for (let z = 0; z <= 7; z++)
    for (let x = 0; x < 2 ** z; x++)
      for (let y = 0; y < 2 ** z; y++) {
        // At zoom 7 the western half is "sea": one content shared by 8,192 tiles.
        // Irregular lengths, as real tiles have, keep the directory from compressing to nothing.
        const noise = createHash('sha256').update(`${z}/${x}/${y}`).digest()[0];
        const text = z === 7 && x < 64 ? 'sea' : `${z}/${x}/${y}${'.'.repeat(noise)}`;
        tiles.push({ z, x, y, data: new TextEncoder().encode(text) });
      }
  return tiles.reverse(); // any input order
}

describe('writePmtiles', () => {
  it('writes an archive the pmtiles reader reads back tile for tile', async () => {
    const out = join(work, 'pyramid.pmtiles');
    const tiles = pyramid();
    const summary = await writePmtiles(out, join(work, 'staging'), tiles, OPTIONS);
    expect(summary.bytes).toBe(statSync(out).size);
    expect(summary.addressedTiles).toBe(21_845);
    expect(summary.tileContents).toBe(21_845 - 8192 + 1);
    expect(summary.leafDirectories).toBeGreaterThan(0);
    // Runs of "sea" along the Hilbert curve collapse into fewer entries than tiles.
    expect(summary.tileEntries).toBeLessThan(summary.addressedTiles);

    const archive = new PMTiles(new BufferSource(new Uint8Array(readFileSync(out))));
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.None,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 7,
      minLon: 103.3,
      minLat: 9,
      maxLon: 107.9,
      maxLat: 22.9,
      centerZoom: 5,
      centerLon: 105.6,
      centerLat: 15.95,
      numAddressedTiles: 21_845,
      numTileEntries: summary.tileEntries,
      numTileContents: summary.tileContents,
    });
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(await archive.getMetadata()).toEqual(OPTIONS.metadata);

    const decoder = new TextDecoder();
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(decoder.decode(got!.data)).toBe(decoder.decode(t.data));
    }
    expect(await archive.getZxy(8, 0, 0)).toBeUndefined();
  });

  it('orders tile data by tile id (clustered)', async () => {
    const out = join(work, 'order.pmtiles');
    const tiles = [
      [2, 3, 3],
      [0, 0, 0],
      [1, 1, 0],
      [2, 0, 0],
    ].map(([z, x, y]) => ({ z, x, y, data: new TextEncoder().encode(`${z}/${x}/${y}`) }));
    await writePmtiles(out, join(work, 'staging2'), tiles, { ...OPTIONS, maxZoom: 2 });
    const archive = new PMTiles(new NodeFileSource(out));
    const header = await archive.getHeader();
    const data = await new NodeFileSource(out).getBytes(
      header.tileDataOffset,
      header.tileDataLength!,
    );
    const ids = tiles.map((t) => zxyToTileId(t.z, t.x, t.y)).sort((a, b) => a - b);
    expect(new TextDecoder().decode(data.data)).toBe(
      ids.map((id) => tileIdToZxy(id).join('/')).join(''),
    );
  });
});
