import type { Sql } from '../db/client';
import { LAYER_IDS, isOneOf, type LayerId } from '../../domain';
import { notFound } from '../errors';
import { LAYERS, type LayerDef } from '../repositories/layer-registry';
import * as repo from '../repositories/layers';
import type { LayerFilter, Page } from '../repositories/layers';

export function layerDef(id: string): LayerDef {
  if (!isOneOf(LAYER_IDS, id)) throw notFound(`No layer '${id}'. Layers: ${LAYER_IDS.join(', ')}`);
  return LAYERS[id as LayerId];
}

export async function listLayers(sql: Sql) {
  const layers = [];
  for (const id of LAYER_IDS) {
    const def = LAYERS[id];
    const summary = await repo.summarise(sql, def);
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
 * A page of a layer as GeoJSON FeatureCollection text, with OGC-style `numberMatched` (all
 * features matching the filters), `numberReturned`, and a `next` link (from `nextHref`, given
 * the last id) when the page is full. Built as text: PostGIS already wrote
 * each feature, so parsing and re-serialising them would only cost time.
 */
export async function featureCollection(
  sql: Sql,
  id: string,
  filter: LayerFilter,
  page: Page,
  nextHref?: (after: number) => string,
): Promise<{ body: string; numberMatched: number; numberReturned: number }> {
  const def = layerDef(id);
  const [numberMatched, rows] = await Promise.all([
    repo.countFeatures(sql, def, filter),
    repo.selectFeatures(sql, def, filter, page),
  ]);
  // A full page may have a next one, which starts after its last id.
  const lastId = rows.length === page.limit ? rows[rows.length - 1].id : undefined;
  const links = lastId === undefined || !nextHref ? [] : [{ rel: 'next', href: nextHref(lastId) }];
  const body =
    `{"type":"FeatureCollection","numberMatched":${numberMatched},"numberReturned":${rows.length},` +
    `"links":${JSON.stringify(links)},"features":[${rows.map((r) => r.f).join(',')}]}`;
  return { body, numberMatched, numberReturned: rows.length };
}

export async function feature(sql: Sql, id: string, fid: number): Promise<string> {
  const def = layerDef(id);
  const f = await repo.selectFeature(sql, def, fid);
  if (f === undefined) throw notFound(`No feature ${fid} in layer '${id}'`);
  return f;
}
