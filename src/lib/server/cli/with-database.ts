import { loadConfig } from '../config';
import { connect, type Database } from '../db/client';
import { prepareSchema } from '../db/prepare';

/**
 * Runs a command-line task against the configured database (schema brought up to date first),
 * closes it however the task ends, and sets the exit code: 0 done, 1 refused or failed. On the
 * embedded engine, a running app's engine is used through its socket.
 */
export async function withDatabase(task: (db: Database) => Promise<boolean | void>): Promise<void> {
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await connect(config, { progress: (m) => console.error(m), attach: true });
    await prepareSchema(config, db);
    const ok = await task(db);
    process.exitCode = ok === false ? 1 : 0;
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db?.close();
  }
}
