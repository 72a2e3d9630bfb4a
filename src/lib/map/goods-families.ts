/**
 * The seventeen goods categories grouped into six families for the map: seventeen colours
 * cannot be told apart at 8 px, six colours paired with six shapes can, also with colour-blind
 * eyes. The popup and the filters keep the category itself.
 *
 * Colours: the six of the Okabe-Ito, Paul Tol (vibrant, muted) and ColorBrewer Dark2 qualitative
 * sets with the largest smallest CIEDE2000 distance under normal vision, protanopia,
 * deuteranopia and tritanopia (14.5; the seventeen colours before were 2.1 apart), among those
 * dark and saturated enough to stand out on the land colour (tests/unit/map-palette.test.ts).
 */
import { CATEGORIES, type Category } from '$lib/domain';
import type { Shape } from './shapes';

export const GOODS_FAMILIES = [
  'tobacco_alcohol',
  'food_fuel',
  'drugs_medicines',
  'currency_gold',
  'manufactured',
  'prohibited_other',
] as const;
export type GoodsFamily = (typeof GOODS_FAMILIES)[number];

export const CATEGORY_FAMILY: Record<Category, GoodsFamily> = {
  cigarettes: 'tobacco_alcohol',
  alcohol: 'tobacco_alcohol',
  sugar: 'food_fuel',
  fuel: 'food_fuel',
  agricultural: 'food_fuel',
  livestock: 'food_fuel',
  drugs: 'drugs_medicines',
  pharmaceuticals: 'drugs_medicines',
  currency: 'currency_gold',
  gold: 'currency_gold',
  electronics: 'manufactured',
  textiles: 'manufactured',
  cosmetics: 'manufactured',
  counterfeit: 'manufactured',
  firecrackers: 'prohibited_other',
  wildlife: 'prohibited_other',
  other: 'prohibited_other',
};

/** Colour and shape of each family's seizure marks (shape whatever the colouring chosen). */
export const FAMILY_STYLES: Record<GoodsFamily, { colour: string; shape: Shape }> = {
  tobacco_alcohol: { colour: '#882255', shape: 'bar' },
  food_fuel: { colour: '#117733', shape: 'circle' },
  drugs_medicines: { colour: '#ee3377', shape: 'triangle' },
  currency_gold: { colour: '#e69f00', shape: 'diamond' },
  manufactured: { colour: '#7570b3', shape: 'square' },
  prohibited_other: { colour: '#009988', shape: 'star' },
};

/** The family of a category; unknown values (old or imported records) count as "other". */
export function familyOf(category: unknown): GoodsFamily {
  return CATEGORY_FAMILY[category as Category] ?? 'prohibited_other';
}

/**
 * The categories of a family, in the vocabulary's order.
 * @example categoriesOf('currency_gold') // ['currency', 'gold']
 */
export function categoriesOf(family: GoodsFamily): Category[] {
  return CATEGORIES.filter((c) => CATEGORY_FAMILY[c] === family);
}

export const seizureIconId = (family: GoodsFamily): string => `seizure-${family}`;
