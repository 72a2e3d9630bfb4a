import { createApp, type App } from './api/app';
import { loadConfig, type Config } from './config';
import { connect, type Database } from './db/client';
import { prepareSchema } from './db/prepare';
import { completeFirstStart, type DemoAccount } from './services/first-start';

export interface Runtime {
  app: App;
  db: Database;
  config: Config;
}

let booting: Promise<Runtime> | undefined;

const log = (message: string) => console.log(`[border-risk-map] ${message}`);

/**
 * Starts the process's one database client, brings the schema up to date, loads the demo data
 * into an empty embedded database, and builds the API. Called once; later calls share the result.
 */
export function getRuntime(): Promise<Runtime> {
  booting ??= boot().catch((error) => {
    booting = undefined;
    throw error;
  });
  return booting;
}

async function boot(): Promise<Runtime> {
  const config = loadConfig();
  log(
    config.databaseUrl
      ? 'Connecting to PostgreSQL (DATABASE_URL)...'
      : `Embedded database in ${config.dataDir}`,
  );
  const db = await connect(config, { progress: log });
  const applied = await prepareSchema(config, db);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  if (config.demoData && db.engine === 'pglite') {
    await completeFirstStart(db.sql, { progress: log, announceAccounts: printDemoAccounts });
  }
  const app = createApp({ db, config });
  const close = async () => {
    log('Closing the database...');
    await db.close();
  };
  // adapter-node emits this after it stops accepting requests (SIGINT / SIGTERM).
  process.once('sveltekit:shutdown' as 'beforeExit', close);
  log('Ready.');
  return { app, db, config };
}

/** The demo accounts' passwords are shown this once and stored only as argon2id hashes. */
function printDemoAccounts(users: DemoAccount[]): void {
  const lines = users.map((u) => `  ${u.username.padEnd(18)} ${u.role.padEnd(10)} ${u.password}`);
  console.log(
    [
      '',
      '==================== Demo accounts (shown once; keep them) ====================',
      '  username           role       password',
      ...lines,
      '  They work once the server says Ready; a start stopped before then shows a new set.',
      '  Manage accounts with: npm run user -- list | add | disable | reset-password',
      '================================================================================',
      '',
    ].join('\n'),
  );
}
