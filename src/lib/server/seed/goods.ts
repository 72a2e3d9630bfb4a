/**
 * The goods a synthetic case can carry, per province and category: an English name, a unit, a
 * unit price and a quantity distribution (log-normal around `median`, clamped to [min, max],
 * rounded to `step`). ASSUMPTION throughout: prices are round 2019-2024 domestic market figures
 * (gold about VND 1.6 million a gram, US$ at VND 24,000, yuan at VND 3,450), sizes are those of
 * the small cases 001 describes; the totals that matter are rescaled to the reported figures
 * (see calibration.ts and plan.ts).
 */
import type { Category, Province } from '../../domain';

export interface GoodsItem {
  name: string;
  unit: string;
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
  name: string,
  unit: string,
  price: number,
  median: number,
  sigma: number,
  min: number,
  max: number,
  weight: number,
];

const COUNTED = new Set([
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
  return rows.map(([name, unit, unitPriceVnd, median, sigma, min, max, weight]) => ({
    name,
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
      ['Jet cigarettes (foreign brand)', 'packs', 22_000, 4_000, 0.8, 100, 50_000, 4],
      ['Hero cigarettes (foreign brand)', 'packs', 20_000, 4_000, 0.8, 100, 50_000, 3],
      ['Scott cigarettes (foreign brand)', 'packs', 21_000, 2_000, 0.8, 100, 50_000, 2],
      ['Esse cigarettes (foreign brand)', 'packs', 28_000, 1_000, 0.8, 50, 20_000, 1],
    ]),
    sugar: items([
      ['Thai white sugar', 'kg', 20_000, 2_000, 0.8, 50, 50_000, 3],
      ['Cambodian cane sugar', 'kg', 17_000, 1_500, 0.8, 50, 50_000, 2],
    ]),
    fuel: items([
      ['Diesel oil (DO)', 'litres', 19_000, 1_500, 0.7, 100, 30_000, 3],
      ['Petrol (RON 92)', 'litres', 21_000, 800, 0.7, 50, 20_000, 2],
    ]),
    alcohol: items([
      ['Imported wine', 'bottles', 250_000, 150, 0.8, 10, 5_000, 2],
      ['Foreign-brand beer', 'cans', 14_000, 2_400, 0.8, 100, 50_000, 2],
      ['Foreign-brand whisky', 'bottles', 600_000, 40, 0.8, 5, 1_000, 1],
    ]),
    firecrackers: items([
      ['Firecrackers', 'kg', 400_000, 3.5, 0.6, 0.5, 200, 3],
      ['Fireworks (cake type)', 'kg', 450_000, 4, 0.6, 0.5, 200, 1],
    ]),
    currency: items([['US dollars (cash)', 'USD', 24_000, 8_000, 0.6, 500, 200_000, 1]]),
    gold: items([
      ['Gold bars (unmarked)', 'g', 1_600_000, 2_600, 0.6, 50, 20_000, 3],
      ['Gold jewellery', 'g', 1_500_000, 700, 0.6, 20, 10_000, 1],
    ]),
    cosmetics: items([
      ['Thai cosmetics (creams, lotions)', 'pieces', 80_000, 800, 0.8, 20, 20_000, 2],
      ['Perfume', 'bottles', 300_000, 150, 0.8, 10, 3_000, 1],
    ]),
    textiles: items([
      ['Clothing with foreign labels', 'pieces', 70_000, 900, 0.8, 50, 20_000, 2],
      ['Second-hand clothing', 'kg', 25_000, 1_200, 0.8, 50, 20_000, 1],
    ]),
    agricultural: items([
      ['Cambodian rice', 'kg', 12_000, 3_000, 0.8, 100, 50_000, 2],
      ['Fresh fruit', 'kg', 25_000, 1_000, 0.8, 50, 20_000, 2],
      ['Raw cashew nuts', 'kg', 30_000, 1_500, 0.8, 100, 30_000, 1],
    ]),
    electronics: items([
      ['Mobile phones', 'pieces', 3_500_000, 60, 0.8, 2, 2_000, 2],
      ['Phone accessories', 'pieces', 60_000, 3_000, 0.8, 50, 50_000, 1],
    ]),
    pharmaceuticals: items([
      ['Thai medicines', 'boxes', 60_000, 600, 0.8, 20, 20_000, 2],
      ['Sexual enhancement pills', 'boxes', 150_000, 200, 0.8, 10, 5_000, 1],
    ]),
    drugs: items([
      ['Methamphetamine (crystal)', 'g', 400_000, 300, 0.9, 5, 20_000, 2],
      ['Heroin', 'g', 600_000, 350, 0.8, 5, 10_000, 1],
      ['Synthetic drug pills', 'pills', 100_000, 1_000, 0.9, 10, 50_000, 2],
    ]),
    livestock: items([['Live poultry', 'head', 60_000, 400, 0.7, 20, 10_000, 1]]),
    other: items([['Household goods', 'pieces', 100_000, 250, 0.8, 10, 10_000, 1]]),
  },
  lang_son: {
    agricultural: items([
      ['Chinese apples', 'kg', 25_000, 2_000, 0.8, 50, 50_000, 2],
      ['Chinese pears', 'kg', 22_000, 2_000, 0.8, 50, 50_000, 2],
      ['Garlic', 'kg', 30_000, 1_500, 0.8, 50, 50_000, 2],
      ['Dried mushrooms', 'kg', 150_000, 200, 0.8, 10, 5_000, 1],
    ]),
    electronics: items([
      ['Mobile phones', 'pieces', 2_500_000, 40, 0.8, 2, 2_000, 2],
      ['Phone accessories', 'pieces', 50_000, 2_500, 0.8, 50, 50_000, 2],
      ['Laptops', 'pieces', 10_000_000, 10, 0.7, 1, 500, 1],
      ['Electronic components', 'pieces', 20_000, 5_000, 0.8, 100, 100_000, 1],
    ]),
    textiles: items([
      ['Clothing', 'pieces', 60_000, 1_500, 0.8, 50, 30_000, 3],
      ['Fabric', 'm', 30_000, 3_000, 0.8, 100, 50_000, 1],
      ['Footwear', 'pairs', 100_000, 500, 0.8, 20, 10_000, 2],
    ]),
    cosmetics: items([
      ['Cosmetics (creams, lipstick)', 'pieces', 60_000, 1_000, 0.8, 20, 30_000, 2],
      ['Perfume', 'bottles', 200_000, 200, 0.8, 10, 5_000, 1],
    ]),
    pharmaceuticals: items([
      ['Chinese patent medicines', 'boxes', 50_000, 800, 0.8, 20, 20_000, 2],
      ['Medicinal herbs', 'kg', 120_000, 300, 0.8, 10, 10_000, 2],
    ]),
    counterfeit: items([
      ['Counterfeit-brand handbags', 'pieces', 300_000, 200, 0.8, 10, 5_000, 2],
      ['Counterfeit-brand watches', 'pieces', 400_000, 100, 0.8, 5, 3_000, 1],
      ['Counterfeit-brand footwear', 'pairs', 200_000, 300, 0.8, 10, 10_000, 2],
    ]),
    livestock: items([
      ['Live poultry', 'head', 70_000, 500, 0.8, 20, 20_000, 3],
      ['Live pigs', 'head', 3_500_000, 20, 0.7, 1, 500, 1],
      ['Unquarantined eggs', 'pieces', 3_000, 10_000, 0.8, 500, 300_000, 1],
      ['Frozen offal', 'kg', 40_000, 800, 0.8, 50, 30_000, 1],
    ]),
    wildlife: items([
      ['Pangolin scales', 'kg', 15_000_000, 5, 0.9, 0.5, 500, 1],
      ['Protected live birds', 'head', 500_000, 30, 0.8, 1, 1_000, 1],
      ['Wildlife bones and horns', 'kg', 5_000_000, 8, 0.9, 0.5, 500, 1],
    ]),
    firecrackers: items([
      ['Chinese firecrackers', 'kg', 350_000, 40, 0.8, 1, 2_000, 3],
      ['Fireworks (cake type)', 'kg', 400_000, 30, 0.8, 1, 2_000, 1],
    ]),
    drugs: items([
      ['Heroin', 'g', 600_000, 350, 0.8, 5, 10_000, 2],
      ['Methamphetamine (crystal)', 'g', 400_000, 300, 0.9, 5, 20_000, 1],
      ['Synthetic drug pills', 'pills', 100_000, 1_000, 0.9, 10, 50_000, 1],
    ]),
    cigarettes: items([
      ['Chinese-brand cigarettes', 'packs', 60_000, 500, 0.8, 20, 20_000, 1],
      ['Foreign-brand cigarettes', 'packs', 25_000, 1_000, 0.8, 50, 30_000, 1],
    ]),
    currency: items([['Chinese yuan (cash)', 'CNY', 3_450, 50_000, 0.8, 1_000, 2_000_000, 1]]),
    other: items([
      ['Toys', 'pieces', 40_000, 1_500, 0.8, 50, 30_000, 2],
      ['Auto parts', 'pieces', 500_000, 50, 0.8, 2, 2_000, 1],
      ['Household appliances', 'pieces', 300_000, 80, 0.8, 2, 3_000, 1],
    ]),
  },
};
