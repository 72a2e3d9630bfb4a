/**
 * MBTiles -> PMTiles v3, for basemaps made with GDAL (`ogr2ogr -f MBTILES`) or any other MBTiles
 * writer. Needs the `sqlite3` command line tool.
 *
 *   npx tsx scripts/basemap/mbtiles-to-pmtiles.ts in.mbtiles out.pmtiles
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Compression, TileType } from 'pmtiles';
import { firstTile, readMetadata, readTiles } from './mbtiles-reader';
import { writePmtiles, type ArchiveOptions, type ArchiveSummary } from './pmtiles-writer';

const TILE_TYPES: Record<string, TileType> = {
  pbf: TileType.Mvt,
  mvt: TileType.Mvt,
  png: TileType.Png,
  jpg: TileType.Jpeg,
  jpeg: TileType.Jpeg,
  webp: TileType.Webp,
  avif: TileType.Avif,
};

const numbers = (s: string | undefined, n: number) => {
  const parts = (s ?? '').split(',').map(Number);
  return parts.length === n && parts.every(Number.isFinite) ? parts : undefined;
};

/** The PMTiles header fields and JSON metadata an MBTiles `metadata` table describes. */
export function optionsFromMetadata(
  meta: Record<string, string>,
  gzipped: boolean,
): ArchiveOptions {
  const tileType = TILE_TYPES[(meta.format ?? '').toLowerCase()] ?? TileType.Unknown;
  const bounds = (numbers(meta.bounds, 4) ?? [
    -180, -85.05113, 180, 85.05113,
  ]) as ArchiveOptions['bounds'];
  const minZoom = Number(meta.minzoom ?? 0);
  const maxZoom = Number(meta.maxzoom ?? minZoom);
  const center = (numbers(meta.center, 3) ?? [
    (bounds[0] + bounds[2]) / 2,
    (bounds[1] + bounds[3]) / 2,
    minZoom,
  ]) as ArchiveOptions['center'];
  // The `json` row holds vector_layers (and GDAL's tilestats); the rest are TileJSON strings.
  const extra = meta.json ? (JSON.parse(meta.json) as Record<string, unknown>) : {};
  const metadata: Record<string, unknown> = { ...extra };
  for (const key of ['name', 'description', 'attribution', 'version', 'type'])
    if (meta[key] !== undefined) metadata[key] = meta[key];
  return {
    tileType,
    // Vector tiles in MBTiles are gzipped by convention; images are stored as they are.
    tileCompression: gzipped ? Compression.Gzip : Compression.None,
    minZoom,
    maxZoom,
    bounds,
    center: [center[0], center[1], Math.round(center[2])],
    metadata,
  };
}

export async function convert(mbtiles: string, pmtiles: string): Promise<ArchiveSummary> {
  const meta = readMetadata(mbtiles);
  // A tile tells whether tiles are gzipped (magic 1f 8b).
  const first = firstTile(mbtiles);
  const gzipped = first[0] === 0x1f && first[1] === 0x8b;
  const work = mkdtempSync(join(tmpdir(), 'pmtiles-'));
  try {
    return await writePmtiles(
      pmtiles,
      join(work, 'tiles.staging'),
      readTiles(mbtiles),
      optionsFromMetadata(meta, gzipped),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: tsx scripts/basemap/mbtiles-to-pmtiles.ts in.mbtiles out.pmtiles');
    process.exit(2);
  }
  const summary = await convert(input, output);
  console.log(`${output}: ${JSON.stringify(summary)}`);
}
