/**
 * Trims the shipped glyph PBFs (src/lib/assets/fonts) to the characters Vietnamese and English
 * labels use, so a fresh sign-in on a thin link fetches about half the font bytes: the Latin
 * Extended ranges hold hundreds of letters of other languages, of which Vietnamese needs a few.
 * Run after regenerating the full ranges (see the fonts README); running it again changes nothing.
 *
 *   npx tsx scripts/fonts/subset-glyphs.ts
 *
 * A label with a character outside the set draws without that character: the test
 * tests/unit/glyph-coverage.test.ts checks every name in geodata/ is covered.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PbfReader, PbfWriter } from 'pbf';
import { keepGlyph } from '../../src/lib/map/glyph-set';

const FONTS = resolve('src/lib/assets/fonts');

/** The id (code point) of one encoded `glyph` message. */
function glyphId(raw: Uint8Array): number {
  return new PbfReader(raw).readFields(
    (tag, out: { id: number }, pbf) => {
      if (tag === 1) out.id = pbf.readVarint();
    },
    { id: -1 },
  ).id;
}

interface Stack {
  name: string;
  range: string;
  glyphs: Uint8Array[];
}

/** The file's font stacks with only the glyphs `keep` accepts, glyph messages copied as they are. */
export function subsetPbf(file: Uint8Array, keep: (codePoint: number) => boolean): Uint8Array {
  const stacks = new PbfReader(file).readFields((tag, out: Stack[], pbf) => {
    if (tag !== 1) return;
    const stack = pbf.readFields(
      (t, s: Stack, p) => {
        if (t === 1) s.name = p.readString();
        else if (t === 2) s.range = p.readString();
        else if (t === 3) s.glyphs.push(p.readBytes());
      },
      { name: '', range: '', glyphs: [] },
      pbf.readVarint() + pbf.pos,
    );
    out.push(stack);
  }, [] as Stack[]);
  const out = new PbfWriter();
  for (const stack of stacks) {
    out.writeMessage(
      1,
      (s: Stack, w: PbfWriter) => {
        w.writeStringField(1, s.name);
        w.writeStringField(2, s.range);
        for (const g of s.glyphs) if (keep(glyphId(g))) w.writeBytesField(3, g);
      },
      stack,
    );
  }
  return out.finish();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const dir of readdirSync(FONTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(FONTS, dir.name))) {
      if (!name.endsWith('.pbf')) continue;
      const path = join(FONTS, dir.name, name);
      const before = readFileSync(path);
      const after = subsetPbf(before, keepGlyph);
      writeFileSync(path, after);
      console.log(`${dir.name}/${name}: ${before.length} -> ${after.length} bytes`);
    }
  }
}
