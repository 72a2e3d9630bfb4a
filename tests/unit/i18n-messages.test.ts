import { describe, expect, it } from 'vitest';
import {
  AGENCIES,
  CATEGORIES,
  GATE_KINDS,
  GATE_MODES,
  LAYER_IDS,
  TRAIL_KINDS,
} from '../../src/lib/domain';
import { en, vi, type MessageKey } from '../../src/lib/i18n/messages';
import { interpolate, translate } from '../../src/lib/i18n/translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
  it('have no empty message and the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as MessageKey[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });
  it('label every value of the shared vocabulary', () => {
    const keys = [
      ...CATEGORIES.map((c) => `category.${c}`),
      ...AGENCIES.map((a) => `agency.${a}`),
      ...GATE_KINDS.map((k) => `gateKind.${k}`),
      ...GATE_MODES.map((m) => `gateMode.${m}`),
      ...TRAIL_KINDS.map((k) => `trailKind.${k}`),
      ...LAYER_IDS.map((id) => `layers.${id}`),
    ];
    for (const key of keys) expect(key in vi, key).toBe(true);
  });
  it('name the product in both languages', () => {
    expect(vi['app.title']).toBe('Bản đồ rủi ro biên giới');
    expect(en['app.title']).toBe('Border Risk Map');
  });
});

describe('translate and interpolate', () => {
  it('looks up the locale', () => {
    expect(translate('vi', 'layers.seizures')).toBe('Vụ bắt giữ');
    expect(translate('en', 'layers.seizures')).toBe('Seizures');
  });
  it('fills placeholders', () => {
    expect(translate('en', 'layers.shownOf', { shown: '10.000', total: '12.345' })).toBe(
      '10.000 of 12.345 shown',
    );
    expect(translate('vi', 'layers.shownOf', { shown: 5, total: 9 })).toBe('5 / 9 hiển thị');
    expect(interpolate('{a} of {b}', { a: 1, b: 2 })).toBe('1 of 2');
  });
  it('keeps a placeholder that has no value', () => {
    expect(interpolate('{a} of {b}', { a: 1 })).toBe('1 of {b}');
    expect(interpolate('no params')).toBe('no params');
  });
});
