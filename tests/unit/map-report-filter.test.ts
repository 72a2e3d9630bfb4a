import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LayerCollection } from '../../src/lib/api';
import { MapState } from '../../src/lib/map/context.svelte';
import {
  filterReports,
  receivedDay,
  reportFilterParts,
  type ReportFilter,
} from '../../src/lib/map/report-filter';
import { DEFAULT_VIEW } from '../../src/lib/map/url-state';
import { dayNumber } from '../../src/lib/seizure-points';

/** A report point received at `received_at` (UTC, as the layer sends it) about `category`. */
function report(id: number, received_at: unknown, category: string | null) {
  return {
    type: 'Feature' as const,
    id,
    geometry: { type: 'Point' as const, coordinates: [105.1, 10.6] },
    properties: { title: `#${id}`, kind: 'boat', category, received_at },
  };
}

// Vietnam is UTC+7: 17:00 UTC is midnight of the next Vietnamese day.
const REPORTS: LayerCollection = {
  type: 'FeatureCollection',
  numberMatched: 4,
  numberReturned: 4,
  features: [
    report(1, '2026-03-31T16:59:59+00:00', 'cigarettes'), // 31/03 23:59:59 in Vietnam
    report(2, '2026-03-31T17:00:00.000+00:00', 'sugar'), // 01/04 00:00
    report(3, '2026-04-30T16:59:59.999+00:00', null), // 30/04 23:59:59.999
    report(4, '2026-04-30T17:00:00Z', 'cigarettes'), // 01/05 00:00
  ],
};

const open: ReportFilter = { from: '', to: '', categories: [] };
const ids = (fc: LayerCollection | undefined) => fc?.features.map((f) => f.id);

describe('receivedDay', () => {
  it('counts the day in Vietnam time, not UTC', () => {
    expect(receivedDay('2026-03-31T17:30:00Z')).toBe(dayNumber('2026-04-01'));
    expect(receivedDay('2026-03-31T16:59:59+00:00')).toBe(dayNumber('2026-03-31'));
    expect(receivedDay('2026-04-01T06:00:00+07:00')).toBe(dayNumber('2026-04-01'));
  });

  it('is null for what is not an instant', () => {
    expect(receivedDay(null)).toBeNull();
    expect(receivedDay('')).toBeNull();
    expect(receivedDay('hôm qua')).toBeNull();
    expect(receivedDay(1_775_000_000_000)).toBeNull();
  });
});

describe('filterReports', () => {
  it('hands back the loaded collection itself when nothing narrows it', () => {
    expect(filterReports(REPORTS, open)).toBe(REPORTS);
  });

  it('keeps the reports received inside the window, both days included', () => {
    expect(ids(filterReports(REPORTS, { ...open, from: '2026-04-01', to: '2026-04-30' }))).toEqual([
      2, 3,
    ]);
    expect(ids(filterReports(REPORTS, { ...open, from: '2026-04-01' }))).toEqual([2, 3, 4]);
    expect(ids(filterReports(REPORTS, { ...open, to: '2026-03-31' }))).toEqual([1]);
    expect(ids(filterReports(REPORTS, { ...open, from: '2026-05-01', to: '2026-05-01' }))).toEqual([
      4,
    ]);
  });

  it('hides a report without a category only while categories are chosen', () => {
    expect(ids(filterReports(REPORTS, { ...open, categories: ['cigarettes'] }))).toEqual([1, 4]);
    expect(ids(filterReports(REPORTS, { ...open, categories: ['sugar', 'fuel'] }))).toEqual([2]);
    expect(ids(filterReports(REPORTS, { ...open, from: '2026-04-01' }))).toContain(3);
  });

  it('applies the window and the categories together', () => {
    const f = { from: '2026-04-01', to: '2026-04-30', categories: ['cigarettes'] };
    expect(ids(filterReports(REPORTS, f))).toEqual([]);
    expect(ids(filterReports(REPORTS, { ...f, to: '2026-05-31' }))).toEqual([4]);
  });

  it('shows nothing while the date filter cannot be applied, as for the seizures', () => {
    expect(ids(filterReports(REPORTS, { ...open, problem: 'range' }))).toEqual([]);
    expect(ids(filterReports(REPORTS, { ...open, problem: 'malformed' }))).toEqual([]);
  });

  it('keeps an unreadable time only in an open window, and leaves the counts alone', () => {
    const odd: LayerCollection = { ...REPORTS, features: [report(9, 'không rõ', 'sugar')] };
    expect(ids(filterReports(odd, { ...open, categories: ['sugar'] }))).toEqual([9]);
    expect(ids(filterReports(odd, { ...open, to: '2030-01-01' }))).toEqual([]);
    const cut = filterReports(REPORTS, { ...open, categories: ['sugar'] });
    expect([cut.numberMatched, cut.numberReturned]).toEqual([4, 4]);
    expect(REPORTS.features).toHaveLength(4); // input not mutated
  });
});

describe('reportFilterParts', () => {
  it('names the filters that narrow the reports (the agency filter is not one)', () => {
    expect(reportFilterParts(open)).toEqual({ dates: false, goods: false });
    expect(reportFilterParts({ ...open, to: '2026-01-01' })).toEqual({ dates: true, goods: false });
    expect(reportFilterParts({ ...open, categories: ['gold'] })).toEqual({
      dates: false,
      goods: true,
    });
    expect(reportFilterParts({ ...open, problem: 'malformed' })).toEqual({
      dates: true,
      goods: false,
    });
  });
});

describe('the map state and the reports layer', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A server answering /api/layers/reports with REPORTS, recording what was asked. */
  function serveReports() {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://test');
        asked.push(url.pathname + url.search);
        return new Response(JSON.stringify(REPORTS), {
          status: 200,
          headers: { 'content-type': 'application/geo+json' },
        });
      }),
    );
    return asked;
  }

  it('loads the province once and filters the drawn reports in the browser', async () => {
    const asked = serveReports();
    const state = new MapState({ ...DEFAULT_VIEW, province: 'lang_son' });
    await state.load('reports', new AbortController().signal);
    expect(asked).toEqual(['/api/layers/reports?province=lang_son&limit=10000']);
    expect(ids(state.layerData('reports'))).toEqual([1, 2, 3, 4]);
    state.setDates('2026-04-01', '2026-04-30');
    expect(ids(state.layerData('reports'))).toEqual([2, 3]);
    state.categories = ['sugar'];
    expect(ids(state.shownReports)).toEqual([2]);
    expect(state.reportFilterParts).toEqual({ dates: true, goods: true });
    // The agency filter leaves the reports alone.
    state.agencies = ['joint'];
    expect(ids(state.shownReports)).toEqual([2]);
    state.resetFilters();
    expect(state.layerData('reports')).toBe(state.data.reports);
    expect(asked).toHaveLength(1);
  });
});
