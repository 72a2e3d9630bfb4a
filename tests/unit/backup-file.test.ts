import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backupKind,
  checkPgliteDump,
  tarEntries,
  writeFileAtomic,
} from '../../src/lib/server/io/backup-file';

/** A ustar archive of the given files, as tar(1) writes it. */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.write(`${Buffer.byteLength(text).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('ustar\0' + '00', 257, 'latin1');
    const body = Buffer.alloc(Math.ceil(Buffer.byteLength(text) / 512) * 512);
    body.write(text, 'latin1');
    blocks.push(header, body);
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe('backup files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brm-backup-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells the two kinds apart by their first bytes', () => {
    expect(backupKind(gzipSync('x'))).toBe('pglite');
    expect(backupKind(Buffer.from('PGDMP\x01\x0e\x00'))).toBe('pg_dump');
    expect(backupKind(Buffer.from('-- SQL dump'))).toBeUndefined();
    expect(backupKind(Buffer.alloc(0))).toBeUndefined();
  });

  it('lists the files of a tar archive with their contents, leading slash dropped', () => {
    const entries = tarEntries(tar({ '/PG_VERSION': '18\n', 'base/1/112': 'x'.repeat(700) }));
    expect([...entries.keys()]).toEqual(['PG_VERSION', 'base/1/112']);
    expect(Buffer.from(entries.get('base/1/112')!).toString()).toBe('x'.repeat(700));
  });

  it('accepts a data directory of the right version only', () => {
    const dump = (version: string) =>
      gzipSync(tar({ '/PG_VERSION': `${version}\n`, '/global/pg_control': 'c' }));
    expect(() => checkPgliteDump(dump('18'), '18')).not.toThrow();
    expect(() => checkPgliteDump(dump('17'), '18')).toThrow(
      'a PostgreSQL 17 data directory; this engine runs 18',
    );
    expect(() => checkPgliteDump(gzipSync(tar({ 'notes.txt': 'hello' })), '18')).toThrow(
      'not of a PostgreSQL data directory',
    );
    expect(() => checkPgliteDump(gzipSync('plain text, not tar'), '18')).toThrow(
      /^not a gzip tar archive/,
    );
  });

  it('replaces a file only with the whole new one, leaving no partial file', () => {
    const file = join(dir, 'backup.tgz');
    writeFileSync(file, 'old');
    writeFileAtomic(file, Buffer.from('new backup'));
    expect(readFileSync(file, 'utf8')).toBe('new backup');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['backup.tgz']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'b.tgz'), Buffer.from('x'))).toThrow();
    expect(readdirSync(dir)).toEqual(['backup.tgz']);
  });
});
