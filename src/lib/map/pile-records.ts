/**
 * A popup's seizures as the server has them: the points on the map carry an id and a day only,
 * so each listed seizure is fetched (`GET /api/seizures/{id}`), at most PILE_MAX per pile; the
 * rest of a pile is counted in the entry's `more`.
 */
import type { Feature, Geometry } from 'geojson';
import { fetchSeizure, type LayerProperties } from '$lib/api';
import type { PickEntry, PickedFeature } from './pick';

/** Seizures listed per pile; a pile of more says "and N more". */
export const PILE_MAX = 20;
/** Records fetched at once: a pile does not flood the request queue. */
const CONCURRENCY = 4;

type FetchOne = (id: number) => Promise<Feature<Geometry, LayerProperties>>;

/** `items` mapped by `work`, at most `limit` at a time, in order. */
async function mapLimited<T, R>(items: T[], limit: number, work: (t: T) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The entries with each seizure's own record in place of the point's id and day (other layers'
 * entries as they are). Throws the first failed fetch.
 */
export async function withSeizureRecords(
  entries: PickEntry[],
  fetchOne: FetchOne = (id) => fetchSeizure(id),
): Promise<PickEntry[]> {
  const wanted = entries.flatMap((e) =>
    e.layer === 'seizures' ? e.features.slice(0, PILE_MAX) : [],
  );
  const pointIds = wanted.filter((f) => typeof f.properties.id === 'number');
  const records = await mapLimited(pointIds, CONCURRENCY, (f) =>
    fetchOne(f.properties.id as number),
  );
  const byKey = new Map(pointIds.map((f, i) => [f.key, records[i]]));
  const fill = (f: PickedFeature): PickedFeature => {
    const record = byKey.get(f.key);
    if (!record) return f;
    const g = record.geometry;
    const lngLat =
      g.type === 'Point' ? ([g.coordinates[0], g.coordinates[1]] as [number, number]) : f.lngLat;
    return { ...f, properties: { ...record.properties, id: record.id }, lngLat };
  };
  return entries.map((e) => {
    if (e.layer !== 'seizures') return e;
    const listed = e.features.slice(0, PILE_MAX).map(fill);
    const more = e.features.length - listed.length;
    return more > 0 ? { ...e, features: listed, more } : { ...e, features: listed };
  });
}
