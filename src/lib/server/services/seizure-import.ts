/**
 * Seizure files imported through the API, all or nothing: every record is read and checked
 * (values, then the province outlines and stored case references in PostGIS, a batch at a time),
 * and on a real import each clean batch is inserted as it goes, inside the caller's transaction,
 * which the caller rolls back if any record had a problem. Memory holds one batch, the report
 * and the case references seen so far, never the file.
 */
import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import type { RawRecord, SeizureFile } from '../io/seizure-files';
import { readSeizure, type ParsedSeizure, type Problem } from '../io/seizure-values';
import { loadedProvinceIds } from '../repositories/provinces';
import { provincesAt, storedCaseRefs } from '../repositories/seizure-import-checks';
import { insertSeizures } from '../repositories/seizure-writes';

export const BATCH = 1000;
/** Rows with problems listed in a report; the count of all of them is `total - valid`. */
export const MAX_LISTED_ROWS = 1000;
export const PREVIEW_ROWS = 20;

export interface RowProblems {
  line: number;
  case_ref: string | null;
  problems: Problem[];
}

export type PreviewRecord = Omit<ParsedSeizure, 'province'> & { province: string; source: string };

export interface SeizureImportReport {
  dry_run: boolean;
  filename: string;
  format: 'csv' | 'geojson';
  total: number;
  valid: number;
  inserted: number;
  rows: RowProblems[];
  rows_truncated: boolean;
  preview: PreviewRecord[];
  /** CSV headers that name no field: their cells were not read. */
  ignored_columns: string[];
}

/** A real import refused for its problems: the API answers 422 with the report. */
export class ImportRejected extends ApiError {
  constructor(readonly report: SeizureImportReport) {
    const bad = report.total - report.valid;
    super(
      422,
      'import_rejected',
      `${bad} of ${report.total} records have problems; nothing was imported.`,
      { rows_with_problems: bad },
    );
  }
}

export interface ImportOptions {
  filename: string;
  format: 'csv' | 'geojson';
  /** Insert the records (inside the caller's transaction); false for a dry run. */
  write: boolean;
}

/** Source recorded on every imported row. */
export const importSource = (filename: string) => `import:${filename}`;

export async function importSeizureFile(
  sql: Sql,
  file: SeizureFile,
  options: ImportOptions,
): Promise<SeizureImportReport> {
  const source = importSource(options.filename);
  const report: SeizureImportReport = {
    dry_run: !options.write,
    filename: options.filename,
    format: options.format,
    total: 0,
    valid: 0,
    inserted: 0,
    rows: [],
    rows_truncated: false,
    preview: [],
    ignored_columns: file.ignored,
  };
  const loaded = await loadedProvinceIds(sql);
  const refsInFile = new Set<string>();
  let problemRows = 0;

  const flush = async (batch: RawRecord[]) => {
    const checked = batch.map(({ line, raw }) => {
      const r = readSeizure(raw);
      const problems = r.ok ? [] : [...r.problems];
      const value = r.ok ? r.value : undefined;
      const ref =
        typeof raw.case_ref === 'string' || typeof raw.case_ref === 'number'
          ? String(raw.case_ref).trim() || null
          : null;
      return { line, value, ref: value ? value.case_ref : ref, problems };
    });
    // References: earlier in the file first, then the database.
    const fresh: string[] = [];
    for (const c of checked) {
      if (!c.ref) continue;
      if (refsInFile.has(c.ref)) {
        c.problems.push({
          field: 'case_ref',
          code: 'duplicate_case_ref',
          message: `'${c.ref}' appears earlier in the file`,
        });
      } else {
        refsInFile.add(c.ref);
        fresh.push(c.ref);
      }
    }
    const stored = await storedCaseRefs(sql, fresh);
    const needOutline = checked.filter((c) => c.value && c.value.province === null);
    const found = await provincesAt(
      sql,
      needOutline.map((c) => c.value!),
    );
    needOutline.forEach((c, i) => {
      c.value!.province = found[i];
      if (found[i] === null)
        c.problems.push({
          field: 'province',
          code: 'outside_area',
          message: `(${c.value!.lon}, ${c.value!.lat}) lies in neither province outline; give the province`,
        });
    });
    const clean: PreviewRecord[] = [];
    for (const c of checked) {
      if (c.ref && stored.has(c.ref) && !c.problems.some((p) => p.code === 'duplicate_case_ref'))
        c.problems.push({
          field: 'case_ref',
          code: 'duplicate_case_ref',
          message: `a seizure with case reference '${c.ref}' is already stored`,
        });
      const province = c.value?.province;
      if (province && !loaded.has(province))
        c.problems.push({
          field: 'province',
          code: 'unknown_province',
          message: `the outline of '${province}' is not loaded yet; import the provinces layer first`,
        });
      report.total++;
      if (c.problems.length) {
        problemRows++;
        if (report.rows.length < MAX_LISTED_ROWS)
          report.rows.push({ line: c.line, case_ref: c.ref, problems: c.problems });
        else report.rows_truncated = true;
        continue;
      }
      report.valid++;
      const record = { ...c.value!, province: province!, source };
      clean.push(record);
      if (report.preview.length < PREVIEW_ROWS) report.preview.push(record);
    }
    if (options.write && problemRows === 0) {
      report.inserted += await insertSeizures(
        sql,
        clean.map((r) => ({ ...r, goods_code: null, synthetic: false })),
      );
    }
  };

  let batch: RawRecord[] = [];
  for await (const record of file.records) {
    batch.push(record);
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  if (problemRows > 0) report.inserted = 0;
  return report;
}
