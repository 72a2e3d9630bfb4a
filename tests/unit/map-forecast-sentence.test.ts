import { describe, expect, it } from 'vitest';
import { forecastSentence, formatPercent, formatTimes } from '../../src/lib/map/forecast-sentence';

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
