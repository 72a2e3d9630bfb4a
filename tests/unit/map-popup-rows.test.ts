import { describe, expect, it } from 'vitest';
import type { PickedFeature } from '../../src/lib/map/pick';
import { accuracyText, popupView } from '../../src/lib/map/popup-rows';

const NBSP = '\u00a0';

const seizure: PickedFeature = {
  layer: 'seizures',
  key: 'seizures/17',
  lngLat: [105.123449, 10.705371],
  properties: {
    occurred_at: '2024-03-05T20:07:00+00:00',
    province: 'an_giang',
    category: 'cigarettes',
    goods: 'Thuốc lá điếu Jet (ngoại)',
    goods_code: 'cig_jet',
    quantity: 4000,
    unit: 'packs',
    value_vnd: 88_000_000,
    subjects: 2,
    transport_mode: 'boat',
    lead_agency: 'border_guard',
    case_ref: 'SYN-AG-2024-0012',
    source: 'synthetic-demo',
    synthetic: true,
  },
};

const rowsOf = (f: PickedFeature, locale: 'vi' | 'en') =>
  Object.fromEntries(popupView(f, locale).rows.map((r) => [r.key, r.value]));

describe('a seizure popup', () => {
  it('reads in Vietnamese: goods, unit, dong, time of day in Vietnam, a readable source', () => {
    const view = popupView(seizure, 'vi');
    expect(view.title).toBe('Thuốc lá điếu Jet (ngoại)');
    expect(view.synthetic).toBe(true);
    expect(view.reference).toBeUndefined();
    expect(rowsOf(seizure, 'vi')).toEqual({
      'popup.time': '06/03/2024 03:07',
      'popup.category': 'Thuốc lá',
      'popup.quantity': '4.000 bao',
      'popup.value': `88.000.000${NBSP}₫`,
      'popup.subjects': '2',
      'popup.transport': 'Tàu, thuyền',
      'popup.agency': 'Biên phòng',
      'popup.caseRef': 'SYN-AG-2024-0012',
      'popup.source': 'Dữ liệu mô phỏng',
      'popup.province': 'An Giang',
      'popup.coordinates': '10.70537, 105.12345',
    });
  });

  it('reads in English with a decimal point and English goods and units', () => {
    const view = popupView(seizure, 'en');
    expect(view.title).toBe('Jet cigarettes (foreign brand)');
    const rows = rowsOf(seizure, 'en');
    expect(rows['popup.time']).toBe('06/03/2024 03:07');
    expect(rows['popup.quantity']).toBe('4,000 packs');
    expect(rows['popup.value']).toBe(`VND${NBSP}88,000,000`);
    expect(rows['popup.source']).toBe('Synthetic demo data');
    expect(rows['popup.transport']).toBe('Boat');
    expect(rows['popup.coordinates']).toBe('10.70537, 105.12345');
  });

  it('offers the coordinates to copy', () => {
    const row = popupView(seizure, 'vi').rows.find((r) => r.key === 'popup.coordinates');
    expect(row?.copy).toBe('10.70537, 105.12345');
  });

  it("shows an imported record's own goods, unit and source text", () => {
    const imported: PickedFeature = {
      ...seizure,
      properties: {
        ...seizure.properties,
        goods: 'Thuốc lá ngoại nhập lậu',
        goods_code: null,
        unit: 'cây',
        quantity: 12.5,
        source: 'Đồn BP Vĩnh Xương',
        synthetic: false,
      },
    };
    const view = popupView(imported, 'en');
    expect(view.title).toBe('Thuốc lá ngoại nhập lậu');
    expect(view.synthetic).toBe(false);
    const rows = rowsOf(imported, 'en');
    expect(rows['popup.quantity']).toBe('12.5 cây');
    expect(rows['popup.source']).toBe('Đồn BP Vĩnh Xương');
    // The importer's default source is a code too: it reads as words.
    const fromFile: PickedFeature = {
      ...imported,
      properties: { ...imported.properties, source: 'import' },
    };
    expect(rowsOf(fromFile, 'vi')['popup.source']).toBe('Nhập từ tệp');
    expect(rowsOf(fromFile, 'en')['popup.source']).toBe('Imported file');
  });

  it('falls back to the category when a record names no goods', () => {
    const bare: PickedFeature = {
      ...seizure,
      lngLat: null,
      properties: { ...seizure.properties, goods: null, goods_code: null, quantity: null },
    };
    const view = popupView(bare, 'vi');
    expect(view.title).toBe('Thuốc lá');
    expect(rowsOf(bare, 'vi')['popup.quantity']).toBe('–');
    expect(view.rows.some((r) => r.key === 'popup.coordinates')).toBe(false);
  });
});

