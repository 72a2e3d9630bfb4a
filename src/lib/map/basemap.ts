/**
 * The map's style: the configured basemap (`GET /api/basemap`) under the data layers. With nothing
 * configured it is the offline default (offline-style.ts), drawn from one same-origin file, so
 * nothing is fetched from another origin. A PMTiles archive is read through the `pmtiles`
 * protocol (registered only then); a style URL or XYZ tiles come from where they are configured.
 *
 * Labels need glyphs. We ship SDF glyph PBFs generated once from Debian's Noto Sans
 * (fonts-noto-core, SIL OFL) with node-fontnik's prebuilt binary, for the ranges Vietnamese and
 * the dong sign need (0-1023, 7680-7935, 8192-8447): see src/lib/assets/fonts/. maplibre only
 * requests a range when a label uses a character in it, so the set stays small (about 1 MB).
 */
import type {
  AddProtocolAction,
  ExpressionSpecification,
  LayerSpecification,
  RequestParameters,
  ResourceType,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BasemapDescription } from '$lib/basemap-description';
import { rasterLayers, vectorLayers, featureName, type BasemapLayers } from './generic-style';
import {
  OFFLINE_NAME_LAYERS,
  OFFLINE_SOURCE,
  nameOf,
  offlineGroundLayers,
  offlineNameLayers,
  offlineSource,
} from './offline-style';
import { FONT_BOLD, FONT_REGULAR, SOURCE_IDS, dataLayerSpecs, type ColourMode } from './styles';

type Locale = 'vi' | 'en';

/** Everything a basemap adds to the style, before the data layers are put in. */
export interface BasemapParts extends BasemapLayers {
  sources: Record<string, SourceSpecification>;
  glyphs?: string;
  sprite?: StyleSpecification['sprite'];
  /** Not the offline default: the data's opaque province fill would hide it. */
  external: boolean;
  /** The basemap's own labels that follow the interface language. */
  textFields: (locale: Locale) => Record<string, ExpressionSpecification>;
}

export interface Basemap {
  style: StyleSpecification;
  attribution: string | null;
  textFields: (locale: Locale) => Record<string, ExpressionSpecification>;
  transformRequest: (url: string, type?: ResourceType) => RequestParameters | undefined;
}

/** Data layers drawn over the basemap's names (the seizure points, deck.gl, go right under them). */
const POINT_LAYERS = ['gates-symbol-minor', 'gates-label', 'gates-symbol'];
const OUR_FONTS: string[] = [FONT_REGULAR, FONT_BOLD];
const emptySource = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

/** The offline basemap's one file, served compressed by the app (src/routes/basemap/). */
export const OFFLINE_PATH = '/basemap/offline.geojson';

const glyphsUrl = (origin: string) => `${origin}/fonts/{fontstack}/{range}.pbf`;

export function offlineParts(origin: string, locale: Locale): BasemapParts {
  return {
    // Absolute: maplibre fetches GeoJSON and glyphs in a worker, outside the document's base.
    sources: { [OFFLINE_SOURCE]: offlineSource(`${origin}${OFFLINE_PATH}`) },
    ground: offlineGroundLayers(),
    names: offlineNameLayers(locale),
    external: false,
    textFields: (l) => Object.fromEntries(OFFLINE_NAME_LAYERS.map((id) => [id, nameOf(l)])),
  };
}

/** The configured basemap's style and the data layers over it, in one style. */
export function composeStyle(
  origin: string,
  locale: Locale,
  colourMode: ColourMode,
  parts: BasemapParts,
): StyleSpecification {
  const data = dataLayerSpecs(locale, colourMode).map((layer): LayerSpecification =>
    parts.external && layer.type === 'fill' && layer.id === 'provinces-fill'
      ? { ...layer, paint: { ...layer.paint, 'fill-opacity': 0 } }
      : layer,
  );
  let at = data.findIndex((l) => POINT_LAYERS.includes(l.id));
  if (at < 0) at = data.length;
  return {
    version: 8,
    name: 'Border Risk Map',
    glyphs: parts.glyphs ?? glyphsUrl(origin),
    ...(parts.sprite ? { sprite: parts.sprite } : {}),
    sources: {
      ...parts.sources,
      ...Object.fromEntries(SOURCE_IDS.map((id) => [id, emptySource()])),
    },
    layers: [...parts.ground, ...data.slice(0, at), ...parts.names, ...data.slice(at)],
  };
}

/** The offline default with the data layers: what the map draws when nothing is configured. */
export function basemapStyle(
  origin: string,
  locale: Locale,
  colourMode: ColourMode,
): StyleSpecification {
  return composeStyle(origin, locale, colourMode, offlineParts(origin, locale));
}

const PREFIX = 'basemap:';

/**
 * Another style as basemap parts: its sources and layers renamed so they cannot collide with the
 * data's, URLs made absolute against where the style came from, `pmtiles://` sources pointed at
 * the archive this app serves, and its labels lifted over the data's lines.
 */
