import { describe, expect, it } from 'vitest';
import { changedParts, lastSave, mergeMine } from '../../src/lib/info/report-conflict';
import { emptyReportForm, type ReportFormValues } from '../../src/lib/info/report-form';
import type { HistoryEntry } from '../../src/lib/info/reports-api';

const base: ReportFormValues = {
  ...emptyReportForm('an_giang', 'bp_vinh_xuong'),
  title: 'Ghe chở đường qua kênh Vĩnh Tế',
  kind: 'boat',
  reliability: 'B',
  credibility: 2,
  text: 'Ghe máy đi lúc 22 giờ.',
  mode: 'line',
  vertices: [
    [105.05, 10.55],
    [105.09, 10.57],
  ],
};

const step = (action: string, username: string, at: string): HistoryEntry => ({
  at,
  action,
  username,
  agency: 'border_guard',
  unit: null,
  details: null,
});

describe('a stale report edit', () => {
  it('names the parts that differ, in the form order, a unit list as the distribution', () => {
    const to = {
      ...base,
      text: 'Ghe máy đi lúc 23 giờ.',
      title: 'Ghe chở đường',
      units: ['bp_vinh_xuong', 'hq_tinh_bien'],
    };
    expect(changedParts(base, to)).toEqual(['title', 'distribution', 'text']);
    expect(changedParts(base, { ...base })).toEqual([]);
  });

  it('counts a moved vertex or a new province as a change of the place', () => {
    const moved = { ...base, vertices: [base.vertices[0], [105.1, 10.57] as [number, number]] };
    expect(changedParts(base, moved)).toEqual(['where']);
    expect(changedParts(base, { ...base, province: 'lang_son' })).toEqual(['where']);
  });

  it('keeps their credibility and text, and takes my title, when only I changed the title', () => {
    const mine = { ...base, title: 'Ghe chở đường cát' };
    const theirs = { ...base, credibility: 3 as const, text: 'Hai ghe, không phải một.' };
    expect(mergeMine(base, mine, theirs)).toEqual({
      ...base,
      title: 'Ghe chở đường cát',
      credibility: 3,
      text: 'Hai ghe, không phải một.',
    });
  });

  it('takes mine for a part both changed, and all of a part (both dates) not half', () => {
    const mine = { ...base, text: 'Của tôi', observedFrom: '2026-11-20' };
    const theirs = { ...base, text: 'Của họ', observedTo: '2026-11-28' };
    const merged = mergeMine(base, mine, theirs);
    expect(merged.text).toBe('Của tôi');
    // The observed window is one part: mine is from the 20th, open-ended, as I left it.
    expect([merged.observedFrom, merged.observedTo]).toEqual(['2026-11-20', '']);
  });

  it('leaves its inputs as they were', () => {
    const mine = { ...base, vertices: [[105.2, 10.6] as [number, number]] };
    const theirs = { ...base };
    const merged = mergeMine(base, mine, theirs);
    merged.vertices.push([0, 0]);
    expect(mine.vertices).toEqual([[105.2, 10.6]]);
    expect(theirs.vertices).toEqual(base.vertices);
  });

  it('says who saved last: an edit, a close or a reopen, not a link or an acknowledgement', () => {
    const history = [
      step('created', 'bg.an', '2026-11-30T01:00:00Z'),
      step('edited', 'bg.chi', '2026-11-30T02:00:00Z'),
      step('closed', 'bg.ha', '2026-11-30T03:00:00Z'),
      step('seizure_linked', 'hq.minh', '2026-11-30T04:00:00Z'),
      step('acknowledged', 'hq.minh', '2026-11-30T05:00:00Z'),
    ];
    expect(lastSave(history)?.username).toBe('bg.ha');
    expect(lastSave(history.slice(0, 2))?.at).toBe('2026-11-30T02:00:00Z');
    expect(lastSave(history.slice(0, 1))).toBeNull();
    expect(lastSave(undefined)).toBeNull();
  });
});
