import { describe, expect, it } from 'vitest';
import { ageOpacity, ratingClass, reportLayerSpecs } from '../../src/lib/map/report-styles';
import {
  ageText,
  infoHref,
  objectRows,
  objectTitle,
  ratingText,
  reportRows,
  reportTitle,
  tlpOf,
} from '../../src/lib/map/report-popup';
import { popupView } from '../../src/lib/map/popup-rows';
import { legendGroups } from '../../src/lib/map/legend';
import { countMatching } from '../../src/lib/map/stats';

describe('fading with age', () => {
  it('is 1 when new, 0.25 from 90 days, linear between', () => {
    expect(ageOpacity(0)).toBe(1);
    // 1 - 45/90 * 0.75 = 0.625
    expect(ageOpacity(45)).toBeCloseTo(0.625, 10);
    // 1 - 30/90 * 0.75 = 0.75
    expect(ageOpacity(30)).toBeCloseTo(0.75, 10);
    expect(ageOpacity(90)).toBe(0.25);
    expect(ageOpacity(400)).toBe(0.25);
  });
  it('counts an unknown or negative age as new', () => {
    expect(ageOpacity(null)).toBe(1);
    expect(ageOpacity(-3)).toBe(1);
    expect(ageOpacity(Number.NaN)).toBe(1);
  });
  it('is what the map draws: the opacity expression ends at the same stops', () => {
    const point = reportLayerSpecs().find((s) => s.id === 'reports-point');
    const paint = (point as { paint: Record<string, unknown> }).paint;
    expect(JSON.stringify(paint['circle-stroke-opacity'])).toContain(',0,1,90,0.25]');
  });
});

describe('rating classes (Admiralty scale)', () => {
  it('strong only when both halves are good', () => {
    expect(ratingClass('A', 1)).toBe('strong');
    expect(ratingClass('B', 2)).toBe('strong');
    expect(ratingClass('B', 3)).toBe('medium');
    expect(ratingClass('C', 2)).toBe('medium');
    expect(ratingClass('D', 4)).toBe('medium');
  });
  it('weak when either half is poor or cannot be judged', () => {
    expect(ratingClass('A', 5)).toBe('weak');
    expect(ratingClass('E', 1)).toBe('weak');
    expect(ratingClass('F', 6)).toBe('weak');
    expect(ratingClass(undefined, undefined)).toBe('weak');
  });
});

const report = {
  id: 7,
  title: 'Ghe chở thuốc lá qua kênh Vĩnh Tế',
  kind: 'boat',
  reliability: 'B',
  credibility: 2,
  rating: 'B2',
  tlp: 'amber',
  status: 'open',
  agency: 'border_guard',
  province: 'an_giang',
  received_at: '2026-11-30T01:15:00Z',
  age_days: 12.6,
};

describe('report popup', () => {
  it('says what, how good, how old, in Vietnamese and English', () => {
    const vi = Object.fromEntries(reportRows('vi', report).map((r) => [r.key, r.value]));
    expect(vi['infomap.popup.kind']).toBe('Thuyền, ghe');
    expect(vi['infomap.popup.rating']).toBe('B2 · B: thường tin cậy · 2: có thể đúng');
    expect(vi['infomap.popup.age']).toBe('12 ngày');
    // 01:15 UTC is 08:15 in Vietnam.
    expect(vi['infomap.popup.received']).toBe('30/11/2026 08:15');
    expect(vi['infomap.popup.agency']).toBe('Biên phòng');
    const en = Object.fromEntries(reportRows('en', report).map((r) => [r.key, r.value]));
    expect(en['infomap.popup.rating']).toBe('B2 · B: usually reliable · 2: probably true');
    expect(en['infomap.popup.status']).toBe('Open');
  });
  it('goes through the map popup with the report title', () => {
    const view = popupView(
      { layer: 'reports', key: 'reports/7', properties: report, lngLat: [105.1, 10.6] },
      'en',
    );
    expect(view.title).toBe(report.title);
    expect(view.rows.map((r) => r.key)).toContain('infomap.popup.rating');
  });
  it('ages under a day read as today', () => {
    expect(ageText(0.4, 'vi')).toBe('hôm nay');
    expect(ageText(1, 'en')).toBe('1 days');
    expect(ageText(undefined, 'en')).toBe('–');
  });
  it('rates only with both halves', () => {
    expect(ratingText('C', undefined, 'en')).toBe('–');
  });
  it('knows the TLP marking, nothing else', () => {
    expect(tlpOf({ tlp: 'red' })).toBe('red');
    expect(tlpOf({ tlp: 'white' })).toBeNull();
  });
  it('falls back to the number when the title is missing', () => {
    expect(reportTitle({ id: 9 }, 'vi')).toBe('Tin báo #9');
  });
  it('links to the register in the page language', () => {
    expect(infoHref('/info', 'reports', 7, 'vi')).toBe('/info?report=7');
    expect(infoHref('/info', 'reports', '7', 'en')).toBe('/info?report=7&lang=en');
    expect(infoHref('/info', 'objects_near_frontier', 3, 'vi')).toBe('/info?tab=objects&object=3');
    expect(infoHref('/info', 'reports', 'x', 'vi')).toBeNull();
    expect(infoHref('/info', 'reports', -1, 'vi')).toBeNull();
  });
});

describe('object popup', () => {
  const object = {
    id: 3,
    kind: 'vehicle',
    identifier_masked: '51C-•••12',
    sightings_count: 4,
    last_seen_at: '2026-11-20T17:30:00Z',
  };
  it('shows the masked identifier and the sightings', () => {
    expect(objectTitle(object, 'vi')).toBe('Xe 51C-•••12');
    const rows = Object.fromEntries(objectRows('en', object).map((r) => [r.key, r.value]));
    expect(rows['infomap.popup.sightings']).toBe('4');
    // 17:30 UTC is 00:30 the next day in Vietnam.
    expect(rows['infomap.popup.lastSeen']).toBe('21/11/2026 00:30');
  });
});

describe('reports legend', () => {
  it('has one row per kind and counts the features of that kind', () => {
    const [group] = legendGroups('reports', 'agency');
    expect(group.entries).toHaveLength(6);
    const boat = group.entries.find((e) => e.label === 'infomap.kind.boat');
    const features = [
      { type: 'Feature', properties: { kind: 'boat' }, geometry: null },
      { type: 'Feature', properties: { kind: 'boat' }, geometry: null },
      { type: 'Feature', properties: { kind: 'vehicle' }, geometry: null },
    ];
    expect(countMatching(features as never, boat!.match!)).toBe(2);
  });
});
