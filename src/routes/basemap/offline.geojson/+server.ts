import { read } from '$app/server';
import offlineFile from '../../../../geodata/basemap/offline.geojson?url';
import { createCachedFiles } from '$lib/server/http/cached-files';
import type { RequestHandler } from './$types';

// The offline basemap (about 260 KB of GeoJSON, 80 KB in brotli). Served here rather than as a
// build asset, which adapter-node would send uncompressed: it precompresses no .geojson.
const offline = createCachedFiles({
  files: { 'offline.geojson': offlineFile },
  load: async (url) => new Uint8Array(await read(url).arrayBuffer()),
  type: 'application/geo+json',
  missing: 'No offline basemap.',
});

export const GET: RequestHandler = ({ request }) => offline(request, 'offline.geojson');
