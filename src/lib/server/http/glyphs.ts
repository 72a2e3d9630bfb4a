import { createCachedFiles, DAY_CACHE_CONTROL } from './cached-files';

/**
 * The map's SDF glyphs (`/fonts/{fontstack}/{range}.pbf`), compressed once and kept in memory
 * (about 2 MB for two fonts): see cached-files.ts for why the app serves them itself.
 */
export const GLYPH_TYPE = 'application/x-protobuf';
export const GLYPH_CACHE_CONTROL = DAY_CACHE_CONTROL;

/** `fontstack/start-end.pbf` of a file path or URL ending in one, else null. */
export function glyphKey(path: string): string | null {
  const m = /([a-z0-9-]+)\/(\d+-\d+)\.pbf$/.exec(path);
  return m ? `${m[1]}/${m[2]}.pbf` : null;
}

/**
 * @param files where each glyph file is, by `glyphKey`
 * @param load reads the file at such a location
 */
export function createGlyphs(
  files: Record<string, string>,
  load: (location: string) => Promise<Uint8Array<ArrayBuffer>>,
) {
  const respond = createCachedFiles({
    files,
    load,
    type: GLYPH_TYPE,
    missing: 'No such glyph range.',
  });

  /** The answer to GET /fonts/{fontstack}/{range}: 404 for a glyph file that does not exist. */
  return function glyphResponse(
    request: Request,
    fontstack: string,
    range: string,
  ): Promise<Response> {
    const key = `${fontstack}/${range}`;
    // Only a well-formed key can name a file: nothing else reaches the lookup.
    return respond(request, glyphKey(key) === key ? key : '\0');
  };
}
