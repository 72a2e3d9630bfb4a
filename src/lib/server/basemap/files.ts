/**
 * The files a configured PMTiles basemap serves under /basemap/: the archive, with byte ranges,
 * and its style. Any other name, or a file that is not configured, is 404: a request never names
 * a path on the disk.
 */
import type { BasemapConfig } from './config';
import { SERVED_FILES } from './describe';
import { fileResponse } from './file-response';

/**
 * Served without sign-in, like the page's scripts and fonts (README, "Basemap"). An hour of
 * browser caching: a replaced archive gets a new ETag, and the pmtiles client re-reads the
 * header when a tile's ETag differs from it.
 */
const ARCHIVE_CACHE = 'public, max-age=3600, no-transform';
const STYLE_CACHE = 'no-cache';

export async function basemapFile(
  config: BasemapConfig,
  name: string,
  request: Request,
): Promise<Response> {
  if (config.kind === 'pmtiles') {
    if (name === SERVED_FILES.archive)
      return fileResponse(request, config.archive, {
        contentType: 'application/vnd.pmtiles',
        cacheControl: ARCHIVE_CACHE,
      });
    if (name === SERVED_FILES.style && config.styleFile)
      return fileResponse(request, config.styleFile, {
        contentType: 'application/json',
        cacheControl: STYLE_CACHE,
      });
  }
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
