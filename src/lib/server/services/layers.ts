import type { Sql } from '../db/client';
import { LAYER_IDS, isOneOf, type LayerId } from '../../domain';
import { notFound } from '../errors';
import { LAYERS, type LayerDef } from '../repositories/layer-registry';
import * as repo from '../repositories/layers';
import type { LayerFilter, Page } from '../repositories/layers';
import type { Viewer } from '../repositories/visibility';

export function layerDef(id: string): LayerDef {
  if (!isOneOf(LAYER_IDS, id)) throw notFound(`No layer '${id}'. Layers: ${LAYER_IDS.join(', ')}`);
  return LAYERS[id as LayerId];
}

/** Every layer with its count and extent; a restricted layer's are of what `viewer` may see. */
export async function listLayers(sql: Sql, viewer: Viewer | undefined) {
  const layers = [];
  for (const id of LAYER_IDS) {
    const def = LAYERS[id];
    const summary = await repo.summarise(sql, def, viewer);
    layers.push({
      id,
      title_vi: def.title_vi,
      title_en: def.title_en,
      geometry_type: def.geometryType,
      count: summary.count,
      bbox: summary.bbox,
      filters: filtersOf(def),
    });
  }
  return layers;
}

function filtersOf(def: LayerDef): string[] {
  const f = ['province', 'bbox', 'limit', 'offset'];
  if (def.timeColumn) f.push('from', 'to');
  if (def.categoryColumn) f.push('category');
  if (def.agencyColumn) f.push('agency');
  return f;
}

/**
 * A page of a layer as a GeoJSON FeatureCollection (UTF-8 bytes), with OGC-style
 * `numberMatched` (all features matching the filters), `numberReturned`, and a `next` link
 * (from `nextHref`, given the last id) when the page is full. Assembled from the bytes PostGIS
 * wrote: parsing and re-serialising the features would only cost time.
 */
export async function featureCollection(
  sql: Sql,
  id: string,
  filter: LayerFilter,
  page: Page,
  nextHref?: (after: number) => string,
): Promise<{ body: Uint8Array<ArrayBuffer>; numberMatched: number; numberReturned: number }> {
  const def = layerDef(id);
  const [numberMatched, rows] = await Promise.all([
    repo.countFeatures(sql, def, filter),
    repo.selectFeaturePage(sql, def, filter, page),
  ]);
  const full = rows.returned === page.limit && rows.lastId !== null;
  const links = full && nextHref ? [{ rel: 'next', href: nextHref(rows.lastId!) }] : [];
  const head =
    `{"type":"FeatureCollection","numberMatched":${numberMatched},` +
    `"numberReturned":${rows.returned},"links":${JSON.stringify(links)},"features":[`;
  const parts = [Buffer.from(head), rows.features, Buffer.from(']}')];
  // A fresh ArrayBuffer of its own (Buffer.concat may hand out a slice of a shared pool).
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { body, numberMatched, numberReturned: rows.returned };
}

export async function feature(
  sql: Sql,
  id: string,
  fid: number,
  viewer: Viewer | undefined,
): Promise<string> {
  const def = layerDef(id);
  const f = await repo.selectFeature(sql, def, fid, {}, viewer);
  if (f === undefined) throw notFound(`No feature ${fid} in layer '${id}'`);
  return f;
}
