/**
 * Reading a PMTiles archive on the server with the `pmtiles` package: its header (zooms, bounds,
 * tile type) and the layer list in its metadata, so the page can frame and style it.
 */
import { open } from 'node:fs/promises';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import type { TileFormat } from '../../basemap-description';

/** A byte range source over a local file: reads only the bytes asked for. */
export class NodeFileSource implements Source {
  constructor(private readonly path: string) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const file = await open(this.path, 'r');
    try {
      const buffer = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await file.read(buffer, read, length - read, offset + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return { data: buffer.buffer.slice(0, read) };
    } finally {
      await file.close();
    }
  }
}

const FORMATS: Record<number, TileFormat> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpeg',
  [TileType.Webp]: 'webp',
  [TileType.Avif]: 'avif',
};

export interface ArchiveInfo {
  tileType: TileFormat;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** Vector layer ids from the metadata (TileJSON `vector_layers`), for a style made up for it. */
  vectorLayers: string[];
  /** The archive's own attribution, when its metadata has one. */
  attribution: string | undefined;
}

export async function describeArchive(path: string): Promise<ArchiveInfo> {
  const archive = new PMTiles(new NodeFileSource(path));
  const header = await archive.getHeader();
  const metadata = ((await archive.getMetadata()) ?? {}) as {
    vector_layers?: { id?: unknown }[];
    attribution?: unknown;
  };
  const layers = Array.isArray(metadata.vector_layers) ? metadata.vector_layers : [];
  return {
    tileType: FORMATS[header.tileType] ?? 'unknown',
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    vectorLayers: layers.map((l) => l.id).filter((id): id is string => typeof id === 'string'),
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution : undefined,
  };
}
