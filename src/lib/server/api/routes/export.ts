import { Hono, type Context } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { HOTSPOT_PARAMS, hotspotQuery } from '../hotspot-params';
import * as p from '../params';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS, seizureFilter } from '../seizure-filter';
import { ApiError, badParameter, notFound } from '../../errors';
import { splitExportName } from '../../io/export/formats';
import { attachment } from '../../io/csv-safe';
import * as exports from '../../services/export';
import type { ExportDownload } from '../../services/export';
import { layerDef } from '../../services/layers';
import type { ExportSrid } from '../../io/export/types';
import { requestViewer } from '../viewer';

const LAYER_PARAMS = [...SEIZURE_FILTER_PARAMS, 'bbox', 'crs'] as const;

/** `crs`: 4326 (default, longitude/latitude) or 3405 (VN-2000 / UTM 48N metres). */
function sridOf(value: string | undefined): ExportSrid {
  if (value === undefined || value === '' || value === '4326') return 4326;
  if (value === '3405') return 3405;
  throw badParameter('crs', 'must be 4326 (WGS 84) or 3405 (VN-2000 / UTM 48N)');
}

/**
 * Downloads (DESIGN.md section 7): `/export/{layer}.{format}` with the layer filters,
 * `/export/hotspots.{format}` with the query of /api/hotspots and `/export/coverage.{format}?plan=`.
 * Every download is audited before its first byte leaves, with its size.
 */
export function exportRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const allowed = requirePermission('export', deps.auditDenied);
  const logError = deps.logError ?? ((e: unknown, id: string) => console.error(`[${id}]`, e));

  async function send(
    c: Context<AppEnv>,
    target: string,
    details: Record<string, unknown>,
    open: () => Promise<ExportDownload>,
  ) {
    const record = { action: 'export.download', target };
    let file: ExportDownload;
    try {
      file = await open();
    } catch (error) {
      if (error instanceof ApiError) {
        const failed = { ...details, status: error.status, code: error.code };
        await deps.audit(c, { ...record, outcome: 'failed', details: failed });
      }
      throw error;
    }
    await deps.audit(c, { ...record, outcome: 'ok', details: { ...details, rows: file.rows } });
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'content-disposition': attachment(file.filename),
      'x-number-matched': String(file.rows),
      'access-control-expose-headers': 'X-Number-Matched, Content-Disposition, X-TLP',
    };
    // The strictest Traffic Light Protocol marking in the file, as TLP 2.0 writes it.
    if (file.tlp) headers['x-tlp'] = `TLP:${file.tlp.toUpperCase()}`;
    return c.body(file.body, 200, headers);
  }

  return new Hono<AppEnv>().get('/export/:file', allowed, async function exportDownload(c) {
    const name = splitExportName(c.req.param('file'));
    if (!name)
      throw notFound(
        'No such export: name a layer, hotspots or coverage and a format (geojson, fgb, kml, csv, shp.zip)',
      );
    const [what, format] = name;
    const options = () => ({
      format,
      now: deps.now(),
      onError: (e: unknown) => logError(e, c.get('requestId')),
    });

    if (what === 'hotspots') {
      const q = readQuery(c, [...HOTSPOT_PARAMS, 'crs']);
      const srid = sridOf(q.crs);
      const query = hotspotQuery(q);
      const details = { layer: 'hotspots', format, crs: srid, filters: q };
      return send(c, 'hotspots', details, () =>
        exports.openHotspotExport(sql, query, q, { ...options(), srid }),
      );
    }
    if (what === 'coverage') {
      const q = readQuery(c, ['plan', 'crs']);
      const srid = sridOf(q.crs);
      if (!q.plan) throw p.missing('plan', 'the id of the patrol plan');
      const plan = p.integer('plan', q.plan, 1, p.INT4_MAX, 0);
      const details = { layer: 'coverage', format, crs: srid, filters: q };
      return send(c, `coverage/plan/${plan}`, details, () =>
        exports.openCoverageExport(sql, plan, { ...options(), srid }),
      );
    }
    layerDef(what); // 404 for an unknown layer before complaining about its parameters
    const q = readQuery(c, LAYER_PARAMS);
    const srid = sridOf(q.crs);
    // The reports layer holds only what the caller may see.
    const filter = { ...seizureFilter(q), bbox: p.bbox(q.bbox), viewer: requestViewer(c) };
    const details = { layer: what, format, crs: srid, filters: q };
    return send(c, what, details, () =>
      exports.openLayerExport(sql, what, filter, q, { ...options(), srid }),
    );
  });
}
