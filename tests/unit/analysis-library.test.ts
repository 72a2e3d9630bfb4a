import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as analysis from '../../src/lib/analysis';

const dir = join(import.meta.dirname, '../../src/lib/analysis');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const source = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('the analysis library', () => {
  it('imports nothing but its own files and GeoJSON types (no server, SQL, HTTP, DOM, Svelte)', () => {
    for (const f of files) {
      const specifiers = [...source(f).matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const s of specifiers) expect(s, f).toMatch(/^(\.\/[a-z-]+|geojson)$/);
      expect(source(f), f).not.toMatch(/\b(document|window|fetch)\s*[.(]/);
    }
  });

  it('documents every exported function with an example', () => {
    for (const f of files) {
      const text = source(f);
      for (const m of text.matchAll(/^export function (\w+)/gm)) {
        const before = text.slice(0, m.index);
        const doc = before.slice(before.lastIndexOf('/**'));
        expect(doc.trimEnd().endsWith('*/'), `${f}: ${m[1]} has no doc comment`).toBe(true);
        expect(doc, `${f}: ${m[1]} has no @example`).toContain('@example');
      }
    }
  });

  it('re-exports every exported function from index.ts', () => {
    for (const f of files.filter((name) => name !== 'index.ts')) {
      for (const m of source(f).matchAll(/^export function (\w+)/gm)) {
        expect(typeof (analysis as Record<string, unknown>)[m[1]], `${f}: ${m[1]}`).toBe(
          'function',
        );
      }
    }
  });
});
