import type { RequestHandler } from './$types';
import { getRuntime } from '$lib/server/runtime';
import { basemapFile } from '$lib/server/basemap/files';

/**
 * A configured PMTiles archive and its style. Outside /api on purpose: tile requests are many
 * and read only the file, so they skip the API's session lookup and database queue.
 */
export const GET: RequestHandler = async ({ params, request }) => {
  const { config } = await getRuntime();
  return basemapFile(config.basemap, params.file, request);
};
