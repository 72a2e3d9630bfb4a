/**
 * Colours of the hot-spot hexagons, in one place with the legends that explain them: Gi* classes
 * (a red-blue diverging scale, ColorBrewer RdBu, readable with every common colour-vision
 * deficiency), emerging categories (reds and oranges for hot, blues and teals for cold) and the
 * density ramp (viridis, so density is never mistaken for significance).
 */
import { EMERGING_CATEGORIES, type EmergingCategory } from '$lib/analysis/emerging';

export type Rgba = [number, number, number, number];

/** Gi* classes drawn: hot then cold, strongest first; 0 (not significant) is not drawn. */
export const GI_CLASSES = [3, 2, 1, -1, -2, -3] as const;
export type GiClass = (typeof GI_CLASSES)[number];

export const GI_CLASS_COLOURS: Record<GiClass, string> = {
  3: '#b2182b',
  2: '#e0603f',
  1: '#f4a582',
  [-1]: '#92c5de',
  [-2]: '#4393c3',
  [-3]: '#1d5b9c',
};

/** Confidence of each class, per cent (DESIGN.md section 6). */
export const GI_CONFIDENCE_PCT: Record<GiClass, number> = {
  3: 99,
  2: 95,
  1: 90,
  [-1]: 90,
  [-2]: 95,
  [-3]: 99,
};

/** Hexagons are drawn translucent, so rivers, trails and place names show through. */
export const HEX_FILL_ALPHA = 0.68;

export const EMERGING_COLOURS: Record<EmergingCategory, string> = {
  intensifying_hot: '#7f0010',
  persistent_hot: '#c81e2a',
  consecutive_hot: '#ee5a3a',
  new_hot: '#fb9a7a',
  sporadic_hot: '#e68a00',
  oscillating_hot: '#fcc868',
  diminishing_hot: '#b0641c',
  historical_hot: '#9c7b6e',
  intensifying_cold: '#0b2e6b',
  persistent_cold: '#1f64b0',
  consecutive_cold: '#4f9bd4',
  new_cold: '#a9cfe8',
  sporadic_cold: '#6a51a3',
  oscillating_cold: '#a99fd6',
  diminishing_cold: '#5a7fa8',
  historical_cold: '#8a9aa6',
  no_pattern: '#ffffff',
};

/** The categories a legend lists (no_pattern is not drawn). */
export const EMERGING_DRAWN = EMERGING_CATEGORIES.filter((c) => c !== 'no_pattern');

/** Density classes, low to high (viridis): five, split at the quintiles of the non-zero cells. */
export const DENSITY_RAMP = ['#f5e51f', '#7ad151', '#22a884', '#2a788e', '#414487'] as const;

/** '#rrggbb' with an alpha in 0..1 as deck.gl's 0..255 channels. */
export function rgba(hex: string, alpha = 1): Rgba {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, Math.round(alpha * 255)];
}

/**
 * Fill of a Gi* class, or null for a cell that is not drawn (not significant or unknown).
 * @example giFill(3) // [178, 24, 43, 173]
 */
export function giFill(cls: number): Rgba | null {
  const colour = GI_CLASS_COLOURS[cls as GiClass];
  return colour ? rgba(colour, HEX_FILL_ALPHA) : null;
}

/** Fill of an emerging category, or null for no pattern (not drawn). */
export function emergingFill(category: string | undefined): Rgba | null {
  if (!category || category === 'no_pattern') return null;
  const colour = EMERGING_COLOURS[category as EmergingCategory];
  return colour ? rgba(colour, HEX_FILL_ALPHA) : null;
}

/** Two significant figures: legend bounds a reader takes in at a glance. */
export function roundSignificant(x: number, digits = 2): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}

/**
 * Upper bounds of the lower density classes (per km²): the 20, 40, 60 and 80 % quantiles of the
 * cells with a density above zero, rounded to two significant figures, duplicates dropped.
 * @example densityBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // [2, 4, 6, 8]
 */
export function densityBreaks(densities: ArrayLike<number>): number[] {
  const positive = Array.from(densities)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const b = roundSignificant(positive[Math.max(0, Math.ceil(q * positive.length) - 1)]);
    if (b > 0 && !breaks.includes(b) && b < positive[positive.length - 1]) breaks.push(b);
  }
  return breaks;
}

/** Class of a density under `breaks` (0 = lowest); a density exactly on a bound is below it. */
export function densityClass(density: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && density > breaks[i]) i++;
  return i;
}

/** Fill of a density, or null for zero (not drawn). */
export function densityFill(density: number, breaks: readonly number[]): Rgba | null {
  if (!(density > 0)) return null;
  // With fewer breaks than four, spread the classes over the ramp so the top is still darkest.
  const k = densityClass(density, breaks);
  const index = breaks.length === 0 ? 4 : Math.round((k * 4) / breaks.length);
  return rgba(DENSITY_RAMP[index], HEX_FILL_ALPHA);
}

/** Outline of the hot spot chosen from the list: dark and wide enough to find at a glance. */
export const SELECTED_LINE: Rgba = [17, 24, 39, 255];
export const SELECTED_LINE_PX = 3;

/**
 * Effort statuses drawn (analysis/effort.ts), strongest finding first: more seizures than the
 * patrol effort predicts (magenta, apart from the Gi* reds), as expected (grey), fewer (teal),
 * not enough patrol to tell (pale sand: a cell that is not "cold"). Cells without patrol are
 * not drawn.
 */
export const EFFORT_DRAWN = [
  'more_than_effort',
  'as_expected',
  'less_than_effort',
  'not_enough_patrol',
] as const;
export type EffortDrawn = (typeof EFFORT_DRAWN)[number];

export const EFFORT_COLOURS: Record<EffortDrawn, string> = {
  more_than_effort: '#c51b7d',
  as_expected: '#9e9e9e',
  less_than_effort: '#1b9e77',
  not_enough_patrol: '#f1dca7',
};

/**
 * Fill of an effort status, or null for no patrol (not drawn).
 * @example effortFill('more_than_effort') // [197, 27, 125, 173]
 */
export function effortFill(status: string | undefined): Rgba | null {
  const colour = EFFORT_COLOURS[status as EffortDrawn];
  return colour ? rgba(colour, HEX_FILL_ALPHA) : null;
}
