import type { Province } from '../../domain';
import type { Sql } from '../db/client';
import { listCrossings, type CrossingFeature } from '../repositories/crossings';

export interface CrossingCollection {
  type: 'FeatureCollection';
  province: Province;
  features: CrossingFeature[];
}

/** GET /api/crossings: the gates and the waterway and trail crossings of one province. */
export async function crossings(sql: Sql, province: Province): Promise<CrossingCollection> {
  return { type: 'FeatureCollection', province, features: await listCrossings(sql, province) };
}
