/**
 * The offline default basemap: a neutral background, the province outlines and the data layers,
 * all drawn from the app's own API. Nothing is fetched from another origin.
 *
 * Labels need glyphs. We ship SDF glyph PBFs generated once from Debian's Noto Sans
 * (fonts-noto-core, SIL OFL) with node-fontnik's prebuilt binary, for the ranges Vietnamese and
 * the dong sign need (0-1023, 7680-7935, 8192-8447): see src/lib/assets/fonts/. maplibre only
 * requests a range when a label uses a character in it, so the set stays small (about 1 MB).
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { COLOURS, SOURCE_IDS, dataLayerSpecs, type ColourMode } from './styles';

const emptySource = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

export function basemapStyle(
  origin: string,
  locale: 'vi' | 'en',
  colourMode: ColourMode,
): StyleSpecification {
  return {
    version: 8,
    name: 'Border Risk Map offline',
    // Absolute, because maplibre resolves glyph URLs outside the document's base.
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    sources: Object.fromEntries(SOURCE_IDS.map((id) => [id, emptySource()])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLOURS.background } },
      ...dataLayerSpecs(locale, colourMode),
    ],
  };
}
