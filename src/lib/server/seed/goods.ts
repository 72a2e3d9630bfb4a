/**
 * The goods a synthetic case can carry, per province and category: a code of the goods
 * catalogue (its Vietnamese and English names, ../../goods-catalogue.ts), a unit code, a unit price and a quantity distribution (log-normal around `median`, clamped to [min, max],
 * rounded to `step`). ASSUMPTION throughout: prices are round 2019-2024 domestic market figures
 * (gold about VND 1.6 million a gram, US$ at VND 24,000, yuan at VND 3,450), sizes are those of
 * the small cases 001 describes; the totals that matter are rescaled to the reported figures
 * (see calibration.ts and plan.ts).
 */
import type { Category, Province } from '../../domain';
import type { GoodsCode, UnitCode } from '../../goods-catalogue';

export interface GoodsItem {
  code: GoodsCode;
  unit: UnitCode;
  unitPriceVnd: number;
  median: number;
  /** Log-normal sigma of the quantity. */
  sigma: number;
  min: number;
  max: number;
  /** Rounding step of the quantity: 1 for counted units, 0.1 for weights and volumes. */
  step: number;
  /** Relative frequency within its category. */
  weight: number;
}

type Row = [
  code: GoodsCode,
  unit: UnitCode,
  price: number,
  median: number,
  sigma: number,
  min: number,
  max: number,
  weight: number,
];

const COUNTED = new Set<UnitCode>([
  'packs',
  'pieces',
  'head',
  'bottles',
  'cans',
  'boxes',
  'pairs',
  'pills',
  'USD',
  'CNY',
  'g',
]);

function items(rows: Row[]): GoodsItem[] {
  return rows.map(([code, unit, unitPriceVnd, median, sigma, min, max, weight]) => ({
    code,
    unit,
    unitPriceVnd,
    median,
    sigma,
    min,
    max,
    step: COUNTED.has(unit) ? 1 : 0.1,
    weight,
  }));
}

