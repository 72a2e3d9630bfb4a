import { z } from 'zod';

/**
 * One rule for every piece of text a person or a file gives us: composed to NFC, trimmed of
 * whitespace and invisible characters at both ends, and refused when nothing visible is left or
 * when it holds characters that hide or disguise text (control and bidi characters, ANSI escapes,
 * lone surrogates). Messages name the problem; callers name the field (zod puts it in the path).
 */

export interface TextRules {
  /** Most characters (code points) after normalising. */
  max: number;
  /** Free text of several lines: line breaks and tabs allowed (CRLF stored as LF). */
  multiline?: boolean;
}

export type TextResult = { ok: true; value: string } | { ok: false; problem: string };

// Whitespace, and default-ignorable characters (zero-width space and joiners, BOM, soft hyphen,
// word joiner, Hangul fillers...) except variation selectors and tag characters, which belong to
// the emoji before them. Only at the ends: inside, joiners shape scripts and emoji.
const EDGE =
  '(?:\\s|(?![\\p{Variation_Selector}\\u{E0020}-\\u{E007F}])\\p{Default_Ignorable_Code_Point})+';
const TRIM = new RegExp(`^${EDGE}|${EDGE}$`, 'gu');
const LONE_SURROGATE = /\p{Surrogate}/u;
// Embeddings and overrides (U+202A..U+202E) and isolates (U+2066..U+2069): "Trojan Source".
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
// C0, DEL and C1 (ANSI escapes start with ESC or CSI), plus the Unicode line/paragraph breaks.
const CONTROL_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_MULTILINE = /[^\P{Cc}\n\t]/u;

const codePoint = (ch: string) =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The reason `value` may not be stored as text, ignoring emptiness and length. */
export function refusedCharacter(value: string, multiline = false): string | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone)
    return `contains a lone surrogate (${codePoint(lone[0])}), which is not valid Unicode text`;
  const bidi = BIDI.exec(value);
  if (bidi)
    return `contains a bidirectional control character (${codePoint(bidi[0])}), which can disguise how text reads`;
  const control = (multiline ? CONTROL_MULTILINE : CONTROL_ONE_LINE).exec(value);
  if (control) {
    return `contains a control character (${codePoint(control[0])}); ${
      multiline ? 'only line breaks and tabs are allowed' : 'this field takes one line of text'
    }`;
  }
  return undefined;
}

/**
 * @example normaliseText('\u200B Vie\u0302\u0323t ', { max: 200 }) // => { ok: true, value: 'Việt' }
 */
export function normaliseText(raw: string, rules: TextRules): TextResult {
  // Lone surrogates first: NFC leaves them in place and they would not survive UTF-8.
  const early = LONE_SURROGATE.test(raw) || BIDI.test(raw) ? refusedCharacter(raw) : undefined;
  if (early) return { ok: false, problem: early };
  let value = raw.normalize('NFC').replace(TRIM, '');
  if (rules.multiline) value = value.replace(/\r\n?/g, '\n');
  const problem = refusedCharacter(value, rules.multiline);
  if (problem) return { ok: false, problem };
  if (value === '')
    return {
      ok: false,
      problem: 'must not be empty (spaces and invisible characters do not count)',
    };
  if ([...value].length > rules.max)
    return { ok: false, problem: `must be at most ${rules.max} characters` };
  return { ok: true, value };
}

/** A zod string that outputs the normalised text, or fails with the problem at the field's path. */
export function text(rules: TextRules) {
  return z.string().transform((raw, ctx) => {
    const result = normaliseText(raw, rules);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });
}
