/**
 * The goods and units vocabulary, in Vietnamese and English. The synthetic generator stores a
 * goods code beside its text (`seizures.goods_code`), and the map shows the name in the page's
 * language; imported records carry free text and are shown as written. Units are stored as the
 * codes below (`packs`, `litres`, ...), so a unit typed the same way in an import is named too.
 * Shared by the server's seed and the browser: data only, no imports.
 */

export interface Names {
  vi: string;
  en: string;
}

export const GOODS_CATALOGUE = {
  // Cigarettes
  cig_jet: { vi: 'Thuốc lá điếu Jet (ngoại)', en: 'Jet cigarettes (foreign brand)' },
  cig_hero: { vi: 'Thuốc lá điếu Hero (ngoại)', en: 'Hero cigarettes (foreign brand)' },
  cig_scott: { vi: 'Thuốc lá điếu Scott (ngoại)', en: 'Scott cigarettes (foreign brand)' },
  cig_esse: { vi: 'Thuốc lá điếu Esse (ngoại)', en: 'Esse cigarettes (foreign brand)' },
  cig_chinese_brand: {
    vi: 'Thuốc lá điếu nhãn hiệu Trung Quốc',
    en: 'Chinese-brand cigarettes',
  },
  cig_foreign_brand: { vi: 'Thuốc lá điếu ngoại', en: 'Foreign-brand cigarettes' },
  // Sugar, fuel, alcohol
  sugar_thai_white: { vi: 'Đường cát trắng Thái Lan', en: 'Thai white sugar' },
  sugar_cambodian_cane: { vi: 'Đường mía Campuchia', en: 'Cambodian cane sugar' },
  diesel: { vi: 'Dầu diesel (DO)', en: 'Diesel oil (DO)' },
  petrol_ron92: { vi: 'Xăng RON 92', en: 'Petrol (RON 92)' },
  wine_imported: { vi: 'Rượu vang ngoại', en: 'Imported wine' },
  beer_foreign: { vi: 'Bia ngoại', en: 'Foreign-brand beer' },
  whisky_foreign: { vi: 'Rượu whisky ngoại', en: 'Foreign-brand whisky' },
  // Firecrackers
  firecrackers: { vi: 'Pháo nổ', en: 'Firecrackers' },
  firecrackers_chinese: { vi: 'Pháo nổ Trung Quốc', en: 'Chinese firecrackers' },
  fireworks_cake: { vi: 'Pháo hoa dạng hộp', en: 'Fireworks (cake type)' },
  // Currency and gold
  usd_cash: { vi: 'Đô la Mỹ (tiền mặt)', en: 'US dollars (cash)' },
  cny_cash: { vi: 'Nhân dân tệ (tiền mặt)', en: 'Chinese yuan (cash)' },
  gold_bars_unmarked: { vi: 'Vàng miếng không nhãn mác', en: 'Gold bars (unmarked)' },
  gold_jewellery: { vi: 'Vàng trang sức', en: 'Gold jewellery' },
  // Consumer goods
  cosmetics_thai: {
    vi: 'Mỹ phẩm Thái Lan (kem, sữa dưỡng)',
    en: 'Thai cosmetics (creams, lotions)',
  },
  cosmetics_creams_lipstick: { vi: 'Mỹ phẩm (kem, son môi)', en: 'Cosmetics (creams, lipstick)' },
  perfume: { vi: 'Nước hoa', en: 'Perfume' },
  clothing: { vi: 'Quần áo', en: 'Clothing' },
  clothing_foreign_labels: {
    vi: 'Quần áo nhãn mác nước ngoài',
    en: 'Clothing with foreign labels',
  },
  clothing_second_hand: { vi: 'Quần áo đã qua sử dụng', en: 'Second-hand clothing' },
  fabric: { vi: 'Vải', en: 'Fabric' },
  footwear: { vi: 'Giày dép', en: 'Footwear' },
  mobile_phones: { vi: 'Điện thoại di động', en: 'Mobile phones' },
  phone_accessories: { vi: 'Phụ kiện điện thoại', en: 'Phone accessories' },
  laptops: { vi: 'Máy tính xách tay', en: 'Laptops' },
  electronic_components: { vi: 'Linh kiện điện tử', en: 'Electronic components' },
  toys: { vi: 'Đồ chơi trẻ em', en: 'Toys' },
  auto_parts: { vi: 'Phụ tùng ô tô', en: 'Auto parts' },
  household_goods: { vi: 'Hàng gia dụng', en: 'Household goods' },
  household_appliances: { vi: 'Đồ điện gia dụng', en: 'Household appliances' },
  // Counterfeits
  counterfeit_handbags: { vi: 'Túi xách giả mạo nhãn hiệu', en: 'Counterfeit-brand handbags' },
  counterfeit_watches: { vi: 'Đồng hồ giả mạo nhãn hiệu', en: 'Counterfeit-brand watches' },
  counterfeit_footwear: { vi: 'Giày dép giả mạo nhãn hiệu', en: 'Counterfeit-brand footwear' },
  // Medicines
  medicines_thai: { vi: 'Thuốc tân dược Thái Lan', en: 'Thai medicines' },
  medicines_chinese_patent: {
    vi: 'Thuốc đông dược thành phẩm Trung Quốc',
    en: 'Chinese patent medicines',
  },
  medicinal_herbs: { vi: 'Dược liệu', en: 'Medicinal herbs' },
  sexual_enhancement_pills: { vi: 'Thuốc cường dương', en: 'Sexual enhancement pills' },
  // Drugs
  methamphetamine: { vi: 'Ma túy đá (methamphetamine)', en: 'Methamphetamine (crystal)' },
  heroin: { vi: 'Heroin', en: 'Heroin' },
  synthetic_drug_pills: { vi: 'Ma túy tổng hợp dạng viên', en: 'Synthetic drug pills' },
  // Farm produce
  rice_cambodian: { vi: 'Gạo Campuchia', en: 'Cambodian rice' },
  fruit_fresh: { vi: 'Trái cây tươi', en: 'Fresh fruit' },
  cashew_raw: { vi: 'Hạt điều thô', en: 'Raw cashew nuts' },
  apples_chinese: { vi: 'Táo Trung Quốc', en: 'Chinese apples' },
  pears_chinese: { vi: 'Lê Trung Quốc', en: 'Chinese pears' },
  garlic: { vi: 'Tỏi', en: 'Garlic' },
  mushrooms_dried: { vi: 'Nấm khô', en: 'Dried mushrooms' },
  // Animals
  poultry_live: { vi: 'Gia cầm sống', en: 'Live poultry' },
  pigs_live: { vi: 'Lợn sống', en: 'Live pigs' },
  eggs_unquarantined: { vi: 'Trứng gia cầm chưa kiểm dịch', en: 'Unquarantined eggs' },
  offal_frozen: { vi: 'Nội tạng động vật đông lạnh', en: 'Frozen offal' },
  pangolin_scales: { vi: 'Vảy tê tê', en: 'Pangolin scales' },
  birds_protected_live: { vi: 'Chim hoang dã quý hiếm (sống)', en: 'Protected live birds' },
  wildlife_bones_horns: {
    vi: 'Xương, sừng động vật hoang dã',
    en: 'Wildlife bones and horns',
  },
} as const satisfies Record<string, Names>;

