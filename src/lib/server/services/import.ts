import { transaction, type Sql } from '../db/client';
import type { ImportLayerId } from '../../domain';
import { parseGeoJson, refOf, type Rejection } from '../io/geojson-import';
import type { GeometryLimits } from '../io/geometry-check';
import { checkGeometries, writeFeatures } from '../repositories/feature-writes';
import { loadedProvinceIds } from '../repositories/provinces';

export interface ImportReport {
  layer: ImportLayerId;
  total: number;
  accepted: number;
  rejected: Rejection[];
  /** Rows written; zero when anything was rejected or on a dry run. */
  inserted: number;
  updated: number;
  dryRun: boolean;
}

const BATCH = 2000;

/**
 * Imports GeoJSON text into a layer, all or nothing: every feature is checked (structure,
 * ranges, properties, then validity in PostGIS), and only if none is rejected are they written,
 * in one transaction. The report lists each rejected feature with its reasons.
 */
export async function importGeoJson(
  sql: Sql,
  layer: ImportLayerId,
  text: string,
  options: { dryRun?: boolean; limits?: GeometryLimits; source?: string } = {},
): Promise<ImportReport> {
  const { features, rejected } = parseGeoJson(text, layer, options.limits);
  const total = features.length + rejected.length;

  if (layer === 'seizures') {
    for (const f of features) f.row.source ??= options.source ?? 'import';
  }
  const provinces = layer === 'provinces' ? undefined : await loadedProvinceIds(sql);
  for (let start = 0; start < features.length; start += BATCH) {
    const batch = features.slice(start, start + BATCH);
    const verdicts = await checkGeometries(
      sql,
      batch.map((f) => f.geometry),
    );
    verdicts.forEach((v, i) => {
      const f = batch[i];
      const problems: string[] = [];
      if (!v.valid) problems.push(`invalid geometry: ${v.reason}`);
      if (layer === 'seizures' && !f.row.province) {
        if (v.province) f.row.province = v.province;
        else problems.push('province: not given, and the point lies in neither province outline');
      }
      const province = f.row.province;
      if (provinces && typeof province === 'string' && !provinces.has(province)) {
        problems.push(
          `province: '${province}' has no outline loaded yet; import the provinces layer first`,
        );
      }
      if (problems.length) rejected.push({ index: f.index, ref: refOf(f.row), problems });
    });
  }
  rejected.sort((a, b) => a.index - b.index);

  const report: ImportReport = {
    layer,
    total,
    accepted: total - rejected.length,
    rejected,
    inserted: 0,
    updated: 0,
    dryRun: options.dryRun ?? false,
  };
  if (rejected.length > 0 || report.dryRun || total === 0) return report;

  await transaction(sql, async (tx) => {
    for (let start = 0; start < features.length; start += BATCH) {
      const counts = await writeFeatures(tx, layer, features.slice(start, start + BATCH));
      report.inserted += counts.inserted;
      report.updated += counts.updated;
    }
  });
  return report;
}
