import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatLatLon,
  formatVnd,
  formatScaleShort,
  formatVndShort,
  isoDay,
  parseDay,
} from '../../src/lib/i18n/format';

const NBSP = '\u00a0';

describe('formatDate (dd/mm/yyyy, Vietnam time UTC+7)', () => {
  it('shifts instants to the Hanoi calendar day', () => {
    // 20:00 UTC on the 5th is 03:00 on the 6th in Hanoi.
    expect(formatDate('2024-03-05T20:00:00Z')).toBe('06/03/2024');
    expect(formatDate('2024-03-05T16:59:59Z')).toBe('05/03/2024');
    expect(formatDate('2024-12-31T17:00:00Z')).toBe('01/01/2025');
    expect(formatDate('2024-03-05T10:00:00+07:00')).toBe('05/03/2024');
  });
  it('leaves bare dates as they are', () => {
    expect(formatDate('2024-03-05')).toBe('05/03/2024');
    expect(formatDate(new Date(Date.UTC(2019, 8, 5, 12)))).toBe('05/09/2019');
  });
  it('shows a dash for nothing and the raw text for garbage', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate('')).toBe('–');
    expect(formatDate('not a date')).toBe('not a date');
  });
  it('adds hours and minutes when asked', () => {
    expect(formatDateTime('2024-03-05T01:02:00Z')).toBe('05/03/2024 08:02');
    expect(formatDateTime('2024-03-05')).toBe('05/03/2024');
  });
  it('gives the ISO day in Hanoi', () => {
    expect(isoDay('2024-12-31T17:00:00Z')).toBe('2025-01-01');
    expect(isoDay('2024-12-31T16:00:00Z')).toBe('2024-12-31');
  });
});

describe('numbers in Vietnamese (dot groups, decimal comma)', () => {
  it('groups thousands with dots', () => {
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatInteger(1234567, 'vi')).toBe('1.234.567');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(NaN)).toBe('–');
    expect(formatDecimal(1734.66, 'vi')).toBe('1.734,7');
    expect(formatDecimal(3.5, 'vi')).toBe('3,5');
  });
  it('writes VND as 1.234.567 ₫', () => {
    expect(formatVnd(1234567, 'vi')).toBe(`1.234.567${NBSP}₫`);
    expect(formatVnd(0)).toBe(`0${NBSP}₫`);
    expect(formatVnd('22000')).toBe(`22.000${NBSP}₫`);
    expect(formatVnd(1234.6)).toBe(`1.235${NBSP}₫`);
    expect(formatVnd(null)).toBe('–');
    expect(formatVnd('abc')).toBe('–');
    expect(formatVnd('')).toBe('–');
  });
  it('shortens large sums to triệu đồng / tỷ đồng with a decimal comma', () => {
    expect(formatVndShort(12_660_000_000, 'vi')).toBe(`12,7${NBSP}tỷ${NBSP}đồng`);
    expect(formatVndShort(22_400_000_000, 'vi')).toBe(`22,4${NBSP}tỷ${NBSP}đồng`);
    expect(formatVndShort(50_000_000, 'vi')).toBe(`50${NBSP}triệu${NBSP}đồng`);
    expect(formatVndShort(1_250_000, 'vi')).toBe(`1,3${NBSP}triệu${NBSP}đồng`);
    expect(formatVndShort(1_234_500_000_000, 'vi')).toBe(`1.234,5${NBSP}tỷ${NBSP}đồng`);
    expect(formatVndShort(999_999, 'vi')).toBe(`999.999${NBSP}₫`);
  });
  it('writes an amount in scale words alone for the value legend', () => {
    expect(formatScaleShort(50_000_000, 'vi')).toBe(`50${NBSP}triệu`);
    expect(formatScaleShort(1_000_000_000, 'vi')).toBe(`1${NBSP}tỷ`);
    expect(formatScaleShort(999_960_000, 'vi')).toBe(`1${NBSP}tỷ`);
    expect(formatScaleShort(1_250_000, 'vi')).toBe(`1,3${NBSP}triệu`);
    expect(formatScaleShort(200_000_000, 'en')).toBe(`200${NBSP}million`);
    expect(formatScaleShort(2_500_000_000, 'en')).toBe(`2.5${NBSP}billion`);
    expect(formatScaleShort(999_999, 'en')).toBe('999,999');
  });
});

describe('numbers in English (comma groups, decimal point)', () => {
  it('groups thousands with commas and uses a decimal point', () => {
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
    expect(formatInteger(12, 'en')).toBe('12');
    expect(formatDecimal(1734.66, 'en')).toBe('1,734.7');
    expect(formatDecimal(3.5, 'en')).toBe('3.5');
  });
  it('writes VND as VND 1,234,567', () => {
    expect(formatVnd(1234567, 'en')).toBe(`VND${NBSP}1,234,567`);
    expect(formatVnd('22000', 'en')).toBe(`VND${NBSP}22,000`);
    expect(formatVnd(undefined, 'en')).toBe('–');
  });
  it('shortens large sums to million / billion with a decimal point', () => {
    expect(formatVndShort(12_660_000_000, 'en')).toBe(`VND${NBSP}12.7${NBSP}billion`);
    expect(formatVndShort(22_400_000_000, 'en')).toBe(`VND${NBSP}22.4${NBSP}billion`);
    expect(formatVndShort(1_250_000, 'en')).toBe(`VND${NBSP}1.3${NBSP}million`);
    expect(formatVndShort(50_000_000, 'en')).toBe(`VND${NBSP}50${NBSP}million`);
    expect(formatVndShort(999_999, 'en')).toBe(`VND${NBSP}999,999`);
  });
  it('moves to the next scale when rounding reaches it', () => {
    // 999.96 million rounds to 1,000.0 million: say 1 billion instead.
    expect(formatVndShort(999_960_000, 'en')).toBe(`VND${NBSP}1${NBSP}billion`);
    expect(formatVndShort(999_960_000, 'vi')).toBe(`1${NBSP}tỷ${NBSP}đồng`);
    expect(formatVndShort(999_940_000, 'vi')).toBe(`999,9${NBSP}triệu${NBSP}đồng`);
  });
});

describe('coordinates', () => {
  it('gives latitude, longitude in decimal degrees to 5 decimals, with a point in every language', () => {
    expect(formatLatLon(10.705371, 105.123449)).toBe('10.70537, 105.12345');
    expect(formatLatLon(21.8, 106.7)).toBe('21.80000, 106.70000');
    expect(formatLatLon(NaN, 106.7)).toBe('–');
  });
});

describe('parseDay', () => {
  it('reads dd/mm/yyyy and its variants', () => {
    expect(parseDay('5/3/2024')).toBe('2024-03-05');
    expect(parseDay('05/03/2024')).toBe('2024-03-05');
    expect(parseDay(' 05-03-2024 ')).toBe('2024-03-05');
    expect(parseDay('05.03.2024')).toBe('2024-03-05');
    expect(parseDay('2024-03-05')).toBe('2024-03-05');
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
  });
  it('rejects days that do not exist and other text', () => {
    expect(parseDay('31/02/2024')).toBeUndefined();
    expect(parseDay('29/02/2023')).toBeUndefined();
    expect(parseDay('13/13/2024')).toBeUndefined();
    expect(parseDay('2024/03/05')).toBeUndefined();
    expect(parseDay('abc')).toBeUndefined();
  });
  it('treats empty input as an open bound', () => {
    expect(parseDay('')).toBe('');
    expect(parseDay('   ')).toBe('');
  });
});
