import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PbfReader, PbfWriter } from 'pbf';
import { describe, expect, it } from 'vitest';
import { keepGlyph } from '../../src/lib/map/glyph-set';
import { subsetPbf } from '../../scripts/fonts/subset-glyphs';

const FONTS = resolve('src/lib/assets/fonts');

/** Code points of the glyphs in one PBF file. */
function glyphIds(file: Uint8Array): Set<number> {
  const ids = new Set<number>();
  new PbfReader(file).readFields((tag, _: null, pbf) => {
    if (tag !== 1) return;
    pbf.readFields(
      (t, __: null, p) => {
        if (t !== 3) return;
        p.readFields(
          (g, ___: null, q) => {
            if (g === 1) ids.add(q.readVarint());
          },
          null,
          p.readVarint() + p.pos,
        );
      },
      null,
      pbf.readVarint() + pbf.pos,
    );
  }, null);
  return ids;
}

/** Every glyph each shipped font has, by font folder. */
function shipped(): Map<string, Set<number>> {
  const fonts = new Map<string, Set<number>>();
  for (const dir of readdirSync(FONTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const ids = new Set<number>();
    for (const f of readdirSync(join(FONTS, dir.name))) {
      for (const id of glyphIds(readFileSync(join(FONTS, dir.name, f)))) ids.add(id);
    }
    fonts.set(dir.name, ids);
  }
  return fonts;
}

/** The Vietnamese letters with every tone, both cases, composed (NFC) as the app stores text. */
function vietnameseLetters(): string[] {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));
  return [...letters, ...letters.map((l) => l.toUpperCase()), 'đ', 'Đ', '₫', '–', '“', '”', '…'];
}

/** Every name a map label can show from the shipped geodata (and the offline basemap). */
function geodataNames(): string[] {
  const files = [
    ...readdirSync('geodata')
      .filter((f) => f.endsWith('.geojson'))
      .map((f) => join('geodata', f)),
    'geodata/basemap/offline.geojson',
  ];
  return files.flatMap((f) =>
    (
      JSON.parse(readFileSync(f, 'utf8')) as {
        features: { properties: Record<string, unknown> }[];
      }
    ).features.flatMap((feat) =>
      Object.entries(feat.properties)
        .filter(([k, v]) => /^(name|short_name|label)/.test(k) && typeof v === 'string')
        .map(([, v]) => v as string),
    ),
  );
}

describe('the shipped map glyphs', () => {
  const fonts = shipped();

  it('are the two fonts the style names', () => {
    expect([...fonts.keys()].sort()).toEqual(['noto-sans-bold', 'noto-sans-regular']);
  });

  it('draw every Vietnamese letter with every tone, đ and the dong sign, in both fonts', () => {
    const letters = vietnameseLetters();
    expect(letters).toHaveLength(12 * 6 * 2 + 7);
    for (const [font, ids] of fonts) {
      const missing = letters.filter((l) => !ids.has(l.codePointAt(0)!));
      expect(missing, font).toEqual([]);
    }
  });

  it('draw every character of every name in geodata/', () => {
    const names = geodataNames();
    expect(names.length).toBeGreaterThan(100);
    const chars = new Set([...names.join('')].map((c) => c.codePointAt(0)!));
    for (const [font, ids] of fonts) {
      const missing = [...chars].filter((c) => c > 0x20 && !ids.has(c));
      expect(
        missing.map((c) => String.fromCodePoint(c)),
        font,
      ).toEqual([]);
    }
  });

  it('leave out the other languages of Latin Extended (ł, ř, ǎ, ḁ)', () => {
    for (const ids of fonts.values()) {
      for (const c of ['ł', 'ř', 'ǎ', 'ḁ', '₿', '\u2060'])
        expect(ids.has(c.codePointAt(0)!), c).toBe(false);
      expect(ids.has('ư'.codePointAt(0)!)).toBe(true);
    }
    expect(keepGlyph(0x1ec7)).toBe(true); // ệ
    expect(keepGlyph(0x0142)).toBe(false); // ł
  });
});

describe('subsetPbf', () => {
  it('keeps the chosen glyphs byte for byte, with the stack name and range', () => {
    const glyph = (id: number, bitmap: number[]) => {
      const w = new PbfWriter();
      w.writeVarintField(1, id);
      w.writeBytesField(2, new Uint8Array(bitmap));
      w.writeVarintField(7, 9);
      return w.finish();
    };
    const w = new PbfWriter();
    w.writeMessage(
      1,
      (_: null, s: PbfWriter) => {
        s.writeStringField(1, 'Test Sans');
        s.writeStringField(2, '256-511');
        for (const [id, bytes] of [
          [0x102, [1, 2]],
          [0x142, [3]],
          [0x1af, [4, 5, 6]],
        ] as const) {
          s.writeBytesField(3, glyph(id, [...bytes]));
        }
      },
      null,
    );
    const out = subsetPbf(w.finish(), keepGlyph);
    expect([...glyphIds(out)]).toEqual([0x102, 0x1af]);
    const strings: string[] = [];
    const raws: number[][] = [];
    new PbfReader(out).readFields((tag, _: null, pbf) => {
      if (tag !== 1) return;
      pbf.readFields(
        (t, __: null, p) => {
          if (t === 1 || t === 2) strings.push(p.readString());
          else if (t === 3) raws.push([...p.readBytes()]);
        },
        null,
        pbf.readVarint() + pbf.pos,
      );
    }, null);
    expect(strings).toEqual(['Test Sans', '256-511']);
    expect(raws).toEqual([[...glyph(0x102, [1, 2])], [...glyph(0x1af, [4, 5, 6])]]);
  });
});
