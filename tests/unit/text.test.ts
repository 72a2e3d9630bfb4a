import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normaliseText, text } from '../../src/lib/server/text';

const ok = (raw: string, multiline = false) => {
  const r = normaliseText(raw, { max: 200, multiline });
  if (!r.ok) throw new Error(`refused: ${r.problem}`);
  return r.value;
};
const refused = (raw: string, multiline = false) => {
  const r = normaliseText(raw, { max: 200, multiline });
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.value)}`);
  return r.problem;
};

describe('normaliseText', () => {
  it('composes to NFC, so one name is stored one way', () => {
    // "Việt" typed with combining marks (e + circumflex + dot below) becomes the composed form.
    expect(ok('Vie\u0302\u0323t')).toBe('Vi\u1EC7t');
    expect(ok('Vie\u0302\u0323t')).toHaveLength(4);
  });

  it('trims whitespace and invisible characters at both ends', () => {
    expect(ok('\u200B\uFEFF  Đội 1 \u00AD\u200D\u2060\u3000')).toBe('Đội 1');
    expect(ok('\u00A0\t name\u180E')).toBe('name');
  });

  it('keeps invisible joiners inside the text, where scripts and emoji need them', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(ok(`team ${family}`)).toBe(`team ${family}`);
    // A trailing variation selector belongs to the character before it.
    expect(ok('\u2764\uFE0F')).toBe('\u2764\uFE0F');
    // So does the tag sequence that makes a subdivision flag (England).
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(ok(`team ${england}`)).toBe(`team ${england}`);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'spaces'],
    ['\u200B\u200B\u200B', 'zero-width spaces'],
    ['\u200C\u200D\u2060\uFEFF\u00AD', 'joiners, word joiner, BOM and soft hyphen'],
    ['\u3164\u115F', 'Hangul fillers'],
  ])('refuses %j (%s) as empty', (raw) => {
    expect(refused(raw)).toBe('must not be empty (spaces and invisible characters do not count)');
  });

  it.each([
    ['\u202A', 'x\u202Ay'],
    ['\u202B', 'x\u202By'],
    ['\u202C', 'x\u202Cy'],
    ['\u202D', 'x\u202Dy'],
    ['\u202E', 'invoice\u202Efdp.exe'],
    ['\u2066', '\u2066x'],
    ['\u2067', 'x\u2067'],
    ['\u2068', 'x\u2068y'],
    ['\u2069', 'x\u2069'],
  ])('refuses the bidi control %j anywhere, even at an end', (ch, raw) => {
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`;
    expect(refused(raw)).toBe(
      `contains a bidirectional control character (${code}), which can disguise how text reads`,
    );
  });

  it.each([
    ['\u001B[31mred\u001B[0m', 'U+001B'],
    ['bell\u0007', 'U+0007'],
    ['a\u0000b', 'U+0000'],
    ['del\u007F', 'U+007F'],
    ['\u009B31m C1 CSI', 'U+009B'],
    ['next\u0085line', 'U+0085'],
    ['two\nlines', 'U+000A'],
    ['tab\there', 'U+0009'],
    ['para\u2029graph', 'U+2029'],
  ])('refuses control characters in one-line text: %j', (raw, code) => {
    expect(refused(raw)).toBe(
      `contains a control character (${code}); this field takes one line of text`,
    );
  });

  it('allows line breaks and tabs in multi-line text only, with CRLF made LF', () => {
    expect(ok('line 1\r\n\tline 2\rline 3\n', true)).toBe('line 1\n\tline 2\nline 3');
    expect(refused('a\u001Bb', true)).toBe(
      'contains a control character (U+001B); only line breaks and tabs are allowed',
    );
  });

  it('refuses lone surrogates but not the pairs that make astral characters', () => {
    expect(refused('a\uD800b')).toBe(
      'contains a lone surrogate (U+D800), which is not valid Unicode text',
    );
    expect(refused('\uDFFF')).toBe(
      'contains a lone surrogate (U+DFFF), which is not valid Unicode text',
    );
    expect(ok('\u{1F6A4} boat')).toBe('\u{1F6A4} boat');
  });

  it('counts characters, not UTF-16 units, against the maximum', () => {
    expect(normaliseText('\u{1F6A4}'.repeat(3), { max: 3 })).toEqual({
      ok: true,
      value: '\u{1F6A4}'.repeat(3),
    });
    expect(normaliseText('abcd', { max: 3 })).toEqual({
      ok: false,
      problem: 'must be at most 3 characters',
    });
  });
});

describe('text() in a zod schema', () => {
  const schema = z.object({ name: text({ max: 10 }), note: text({ max: 50, multiline: true }) });

  it('outputs the normalised value', () => {
    expect(schema.parse({ name: ' A\u200B ', note: 'x\r\ny' })).toEqual({
      name: 'A',
      note: 'x\ny',
    });
  });

  it('names the field in the issue', () => {
    const r = schema.safeParse({ name: '\u200B', note: 'ok' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'must not be empty (spaces and invisible characters do not count)'],
    ]);
  });

  it('still refuses a value that is not a string', () => {
    const r = schema.safeParse({ name: 5, note: 'ok' });
    expect(r.error!.issues[0].path).toEqual(['name']);
  });
});
