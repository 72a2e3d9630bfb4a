import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backupEmbedded } from '../services/backup-embedded';
import { backupPostgres } from '../services/backup-postgres';

const usage = `Usage: npm run backup -- --out FILE

Backs the database up while the app keeps running. Server mode (DATABASE_URL): a pg_dump archive
(custom format). Embedded: a gzip tar of the data directory, taken by the running engine between
two transactions (or by this command, when the app is stopped). FILE is replaced only once the
backup is whole. Restore with: npm run restore -- --in FILE`;

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help || !values.out) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const out = resolve(values.out);

try {
  const config = loadConfig();
  const started = Date.now();
  if (config.databaseUrl) {
    // The owner role, when there is one, reads every table whatever was granted to the app.
    await backupPostgres(config.migrationDatabaseUrl ?? config.databaseUrl, out);
  } else {
    await backupEmbedded(out, {
      dataDir: config.dataDir,
      fsync: config.embeddedFsync,
      progress: (m) => console.error(m),
    });
  }
  console.log(`Backup written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
