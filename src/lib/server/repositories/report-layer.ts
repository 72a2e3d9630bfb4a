import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';

/**
 * The rows of the `reports` layer: the published columns plus what the visibility predicate
 * reads (`author_id`, `distribution`, `agency`, `id`). `rating` is the Admiralty code (`B2`);
 * `age_days` whole days since the report was received (0 on its first day), measured at the
 * query's time, so the map can fade old reports.
 * @example an A2 report received 36 hours ago -> rating 'A2', age_days 1
 */
export function reportLayerRows(sql: Sql): Fragment {
  return sql`(select r.id, r.geom, r.title, r.kind, r.category, r.province, r.reliability,
      r.credibility, r.reliability || r.credibility::text as rating, r.tlp, r.distribution,
      r.status, r.agency, r.unit, r.observed_from, r.observed_to, r.received_at,
      floor(extract(epoch from now() - r.received_at) / 86400)::int as age_days, r.place,
      r.author_id
    from reports r)`;
}
