import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { connect } from '../db/client';
import { prepareSchema } from '../db/prepare';
import { restoreEmbedded } from '../services/backup-embedded';
import { restorePostgres } from '../services/backup-postgres';

const usage = `Usage: npm run restore -- --in FILE

Restores a backup made by npm run backup. Server mode (DATABASE_URL): a pg_dump archive into an
empty database (a superuser creates it with PostGIS first). Embedded: into an empty DATA_DIR,
with the app stopped. Refuses a non-empty target and a file of the other kind.`;

const { values } = parseArgs({ options: { in: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help || !values.in) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const file = resolve(values.in);

try {
  const config = loadConfig();
  const started = Date.now();
  if (config.databaseUrl) {
    // As the owner role when there is one, which then grants the app's role its rights again.
    await restorePostgres(config.migrationDatabaseUrl ?? config.databaseUrl, file);
    if (config.migrationDatabaseUrl) {
      const db = await connect(config);
      try {
        await prepareSchema(config, db);
      } finally {
        await db.close();
      }
    }
  } else {
    await restoreEmbedded(file, {
      dataDir: config.dataDir,
      fsync: config.embeddedFsync,
      progress: (m) => console.error(m),
    });
  }
  console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Restore refused or failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
