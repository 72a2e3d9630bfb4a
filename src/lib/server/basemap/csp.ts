/**
 * The page's Content-Security-Policy opened for the configured basemap only: the origins its
 * style, tiles, glyphs and sprites come from, in connect-src and img-src. With the offline default
 * or a PMTiles archive without outside references, the policy stays as svelte.config.js wrote it.
 *
 * Limit: a style URL is read once by the server to find the origins it references (and one level
 * of TileJSON behind its sources); what those load in turn, or a style that changes after the
 * server started, is not seen: list such origins in BASEMAP_ORIGINS.
 */
import { readFile } from 'node:fs/promises';
import { originOf, type BasemapConfig } from './config';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const WIDENED = ['connect-src', 'img-src'] as const;
/** How long the server waits for a remote style or TileJSON before going on without it. */
const FETCH_TIMEOUT_MS = 5000;
/** TileJSON documents read behind one style, at most. */
const MAX_TILEJSON = 10;

function urlsOfStyle(style: unknown): { urls: string[]; tileJson: string[] } {
  const s = (style ?? {}) as {
    glyphs?: unknown;
    sprite?: unknown;
    sources?: Record<string, { url?: unknown; tiles?: unknown; data?: unknown }>;
  };
  const urls: string[] = [];
  const tileJson: string[] = [];
  if (typeof s.glyphs === 'string') urls.push(s.glyphs);
  if (typeof s.sprite === 'string') urls.push(s.sprite);
  if (Array.isArray(s.sprite))
    for (const sp of s.sprite) if (typeof sp?.url === 'string') urls.push(sp.url);
  for (const source of Object.values(s.sources ?? {})) {
    if (typeof source?.url === 'string') {
      // pmtiles://https://host/file.pmtiles reads the archive at host.
      const url = source.url.replace(/^pmtiles:\/\//, '');
      urls.push(url);
      if (url === source.url) tileJson.push(url);
    }
    if (Array.isArray(source?.tiles)) for (const t of source.tiles) urls.push(String(t));
    if (typeof source?.data === 'string') urls.push(source.data);
  }
  return { urls, tileJson };
}

/** Template placeholders ({z}, {fontstack}) are not valid in a host; read the origin around them. */
const origin = (url: string, base?: string) => {
  try {
    return originOf(new URL(url.replace(/\{[^}]*\}/g, 'x'), base).href);
  } catch {
    return undefined;
  }
};

/**
 * The http(s) origins a style references (glyphs, sprites, sources), relative URLs read against
 * `base` (where the style came from).
 * @example styleOrigins({ version: 8, glyphs: 'https://g.example/{fontstack}/{range}.pbf', sources: {}, layers: [] })
 * // ['https://g.example']
 */
export function styleOrigins(style: unknown, base?: string): string[] {
  const found = urlsOfStyle(style).urls.map((u) => origin(u, base));
  return [...new Set(found.filter((o): o is string => o !== undefined))];
}

async function fetchJson(fetchImpl: Fetch, url: string): Promise<unknown> {
  const res = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Every origin the browser needs for this basemap. A style that cannot be read leaves only its
 * own origin and BASEMAP_ORIGINS (the map then shows why it failed in the console).
 */
export async function basemapOrigins(
  config: BasemapConfig,
  fetchImpl: Fetch = fetch,
  warn: (message: string) => void = console.warn,
): Promise<string[]> {
  const found = new Set<string>(config.extraOrigins);
  const add = (o: string | undefined) => o && found.add(o);
  if (config.kind === 'xyz') add(origin(config.tilesUrl));
  if (config.kind === 'pmtiles' && config.styleFile) {
    const style = JSON.parse(await readFile(config.styleFile, 'utf8'));
    // Its pmtiles:// sources are pointed at the archive this app serves (src/lib/map/basemap.ts).
    const sources = Object.fromEntries(
      Object.entries((style.sources ?? {}) as Record<string, { url?: string }>).filter(
        ([, s]) => !String(s?.url ?? '').startsWith('pmtiles://'),
      ),
    );
    for (const o of styleOrigins({ ...style, sources })) add(o);
  }
  if (config.kind === 'style') {
    add(origin(config.styleUrl));
    try {
      const style = await fetchJson(fetchImpl, config.styleUrl);
      for (const o of styleOrigins(style, config.styleUrl)) add(o);
      const tileJson = urlsOfStyle(style).tileJson.slice(0, MAX_TILEJSON);
      const documents = await Promise.allSettled(
        tileJson.map((u) => fetchJson(fetchImpl, new URL(u, config.styleUrl).href)),
      );
      documents.forEach((d, i) => {
        if (d.status === 'rejected') warn(`[basemap] TileJSON ${tileJson[i]}: ${d.reason}`);
        else
          for (const t of (d.value as { tiles?: unknown[] })?.tiles ?? [])
            add(origin(String(t), tileJson[i]));
      });
    } catch (error) {
      warn(`[basemap] could not read ${config.styleUrl} to list its origins: ${error}`);
    }
  }
  return [...found].sort();
}

/**
 * The CSP header with `origins` added to connect-src and img-src (each directive created from
 * default-src when the policy lacks it). Unchanged when there is nothing to add.
 * @example widenCsp("default-src 'self'; connect-src 'self'", ['https://t.example'])
 * // "default-src 'self'; connect-src 'self' https://t.example; img-src 'self' https://t.example"
 */
export function widenCsp(header: string, origins: string[]): string {
  if (origins.length === 0) return header;
  const directives = header
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const named = (name: string) => directives.findIndex((d) => d.split(/\s+/)[0] === name);
  const fallback = directives[named('default-src')]?.split(/\s+/).slice(1) ?? [];
  for (const name of WIDENED) {
    const i = named(name);
    // 'none' cannot stand beside a source.
    const values = (i >= 0 ? directives[i].split(/\s+/).slice(1) : [...fallback]).filter(
      (v) => v !== "'none'",
    );
    const next = [name, ...values, ...origins.filter((o) => !values.includes(o))].join(' ');
    if (i >= 0) directives[i] = next;
    else directives.push(next);
  }
  return directives.join('; ');
}
