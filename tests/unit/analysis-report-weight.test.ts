import { describe, expect, it } from 'vitest';
import {
  median,
  recencyFactor,
  reportAgeDays,
  reportWeight,
  shareOf,
} from '../../src/lib/analysis';

describe('reportWeight (rating x recency, analysis/report-weight.ts)', () => {
  it('weighs a fresh A1 report as one seizure', () => {
    expect(reportWeight('A', 1, 0)).toBe(1);
  });

  it('multiplies the table factors by hand', () => {
    // 0.8 x 0.8 x 0.5^(30/30) = 0.32
    expect(reportWeight('B', 2, 30)).toBeCloseTo(0.32, 12);
    // 0.6 x 0.6 x 0.5^(60/30) = 0.09
    expect(reportWeight('C', 3, 60)).toBeCloseTo(0.09, 12);
    // cannot be judged, both: 0.5 x 0.5 = 0.25
    expect(reportWeight('F', 6, 0)).toBeCloseTo(0.25, 12);
    // 0.2 x 0.2 x 0.5^(15/30) = 0.04 x 0.70710678 = 0.028284271
    expect(reportWeight('E', 5, 15)).toBeCloseTo(0.028284271, 8);
    // 0.4 x 1.0 x 0.5^(90/30) = 0.05
    expect(reportWeight('D', 1, 90)).toBeCloseTo(0.05, 12);
  });

  it('halves every 30 days and drops to 0 after 180', () => {
    expect(recencyFactor(0)).toBe(1);
    expect(recencyFactor(30)).toBeCloseTo(0.5, 12);
    expect(recencyFactor(180)).toBeCloseTo(1 / 64, 12);
    expect(recencyFactor(180.5)).toBe(0);
    expect(reportWeight('A', 1, 200)).toBe(0);
  });

  it('counts a window still to come as age 0, and refuses unknown ratings', () => {
    expect(recencyFactor(-5)).toBe(1);
    expect(() => reportWeight('G' as 'A', 1, 0)).toThrow(RangeError);
    expect(() => reportWeight('A', 7 as 1, 0)).toThrow(RangeError);
    expect(() => recencyFactor(Number.NaN)).toThrow(RangeError);
  });

  it('measures age from observed_to, else observed_from, else received_at', () => {
    const at = new Date('2026-01-31T00:00:00Z');
    const received_at = new Date('2026-01-30T00:00:00Z');
    expect(reportAgeDays({ received_at }, at)).toBe(1);
    expect(
      reportAgeDays({ received_at, observed_from: new Date('2026-01-01T00:00:00Z') }, at),
    ).toBe(30);
    expect(
      reportAgeDays(
        {
          received_at,
          observed_from: new Date('2026-01-01T00:00:00Z'),
          observed_to: new Date('2026-01-16T00:00:00Z'),
        },
        at,
      ),
    ).toBe(15);
  });
});

describe('median and shareOf (analysis/exchange.ts)', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const hours = [3, 1, 2];
    median(hours);
    expect(hours).toEqual([3, 1, 2]);
  });

  it('gives the reviews share of valuable reports, null when nothing passed', () => {
    expect(shareOf(336, 468)).toBeCloseTo(0.7179487, 7);
    expect(shareOf(0, 0)).toBeNull();
  });
});
