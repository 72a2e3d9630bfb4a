import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  isMonthEnd,
  lastDayBefore,
  monthOf,
  nextWindow,
  playStart,
  previousWindow,
} from '../../src/lib/map/time-window';

describe('month arithmetic', () => {
  it('crosses year ends both ways', () => {
    expect(addMonths('2024-12-01', 1)).toBe('2025-01-01');
    expect(addMonths('2024-12-31', 1)).toBe('2025-01-31');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2024-11-30', 14)).toBe('2026-01-31');
    expect(addMonths('2024-01-31', -13)).toBe('2022-12-31');
  });
  it('keeps a month end at the month end and clamps other days to short months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-31');
    expect(addMonths('2024-01-30', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-30', 1)).toBe('2024-04-30');
  });
  it('knows month lengths, month ends and the day before', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(isMonthEnd('2024-04-30')).toBe(true);
    expect(isMonthEnd('2024-05-30')).toBe(false);
    expect(monthOf('2024-02-10')).toEqual(['2024-02-01', '2024-02-29']);
    expect(lastDayBefore('2025-01-01')).toBe('2024-12-31');
  });
});

describe('playing month by month', () => {
  const period: [string, string] = ['2023-03-14', '2025-02-20'];
  it('starts at the first month of the data without a window', () => {
    expect(playStart({ from: '', to: '' }, period, 1)).toEqual({
      from: '2023-03-01',
      to: '2023-03-31',
    });
    expect(playStart({ from: '', to: '' }, period, 12)).toEqual({
      from: '2023-03-01',
      to: '2024-02-29',
    });
  });
  it('plays on from the window shown, or from the start once it reached the end', () => {
    const w = { from: '2024-05-01', to: '2024-07-31' };
    expect(playStart(w, period, 1)).toBe(w);
    expect(playStart({ from: '2025-02-01', to: '2025-02-28' }, period, 1)).toEqual({
      from: '2023-03-01',
      to: '2023-03-31',
    });
    expect(playStart({ from: '2024-05-01', to: '' }, period, 1).from).toBe('2023-03-01');
  });
  it('steps a month at a time over the year end, keeping whole months whole', () => {
    let w = { from: '2024-11-01', to: '2024-12-31' };
    w = nextWindow(w, period[1])!;
    expect(w).toEqual({ from: '2024-12-01', to: '2025-01-31' });
    w = nextWindow(w, period[1])!;
    expect(w).toEqual({ from: '2025-01-01', to: '2025-02-28' });
    // The window now reaches past the data's last day: the play stops.
    expect(nextWindow(w, period[1])).toBeNull();
  });
  it('steps back, never before the data', () => {
    expect(previousWindow({ from: '2024-01-01', to: '2024-01-31' }, period[0])).toEqual({
      from: '2023-12-01',
      to: '2023-12-31',
    });
    expect(previousWindow({ from: '2023-03-01', to: '2023-03-31' }, period[0])).toBeNull();
  });
});
