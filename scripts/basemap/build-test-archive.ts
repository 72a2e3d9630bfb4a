/**
 * Builds tests/fixtures/basemap/test.pmtiles, a small vector basemap of the two frontiers from
 * the project's own geodata (province outlines, waterways, trails) and the offline basemap's land,
 * boundaries and places, for the tests and the browser scenario of a configured PMTiles basemap.
 *
 *   npx tsx scripts/basemap/build-test-archive.ts
 *
 * Needs GDAL (`apt-get install gdal-bin`: ogr2ogr writes the vector MBTiles) and sqlite3. Also
 * writes test.tiles.json, the SHA-256 of every MBTiles tile's vector tile (ungzipped) by z/x/y,
 * which the unit test compares the archive against.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readTiles } from './mbtiles-reader';
import { convert } from './mbtiles-to-pmtiles';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/fixtures/basemap');
const MIN_ZOOM = 5;
const MAX_ZOOM = 10;

/** The two frontiers with some country around them (WKT, lon/lat). */
const CLIP =
  'MULTIPOLYGON(((103.3 9.0,106.3 9.0,106.3 11.5,103.3 11.5,103.3 9.0)),' +
  '((105.6 20.9,107.9 20.9,107.9 22.9,105.6 22.9,105.6 20.9)))';

/** [output layer, input file, OGR SQL filter or null]. */
const LAYERS: [string, string, string | null][] = [
  ['land', 'geodata/basemap/offline.geojson', "layer = 'land'"],
  ['boundary', 'geodata/basemap/offline.geojson', "layer = 'boundary'"],
  ['places', 'geodata/basemap/offline.geojson', "layer = 'place'"],
  ['provinces', 'geodata/provinces.geojson', null],
  ['waterways', 'geodata/waterways.geojson', null],
  ['trails', 'geodata/trails.geojson', null],
];

function ogr(args: string[]) {
  execFileSync('ogr2ogr', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function build() {
  const work = mkdtempSync(join(tmpdir(), 'brm-basemap-'));
  try {
    const gpkg = join(work, 'layers.gpkg');
    const valid = join(work, 'valid.gpkg');
    for (const [name, file, where] of LAYERS) {
      const exists = (f: string) => (statSync(f, { throwIfNoEntry: false }) ? ['-update'] : []);
      // Natural Earth's land has a few self-touching rings: made valid first, then clipped
      // (ogr2ogr clips before it repairs).
      ogr([
        ...exists(valid),
        '-f',
        'GPKG',
        valid,
        file,
        '-nln',
        name,
        '-makevalid',
        ...(where ? ['-where', where] : []),
      ]);
      ogr([
        ...exists(gpkg),
        '-f',
        'GPKG',
        gpkg,
        valid,
        name,
        '-nln',
        name,
        '-nlt',
        'PROMOTE_TO_MULTI',
        '-clipsrc',
        CLIP,
      ]);
    }
    const mbtiles = join(work, 'test.mbtiles');
    ogr([
      '-f',
      'MBTILES',
      mbtiles,
      gpkg,
      '-dsco',
      `MINZOOM=${MIN_ZOOM}`,
      '-dsco',
      `MAXZOOM=${MAX_ZOOM}`,
      '-dsco',
      'NAME=Border Risk Map test basemap',
      '-dsco',
      'DESCRIPTION=Test archive from the project geodata and Natural Earth (public domain)',
      // Place names only where the map is close enough to read them.
      '-dsco',
      'CONF={"places":{"minzoom":7}}',
    ]);
    const hashes: Record<string, string> = {};
    // Of the MVT inside each gzipped tile: what a reader of the archive hands back.
    for await (const t of readTiles(mbtiles))
      hashes[`${t.z}/${t.x}/${t.y}`] = createHash('sha256')
        .update(gunzipSync(t.data))
        .digest('hex');
    const sorted = Object.fromEntries(
      Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(join(OUT, 'test.tiles.json'), `${JSON.stringify(sorted, null, 1)}\n`);
    const summary = await convert(mbtiles, join(OUT, 'test.pmtiles'));
    console.log(`test.pmtiles: ${JSON.stringify(summary)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await build();