export const GOODS: Record<Province, Partial<Record<Category, GoodsItem[]>>> = {
  an_giang: {
    cigarettes: items([
      ['cig_jet', 'packs', 22_000, 4_000, 0.8, 100, 50_000, 4],
      ['cig_hero', 'packs', 20_000, 4_000, 0.8, 100, 50_000, 3],
      ['cig_scott', 'packs', 21_000, 2_000, 0.8, 100, 50_000, 2],
      ['cig_esse', 'packs', 28_000, 1_000, 0.8, 50, 20_000, 1],
    ]),
    sugar: items([
      ['sugar_thai_white', 'kg', 20_000, 2_000, 0.8, 50, 50_000, 3],
      ['sugar_cambodian_cane', 'kg', 17_000, 1_500, 0.8, 50, 50_000, 2],
    ]),
    fuel: items([
      ['diesel', 'litres', 19_000, 1_500, 0.7, 100, 30_000, 3],
      ['petrol_ron92', 'litres', 21_000, 800, 0.7, 50, 20_000, 2],
    ]),
    alcohol: items([
      ['wine_imported', 'bottles', 250_000, 150, 0.8, 10, 5_000, 2],
      ['beer_foreign', 'cans', 14_000, 2_400, 0.8, 100, 50_000, 2],
      ['whisky_foreign', 'bottles', 600_000, 40, 0.8, 5, 1_000, 1],
    ]),
    firecrackers: items([
      ['firecrackers', 'kg', 400_000, 3.5, 0.6, 0.5, 200, 3],
      ['fireworks_cake', 'kg', 450_000, 4, 0.6, 0.5, 200, 1],
    ]),
    currency: items([['usd_cash', 'USD', 24_000, 8_000, 0.6, 500, 200_000, 1]]),
    gold: items([
      ['gold_bars_unmarked', 'g', 1_600_000, 2_600, 0.6, 50, 20_000, 3],
      ['gold_jewellery', 'g', 1_500_000, 700, 0.6, 20, 10_000, 1],
    ]),
    cosmetics: items([
      ['cosmetics_thai', 'pieces', 80_000, 800, 0.8, 20, 20_000, 2],
      ['perfume', 'bottles', 300_000, 150, 0.8, 10, 3_000, 1],
    ]),
    textiles: items([
      ['clothing_foreign_labels', 'pieces', 70_000, 900, 0.8, 50, 20_000, 2],
      ['clothing_second_hand', 'kg', 25_000, 1_200, 0.8, 50, 20_000, 1],
    ]),
    agricultural: items([
      ['rice_cambodian', 'kg', 12_000, 3_000, 0.8, 100, 50_000, 2],
      ['fruit_fresh', 'kg', 25_000, 1_000, 0.8, 50, 20_000, 2],
      ['cashew_raw', 'kg', 30_000, 1_500, 0.8, 100, 30_000, 1],
    ]),
    electronics: items([
      ['mobile_phones', 'pieces', 3_500_000, 60, 0.8, 2, 2_000, 2],
      ['phone_accessories', 'pieces', 60_000, 3_000, 0.8, 50, 50_000, 1],
    ]),
    pharmaceuticals: items([
      ['medicines_thai', 'boxes', 60_000, 600, 0.8, 20, 20_000, 2],
      ['sexual_enhancement_pills', 'boxes', 150_000, 200, 0.8, 10, 5_000, 1],
    ]),
    drugs: items([
      ['methamphetamine', 'g', 400_000, 300, 0.9, 5, 20_000, 2],
      ['heroin', 'g', 600_000, 350, 0.8, 5, 10_000, 1],
      ['synthetic_drug_pills', 'pills', 100_000, 1_000, 0.9, 10, 50_000, 2],
    ]),
    livestock: items([['poultry_live', 'head', 60_000, 400, 0.7, 20, 10_000, 1]]),
    other: items([['household_goods', 'pieces', 100_000, 250, 0.8, 10, 10_000, 1]]),
  },
  lang_son: {
    agricultural: items([
      ['apples_chinese', 'kg', 25_000, 2_000, 0.8, 50, 50_000, 2],
      ['pears_chinese', 'kg', 22_000, 2_000, 0.8, 50, 50_000, 2],
      ['garlic', 'kg', 30_000, 1_500, 0.8, 50, 50_000, 2],
      ['mushrooms_dried', 'kg', 150_000, 200, 0.8, 10, 5_000, 1],
    ]),
    electronics: items([
      ['mobile_phones', 'pieces', 2_500_000, 40, 0.8, 2, 2_000, 2],
      ['phone_accessories', 'pieces', 50_000, 2_500, 0.8, 50, 50_000, 2],
      ['laptops', 'pieces', 10_000_000, 10, 0.7, 1, 500, 1],
      ['electronic_components', 'pieces', 20_000, 5_000, 0.8, 100, 100_000, 1],
    ]),
    textiles: items([
      ['clothing', 'pieces', 60_000, 1_500, 0.8, 50, 30_000, 3],
      ['fabric', 'm', 30_000, 3_000, 0.8, 100, 50_000, 1],
      ['footwear', 'pairs', 100_000, 500, 0.8, 20, 10_000, 2],
    ]),
    cosmetics: items([
      ['cosmetics_creams_lipstick', 'pieces', 60_000, 1_000, 0.8, 20, 30_000, 2],
      ['perfume', 'bottles', 200_000, 200, 0.8, 10, 5_000, 1],
    ]),
    pharmaceuticals: items([
      ['medicines_chinese_patent', 'boxes', 50_000, 800, 0.8, 20, 20_000, 2],
      ['medicinal_herbs', 'kg', 120_000, 300, 0.8, 10, 10_000, 2],
    ]),
    counterfeit: items([
      ['counterfeit_handbags', 'pieces', 300_000, 200, 0.8, 10, 5_000, 2],
      ['counterfeit_watches', 'pieces', 400_000, 100, 0.8, 5, 3_000, 1],
      ['counterfeit_footwear', 'pairs', 200_000, 300, 0.8, 10, 10_000, 2],
    ]),
    livestock: items([
      ['poultry_live', 'head', 70_000, 500, 0.8, 20, 20_000, 3],
      ['pigs_live', 'head', 3_500_000, 20, 0.7, 1, 500, 1],
      ['eggs_unquarantined', 'pieces', 3_000, 10_000, 0.8, 500, 300_000, 1],
      ['offal_frozen', 'kg', 40_000, 800, 0.8, 50, 30_000, 1],
    ]),
    wildlife: items([
      ['pangolin_scales', 'kg', 15_000_000, 5, 0.9, 0.5, 500, 1],
      ['birds_protected_live', 'head', 500_000, 30, 0.8, 1, 1_000, 1],
      ['wildlife_bones_horns', 'kg', 5_000_000, 8, 0.9, 0.5, 500, 1],
    ]),
    firecrackers: items([
      ['firecrackers_chinese', 'kg', 350_000, 40, 0.8, 1, 2_000, 3],
      ['fireworks_cake', 'kg', 400_000, 30, 0.8, 1, 2_000, 1],
    ]),
    drugs: items([
      ['heroin', 'g', 600_000, 350, 0.8, 5, 10_000, 2],
      ['methamphetamine', 'g', 400_000, 300, 0.9, 5, 20_000, 1],
      ['synthetic_drug_pills', 'pills', 100_000, 1_000, 0.9, 10, 50_000, 1],
    ]),
    cigarettes: items([
      ['cig_chinese_brand', 'packs', 60_000, 500, 0.8, 20, 20_000, 1],
      ['cig_foreign_brand', 'packs', 25_000, 1_000, 0.8, 50, 30_000, 1],
    ]),
    currency: items([['cny_cash', 'CNY', 3_450, 50_000, 0.8, 1_000, 2_000_000, 1]]),
    other: items([
      ['toys', 'pieces', 40_000, 1_500, 0.8, 50, 30_000, 2],
      ['auto_parts', 'pieces', 500_000, 50, 0.8, 2, 2_000, 1],
      ['household_appliances', 'pieces', 300_000, 80, 0.8, 2, 3_000, 1],
    ]),
  },
};
