/**
 * Reads an export back with GDAL (an independent reader): the response body is written to a
 * temporary file and `ogr2ogr` turns it into GeoJSON, keeping the file's own coordinates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';

/** Whether GDAL's command line tools are installed (CI installs Debian's gdal-bin). */
function gdalInstalled(): boolean {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `it` for a test that reads a file with GDAL. On a machine without GDAL it is skipped (and
 * vitest lists it as skipped), so `npm test` runs on Node alone; under CI it always runs, and
 * fails there if GDAL is missing.
 */
export const itWithGdal = gdalInstalled() || process.env.CI ? it : it.skip;

export interface GdalFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface GdalRead {
  features: GdalFeature[];
  /** The EPSG code GDAL identifies for the layer's CRS, null when it names none. */
  epsg: number | null;
  /** `ogrinfo -so` text, for what the summary says (SRS WKT, field types). */
  info: string;
  /** Names of the layers in the file (one per Shapefile). */
  layers: string[];
}

export async function readWithGdal(
  res: Response,
  filename: string,
  layer?: string,
): Promise<GdalRead> {
  const dir = mkdtempSync(join(tmpdir(), 'brm-gdal-'));
  try {
    const path = join(dir, filename);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    const source = filename.endsWith('.zip') ? `/vsizip/${path}` : path;
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', source], { encoding: 'utf8' });
    const layers = [...info.matchAll(/^Layer name: (.+)$/gm)].map((m) => m[1]);
    const args = ['-f', 'GeoJSON', '/vsistdout/', source, ...(layer ? [layer] : [])];
    const out = execFileSync('ogr2ogr', args, { encoding: 'utf8', maxBuffer: 256 << 20 });
    const fc = JSON.parse(out) as { features: GdalFeature[] };
    // The code GDAL identifies for the layer's CRS: the ID that closes its WKT.
    const m = info.match(/ID\["EPSG",(\d+)\]\]\s*\nData axis/);
    const epsg = m ? Number(m[1]) : null;
    return { features: fc.features, epsg, info, layers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
