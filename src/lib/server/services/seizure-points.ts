import { AGENCIES, CATEGORIES, type Province } from '../../domain';
import { SeizurePointsWriter, VALUE_BREAKS_VND, dayOfNumber } from '../../seizure-points';
import type { Client } from '../db/client';
import { POINT_BATCH, pointBatch, pointsExtent } from '../repositories/seizure-points';

const MAX_DAYS = 65_535;

/**
 * Every seizure of `province` (or of both) as the binary points body (src/lib/seizure-points.ts),
 * read in one read-only snapshot so the count and the rows agree. Memory: the 17-byte columns
 * plus one batch of rows. Time, category and agency are not filtered here: the map does that on
 * the GPU, so moving the time slider asks for nothing.
 */
export async function seizurePoints(
  sql: Client,
  province?: Province,
  batch = POINT_BATCH,
): Promise<{ body: Uint8Array<ArrayBuffer>; count: number }> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const extent = await pointsExtent(tx, province);
    // A round origin reads well in the header; the offsets carry the precision.
    const round = (v: number) => Math.round(v * 1e4) / 1e4;
    const origin: [number, number] = extent.centre
      ? [round(extent.centre[0]), round(extent.centre[1])]
      : [0, 0];
    const writer = new SeizurePointsWriter({
      count: extent.count,
      base_day: extent.firstDay === null ? null : dayOfNumber(extent.firstDay),
      origin,
      categories: [...CATEGORIES],
      agencies: [...AGENCIES],
      value_breaks_vnd: [...VALUE_BREAKS_VND],
    });
    const [lon0, lat0] = origin;
    const category = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
    const agency = new Map<string, number>(AGENCIES.map((a, i) => [a, i]));
    let i = 0;
    let after = 0;
    while (i < extent.count) {
      const rows = await pointBatch(tx, province, after, VALUE_BREAKS_VND, batch);
      if (rows.length === 0) break;
      for (const r of rows) {
        writer.offsets[2 * i] = r.lon - lon0;
        writer.offsets[2 * i + 1] = r.lat - lat0;
        writer.ids[i] = r.id;
        // A span beyond 179 years cannot occur in this data; clamp rather than wrap around.
        writer.days[i] = Math.min(MAX_DAYS, r.day - extent.firstDay!);
        writer.categories[i] = category.get(r.category)!;
        writer.agencies[i] = agency.get(r.agency)!;
        writer.valueClasses[i] = r.value_class;
        i++;
      }
      after = rows[rows.length - 1].id;
    }
    return { body: writer.finish(), count: extent.count };
  });
}
