import { badParameter } from '../errors';

/** The CRSs the OGC API reads and writes (OGC API - Features Part 2). */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const EPSG_4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
export const EPSG_3405 = 'http://www.opengis.net/def/crs/EPSG/0/3405';
export const SUPPORTED_CRS = [CRS84, EPSG_4326, EPSG_3405] as const;
/** Where the geometry is stored (the column's SRID). */
export const STORAGE_CRS = EPSG_4326;

export interface Crs {
  uri: (typeof SUPPORTED_CRS)[number];
  srid: 4326 | 3405;
  /**
   * EPSG:4326 as the EPSG registry defines it has latitude first; CRS84 (the default of
   * GeoJSON and of OGC API - Features) has longitude first. VN-2000 / UTM 48N is easting first.
   */
  latFirst: boolean;
  /** Decimals worth writing: 6 for degrees (about 0.1 m), 3 for metres. */
  decimals: number;
}

const BY_URI: Record<string, Crs> = {
  [CRS84]: { uri: CRS84, srid: 4326, latFirst: false, decimals: 6 },
  [EPSG_4326]: { uri: EPSG_4326, srid: 4326, latFirst: true, decimals: 6 },
  [EPSG_3405]: { uri: EPSG_3405, srid: 3405, latFirst: false, decimals: 3 },
};

/** Short spellings people and some clients send (`EPSG:3405`, `[EPSG:3405]`, `CRS84`). */
const ALIASES: Record<string, string> = {
  'OGC:CRS84': CRS84,
  CRS84: CRS84,
  'EPSG:4326': EPSG_4326,
  'EPSG:3405': EPSG_3405,
  'http://www.opengis.net/def/crs/EPSG/0/4326/': EPSG_4326,
};

/**
 * A CRS parameter (`crs`, `bbox-crs`, `filter-crs`) by its URI; CRS84 when absent.
 * @example parseCrs('crs', 'http://www.opengis.net/def/crs/EPSG/0/3405').srid // 3405
 */
export function parseCrs(name: string, value: string | undefined): Crs {
  if (value === undefined || value === '') return BY_URI[CRS84];
  const bare = value.replace(/^\[(.*)\]$/, '$1');
  const crs = BY_URI[bare] ?? BY_URI[ALIASES[bare] ?? ''];
  if (!crs) throw badParameter(name, `unsupported CRS (supported: ${SUPPORTED_CRS.join(', ')})`);
  return crs;
}

/** The `Content-Crs` header value for a response in `crs`. */
export const contentCrs = (crs: Crs) => `<${crs.uri}>`;
