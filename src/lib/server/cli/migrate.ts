import { loadConfig } from '../config';
import { connect } from '../db/client';
import { prepareSchema } from '../db/prepare';

// `npm run migrate`: apply pending migrations (as MIGRATION_DATABASE_URL's owner role when set,
// which then grants DATABASE_URL's role its rights) and list them. A running embedded engine is
// reached through its socket.
const config = loadConfig();
const db = await connect(config, { progress: (m) => console.error(m), attach: true });
try {
  const applied = await prepareSchema(config, db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
