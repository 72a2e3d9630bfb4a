import { describe, expect, it } from 'vitest';
import {
  forecastHeadline,
  forecastSentence,
  forecastTable,
  formatPercent,
  formatTimes,
  headlineRow,
} from '../../src/lib/map/forecast-sentence';

const NB = '\u00a0';

describe('the forecast sentence', () => {
  const row = { sharePct: 5, hitRate: 0.3812, pai: 7.624 };
  it('tells a commander, in Vietnamese, what last quarter’s hot spots were worth', () => {
    expect(forecastSentence('vi', row)).toBe(
      `Những ô nóng của quý trước (5${NB}% diện tích) chứa 38${NB}% số vụ quý này, gấp 7,6 lần ngẫu nhiên.`,
    );
  });
  it('and in English, with English numbers', () => {
    expect(forecastSentence('en', row)).toBe(
      `Last quarter's hot spots (5${NB}% of the area) held 38${NB}% of this quarter's seizures, 7.6 times chance.`,
    );
  });
  it('says so plainly when the hot spots did no better than chance', () => {
    const worse = { sharePct: 10, hitRate: 0.074, pai: 0.74 };
    expect(forecastSentence('vi', worse)).toBe(
      `Những ô nóng của quý trước (10${NB}% diện tích) chỉ chứa 7,4${NB}% số vụ quý này, không hơn ngẫu nhiên (PAI 0,7).`,
    );
    expect(forecastSentence('en', worse)).toContain('no better than chance (PAI 0.7)');
  });
  it('names the number of months averaged over rolling splits', () => {
    expect(forecastSentence('en', { sharePct: 1, hitRate: 0.125, pai: 12.5 }, { splits: 21 })).toBe(
      `On average over 21 months: the previous quarter's hot spots (1${NB}% of the area) held 13${NB}% of the next month's seizures, 12.5 times chance.`,
    );
    expect(
      forecastSentence('vi', { sharePct: 1, hitRate: 0.125, pai: 12.5 }, { splits: 21 }),
    ).toMatch(/^Trung bình qua 21 tháng: .* gấp 12,5 lần ngẫu nhiên\.$/);
  });
  it('formats shares and multiples for each language', () => {
    expect(formatPercent(0.004, 'vi')).toBe(`0,4${NB}%`);
    expect(formatPercent(0.05, 'en')).toBe(`5${NB}%`);
    expect(formatPercent(0.999, 'en')).toBe(`100${NB}%`);
    expect(formatPercent(0, 'en')).toBe(`0${NB}%`);
    expect(formatTimes(1234.56, 'vi')).toBe('1.234,6');
    expect(formatTimes(1234.56, 'en')).toBe('1,234.6');
  });
});

describe('the forecast table of an answer', () => {
  const rows = (gi: [number | null, number | null]) => [
    { ranker: 'count' as const, share_pct: 5, hit_rate: 0.2, pai: 4 },
    { ranker: 'gi_z' as const, share_pct: 1, hit_rate: 0.1, pai: 10 },
    { ranker: 'gi_z' as const, share_pct: 5, hit_rate: gi[0], pai: gi[1] },
  ];
  const split = (gi: [number | null, number | null]) => ({
    split: '2024-07-01',
    training: { start: '2024-04-01', end: '2024-06-30' },
    scored: { start: '2024-07-01', end: '2024-09-30' },
    results: rows(gi),
  });
  const base = {
    province: 'an_giang' as const,
    cell_m: 1000,
    mode: 'rolling' as const,
    shares_pct: [1, 5, 10],
    rankers: ['count' as const, 'density' as const, 'gi_z' as const],
    horizon_months: 1,
    summary: [
      { ranker: 'gi_z' as const, share_pct: 5, splits: 18, mean_hit_rate: 0.31, mean_pai: 6.2 },
      { ranker: 'count' as const, share_pct: 5, splits: 18, mean_hit_rate: 0.2, mean_pai: 4 },
    ],
  };
  it('quotes the last quarter when the window holds one', () => {
    const answer = { ...base, last_quarter: split([0.38, 7.6]) };
    const table = forecastTable(answer);
    expect(table?.kind).toBe('quarter');
    expect(table?.scored).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(table && headlineRow(table)).toEqual({ sharePct: 5, hitRate: 0.38, pai: 7.6 });
    expect(forecastHeadline('en', answer)).toBe(
      `Last quarter's hot spots (5${NB}% of the area) held 38${NB}% of this quarter's seizures, 7.6 times chance.`,
    );
  });
  it('falls back to the rolling means over fewer than six months', () => {
    const answer = { ...base, last_quarter: null };
    const table = forecastTable(answer);
    expect(table?.kind).toBe('rolling');
    expect(table?.splits).toBe(18);
    expect(forecastHeadline('vi', answer)).toBe(
      `Trung bình qua 18 tháng: những ô nóng của quý trước (5${NB}% diện tích) chứa 31${NB}% số vụ tháng kế tiếp, gấp 6,2 lần ngẫu nhiên.`,
    );
  });
  it('says nothing when the quoted row has no seizures after the split, or there is no check', () => {
    expect(forecastHeadline('vi', { ...base, last_quarter: split([null, null]) })).toBeNull();
    expect(forecastTable({ ...base, summary: [], last_quarter: null })).toBeNull();
  });
});
