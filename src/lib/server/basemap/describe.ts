/**
 * What the page needs to draw the configured basemap (`GET /api/basemap`): its kind, where its
 * style or tiles are, what to credit, and for an archive its zooms, bounds and layers.
 */
import type { BasemapDescription } from '../../basemap-description';
import type { ArchiveInfo } from './archive';
import type { BasemapConfig } from './config';

export type { BasemapDescription };

/** Where the app serves a configured archive and its style (src/routes/basemap/[file]). */
export const SERVED_FILES = { archive: 'tiles.pmtiles', style: 'style.json' } as const;
export const SERVED_PREFIX = '/basemap/';

/** Natural Earth is public domain; the credit tells officers where the outlines come from. */
export const OFFLINE_ATTRIBUTION = 'Natural Earth';

const none = {
  style_url: null,
  pmtiles_url: null,
  tiles_url: null,
  tile_type: null,
  tile_size: null,
  min_zoom: null,
  max_zoom: null,
  bounds: null,
  vector_layers: [],
} satisfies Partial<BasemapDescription>;

export function describeBasemap(config: BasemapConfig, archive?: ArchiveInfo): BasemapDescription {
  const attribution = config.attribution ?? null;
  switch (config.kind) {
    case 'offline':
      return { kind: 'offline', attribution: attribution ?? OFFLINE_ATTRIBUTION, ...none };
    case 'style':
      return { kind: 'style', attribution, ...none, style_url: config.styleUrl };
    case 'xyz':
      return {
        kind: 'xyz',
        attribution,
        ...none,
        tiles_url: config.tilesUrl,
        tile_type: 'unknown',
        tile_size: config.tileSize,
        min_zoom: 0,
        max_zoom: config.maxZoom,
      };
    case 'pmtiles':
      if (!archive) throw new Error('describeBasemap: the archive was not read');
      return {
        kind: 'pmtiles',
        attribution: attribution ?? archive.attribution ?? null,
        ...none,
        style_url: config.styleFile ? SERVED_PREFIX + SERVED_FILES.style : null,
        pmtiles_url: SERVED_PREFIX + SERVED_FILES.archive,
        tile_type: archive.tileType,
        tile_size: archive.tileType === 'mvt' ? 512 : 256,
        min_zoom: archive.minZoom,
        max_zoom: archive.maxZoom,
        bounds: archive.bounds,
        vector_layers: archive.vectorLayers,
      };
  }
}
