import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Compression, PMTiles, TileType } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeFileSource, describeArchive } from '../../src/lib/server/basemap/archive';
import { convert } from '../../scripts/basemap/mbtiles-to-pmtiles';
import { sqliteAvailable } from '../../scripts/basemap/mbtiles-reader';

const FIXTURE = join(import.meta.dirname, '../fixtures/basemap');
const ARCHIVE = join(FIXTURE, 'test.pmtiles');
/** SHA-256 of every vector tile of the MBTiles the archive was converted from, by z/x/y. */
const MBTILES_HASHES: Record<string, string> = JSON.parse(
  readFileSync(join(FIXTURE, 'test.tiles.json'), 'utf8'),
);

describe('the test archive (tests/fixtures/basemap/test.pmtiles)', () => {
  const archive = new PMTiles(new NodeFileSource(ARCHIVE));

  it('has a v3 header describing gzipped vector tiles of both frontiers, zooms 5 to 10', async () => {
    const h = await archive.getHeader();
    expect(h).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: 5,
      maxZoom: 10,
      numAddressedTiles: Object.keys(MBTILES_HASHES).length,
    });
    // An Giang (103.85-105.60 E, 9.39 N) and Lang Son (up to 107.35 E, 22.45 N) inside.
    expect(h.minLon).toBeLessThanOrEqual(103.85);
    expect(h.minLat).toBeLessThanOrEqual(9.39);
    expect(h.maxLon).toBeGreaterThanOrEqual(107.35);
    expect(h.maxLat).toBeGreaterThanOrEqual(22.45);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.tileDataOffset + h.tileDataLength!).toBe(readFileSync(ARCHIVE).length);
  });

  it('holds every MBTiles tile, byte for byte, and nothing else', async () => {
    // The reader ungzips each tile (tile compression gzip): the vector tile itself must match.
    for (const [key, hash] of Object.entries(MBTILES_HASHES)) {
      const [z, x, y] = key.split('/').map(Number);
      const tile = await archive.getZxy(z, x, y);
      expect(tile, key).toBeDefined();
      const bytes = new Uint8Array(tile!.data);
      expect(bytes.length, key).toBeGreaterThan(0);
      expect(createHash('sha256').update(bytes).digest('hex'), key).toBe(hash);
    }
    // A tile of the empty sea between the two frontiers is not in it.
    expect(await archive.getZxy(8, 215, 112)).toBeUndefined();
  });

  it('lists its vector layers in the metadata, as the server reports them', async () => {
    const info = await describeArchive(ARCHIVE);
    expect(info.vectorLayers).toEqual([
      'land',
      'boundary',
      'places',
      'provinces',
      'waterways',
      'trails',
    ]);
    expect(info).toMatchObject({ tileType: 'mvt', minZoom: 5, maxZoom: 10 });
  });
});

describe.skipIf(!sqliteAvailable())('MBTiles to PMTiles (needs the sqlite3 CLI)', () => {
  const work = mkdtempSync(join(tmpdir(), 'mbtiles-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('converts rows (TMS y) to tiles (XYZ y) with the metadata', async () => {
    const mbtiles = join(work, 'in.mbtiles');
    const tiles: [number, number, number, string][] = [
      [0, 0, 0, 'zero'],
      [1, 0, 0, 'one-bottom-left'],
      [1, 1, 1, 'one-top-right'],
      [3, 5, 2, 'three'],
    ];
    const inserts = tiles
      .map(
        ([z, x, row, text]) =>
          `insert into tiles values (${z}, ${x}, ${row}, X'${Buffer.from(text).toString('hex')}');`,
      )
      .join('\n');
    execFileSync('sqlite3', [mbtiles], {
      input: `create table metadata (name text, value text);
create table tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);
insert into metadata values ('name', 'tiny'), ('format', 'png'), ('minzoom', '0'),
  ('maxzoom', '3'), ('bounds', '103.5,9.5,107.5,22.5'), ('center', '105,15,2'),
  ('attribution', 'Test data');
${inserts}`,
    });
    const out = join(work, 'out.pmtiles');
    const summary = await convert(mbtiles, out);
    expect(summary).toMatchObject({ addressedTiles: 4, tileContents: 4, leafDirectories: 0 });
    const archive = new PMTiles(new NodeFileSource(out));
    const text = async (z: number, x: number, y: number) => {
      const t = await archive.getZxy(z, x, y);
      return t && new TextDecoder().decode(t.data);
    };
    expect(await text(0, 0, 0)).toBe('zero');
    // MBTiles row 0 is the bottom: at zoom 1 that is XYZ y = 1.
    expect(await text(1, 0, 1)).toBe('one-bottom-left');
    expect(await text(1, 1, 0)).toBe('one-top-right');
    expect(await text(3, 5, 5)).toBe('three');
    expect(await text(1, 0, 0)).toBeUndefined();
    expect(await archive.getHeader()).toMatchObject({
      tileType: TileType.Png,
      tileCompression: Compression.None,
      minZoom: 0,
      maxZoom: 3,
      minLon: 103.5,
      maxLat: 22.5,
      centerZoom: 2,
      centerLon: 105,
    });
    expect(await archive.getMetadata()).toEqual({ name: 'tiny', attribution: 'Test data' });
  });
});
