import type { Weight } from './fair-queue';

/** A layer page larger than this many features counts as heavy. */
export const HEAVY_FEATURES = 1000;

/**
 * Reads that scan up to their cap of rows whatever the page size: audit exports and groups, the
 * stats (every matching seizure aggregated) and the hot-spot analyses (every matching seizure
 * binned, a grid of up to 50,000 cells) and effort (every patrol of the window clipped to it).
 */
const HEAVY_PATHS =
  /^\/api\/(audit\/(export\.csv|groups)|stats|effort|hotspots(\/(emerging|forecast))?)\/?$/;
/** Downloads: `/api/export/{layer|hotspots|coverage}.{format}`. */
const EXPORT = /^\/api\/export\/[^/]+$/;
/** Suggestions: the risk surface of a province and a greedy pass over every candidate piece. */
const SUGGEST = /^\/api\/plans\/\d+\/suggest\/?$/;
/** Every seizure of a province as binary columns: up to a million rows whatever the query. */
const SEIZURE_POINTS = /^\/api\/seizures\/points\/?$/;
/** The seizure records table: every matching record counted and sorted, whatever the page. */
const SEIZURE_TABLE = /^\/api\/seizures\/?$/;

/**
 * How much database work a request will ask for, judged from what it names before it runs:
 * big pages of a layer, all seizure points and whole-log audit reads are heavy, everything else is light. New
 * costly routes add a rule here.
 * @example requestWeight('GET', '/api/layers/seizures', new URLSearchParams('limit=10000')) // 'heavy'
 */
export function requestWeight(
  method: string,
  path: string,
  query: URLSearchParams,
  defaultLimit: number,
): Weight {
  // OGC API items pages are layer pages by another name.
  if (
    method === 'GET' &&
    (/^\/api\/layers\/[a-z_]+\/?$/.test(path) ||
      /^\/api\/ogc\/collections\/[a-z_]+\/items\/?$/.test(path))
  ) {
    const limit = Number(query.get('limit') ?? defaultLimit);
    return !Number.isFinite(limit) || limit > HEAVY_FEATURES ? 'heavy' : 'light';
  }
  // Patrol tracks hold up to 10,000 positions each: a big page is a lot of geometry.
  if (method === 'GET' && /^\/api\/patrols\/?$/.test(path)) {
    const limit = Number(query.get('limit') ?? 100);
    return !Number.isFinite(limit) || limit > 200 ? 'heavy' : 'light';
  }
  if (
    method === 'GET' &&
    (HEAVY_PATHS.test(path) || SEIZURE_POINTS.test(path) || SEIZURE_TABLE.test(path))
  )
    return 'heavy';
  // A download reads every matching row (or runs the hot-spot or coverage analysis first).
  if (method === 'GET' && EXPORT.test(path)) return 'heavy';
  if (method === 'POST' && SUGGEST.test(path)) return 'heavy';
  // Coverage buffers and unions up to 200 routes and measures every matching seizure against them.
  if (method === 'POST' && /^\/api\/coverage\/?$/.test(path)) return 'heavy';
  // Report flags bin a year of the province's seizures for Gi* and measure reports against routes.
  if (method === 'POST' && /^\/api\/reports\/flags\/?$/.test(path)) return 'heavy';
  // An import reads, checks and may insert a whole file (up to MAX_IMPORT_BYTES).
  if (method === 'POST' && /^\/api\/import\/[a-z_]+\/?$/.test(path)) return 'heavy';
  // The briefing runs the hot-spot, trend and forecast analyses in one request.
  if (method === 'GET' && /^\/api\/briefing\/?$/.test(path)) return 'heavy';
  return 'light';
}
