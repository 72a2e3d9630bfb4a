import { read } from '$app/server';
import { createGlyphs, glyphKey } from '$lib/server/http/glyphs';
import type { RequestHandler } from './$types';

// Vite emits each glyph file with the build (as a hashed asset); `read` opens it wherever the
// adapter put it.
const urls = import.meta.glob<string>('$lib/assets/fonts/*/*.pbf', {
  eager: true,
  query: '?url',
  import: 'default',
});
const files = Object.fromEntries(Object.entries(urls).map(([path, url]) => [glyphKey(path), url]));
const glyphs = createGlyphs(files, async (url) => new Uint8Array(await read(url).arrayBuffer()));

/** maplibre's glyph requests (the style's `glyphs` URL): see src/lib/server/http/glyphs.ts. */
export const GET: RequestHandler = ({ request, params }) =>
  glyphs(request, params.fontstack, params.range);
