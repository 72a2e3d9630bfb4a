import type { LayerDef } from '../repositories/layer-registry';
import type { LayerFilter, FeatureOutput } from '../repositories/layers';
import type { SortKey } from '../repositories/ogc-items';
import { badParameter } from '../errors';
import * as p from '../api/params';
import { decodeCursor, type Cursor } from './cursor';
import { parseCrs, type Crs } from './crs';
import { parseDatetime, type TimeWindow } from './datetime';
import { queryablesOf } from './queryables';

/** Answers are JSON whatever is asked: `f` may only name JSON (there is no HTML). */
export const FORMATS = ['json', 'geojson', 'application/geo+json', 'application/json'];

export function checkFormat(f: string | undefined): void {
  if (f !== undefined && f !== '' && !FORMATS.includes(f))
    throw badParameter('f', `this API answers JSON only (f may be ${FORMATS.join(', ')})`);
}

/** `cql-text` is GDAL 3.6's name (from a draft) for what it sends: CQL2 text, as far as it goes. */
export const FILTER_LANGS = ['cql2-text', 'cql2-json', 'cql-text'];

/** The query parameters `/items` of a layer knows: the OGC ones plus the layer's own filters. */
export function itemsParams(layer: LayerDef): string[] {
  const names = ['f', 'bbox', 'bbox-crs', 'crs', 'limit', 'offset', 'cursor'];
  names.push('filter', 'filter-lang', 'filter-crs', 'sortby', 'properties', 'province');
  if (layer.timeColumn) names.push('datetime');
  if (layer.categoryColumn) names.push('category');
  if (layer.agencyColumn) names.push('agency');
  return names;
}

export interface ItemsParams {
  filter: LayerFilter;
  /** A bbox in a CRS other than CRS84, as given (east/north order), with its CRS. */
  bbox?: { coords: [number, number, number, number]; crs: Crs };
  datetime?: TimeWindow;
  cql?: { text: string; json: boolean; crs: Crs };
  sort: SortKey[];
  /** The sortby as given, normalised: the cursor is tied to it. */
  sortText: string;
  cursor?: Cursor;
  crs: Crs;
  output: FeatureOutput;
  limit: number;
  offset: number;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function parseBbox(value: string | undefined, crs: Crs): ItemsParams['bbox'] {
  if (value === undefined || value === '') return undefined;
  const parts = value.split(',');
  if (parts.length !== 4) throw badParameter('bbox', 'expected four numbers (2D bbox)');
  const n = parts.map((s) => (NUMBER.test(s.trim()) ? Number(s) : NaN));
  if (n.some((x) => !Number.isFinite(x))) throw badParameter('bbox', 'expected four numbers');
  // EPSG:4326 proper is latitude first: put it in lon/lat order here.
  const [a, b, c, d] = crs.latFirst ? [n[1], n[0], n[3], n[2]] : n;
  if (a > c || b > d) throw badParameter('bbox', 'the lower corner must come first');
  return { coords: [a, b, c, d], crs };
}

function parseSort(layer: LayerDef, value: string | undefined): { sort: SortKey[]; text: string } {
  if (value === undefined || value.trim() === '') return { sort: [], text: '' };
  const queryables = queryablesOf(layer);
  const sort: SortKey[] = [];
  for (const raw of value.split(',')) {
    // '+' arrives as a space when the client did not percent-encode it.
    const item = raw.trim();
    const desc = item.startsWith('-');
    const name = item.replace(/^[+-]/, '');
    const q = queryables[name];
    if (!q || q.type === 'geometry' || name === 'id')
      throw badParameter('sortby', `'${name}' is not a sortable queryable of ${layer.id}`);
    if (sort.some((k) => k.column === q.column)) throw badParameter('sortby', `'${name}' twice`);
    sort.push({ column: q.column, desc });
  }
  return { sort, text: sort.map((k) => `${k.desc ? '-' : '+'}${k.column}`).join(',') };
}

function parseProperties(layer: LayerDef, value: string | undefined): FeatureOutput {
  if (value === undefined) return {};
  const names = value === '' ? [] : value.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!layer.columns.includes(name) && !(layer.lengthKm && name === 'length_km'))
      throw badParameter('properties', `'${name}' is not a property of ${layer.id}`);
  }
  return {
    columns: layer.columns.filter((c) => names.includes(c)),
    lengthKm: Boolean(layer.lengthKm) && names.includes('length_km'),
  };
}

/**
 * Everything `/items` was asked, checked (a 400 naming the parameter otherwise). `offset` is
 * honoured for clients that send it; `next` links carry a keyset cursor instead.
 */
export function parseItems(
  layer: LayerDef,
  q: p.Query,
  limits: { defaultLimit: number; maxLimit: number; maxOffset: number },
): ItemsParams {
  checkFormat(q.f);
  const bboxCrs = parseCrs('bbox-crs', q['bbox-crs']);
  const bbox = parseBbox(q.bbox, bboxCrs);
  const lang = q['filter-lang'];
  if (lang !== undefined && !FILTER_LANGS.includes(lang))
    throw badParameter('filter-lang', `must be one of ${FILTER_LANGS.join(', ')}`);
  if (q['filter-crs'] !== undefined && q.filter === undefined)
    throw badParameter('filter-crs', 'given without a filter');
  const filterCrs = parseCrs('filter-crs', q['filter-crs']);
  if (filterCrs.latFirst)
    throw badParameter('filter-crs', 'use CRS84 (longitude first) or EPSG:3405 in filters');
  if (q['bbox-crs'] !== undefined && q.bbox === undefined)
    throw badParameter('bbox-crs', 'given without a bbox');
  const { sort, text } = parseSort(layer, q.sortby);
  const filter: LayerFilter = {
    province: p.province(q.province),
    categories: p.categories(q.category),
    agencies: p.agencies(q.agency),
  };
  if (bbox && bbox.crs.srid === 4326) {
    const [w, s, e, n] = bbox.coords;
    if (w < -180 || e > 180 || s < -90 || n > 90)
      throw badParameter('bbox', 'longitudes must lie in [-180, 180] and latitudes in [-90, 90]');
    filter.bbox = bbox.coords;
  }
  const crs = parseCrs('crs', q.crs);
  if (q.cursor && q.offset) throw badParameter('offset', 'cannot be combined with a cursor');
  return {
    filter,
    bbox: bbox && bbox.crs.srid !== 4326 ? bbox : undefined,
    datetime: parseDatetime(q.datetime),
    cql:
      q.filter !== undefined && q.filter.trim() !== ''
        ? { text: q.filter, json: lang === 'cql2-json', crs: filterCrs }
        : undefined,
    sort,
    sortText: text,
    cursor: q.cursor ? decodeCursor(q.cursor, text) : undefined,
    crs,
    output: parseProperties(layer, q.properties),
    limit: p.integer('limit', q.limit, 1, limits.maxLimit, limits.defaultLimit),
    offset: p.integer('offset', q.offset, 0, limits.maxOffset, 0),
  };
}
