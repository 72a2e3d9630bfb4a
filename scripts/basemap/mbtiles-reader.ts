/**
 * Reads an MBTiles file (SQLite: tables `metadata` and `tiles`) through the `sqlite3` command
 * line tool (Debian: `apt-get install sqlite3`), so no native npm module is needed. Tiles stream
 * one line at a time, hex-encoded.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TileInput } from './pmtiles-writer';

const SQLITE = process.env.SQLITE3 ?? 'sqlite3';

export function sqliteAvailable(): boolean {
  try {
    execFileSync(SQLITE, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The `metadata` table as name -> value. */
export function readMetadata(path: string): Record<string, string> {
  const json = execFileSync(
    SQLITE,
    ['-readonly', '-json', path, 'select name, value from metadata'],
    {
      encoding: 'utf8',
    },
  );
  const rows = json.trim() ? (JSON.parse(json) as { name: string; value: string }[]) : [];
  return Object.fromEntries(rows.map((r) => [r.name, String(r.value)]));
}

/** The bytes of one tile (the first the table gives), to see how tiles are encoded. */
export function firstTile(path: string): Uint8Array {
  const hex = execFileSync(
    SQLITE,
    ['-readonly', '-batch', '-noheader', path, 'select hex(tile_data) from tiles limit 1'],
    { encoding: 'utf8' },
  ).trim();
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** Every tile, with its row turned from TMS (0 at the bottom) to XYZ (0 at the top). */
export async function* readTiles(path: string): AsyncGenerator<TileInput> {
  const child = spawn(
    SQLITE,
    [
      '-readonly',
      '-batch',
      '-noheader',
      '-separator',
      ' ',
      path,
      'select zoom_level, tile_column, tile_row, hex(tile_data) from tiles',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.once('close', done));
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (!line) continue;
    const [z, x, row, hex] = line.split(' ');
    const zoom = Number(z);
    yield {
      z: zoom,
      x: Number(x),
      y: 2 ** zoom - 1 - Number(row),
      data: Uint8Array.from(Buffer.from(hex ?? '', 'hex')),
    };
  }
  const code = await exited;
  if (code !== 0) throw new Error(`sqlite3 failed on ${path} (exit ${code}): ${stderr.trim()}`);
}
