import { describe, expect, it } from 'vitest';
import {
  calendarSteps,
  monthEnd,
  monthNumber,
  monthStart,
  monthStartInstant,
  stepCount,
  vietnamMonth,
} from '../../src/lib/server/services/hotspot-steps';

describe('hot-spot time steps (Vietnam time)', () => {
  it('numbers months in Vietnam time: 17:00 UTC on the last day is the next month', () => {
    expect(monthNumber('2024-02')).toBe(2024 * 12 + 1);
    expect(vietnamMonth(new Date('2024-01-31T16:59:59Z'))).toBe(monthNumber('2024-01'));
    expect(vietnamMonth(new Date('2024-01-31T17:00:00Z'))).toBe(monthNumber('2024-02'));
    expect(vietnamMonth(new Date('2023-12-31T17:00:00Z'))).toBe(monthNumber('2024-01'));
    expect(monthStartInstant(monthNumber('2024-03')).toISOString()).toBe(
      '2024-02-29T17:00:00.000Z',
    );
  });

  it('gives the first and last day of a month, leap Februaries included', () => {
    expect(monthStart(monthNumber('2024-02'))).toBe('2024-02-01');
    expect(monthEnd(monthNumber('2024-02'))).toBe('2024-02-29');
    expect(monthEnd(monthNumber('2023-02'))).toBe('2023-02-28');
    expect(monthEnd(monthNumber('2023-12'))).toBe('2023-12-31');
  });

  it('lists calendar months and quarters covering a window', () => {
    const first = monthNumber('2023-11');
    const last = monthNumber('2024-02');
    expect(calendarSteps(first, last, 1)).toEqual([
      { month: first, start: '2023-11-01', end: '2023-11-30' },
      { month: first + 1, start: '2023-12-01', end: '2023-12-31' },
      { month: first + 2, start: '2024-01-01', end: '2024-01-31' },
      { month: last, start: '2024-02-01', end: '2024-02-29' },
    ]);
    // November 2023 to February 2024 touches Q4 2023 and Q1 2024.
    expect(calendarSteps(first, last, 3)).toEqual([
      { month: monthNumber('2023-10'), start: '2023-10-01', end: '2023-12-31' },
      { month: monthNumber('2024-01'), start: '2024-01-01', end: '2024-03-31' },
    ]);
    expect(stepCount(first, last, 1)).toBe(4);
    expect(stepCount(first, last, 3)).toBe(2);
    expect(stepCount(last, first, 1)).toBe(0);
    expect(stepCount(monthNumber('2020-01'), monthNumber('2029-12'), 1)).toBe(120);
  });
});
