import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExchangeSection from '../../src/lib/components/briefing/ExchangeSection.svelte';
import type { BriefingExchange } from '../../src/lib/components/briefing/briefing-api';

const baseline = {
  period: '2012-2019',
  border_guard: { passed: 468, valuable: 336 },
  customs: { passed: 398, valuable: 236 },
} as const;
const none = {
  acknowledged: 0,
  median_ack_hours: null,
  assessed: 0,
  valuable: 0,
  not_valuable: 0,
  duplicate: 0,
  valuable_share: null,
  led_to_seizure: 0,
  seizure_share: null,
};

/** The visible text: no tags or comments, spaces (no-break ones too) collapsed. */
const text = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

describe('ExchangeSection (the briefing page)', () => {
  it('prints each force’s figures and the reviews’ baseline (Vietnamese first)', () => {
    const exchange: BriefingExchange = {
      from: '2026-11-01',
      to: '2026-11-30',
      province: 'an_giang',
      baseline,
      agencies: [
        {
          agency: 'border_guard',
          passed: 4,
          acknowledged: 3,
          median_ack_hours: 6.25,
          assessed: 3,
          valuable: 2,
          not_valuable: 1,
          duplicate: 0,
          valuable_share: 0.5,
          led_to_seizure: 1,
          seizure_share: 0.25,
        },
        { agency: 'customs', passed: 0, ...none },
      ],
    };
    const { body } = render(ExchangeSection, { props: { exchange } });
    const from = body.indexOf('<tr data-agency="border_guard"');
    const row = text(body.slice(from, body.indexOf('</tr>', from)));
    // 6.25 h rounds to 6,3 (one decimal, Vietnamese comma); shares as whole percentages.
    expect(row).toBe('Biên phòng 4 3 6,3 giờ 2 50 % 1 25 %');
    // 336 / 468 = 71.8 % and 236 / 398 = 59.3 %.
    expect(text(body)).toContain(
      'Biên phòng chuyển 468 nguồn tin, 336 có giá trị (72 %); Hải quan chuyển 398, 236 có giá trị (59 %)',
    );
  });

  it('says so when nothing was passed, and still prints the baseline', () => {
    const { body } = render(ExchangeSection, {
      props: {
        exchange: {
          from: null,
          to: null,
          province: 'lang_son',
          baseline,
          agencies: [
            { agency: 'border_guard', passed: 0, ...none },
            { agency: 'customs', passed: 0, ...none },
          ],
        },
      },
    });
    expect(body).not.toContain('<table');
    expect(body).toContain('Trong kỳ chưa có tin nào');
    expect(body).toContain('2012-2019');
  });
});
