/**
 * Which basemap the map draws under the data layers, read from the environment: the offline
 * default (our own geodata and Natural Earth, nothing leaves the origin), a PMTiles archive on the
 * server's disk that the app serves itself, a MapLibre style URL, or raster XYZ tiles.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

interface Common {
  /** Plain text shown in the map's attribution control (never interpreted as HTML). */
  attribution: string | undefined;
  /** More origins the browser may fetch basemap resources from (CSP connect-src and img-src). */
  extraOrigins: string[];
}

export type BasemapConfig = Common &
  (
    | { kind: 'offline' }
    | { kind: 'pmtiles'; archive: string; styleFile: string | undefined }
    | { kind: 'style'; styleUrl: string }
    | { kind: 'xyz'; tilesUrl: string; maxZoom: number; tileSize: 256 | 512 }
  );

const httpUrl = z
  .string()
  .url()
  .refine((v) => /^https?:$/.test(new URL(v).protocol), { message: 'must be an http(s) URL' });

function readableFile(path: string): boolean {
  try {
    accessSync(resolve(path), constants.R_OK);
    return statSync(resolve(path)).isFile();
  } catch {
    return false;
  }
}

const file = z
  .string()
  .refine(readableFile, { message: 'no readable file at this path', abort: true });

/** A MapLibre style: JSON with `version: 8`, `sources` and `layers`. */
export function isStyle(value: unknown): boolean {
  const s = value as { version?: unknown; sources?: unknown; layers?: unknown } | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.version === 8 &&
    typeof s.sources === 'object' &&
    s.sources !== null &&
    Array.isArray(s.layers)
  );
}

function styleFile(path: string): boolean {
  try {
    return isStyle(JSON.parse(readFileSync(resolve(path), 'utf8')));
  } catch {
    return false;
  }
}

/** The variables, as a fragment of the app's configuration schema. */
export const basemapEnv = {
  BASEMAP_PMTILES: file.optional(),
  BASEMAP_PMTILES_STYLE: file
    .refine(styleFile, { message: 'not a MapLibre style (JSON with version 8, sources, layers)' })
    .optional(),
  BASEMAP_STYLE_URL: httpUrl.optional(),
  BASEMAP_XYZ_URL: httpUrl
    .refine((v) => ['{z}', '{x}', '{y}'].every((p) => decodeURI(v).includes(p)), {
      message: 'must contain {z}, {x} and {y}',
    })
    .optional(),
  BASEMAP_MAX_ZOOM: z.coerce.number().int().min(0).max(24).default(18),
  BASEMAP_TILE_SIZE: z.enum(['256', '512']).default('256'),
  BASEMAP_ATTRIBUTION: z.string().max(500).optional(),
  BASEMAP_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => originOf(o) === o), {
      message: 'a comma-separated list of origins such as https://tiles.example.vn',
    }),
};

type BasemapEnv = z.output<z.ZodObject<typeof basemapEnv>>;

/** The origin of an http(s) URL (`https://host:port`), or undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Problems zod cannot see one variable at a time: at most one kind, a style only for PMTiles. */
export function basemapIssues(e: Partial<BasemapEnv>): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const chosen = (['BASEMAP_PMTILES', 'BASEMAP_STYLE_URL', 'BASEMAP_XYZ_URL'] as const).filter(
    (k) => e[k] !== undefined,
  );
  if (chosen.length > 1)
    issues.push({ path: chosen[1], message: `choose one basemap: ${chosen.join(' or ')}` });
  if (e.BASEMAP_PMTILES_STYLE !== undefined && e.BASEMAP_PMTILES === undefined)
    issues.push({ path: 'BASEMAP_PMTILES_STYLE', message: 'needs BASEMAP_PMTILES' });
  return issues;
}

export function basemapFromEnv(e: BasemapEnv): BasemapConfig {
  const common: Common = { attribution: e.BASEMAP_ATTRIBUTION, extraOrigins: e.BASEMAP_ORIGINS };
  if (e.BASEMAP_PMTILES)
    return {
      ...common,
      kind: 'pmtiles',
      archive: resolve(e.BASEMAP_PMTILES),
      styleFile: e.BASEMAP_PMTILES_STYLE && resolve(e.BASEMAP_PMTILES_STYLE),
    };
  if (e.BASEMAP_STYLE_URL) return { ...common, kind: 'style', styleUrl: e.BASEMAP_STYLE_URL };
  if (e.BASEMAP_XYZ_URL)
    return {
      ...common,
      kind: 'xyz',
      tilesUrl: e.BASEMAP_XYZ_URL,
      maxZoom: e.BASEMAP_MAX_ZOOM,
      tileSize: e.BASEMAP_TILE_SIZE === '512' ? 512 : 256,
    };
  return { ...common, kind: 'offline' };
}
