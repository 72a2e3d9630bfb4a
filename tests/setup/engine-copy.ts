import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CONTROL_SOCKET, requestDump } from '../../src/lib/server/db/engine-control';
import { writeFileAtomic } from '../../src/lib/server/io/backup-file';
import { restoreEmbedded } from '../../src/lib/server/services/backup-embedded';

/**
 * A private data directory with PostGIS, for tests that start an engine of their own: a copy
 * of a template restored once from a dump of the run's engine (initdb and PostGIS would take
 * half a minute each time). The template is kept beside the test data for later runs.
 */
export async function copyOfTestEngine(): Promise<string> {
  const dataDir = inject('dataDir');
  if (!dataDir) throw new Error('copyOfTestEngine needs the embedded test engine');
  const template = `${dataDir}-template`;
  if (!existsSync(join(template, 'pgdata', 'PG_VERSION'))) {
    rmSync(template, { recursive: true, force: true });
    const work = mkdtempSync(join(tmpdir(), 'brm-dump-'));
    writeFileAtomic(join(work, 'engine.tgz'), await requestDump(join(dataDir, CONTROL_SOCKET)));
    await restoreEmbedded(join(work, 'engine.tgz'), { dataDir: template, fsync: false });
    rmSync(work, { recursive: true });
  }
  const copy = mkdtempSync(join(tmpdir(), 'brm-engine-'));
  cpSync(template, copy, { recursive: true });
  return copy;
}
