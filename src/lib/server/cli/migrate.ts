import { loadConfig } from '../config';
import { connect } from '../db/client';
import { migrate } from '../db/migrate';

// `npm run migrate`: apply pending migrations and list them.
const db = await connect(loadConfig(), { progress: (m) => console.error(m), attach: true });
try {
  const applied = await migrate(db.sql);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
