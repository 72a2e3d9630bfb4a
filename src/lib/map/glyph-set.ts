/**
 * The characters map labels are drawn with: Basic Latin and Latin-1 (English, and Vietnamese
 * vowels such as â, ê, ô, é), the twelve Vietnamese letters of Latin Extended-A/B, the tone
 * letters of Latin Extended Additional (U+1EA0 to U+1EF9), the combining tone marks (for text
 * that arrives decomposed), and of general punctuation the dashes, quotes, bullets, ellipsis,
 * per mille, primes and the dong and euro signs.
 */
const VIETNAMESE_EXTENDED = new Set([
  0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169, 0x01a0, 0x01a1, 0x01af, 0x01b0,
]);
const COMBINING_TONES = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);
const PUNCTUATION = new Set([0x2030, 0x2032, 0x2033, 0x2039, 0x203a, 0x20ab, 0x20ac]);

/** Whether the shipped glyphs keep code point `cp`. Example: keepGlyph(0x1ec7) (ệ) is true. */
export function keepGlyph(cp: number): boolean {
  return (
    cp <= 0xff ||
    VIETNAMESE_EXTENDED.has(cp) ||
    COMBINING_TONES.has(cp) ||
    (cp >= 0x1ea0 && cp <= 0x1ef9) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    PUNCTUATION.has(cp)
  );
}
