/**
 * The answer of `GET /api/basemap`, shared by the server that writes it and the map that reads it.
 */
export type BasemapKind = 'offline' | 'pmtiles' | 'style' | 'xyz';
export type TileFormat = 'mvt' | 'png' | 'jpeg' | 'webp' | 'avif' | 'unknown';

export interface BasemapDescription {
  kind: BasemapKind;
  /** Plain text for the attribution control; null when there is nothing to credit. */
  attribution: string | null;
  /** A MapLibre style to draw (a same-origin path, or the configured URL). */
  style_url: string | null;
  /** The archive, a same-origin path, for the `pmtiles://` protocol. */
  pmtiles_url: string | null;
  /** Raster tile URL template with {z}/{x}/{y}. */
  tiles_url: string | null;
  tile_type: TileFormat | null;
  tile_size: number | null;
  min_zoom: number | null;
  max_zoom: number | null;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number] | null;
  /** An archive's vector layers, to draw it when no style comes with it. */
  vector_layers: string[];
}
