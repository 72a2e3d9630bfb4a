/**
 * Downloads of a layer, of hot-spot results and of a plan's coverage in five formats. A layer
 * is counted first (the count goes out as X-Number-Matched) and then read in batches along its
 * primary key while the client downloads: each batch is one short query, and the connection is
 * free between batches, so a slow download holds no connection nor the embedded engine.
 * (A postgres.js cursor would hold one for the whole download; on PGlite its portal also lives
 * in the one shared session and another connection's query between two fetches ends it.)
 */
import type { Feature, Geometry } from 'geojson';
import type { Category, Province } from '../../domain';
import type { Sql } from '../db/client';
import { DEFAULT_CELL_M, type HotspotQuery } from './hotspot-query';
import { badParameter, notFound } from '../errors';
import { FORMATS, type ExportFormat } from '../io/export/formats';
import { byteStream } from '../io/export/stream';
import type {
  ExportFeature,
  ExportField,
  ExportSchema,
  ExportSrid,
  FeatureBatches,
} from '../io/export/types';
import { vietnamDay } from '../io/vietnam-time';
import {
  exportBatch,
  exportExtent,
  exportGeoJsonBatch,
  geometryJson,
  layerFields,
} from '../repositories/export-rows';
import { writeGeoJsonText } from '../io/export/geojson';
import type { LayerFilter } from '../repositories/layers';
import { getPlan } from '../repositories/plans';
import { coverage } from './coverage';
import { hotspots } from './hotspots';
import { layerDef } from './layers';

export interface ExportDownload {
  filename: string;
  contentType: string;
  /** Features in the file (X-Number-Matched). */
  rows: number;
  /** The strictest TLP marking in the file (X-TLP), for layers whose rows carry one. */
  tlp?: string | null;
  body: ReadableStream<Uint8Array>;
}

export interface ExportOptions {
  format: ExportFormat;
  srid: ExportSrid;
  now: Date;
  onError?: (error: unknown) => void;
}

/** Filter values as the client wrote them, for the file name. */
export interface GivenFilters {
  province?: string;
  from?: string;
  to?: string;
}

/** Rows per batch: points are small, lines and outlines can hold thousands of vertices. */
const POINT_BATCH = 5000;
const SHAPE_BATCH = 100;

/** `ST_Transform` of in-memory geometries in batches of this many. */
const TRANSFORM_BATCH = 2000;

/**
 * `<what>_<province or all>_<from or all>_<to or all>_<yyyymmdd of today>.<ext>`, today and
 * instants in Vietnam time.
 * @example exportFilename('seizures', { province: 'lang_son', from: '2024-01-01' }, 'csv', new Date('2024-06-30T18:00:00Z'))
 * // 'seizures_lang_son_2024-01-01_all_20240701.csv'
 */
export function exportFilename(
  what: string,
  given: GivenFilters,
  format: ExportFormat,
  now: Date,
): string {
  const day = (v: string | undefined) => (v ? v.slice(0, 10).replace(/[^0-9-]/g, '') : 'all');
  const today = vietnamDay(now).replaceAll('-', '');
  return `${what}_${given.province || 'all'}_${day(given.from)}_${day(given.to)}_${today}.${format}`;
}

function checkCrs(format: ExportFormat, srid: ExportSrid): void {
  if (srid !== 4326 && !FORMATS[format].metres)
    throw badParameter('crs', 'KML is in WGS 84 longitude/latitude only: use crs=4326');
}