export type GoodsCode = keyof typeof GOODS_CATALOGUE;

/** A unit's names; `one` is the English singular where it differs (`1 pack`, `2 packs`). */
export interface UnitNames extends Names {
  one?: string;
}

export const UNITS = {
  packs: { vi: 'bao', en: 'packs', one: 'pack' },
  pieces: { vi: 'cái', en: 'pieces', one: 'piece' },
  head: { vi: 'con', en: 'head' },
  bottles: { vi: 'chai', en: 'bottles', one: 'bottle' },
  cans: { vi: 'lon', en: 'cans', one: 'can' },
  boxes: { vi: 'hộp', en: 'boxes', one: 'box' },
  pairs: { vi: 'đôi', en: 'pairs', one: 'pair' },
  pills: { vi: 'viên', en: 'pills', one: 'pill' },
  litres: { vi: 'lít', en: 'litres', one: 'litre' },
  kg: { vi: 'kg', en: 'kg' },
  g: { vi: 'g', en: 'g' },
  m: { vi: 'm', en: 'm' },
  USD: { vi: 'USD', en: 'USD' },
  CNY: { vi: 'nhân dân tệ', en: 'CNY' },
} as const satisfies Record<string, UnitNames>;

export type UnitCode = keyof typeof UNITS;

const own = (table: object, key: unknown): boolean =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);

export function isGoodsCode(value: unknown): value is GoodsCode {
  return own(GOODS_CATALOGUE, value);
}

/** Catalogue names back to codes: synthetic records seeded before `goods_code` have only a name. */
const CODE_BY_NAME = new Map<string, GoodsCode>(
  (Object.entries(GOODS_CATALOGUE) as [GoodsCode, Names][]).flatMap(([code, n]) => [
    [n.en, code],
    [n.vi, code],
  ]),
);

/**
 * The goods of a record in `locale`: the catalogue name for its code, else its own text (a
 * synthetic record's catalogue name is recognised too).
 * @example goodsName({ goods_code: 'cig_jet', goods: 'x' }, 'vi') // 'Thuốc lá điếu Jet (ngoại)'
 */
export function goodsName(
  record: { goods_code?: unknown; goods?: unknown; synthetic?: unknown },
  locale: 'vi' | 'en',
): string | undefined {
  const text = typeof record.goods === 'string' && record.goods.trim() !== '' ? record.goods : '';
  const code = isGoodsCode(record.goods_code)
    ? record.goods_code
    : record.synthetic === true
      ? CODE_BY_NAME.get(text)
      : undefined;
  if (code) return GOODS_CATALOGUE[code][locale];
  return text || undefined;
}

/**
 * A unit in `locale` for `quantity` (the English singular for exactly 1); text that is not a
 * unit code is returned as written.
 * @example unitName('packs', 'vi', 4000) // 'bao'
 */
export function unitName(unit: unknown, locale: 'vi' | 'en', quantity?: number): string {
  if (typeof unit !== 'string') return '';
  if (!own(UNITS, unit)) return unit;
  const names: UnitNames = UNITS[unit as UnitCode];
  return locale === 'en' && quantity === 1 && names.one ? names.one : names[locale];
}
