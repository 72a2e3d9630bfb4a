import { describe, expect, it } from 'vitest';
import { monthWindow, seizureFilter } from '../../src/lib/server/api/seizure-filter';
import { monthsBetween } from '../../src/lib/server/services/stats';

const windowOf = (q: Record<string, string>) => monthWindow(q, seizureFilter(q));

describe('seizureFilter', () => {
  it('reads province, dates, categories and agencies with the layer parsers', () => {
    expect(
      seizureFilter({
        province: 'lang_son',
        from: '2024-01-01',
        to: '2024-01-31',
        category: 'sugar,fuel,sugar',
        agency: 'joint',
      }),
    ).toEqual({
      province: 'lang_son',
      from: new Date('2023-12-31T17:00:00Z'),
      to: new Date('2024-01-31T17:00:00Z'),
      categories: ['sugar', 'fuel'],
      agencies: ['joint'],
    });
    expect(seizureFilter({})).toEqual({
      province: undefined,
      from: undefined,
      to: undefined,
      categories: undefined,
      agencies: undefined,
    });
  });
});

describe('monthWindow', () => {
  it('takes the month of a bare date as written, even the last day of a month', () => {
    expect(windowOf({ from: '2024-01-01', to: '2024-03-31' })).toEqual({
      first: '2024-01',
      last: '2024-03',
    });
  });
  it('reads date-times in Vietnam time, `to` as the last instant before it', () => {
    // 17:00 UTC on 31 Jan is midnight on 1 Feb in Hanoi.
    expect(windowOf({ from: '2024-01-31T17:00:00Z', to: '2024-05-01T00:00:00+07:00' })).toEqual({
      first: '2024-02',
      last: '2024-04',
    });
    expect(windowOf({ to: '2024-04-30T17:00:01Z' })).toEqual({ last: '2024-05' });
  });
  it('leaves an open bound open', () => {
    expect(windowOf({})).toEqual({});
    expect(windowOf({ from: '2023-12-15' })).toEqual({ first: '2023-12' });
  });
});

describe('monthsBetween', () => {
  it('lists every month across a year end, both ends included', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthsBetween('2024-06', '2024-05')).toEqual([]);
  });
});
