import { frontierCluster } from '../../analysis/sighting-cluster';
import { utmToWgs84 } from '../../analysis/utm';
import { maskIdentifier } from '../../identifier-mask';
import { can } from '../auth/roles';
import type { ObjectRow } from '../repositories/objects';
import type { SightingRow } from '../repositories/object-sightings';
import type { SessionUser } from './auth';

/**
 * A suspicious object as the API shows it to one caller: the identifier and description only
 * to roles with `view_identifiers` (personal data: a plate names its owner), a masked
 * identifier to everyone, and counts and the frontier cluster over the sightings this caller
 * may see.
 */
export interface ObjectView {
  id: number;
  kind: string;
  identifier: string | null;
  identifier_masked: string;
  description: string | null;
  province: string;
  distribution: string;
  units: string[];
  tlp: string;
  agency: string;
  unit: string | null;
  author: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  sightings_count: number;
  last_seen_at: Date | null;
  near_frontier: boolean;
  /** The frontier cluster's centroid [lon, lat], 6 decimals; null when not near the frontier. */
  centroid: [number, number] | null;
}

export interface SightingView {
  id: number;
  seen_at: Date;
  lon: number;
  lat: number;
  source: string;
  report_id: number | null;
  seizure_id: number | null;
  note: string;
  agency: string;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Whether `user` reads identifiers and descriptions in clear. */
export const readsIdentifiers = (user: SessionUser) => can(user.role, 'view_identifiers');

/** The view of `row` given its units and the sightings the caller may see (oldest first). */
export function objectView(
  user: SessionUser,
  row: ObjectRow,
  units: string[],
  sightings: SightingRow[],
): ObjectView {
  const clear = readsIdentifiers(user);
  const cluster = frontierCluster(
    sightings.map((s) => ({ x: s.x, y: s.y, frontierM: s.frontier_m })),
  );
  const centroid = cluster.centroid
    ? (utmToWgs84(cluster.centroid[0], cluster.centroid[1]).map(round6) as [number, number])
    : null;
  return {
    id: row.id,
    kind: row.kind,
    identifier: clear ? row.identifier : null,
    identifier_masked: maskIdentifier(row.identifier),
    description: clear ? row.description : null,
    province: row.province,
    distribution: row.distribution,
    units: row.distribution === 'units' ? units : [],
    tlp: row.tlp,
    agency: row.agency,
    unit: row.unit,
    author: row.author,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
    sightings_count: sightings.length,
    last_seen_at: sightings.length
      ? new Date(Math.max(...sightings.map((s) => s.seen_at.getTime())))
      : null,
    near_frontier: cluster.near,
    centroid,
  };
}

export function sightingView(s: SightingRow): SightingView {
  return {
    id: s.id,
    seen_at: s.seen_at,
    lon: s.lon,
    lat: s.lat,
    source: s.source,
    report_id: s.report_id,
    seizure_id: s.seizure_id,
    note: s.note,
    agency: s.agency,
  };
}

/** Sightings grouped by object id. */
export function byObject(rows: SightingRow[]): Map<number, SightingRow[]> {
  const out = new Map<number, SightingRow[]>();
  for (const r of rows) out.set(r.object_id, [...(out.get(r.object_id) ?? []), r]);
  return out;
}
