import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transaction, type Sql } from '../db/client';
import type { ImportLayerId } from '../../domain';
import { generateSeizures, type SeedGeodata } from '../seed/seizures';
import {
  deleteSyntheticSeizures,
  insertSeizures,
  type SeizureInput,
} from '../repositories/seizure-writes';
import { importGeoJson } from './import';

export const GEODATA_DIR = resolve('geodata');

/** Geodata files in load order (provinces first: the others reference them). */
export const GEODATA_FILES: [ImportLayerId, string][] = [
  ['provinces', 'provinces.geojson'],
  ['frontier', 'frontier.geojson'],
  ['border_gates', 'border_gates.geojson'],
  ['waterways', 'waterways.geojson'],
  ['trails', 'trails.geojson'],
];

type Progress = (message: string) => void;

/** Loads (or refreshes, by code) the project's authored geodata through the normal importer. */
export async function loadGeodata(
  sql: Sql,
  progress: Progress = () => {},
  dir = GEODATA_DIR,
): Promise<void> {
  for (const [layer, file] of GEODATA_FILES) {
    const report = await importGeoJson(sql, layer, readFileSync(join(dir, file), 'utf8'));
    if (report.rejected.length) {
      const first = report.rejected[0];
      throw new Error(
        `geodata/${file}: ${report.rejected.length} features rejected, first #${first.index}: ${first.problems.join('; ')}`,
      );
    }
    progress(`Loaded ${file}: ${report.inserted} new, ${report.updated} updated`);
  }
}

export function readSeedGeodata(dir = GEODATA_DIR): SeedGeodata {
  const features = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).features;
  return {
    provinces: features('provinces.geojson'),
    frontier: features('frontier.geojson'),
    gates: features('border_gates.geojson'),
    waterways: features('waterways.geojson'),
    trails: features('trails.geojson'),
  };
}

/**
 * Replaces the synthetic seizures with a fresh seeded set, in batches inside one transaction
 * (a failure leaves the previous set in place). Real, imported seizures are never touched.
 */
export async function seedSeizures(
  sql: Sql,
  options: { count?: number; seed?: number; progress?: Progress } = {},
): Promise<number> {
  const progress = options.progress ?? (() => {});
  const records = generateSeizures(readSeedGeodata(), { count: options.count, seed: options.seed });
  let total = 0;
  await transaction(sql, async (tx) => {
    const removed = await deleteSyntheticSeizures(tx);
    if (removed) progress(`Removed ${removed} earlier synthetic seizures`);
    let batch: SeizureInput[] = [];
    const flush = async () => {
      total += await insertSeizures(tx, batch);
      batch = [];
      if (total % 100_000 === 0 || total < 100_000)
        progress(`Synthetic seizures written: ${total}`);
    };
    for (const r of records) {
      batch.push(r);
      if (batch.length === 5000) await flush();
    }
    if (batch.length) await flush();
  });
  return total;
}
