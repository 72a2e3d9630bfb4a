import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_LAYER_IDS, isOneOf } from '../../domain';
import { importGeoJson } from '../services/import';
import { withDatabase } from './with-database';

const usage = `Usage: npm run import -- <file.geojson> --layer <${IMPORT_LAYER_IDS.join('|')}> [--dry-run]

Loads a GeoJSON FeatureCollection (WGS 84 lon/lat) into a layer. Every feature is checked first;
if any is rejected nothing is written and each rejection is listed. Reference layers
(frontier, border_gates, waterways, trails) update features whose id/code already exists.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { layer: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
});

if (values.help || positionals.length !== 1 || !isOneOf(IMPORT_LAYER_IDS, values.layer)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const [file] = positionals;
const layer = values.layer;

await withDatabase(async ({ sql }) => {
  const report = await importGeoJson(sql, layer, readFileSync(file, 'utf8'), {
    dryRun: values['dry-run'],
    source: `import:${basename(file)}`,
  });
  console.log(
    `${file} -> ${layer}: ${report.total} features, ${report.accepted} valid, ${report.rejected.length} rejected`,
  );
  for (const r of report.rejected.slice(0, 50)) {
    console.log(`  #${r.index}${r.ref ? ` (${r.ref})` : ''}: ${r.problems.join('; ')}`);
  }
  if (report.rejected.length > 50) console.log(`  ... and ${report.rejected.length - 50} more`);
  if (report.rejected.length) {
    console.log('Nothing was written.');
    return false;
  }
  if (report.dryRun) console.log('Dry run: nothing was written.');
  else console.log(`Written: ${report.inserted} inserted, ${report.updated} updated.`);
  return true;
});