describe('other popups', () => {
  it('names a gate in the page language and keeps its code as a small reference', () => {
    const gate: PickedFeature = {
      layer: 'border_gates',
      key: 'border_gates/3',
      lngLat: [105.03, 10.59],
      properties: {
        code: 'ag-tinh-bien',
        province: 'an_giang',
        name_vi: 'Cửa khẩu quốc tế Tịnh Biên',
        name_en: 'Tinh Bien International Border Gate',
        kind: 'international',
        mode: 'road',
      },
    };
    const view = popupView(gate, 'en');
    expect(view.title).toBe('Tinh Bien International Border Gate');
    expect(view.reference).toBe('ag-tinh-bien');
    expect(view.rows.map((r) => r.value)).toEqual(['International gate', 'Road', 'An Giang']);
    expect(view.rows.some((r) => r.value.includes('ag-tinh-bien'))).toBe(false);
  });

  it("shows a frontier segment's accuracy and its note in the page language when present", () => {
    const frontier: PickedFeature = {
      layer: 'frontier',
      key: 'frontier/1',
      lngLat: null,
      properties: {
        code: 'ls-cn-1',
        province: 'lang_son',
        neighbour: 'CN',
        name_vi: 'Biên giới Việt – Trung (Lạng Sơn)',
        name_en: 'Viet Nam – China frontier (Lang Son)',
        length_km: 231.456,
        accuracy_m: 1500,
        accuracy_note_vi: 'Vẽ trơn giữa các cột mốc đã biết.',
        accuracy_note_en: 'Drawn smooth between known markers.',
      },
    };
    const vi = popupView(frontier, 'vi');
    expect(rowsOf(frontier, 'vi')).toEqual({
      'popup.neighbour': 'Trung Quốc',
      'popup.length': '231,5 km',
      'popup.province': 'Lạng Sơn',
      'popup.accuracy': '± 1,5 km',
    });
    expect(vi.note).toBe('Vẽ trơn giữa các cột mốc đã biết.');
    const en = popupView(frontier, 'en');
    expect(rowsOf(frontier, 'en')['popup.accuracy']).toBe('± 1.5 km');
    expect(rowsOf(frontier, 'en')['popup.length']).toBe('231.5 km');
    expect(en.note).toBe('Drawn smooth between known markers.');
  });

  it('leaves the accuracy out of a frontier without it', () => {
    const plain: PickedFeature = {
      layer: 'frontier',
      key: 'frontier/2',
      lngLat: null,
      properties: { neighbour: 'KH', province: 'an_giang', length_km: 153 },
    };
    const view = popupView(plain, 'en');
    expect(view.rows.map((r) => r.key)).toEqual([
      'popup.neighbour',
      'popup.length',
      'popup.province',
    ]);
    expect(view.note).toBeUndefined();
  });

  it('writes accuracy in metres below a kilometre', () => {
    expect(accuracyText(300, 'vi')).toBe('± 300 m');
    expect(accuracyText(1000, 'en')).toBe('± 1 km');
    expect(accuracyText(-5, 'en')).toBe('–');
  });
});