export async function openLayerExport(
  sql: Sql,
  id: string,
  filter: LayerFilter,
  given: GivenFilters,
  options: ExportOptions,
): Promise<ExportDownload> {
  const def = layerDef(id);
  checkCrs(options.format, options.srid);
  const all = await layerFields(sql, def);
  const fields = all.filter((f) => f.name !== 'id');
  const text = fields.filter((f) => f.type === 'string' && f.name !== 'length_km');
  const extent = await exportExtent(
    sql,
    def,
    filter,
    text.map((f) => f.name),
  );
  const schema: ExportSchema = {
    name: id,
    geometryType: def.geometryType,
    idType: id === 'provinces' ? 'string' : 'integer',
    fields: fields.map((f) => ({ ...f, maxBytes: extent.maxBytes[f.name] })),
    srid: options.srid,
  };
  const limit = def.geometryType === 'Point' ? POINT_BATCH : SHAPE_BATCH;
  const filename = exportFilename(id, given, options.format, options.now);
  const read = <T>(fetch: Fetch<T>) =>
    readSlices(extent, schema.idType === 'integer', limit, fetch);
  if (options.format === 'geojson') {
    // PostGIS writes and joins the features; their bytes pass through untouched.
    const pieces = read(async (slice, n) => {
      const batch = await exportGeoJsonBatch(sql, def, filter, options.srid, slice, n);
      return { value: batch.text, n: batch.n, last: batch.last };
    });
    return {
      filename,
      rows: extent.count,
      tlp: extent.tlp,
      contentType: FORMATS.geojson.contentType,
      body: byteStream(writeGeoJsonText(schema, pieces), options.onError),
    };
  }
  const batches = read(async (slice, n) => {
    const rows = await exportBatch(sql, def, filter, options.srid, slice, n);
    return { value: rows, n: rows.length, last: rows.at(-1)?.id ?? null };
  });
  return { ...download(schema, batches, extent.count, filename, options), tlp: extent.tlp };
}

/** Ids in (after, lastId]; `after` null from the first. */
interface Slice {
  after: number | string | null;
  lastId: number | string;
}
type Fetch<T> = (
  slice: Slice,
  limit: number,
) => Promise<{ value: T; n: number; last: number | string | null }>;

/**
 * The matching rows a batch at a time. Whole-number ids are cut into ranges of `width` ids
 * known up front, so the next range is asked for while the client takes the current one (on
 * PostgreSQL another connection of the pool works on it meanwhile); text ids (provinces, a
 * handful of rows) go by keyset, each batch after the last id of the one before.
 */
async function* readSlices<T>(
  extent: { firstId: number | string | null; lastId: number | string | null },
  integerIds: boolean,
  width: number,
  fetch: Fetch<T>,
): AsyncGenerator<T> {
  const { firstId, lastId } = extent;
  if (firstId === null || lastId === null) return;
  if (integerIds) {
    const first = Number(firstId);
    const last = Number(lastId);
    const slices = function* () {
      for (let after = first - 1; after < last; after += width)
        yield { after, lastId: Math.min(after + width, last) };
    };
    for await (const batch of readAhead(slices(), (slice) => fetch(slice, width)))
      if (batch.n > 0) yield batch.value;
    return;
  }
  let after: number | string | null = null;
  for (;;) {
    const batch = await fetch({ after, lastId }, width);
    if (batch.n > 0) yield batch.value;
    if (batch.n < width || batch.last === null) return;
    after = batch.last;
  }
}

/** `fetch` of each item, one started ahead of the one being consumed. */
async function* readAhead<S, T>(items: Iterable<S>, fetch: (item: S) => Promise<T>) {
  const iterator = items[Symbol.iterator]();
  const queue: Promise<T>[] = [];
  const fill = () => {
    while (queue.length < 2) {
      const next = iterator.next();
      if (next.done) return;
      const pending = fetch(next.value);
      // A download cancelled with a fetch in flight must not leave an unhandled rejection.
      pending.catch(() => {});
      queue.push(pending);
    }
  };
  fill();
  while (queue.length > 0) {
    const value = await queue.shift()!;
    fill();
    yield value;
  }
}

function download(
  schema: ExportSchema,
  batches: FeatureBatches,
  rows: number,
  filename: string,
  options: ExportOptions,
): ExportDownload {
  const format = FORMATS[options.format];
  return {
    filename,
    rows,
    contentType: format.contentType,
    body: byteStream(format.write(schema, batches), options.onError),
  };
}

