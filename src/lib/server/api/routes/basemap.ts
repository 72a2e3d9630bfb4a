import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { describeArchive, type ArchiveInfo } from '../../basemap/archive';
import { describeBasemap } from '../../basemap/describe';

/**
 * `GET /api/basemap`: which basemap to draw. Public: the page draws the map behind the sign-in
 * dialog, and the answer holds only what the page's CSP and the served files show anyway.
 */
export function basemapRoutes({ config }: RouteDeps) {
  const basemap = config.basemap;
  let archive: Promise<ArchiveInfo> | undefined;
  const readArchive = () => {
    if (basemap.kind !== 'pmtiles') return Promise.resolve(undefined);
    archive ??= describeArchive(basemap.archive).catch((error) => {
      archive = undefined; // read again next time (the file may be being replaced)
      throw error;
    });
    return archive;
  };
  return new Hono<AppEnv>().get('/basemap', async function basemapDescription(c) {
    return c.json(describeBasemap(basemap, await readArchive()));
  });
}