export function externalParts(
  style: StyleSpecification,
  base: string,
  archiveUrl?: string,
): BasemapParts {
  const absolute = (u: string) => (/^[a-z][a-z0-9+.-]*:/i.test(u) ? u : new URL(u, base).href);
  // Template braces must survive: URL() would percent-encode them in a path.
  const keepBraces = (u: string) => absolute(u).replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, source] of Object.entries(style.sources)) {
    const s = { ...source } as Record<string, unknown>;
    if (typeof s.url === 'string')
      s.url =
        s.url.startsWith('pmtiles://') && archiveUrl
          ? `pmtiles://${archiveUrl}`
          : keepBraces(s.url);
    if (Array.isArray(s.tiles)) s.tiles = s.tiles.map((t) => keepBraces(String(t)));
    if (typeof s.data === 'string') s.data = absolute(s.data);
    sources[PREFIX + id] = s as unknown as SourceSpecification;
  }
  const ground: LayerSpecification[] = [];
  const names: LayerSpecification[] = [];
  for (const layer of style.layers) {
    const renamed = {
      ...layer,
      id: PREFIX + layer.id,
      ...('source' in layer && typeof layer.source === 'string'
        ? { source: PREFIX + layer.source }
        : {}),
    } as LayerSpecification;
    (layer.type === 'symbol' ? names : ground).push(renamed);
  }
  const sprite =
    typeof style.sprite === 'string'
      ? absolute(style.sprite)
      : style.sprite?.map((s) => ({ ...s, url: absolute(s.url) }));
  return {
    sources,
    ground,
    names,
    glyphs: style.glyphs ? keepBraces(style.glyphs) : undefined,
    sprite,
    external: true,
    textFields: () => ({}),
  };
}

/**
 * Sends requests for the data's own font stacks to this app, whatever glyphs URL the basemap's
 * style names: the data's labels then draw with any basemap.
 */
export function glyphRedirect(origin: string) {
  return function redirectOurGlyphs(url: string, type?: ResourceType) {
    if (type !== 'Glyphs') return undefined;
    const m = /\/([^/?]+)\/(\d+-\d+)\.pbf(?:\?.*)?$/.exec(url);
    if (!m) return undefined;
    const stack = decodeURIComponent(m[1]);
    if (!OUR_FONTS.includes(stack)) return undefined;
    const ours = `${origin}/fonts/${stack}/${m[2]}.pbf`;
    return url === ours ? undefined : { url: ours };
  };
}

/** Attribution text as the control's HTML: configured text is shown, never interpreted. */
export function attributionHtml(text: string | null): string | undefined {
  if (!text) return undefined;
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

export interface BasemapEnvironment {
  origin: string;
  locale: Locale;
  colourMode: ColourMode;
  /** maplibre's addProtocol, for `pmtiles://` (imported only when an archive is configured). */
  addProtocol: (name: string, action: AddProtocolAction) => void;
  fetch?: typeof fetch;
}

let pmtilesRegistered = false;

async function registerPmtiles(addProtocol: BasemapEnvironment['addProtocol']) {
  if (pmtilesRegistered) return;
  const { Protocol } = await import('pmtiles');
  addProtocol('pmtiles', new Protocol().tile as unknown as AddProtocolAction);
  pmtilesRegistered = true;
}

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<unknown> {
  const res = await fetchImpl(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function partsFor(d: BasemapDescription, env: BasemapEnvironment): Promise<BasemapParts> {
  const fetchImpl = env.fetch ?? fetch;
  const { origin, locale } = env;
  if (d.kind === 'xyz' && d.tiles_url) {
    const source: SourceSpecification = {
      type: 'raster',
      tiles: [d.tiles_url],
      tileSize: d.tile_size ?? 256,
      maxzoom: d.max_zoom ?? 18,
    };
    return {
      sources: { 'basemap:raster': source },
      ...rasterLayers('basemap:raster'),
      external: true,
      textFields: () => ({}),
    };
  }
  if (d.kind === 'pmtiles' && d.pmtiles_url) {
    await registerPmtiles(env.addProtocol);
    const archive = new URL(d.pmtiles_url, origin).href;
    if (d.style_url) {
      const url = new URL(d.style_url, origin).href;
      return externalParts((await fetchJson(fetchImpl, url)) as StyleSpecification, url, archive);
    }
    const id = 'basemap:archive';
    if (d.tile_type === 'mvt') {
      const source: SourceSpecification = { type: 'vector', url: `pmtiles://${archive}` };
      const layers = vectorLayers(id, d.vector_layers, locale);
      return {
        sources: { [id]: source },
        ...layers,
        external: true,
        textFields: (l) =>
          Object.fromEntries(layers.names.map((layer) => [layer.id, featureName(l)])),
      };
    }
    const source: SourceSpecification = {
      type: 'raster',
      url: `pmtiles://${archive}`,
      tileSize: d.tile_size ?? 256,
    };
    return {
      sources: { [id]: source },
      ...rasterLayers(id),
      external: true,
      textFields: () => ({}),
    };
  }
  if (d.kind === 'style' && d.style_url) {
    return externalParts(
      (await fetchJson(fetchImpl, d.style_url)) as StyleSpecification,
      d.style_url,
    );
  }
  return offlineParts(origin, locale);
}

/**
 * The map's style for the configured basemap. A basemap that cannot be read (the network, a bad
 * style) falls back to the offline default, so the data always has a map under it.
 */
export async function loadBasemap(env: BasemapEnvironment): Promise<Basemap> {
  const fetchImpl = env.fetch ?? fetch;
  let description: BasemapDescription | null = null;
  let parts: BasemapParts;
  try {
    description = (await fetchJson(fetchImpl, `${env.origin}/api/basemap`)) as BasemapDescription;
    parts = await partsFor(description, env);
  } catch (error) {
    console.error('Basemap unavailable; drawing the offline default.', error);
    parts = offlineParts(env.origin, env.locale);
  }
  return {
    style: composeStyle(env.origin, env.locale, env.colourMode, parts),
    attribution: parts.external ? (description?.attribution ?? null) : 'Natural Earth',
    textFields: parts.textFields,
    transformRequest: glyphRedirect(env.origin),
  };
}