/** In-memory features (hot-spot cells, coverage) in `srid` through PostGIS, a batch at a time. */
async function* transformed(
  sql: Sql,
  features: readonly Feature<Geometry>[],
  srid: ExportSrid,
): FeatureBatches {
  for (let i = 0; i < features.length; i += TRANSFORM_BATCH) {
    const part = features.slice(i, i + TRANSFORM_BATCH);
    const texts = part.map((f) => JSON.stringify(f.geometry));
    const column = sql`ST_SetSRID(ST_GeomFromGeoJSON(g.t), 4326)`;
    const rows = await sql<{ g: string }[]>`
      select ${geometryJson(sql, column, srid)} as g
      from unnest(${texts}::text[]) with ordinality as g(t, n) order by g.n`;
    yield part.map((f, j): ExportFeature => ({
      id: f.id as string | number,
      geometry: rows[j].g,
      properties: JSON.stringify(f.properties ?? {}),
    }));
  }
}

const HOTSPOT_FIELDS: ExportField[] = [
  { name: 'cell_id', type: 'string', maxBytes: 40 },
  { name: 'count', type: 'integer' },
  { name: 'density', type: 'double' },
  { name: 'gi_z', type: 'double' },
  { name: 'gi_p', type: 'double' },
  { name: 'class', type: 'integer' },
];

/** The hex cells of GET /api/hotspots with their figures. */
export async function openHotspotExport(
  sql: Sql,
  query: HotspotQuery,
  given: GivenFilters,
  options: ExportOptions,
): Promise<ExportDownload> {
  checkCrs(options.format, options.srid);
  const result = await hotspots(sql, query);
  const schema: ExportSchema = {
    name: 'hotspots',
    geometryType: 'Polygon',
    idType: 'string',
    fields: HOTSPOT_FIELDS,
    srid: options.srid,
  };
  const features = result.features as Feature<Geometry>[];
  const filename = exportFilename('hotspots', given, options.format, options.now);
  return download(
    schema,
    transformed(sql, features, options.srid),
    features.length,
    filename,
    options,
  );
}

const COVERAGE_FIELDS: ExportField[] = [
  { name: 'feature', type: 'string', maxBytes: 18 },
  { name: 'segment', type: 'string', maxBytes: 40 },
  { name: 'name_vi', type: 'string', maxBytes: 254 },
  { name: 'name_en', type: 'string', maxBytes: 254 },
  { name: 'length_km', type: 'double' },
  { name: 'kind', type: 'string', maxBytes: 16 },
  { name: 'detail', type: 'string', maxBytes: 254 },
];

/** A plan's coverage: its frontier gaps (lines) and the crossings it leaves uncovered (points). */
export async function openCoverageExport(
  sql: Sql,
  planId: number,
  options: ExportOptions,
): Promise<ExportDownload & { province: string }> {
  checkCrs(options.format, options.srid);
  const plan = await getPlan(sql, planId);
  if (!plan) throw notFound(`No patrol plan ${planId}`);
  const result = await coverage(
    sql,
    {
      province: plan.province as Province,
      plan: planId,
      cellM: DEFAULT_CELL_M,
      // The plan's own risk window and categories, as the plan page measures it.
      from: plan.risk_from ?? undefined,
      to: plan.risk_to ?? undefined,
      category: (plan.risk_categories as Category[] | null) ?? undefined,
    },
    options.now,
  );
  const empty = { segment: null, length_km: null, kind: null, detail: null };
  const features: Feature<Geometry>[] = [
    ...result.gaps.features.map((f) => ({
      ...f,
      properties: { ...empty, feature: 'gap', ...f.properties },
    })),
    ...result.crossings.uncovered.features.map((f) => ({
      ...f,
      properties: { ...empty, feature: 'uncovered_crossing', ...f.properties },
    })),
  ].map((f, i) => ({ ...f, id: i + 1 }));
  const schema: ExportSchema = {
    name: 'coverage',
    geometryType: 'Mixed',
    idType: 'integer',
    fields: COVERAGE_FIELDS,
    srid: options.srid,
  };
  const filename = exportFilename(
    `coverage_plan${planId}`,
    { province: plan.province },
    options.format,
    options.now,
  );
  return {
    ...download(
      schema,
      transformed(sql, features, options.srid),
      features.length,
      filename,
      options,
    ),
    province: plan.province,
  };
}
