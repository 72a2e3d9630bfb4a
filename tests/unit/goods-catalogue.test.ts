import { describe, expect, it } from 'vitest';
import {
  GOODS_CATALOGUE,
  UNITS,
  goodsName,
  unitName,
  type GoodsCode,
} from '../../src/lib/goods-catalogue';
import { GOODS } from '../../src/lib/server/seed/goods';

const seedItems = Object.values(GOODS).flatMap((byCategory) => Object.values(byCategory).flat());

describe('the goods catalogue', () => {
  it('names every goods item and unit the generator uses, in both languages', () => {
    expect(seedItems.length).toBeGreaterThan(50);
    for (const item of seedItems) {
      expect(GOODS_CATALOGUE[item.code]?.vi, item.code).toBeTruthy();
      expect(GOODS_CATALOGUE[item.code]?.en, item.code).toBeTruthy();
      expect(UNITS[item.unit], item.unit).toBeDefined();
    }
  });

  it('translates every name (only proper names like Heroin read the same)', () => {
    const same = Object.entries(GOODS_CATALOGUE)
      .filter(([, n]) => n.vi === n.en)
      .map(([code]) => code);
    expect(same).toEqual(['heroin']);
  });

  it('gives each code its own Vietnamese and English name, so a name leads back to one code', () => {
    const names = Object.values(GOODS_CATALOGUE);
    expect(new Set(names.map((n) => n.vi)).size).toBe(names.length);
    expect(new Set(names.map((n) => n.en)).size).toBe(names.length);
  });
});

describe('goodsName', () => {
  it('names a catalogued record in the page language, whatever its text', () => {
    const record = { goods_code: 'cig_jet', goods: 'Thuốc lá điếu Jet (ngoại)', synthetic: true };
    expect(goodsName(record, 'vi')).toBe('Thuốc lá điếu Jet (ngoại)');
    expect(goodsName(record, 'en')).toBe('Jet cigarettes (foreign brand)');
  });

  it('recognises a synthetic record seeded with only its English name', () => {
    const old = { goods_code: null, goods: 'Jet cigarettes (foreign brand)', synthetic: true };
    expect(goodsName(old, 'vi')).toBe('Thuốc lá điếu Jet (ngoại)');
  });

  it("keeps an imported record's free text as written, even when it reads like a catalogue name", () => {
    expect(goodsName({ goods: 'Heroin', synthetic: false }, 'en')).toBe('Heroin');
    expect(goodsName({ goods: 'Chinese pears', synthetic: false }, 'vi')).toBe('Chinese pears');
    expect(goodsName({ goods: 'Thuốc lá lậu', goods_code: 'no_such_code' }, 'en')).toBe(
      'Thuốc lá lậu',
    );
    expect(goodsName({ goods: '  ' }, 'vi')).toBeUndefined();
  });

  it('accepts only own codes (not Object.prototype keys)', () => {
    expect(goodsName({ goods_code: 'toString' as GoodsCode }, 'vi')).toBeUndefined();
  });
});

describe('unitName', () => {
  it('names unit codes in the page language', () => {
    expect(unitName('packs', 'vi', 4000)).toBe('bao');
    expect(unitName('packs', 'en', 4000)).toBe('packs');
    expect(unitName('litres', 'vi', 20)).toBe('lít');
    expect(unitName('CNY', 'vi', 50000)).toBe('nhân dân tệ');
    expect(unitName('head', 'vi', 3)).toBe('con');
  });

  it('uses the English singular for exactly one', () => {
    expect(unitName('packs', 'en', 1)).toBe('pack');
    expect(unitName('boxes', 'en', 1)).toBe('box');
    expect(unitName('kg', 'en', 1)).toBe('kg');
    expect(unitName('packs', 'vi', 1)).toBe('bao');
  });

  it('returns other text as written and nothing for no unit', () => {
    expect(unitName('thùng', 'en', 2)).toBe('thùng');
    expect(unitName(null, 'vi')).toBe('');
    expect(unitName('constructor', 'vi')).toBe('constructor');
  });
});
