import { parseArgs } from 'node:util';
import { loadGeodata, seedSeizures } from '../services/demo-data';
import { seedPlansAndPatrols } from '../services/demo-patrols';
import { markSetupStep } from '../repositories/setup-steps';
import { withDatabase } from './with-database';

const usage = `Usage: npm run seed -- [--count N] [--seed S] [--no-geodata]

Loads the project's geodata (updating it in place) and replaces the synthetic seizures with N
seeded records (default: the reported case counts, 88 An Giang + 165 Lang Son), then the
synthetic patrol plans and joint patrols (the reported 4,071 + 3,083). Imported, real seizures
and recorded patrols are never touched. Use --count 100000 or 1000000 for benchmarks.`;

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string' },
    'no-geodata': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

const count = values.count === undefined ? undefined : Number(values.count);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (
  values.help ||
  (count !== undefined && !(Number.isInteger(count) && count >= 0 && count <= 5_000_000)) ||
  (seed !== undefined && !Number.isInteger(seed))
) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

await withDatabase(async ({ sql }) => {
  const log = (m: string) => console.log(m);
  const started = Date.now();
  // One transaction, recorded as the first start's steps, so the embedded demo's next start
  // keeps this set instead of loading its default one over it.
  const n = await sql.begin(async (tx) => {
    if (!values['no-geodata']) {
      await loadGeodata(tx, log);
      await markSetupStep(tx, 'geodata');
    }
    const written = await seedSeizures(tx, { count, seed, progress: log });
    await markSetupStep(tx, 'synthetic_seizures');
    // Patrols that led to a seizure are placed around it, so they follow the new seizures.
    const patrolsStarted = Date.now();
    const patrols = await seedPlansAndPatrols(tx, { seed, progress: log });
    await markSetupStep(tx, 'synthetic_patrols');
    const s = ((Date.now() - patrolsStarted) / 1000).toFixed(1);
    log(`Wrote ${patrols.plans} synthetic plans and ${patrols.patrols} joint patrols in ${s} s.`);
    return written;
  });
  console.log(`Wrote ${n} synthetic seizures in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
});
