import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { LayerDef } from '../repositories/layer-registry';
import * as repo from '../repositories/ogc-items';
import { badParameter } from '../errors';
import { encodeCursor } from './cursor';
import { cqlCondition } from './filter';
import type { ItemsParams } from './items-params';
import { queryablesOf } from './queryables';

const GEOJSON = 'application/geo+json';

export interface ItemsResult {
  body: Uint8Array<ArrayBuffer>;
  numberMatched: number;
  numberReturned: number;
}

function conditions(sql: Sql, layer: LayerDef, q: ItemsParams): Fragment[] {
  const where: Fragment[] = [];
  if (q.bbox) where.push(repo.bboxCondition(sql, q.bbox.coords, q.bbox.crs.srid));
  if (q.datetime) where.push(repo.timeCondition(sql, layer, q.datetime));
  if (q.cql) where.push(cqlCondition(sql, q.cql, queryablesOf(layer)));
  return where;
}

/** `url` with the paging parameters replaced. */
function pageHref(url: string, set: Record<string, string | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.toString();
}

const keysOf = (k: (string | null)[]) => ({ values: k.slice(0, -1), id: k[k.length - 1] ?? '' });

/**
 * A page of a collection as a GeoJSON FeatureCollection with OGC `numberMatched` (an exact
 * count of every match), `numberReturned`, `timeStamp` and `self`/`next`/`prev` links. `next`
 * and `prev` carry a keyset cursor (the last or first row's sort keys and id), so the last page
 * of a million costs what the first does. The features are the bytes PostGIS wrote.
 */
export async function itemsPage(
  sql: Sql,
  layer: LayerDef,
  q: ItemsParams,
  url: string,
  now: Date,
): Promise<ItemsResult> {
  const where = conditions(sql, layer, q);
  const c = q.cursor;
  if (c && c.values.length !== q.sort.length)
    throw badParameter('cursor', 'does not fit this sortby');
  const output = {
    ...q.output,
    geometry: repo.outputGeometry(sql, q.crs.srid, q.crs.latFirst),
    decimals: q.crs.decimals,
  };
  const [numberMatched, page] = await Promise.all([
    repo.countItems(sql, layer, { filter: q.filter, where }),
    repo.selectItems(sql, layer, {
      filter: q.filter,
      where,
      sort: q.sort,
      position: c ? { values: c.values, id: c.id, backward: c.backward } : undefined,
      limit: q.limit,
      offset: q.offset,
      output,
    }),
  ]);
  const link = (rel: string, href: string) => ({ rel, type: GEOJSON, title: rel, href });
  const links = [link('self', url)];
  const cursorHref = (k: (string | null)[], backward: boolean) =>
    pageHref(url, {
      offset: undefined,
      cursor: encodeCursor({ sort: q.sortText, ...keysOf(k), backward }),
    });
  // Going forward, a full page may have more after it; going backward, there is always the page
  // we came from after it, and more before it when the page is full.
  const moreAfter = c?.backward ? true : page.returned === q.limit;
  const moreBefore = c ? (c.backward ? page.returned === q.limit : true) : q.offset > 0;
  if (moreAfter && page.last) links.push(link('next', cursorHref(page.last, false)));
  if (moreBefore && page.first) links.push(link('prev', cursorHref(page.first, true)));
  const head =
    `{"type":"FeatureCollection","timeStamp":${JSON.stringify(now.toISOString())},` +
    `"numberMatched":${numberMatched},"numberReturned":${page.returned},` +
    `"links":${JSON.stringify(links)},"features":[`;
  const parts = [Buffer.from(head), page.features, Buffer.from(']}')];
  const body = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.length;
  }
  return { body, numberMatched, numberReturned: page.returned };
}
