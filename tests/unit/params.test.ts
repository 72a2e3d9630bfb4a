import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/lib/server/errors';
import * as p from '../../src/lib/server/api/params';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    return (e as Error).message;
  }
  throw new Error('expected a 400');
}

describe('bbox', () => {
  it('parses west,south,east,north', () => {
    expect(p.bbox('104.5,10.2,105.3,10.9')).toEqual([104.5, 10.2, 105.3, 10.9]);
    expect(p.bbox('-180,-90,180,90')).toEqual([-180, -90, 180, 90]);
    expect(p.bbox('0,0.25,1,1.000001')).toEqual([0, 0.25, 1, 1.000001]);
    expect(p.bbox(undefined)).toBeUndefined();
  });
  it.each([
    ['1,2,3', 'expected four numbers'],
    ['1,2,3,4,5', 'expected four numbers'],
    ['a,2,3,4', 'finite number'],
    ['1,,3,4', 'finite number'],
    ['NaN,1,2,3', 'finite number'],
    ['Infinity,1,2,3', 'finite number'],
    ['-181,1,2,3', 'longitudes must lie'],
    ['1,-91,2,3', 'longitudes must lie'],
    ['5,1,4,3', 'west must be less than east'],
    // Number() reads all of these; a bbox is four plain decimals and nothing else.
    ['0x10,1,20,30', 'plain decimal'],
    ['0b1,1,20,30', 'plain decimal'],
    ['0o7,1,20,30', 'plain decimal'],
    ['1e1,1,20,30', 'plain decimal'],
    ['105,1E1,106,30', 'plain decimal'],
    ['+105,10,106,11', 'plain decimal'],
    [' 105,10,106,11', 'plain decimal'],
    ['105,10 ,106,11', 'plain decimal'],
    ['105,10,106,\t11', 'plain decimal'],
    ['.5,10,106,11', 'plain decimal'],
    ['105.,10,106,11', 'plain decimal'],
    ['--105,10,106,11', 'plain decimal'],
    ['1_05,10,106,11', 'plain decimal'],
    ['1,3,2,3', 'south less than north'],
  ])('rejects %s', (value, expected) => {
    expect(message(() => p.bbox(value))).toContain(expected);
  });
});

describe('time range', () => {
  it('reads bare dates as days in Vietnam (UTC+7), a bare `to` including that whole day', () => {
    expect(p.timeRange('2024-01-01', '2024-01-31')).toEqual({
      from: new Date('2023-12-31T17:00:00Z'),
      to: new Date('2024-01-31T17:00:00Z'),
    });
  });
  it('ends a bare `to` at midnight in Hanoi on the last day of a leap February', () => {
    expect(p.timeRange(undefined, '2024-02-29').to).toEqual(new Date('2024-02-29T17:00:00Z'));
  });
  it('keeps date-times with a zone exact', () => {
    expect(p.timeRange(undefined, '2024-03-01T07:30:00+07:00').to).toEqual(
      new Date('2024-03-01T00:30:00Z'),
    );
  });
  it.each([
    ['2024-02-30', 'not a real calendar date'],
    ['2024-13-01', 'not a real calendar date'],
    ['01/02/2024', 'expected an ISO date'],
    ["2024-01-01'; drop table seizures; --", 'expected an ISO date'],
    ['2024-01-01T10:00:00', 'expected an ISO date'],
  ])('rejects from=%s', (value, expected) => {
    expect(message(() => p.timeRange(value, undefined))).toContain(expected);
  });
  it.each(['0000-01-01', '0001-01-01T00:00:00Z', '1899-12-31', '2101-01-01', '9999-12-31'])(
    'rejects from=%s, outside the years 1900 to 2100 (PostgreSQL fails on some of these)',
    (value) => {
      expect(message(() => p.timeRange(value, undefined))).toBe(
        'from: the year must lie between 1900 and 2100',
      );
    },
  );
  it('accepts the first and last days of that range', () => {
    expect(p.timeRange('1900-01-01', '2100-12-31')).toEqual({
      from: new Date('1899-12-31T17:00:00Z'),
      to: new Date('2100-12-31T17:00:00Z'),
    });
  });
  it('names `to` when it is out of range', () => {
    expect(message(() => p.timeRange(undefined, '0000-01-01'))).toBe(
      'to: the year must lie between 1900 and 2100',
    );
  });
  it('rejects from after to', () => {
    expect(message(() => p.timeRange('2024-02-01', '2024-01-01'))).toBe('from: must be before to');
  });
});

describe('lists and enums', () => {
  it('accepts comma-separated allowed values and drops repeats', () => {
    expect(p.categories('sugar,fuel,sugar')).toEqual(['sugar', 'fuel']);
    expect(p.agencies('customs')).toEqual(['customs']);
    expect(p.province('lang_son')).toBe('lang_son');
  });
  it('names the bad value', () => {
    expect(message(() => p.categories('sugar,plutonium'))).toContain("'plutonium' is not one of");
    expect(message(() => p.province('hanoi'))).toBe('province: must be one of an_giang, lang_son');
  });
});

describe('integer', () => {
  it('uses the fallback when absent and bounds the value', () => {
    expect(p.integer('limit', undefined, 1, 100, 10)).toBe(10);
    expect(p.integer('limit', '100', 1, 100, 10)).toBe(100);
    expect(message(() => p.integer('limit', '101', 1, 100, 10))).toContain('from 1 to 100');
    expect(message(() => p.integer('limit', '0', 1, 100, 10))).toContain('from 1 to 100');
    expect(message(() => p.integer('limit', '-1', 1, 100, 10))).toContain('whole number');
    expect(message(() => p.integer('limit', '1.5', 1, 100, 10))).toContain('whole number');
    expect(message(() => p.integer('limit', '1e3', 1, 100, 10))).toContain('whole number');
  });
  it.each(['0x10', '+10', ' 10', '10 ', '1e1', '1_0', '\u0661\u0660', '10.0', '0b1'])(
    'rejects %j: only plain decimal digits',
    (value) => {
      expect(message(() => p.integer('offset', value, 0, 100, 0))).toBe(
        'offset: must be a whole number from 0 to 100',
      );
    },
  );
  it('holds a version to PostgreSQL integer range', () => {
    expect(p.integer('version', '2147483647', 1, p.INT4_MAX, 1)).toBe(2147483647);
    expect(message(() => p.integer('version', '2147483648', 1, p.INT4_MAX, 1))).toBe(
      'version: must be a whole number from 1 to 2147483647',
    );
  });
});

describe('onlyKnown', () => {
  it('rejects a misspelt parameter', () => {
    expect(message(() => p.onlyKnown({ provnce: 'x' }, ['province']))).toBe(
      'provnce: unknown parameter (allowed: province)',
    );
  });
});
