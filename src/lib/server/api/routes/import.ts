import { Hono } from 'hono';
import { badParameter, badRequest } from '../../errors';
import { openSeizureCsv, openSeizureGeoJson } from '../../io/seizure-files';
import { importSeizureFile, ImportRejected } from '../../services/seizure-import';
import { normaliseText } from '../../text';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import type { AppEnv, RouteDeps } from '../types';

/** The file's name as given: its last path segment, plain text of at most 200 characters. */
function filenameOf(raw: string | undefined, format: 'csv' | 'geojson'): string {
  if (raw === undefined || raw.trim() === '') return `upload.${format}`;
  const base = raw.split(/[\\/]/).pop() ?? '';
  const r = normaliseText(base, { max: 200 });
  if (!r.ok) throw badParameter('filename', r.problem);
  return r.value;
}

/** A file with no record is refused: a GeoJSON that is no FeatureCollection reads as one. */
function nonEmpty<R extends { total: number; format: string }>(report: R): R {
  if (report.total > 0) return report;
  throw badRequest(
    report.format === 'csv'
      ? 'The CSV file holds a header but no records.'
      : 'The file holds no features: expected a GeoJSON FeatureCollection of Points.',
  );
}

function dryRunOf(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw badParameter('dry_run', "must be 'true' or 'false'");
}

/**
 * POST /api/import/seizures?dry_run=true|false&filename=<name>, the file as the body (text/csv,
 * or application/geo+json / application/json). The body arrives through middleware/upload-spool.
 * A dry run (the default) answers 200 with the report; a real import 201 with it, or 422 with it
 * and nothing written when any record has a problem.
 */
export function importRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const mayImport = requirePermission('import', deps.auditDenied);

  return new Hono<AppEnv>().post('/import/seizures', mayImport, async function importSeizures(c) {
    const q = readQuery(c, ['dry_run', 'filename']);
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const format = type === 'text/csv' ? 'csv' : 'geojson';
    const filename = filenameOf(q.filename, format);
    const dryRun = dryRunOf(q.dry_run);
    const upload = c.get('upload');
    if (!upload || upload.bytes === 0)
      throw badRequest('Send the file as the request body (text/csv or application/geo+json).');
    const open = () => (format === 'csv' ? openSeizureCsv : openSeizureGeoJson)(upload.path);

    if (dryRun) {
      const report = await importSeizureFile(sql, await open(), { filename, format, write: false });
      return c.json(nonEmpty(report));
    }
    try {
      const report = await deps.auditedWrite(
        c,
        { action: 'seizure.import', target: 'seizures' },
        async (tx) => {
          const r = nonEmpty(
            await importSeizureFile(tx, await open(), { filename, format, write: true }),
          );
          if (r.valid < r.total) throw new ImportRejected(r);
          return r;
        },
        (r) => ({ filename, format, rows: r.inserted, bytes: upload.bytes }),
      );
      return c.json(report, 201);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      const { code, message, details } = error;
      return c.json({ ...error.report, error: { code, message, details } }, 422);
    }
  });
}
