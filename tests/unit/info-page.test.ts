import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INFO_VIEW,
  decodeInfoView,
  encodeInfoView,
  infoListQuery,
} from '../../src/lib/info/info-url';
import { reportListUrl } from '../../src/lib/info/reports-api';
import { hoursBetween, stepDetails, tookText } from '../../src/lib/info/timeline';
import { extentOf } from '../../src/lib/info/report-map';
import type { Report } from '../../src/lib/info/reports-api';
import { placesOf } from '../../src/lib/info/places';
import { tlpLabel } from '../../src/lib/info/tlp';

describe('info page address', () => {
  it('reads a map popup link and writes it back', () => {
    const v = decodeInfoView(new URLSearchParams('report=12&lang=en'));
    expect(v).toEqual({ ...DEFAULT_INFO_VIEW, report: 12 });
    expect(encodeInfoView(v, 'en')).toBe('report=12&lang=en');
  });

  it('drops malformed values and keeps `all` as both states', () => {
    const v = decodeInfoView(
      new URLSearchParams('tab=secret&report=-3&p=hanoi&status=all&kind=tank&tlp=red'),
    );
    expect(v).toEqual({ ...DEFAULT_INFO_VIEW, status: '', tlp: 'red' });
    expect(encodeInfoView(v, 'vi')).toBe('status=all&tlp=red');
  });

  it('asks for the newest received first, open ones by default', () => {
    expect(reportListUrl(infoListQuery(DEFAULT_INFO_VIEW))).toBe(
      '/api/reports?status=open&sort=received_at&dir=desc&limit=50',
    );
    expect(
      reportListUrl(
        infoListQuery({ ...DEFAULT_INFO_VIEW, status: '', province: 'lang_son', q: ' ghe ' }),
      ),
    ).toBe('/api/reports?province=lang_son&q=ghe&sort=received_at&dir=desc&limit=50');
  });
});

describe('timeline', () => {
  it('gives hours to acknowledge, one decimal under ten', () => {
    expect(hoursBetween('2026-11-01T00:00:00Z', '2026-11-01T05:30:00Z')).toBe(5.5);
    expect(hoursBetween('2026-11-01T00:00:00Z', '2026-11-02T02:20:00Z')).toBe(26);
    expect(hoursBetween('2026-11-01T00:00:00Z', null)).toBeNull();
    expect(hoursBetween('2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z')).toBeNull();
  });

  it('says minutes under an hour, at least one', () => {
    expect(tookText('2026-11-01T00:00:00Z', '2026-11-01T00:12:20Z')).toEqual({
      unit: 'min',
      n: 12,
    });
    expect(tookText('2026-11-01T00:00:00Z', '2026-11-01T00:00:05Z')).toEqual({ unit: 'min', n: 1 });
    expect(tookText('2026-11-01T00:00:00Z', '2026-11-01T03:00:00Z')).toEqual({ unit: 'h', n: 3 });
  });

  it('keeps the details worth a line, in a fixed order', () => {
    expect(
      stepDetails({
        at: '',
        action: 'assessed',
        username: 'u',
        agency: 'customs',
        unit: null,
        details: { reason: 'Khớp tin cũ', value: 'duplicate', internal: 1, action_taken: '' },
      }),
    ).toEqual([
      { key: 'value', value: 'duplicate' },
      { key: 'reason', value: 'Khớp tin cũ' },
    ]);
  });
});

describe('named places', () => {
  it('keeps coded features, as layer:CODE, sorted by Vietnamese name', () => {
    const g = { type: 'Point' as const, coordinates: [106.7, 21.9] };
    const places = placesOf('border_gates', [
      {
        type: 'Feature',
        properties: { code: 'HN', name_vi: 'Hữu Nghị', name_en: 'Huu Nghi' },
        geometry: g,
      },
      { type: 'Feature', properties: { name_vi: 'no code' }, geometry: g },
      { type: 'Feature', properties: { code: 'CM', name_vi: 'Chi Ma' }, geometry: g },
    ]);
    expect(places.map((p) => [p.id, p.name_en])).toEqual([
      ['border_gates:CM', 'Chi Ma'],
      ['border_gates:HN', 'Huu Nghi'],
    ]);
  });

  it('labels the marking as TLP 2.0 prints it', () => {
    expect(tlpLabel('amber')).toBe('TLP:AMBER');
  });
});

describe('small map', () => {
  it('frames points, lines and areas together', () => {
    const items = [
      { geometry: { type: 'Point', coordinates: [105.1, 10.6] } },
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [105, 10.55],
            [105.05, 10.7],
          ],
        },
      },
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [105.2, 10.5],
              [105.3, 10.5],
              [105.3, 10.6],
              [105.2, 10.5],
            ],
          ],
        },
      },
    ] as unknown as Report[];
    expect(extentOf(items)).toEqual([105, 10.5, 105.3, 10.7]);
    expect(extentOf([])).toBeNull();
  });
});
