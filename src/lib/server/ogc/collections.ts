import type { Sql } from '../db/client';
import { LAYER_IDS } from '../../domain';
import { LAYERS, type LayerDef } from '../repositories/layer-registry';
import { summarise } from '../repositories/layers';
import { timeExtent } from '../repositories/ogc-items';
import type { Viewer } from '../repositories/visibility';
import { CRS84, STORAGE_CRS, SUPPORTED_CRS } from './crs';

/** What each collection is, in English (the description adds the Vietnamese title). */
const DESCRIPTIONS: Record<string, string> = {
  provinces: 'Outlines of the border provinces covered by the app.',
  frontier: 'The national frontier, drawn per province, with how accurately each stretch is known.',
  border_gates:
    'International, main and auxiliary border gates, crossing paths and border markets.',
  waterways: 'Rivers and canals near the frontier, marking those that cross it.',
  trails: 'Trails and openings used to cross the frontier away from the gates.',
  seizures: 'Seizures of smuggled goods: when, where, what, how much, and which agency led.',
  patrol_routes: 'Patrol routes of the current plans, with their detection radius and shifts.',
  reports:
    'Information reports (tips) the caller may see: where, what, how reliable (Admiralty rating), and their TLP marking. No free text.',
};

const JSON_TYPE = 'application/json';

/** A collection's metadata; a restricted layer's extent is of what `viewer` may see. */
async function collection(sql: Sql, layer: LayerDef, base: string, viewer: Viewer | undefined) {
  const [summary, time] = await Promise.all([
    summarise(sql, layer, viewer),
    timeExtent(sql, layer, viewer),
  ]);
  const href = `${base}/collections/${layer.id}`;
  const extent: Record<string, object> = {
    spatial: { bbox: summary.bbox ? [summary.bbox] : [], crs: CRS84 },
  };
  if (layer.timeColumn) {
    extent.temporal = {
      interval: [time ? time.map((d) => d.toISOString()) : [null, null]],
      trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
    };
  }
  return {
    id: layer.id,
    title: layer.title_en,
    description: `${DESCRIPTIONS[layer.id]} (${layer.title_vi})`,
    'title:vi': layer.title_vi,
    itemType: 'feature',
    extent,
    crs: [...SUPPORTED_CRS],
    storageCrs: STORAGE_CRS,
    links: [
      { rel: 'self', type: JSON_TYPE, title: layer.title_en, href },
      { rel: 'items', type: 'application/geo+json', title: 'Features', href: `${href}/items` },
      {
        rel: 'describedBy',
        type: 'application/schema+json',
        title: 'Schema of a feature',
        href: `${href}/schema`,
      },
      {
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
        type: 'application/schema+json',
        title: 'Queryables',
        href: `${href}/queryables`,
      },
    ],
  };
}

/** One collection's metadata (callers check the id against the registry first). */
export const collectionOf = (sql: Sql, layer: LayerDef, base: string, viewer: Viewer | undefined) =>
  collection(sql, layer, base, viewer);

/** Every layer of the registry as a collection, in the registry's order. */
export async function collections(sql: Sql, base: string, viewer: Viewer | undefined) {
  const list = [];
  for (const id of LAYER_IDS) list.push(await collection(sql, LAYERS[id], base, viewer));
  return {
    links: [{ rel: 'self', type: JSON_TYPE, title: 'Collections', href: `${base}/collections` }],
    collections: list,
  };
}
