import { describe, expect, it } from 'vitest';
import { changedLabels } from '../../src/lib/info/timeline';
import type { HistoryEntry } from '../../src/lib/info/reports-api';

const step = (action: string, details: Record<string, unknown> | null): HistoryEntry => ({
  at: '2026-11-30T02:00:00Z',
  action,
  username: 'bg.chi',
  agency: 'border_guard',
  unit: null,
  details,
});

describe('what an edit in the history changed', () => {
  it('names the fields by the form labels, the place and the distribution once each', () => {
    const e = step('edited', {
      version: 5,
      changed: ['geometry', 'province', 'credibility', 'units', 'distribution', 'text'],
    });
    expect(changedLabels(e)).toEqual([
      'info.form.where',
      'info.form.credibility',
      'info.form.distribution',
      'info.form.text',
    ]);
  });

  it('says nothing for other steps, an edit without the list, or a field it does not know', () => {
    expect(changedLabels(step('closed', { changed: ['title'] }))).toEqual([]);
    expect(changedLabels(step('edited', null))).toEqual([]);
    expect(changedLabels(step('edited', { changed: ['secret_column', 'tlp'] }))).toEqual([
      'info.form.tlp',
    ]);
  });
});
