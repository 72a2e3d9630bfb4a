import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  GATE_KINDS_BY_PRIORITY,
  GATE_LABEL_RULES,
  gateKindsLabelledAt,
  gateLabelField,
  gateLabelSortKey,
  labelPoints,
  normaliseNeighbour,
  shortGateName,
  withShortGateNames,
} from '../../src/lib/map/labels';
import { evaluateProperty } from '../lib/style-eval';

describe('normaliseNeighbour', () => {
  it('reads codes and names', () => {
    expect(normaliseNeighbour('KH')).toBe('cambodia');
    expect(normaliseNeighbour('Campuchia')).toBe('cambodia');
    expect(normaliseNeighbour('CN')).toBe('china');
    expect(normaliseNeighbour('china')).toBe('china');
    expect(normaliseNeighbour('LA')).toBeUndefined();
    expect(normaliseNeighbour(null)).toBeUndefined();
  });
});

describe('shortGateName', () => {
  it('drops what the symbol already says', () => {
    expect(shortGateName('Cửa khẩu quốc tế Tịnh Biên', 'vi')).toBe('Tịnh Biên');
    expect(shortGateName('Cửa khẩu Chi Ma', 'vi')).toBe('Chi Ma');
    expect(shortGateName('Chợ biên giới Tân Thanh', 'vi')).toBe('Chợ biên giới Tân Thanh');
    expect(shortGateName('Tinh Bien international border gate', 'en')).toBe('Tinh Bien');
    expect(shortGateName('Dong Dang international railway gate', 'en')).toBe('Dong Dang (rail)');
    expect(shortGateName('Cửa khẩu quốc tế ga đường sắt Đồng Đăng', 'vi')).toBe('Ga Đồng Đăng');
    expect(shortGateName('Na Nua crossing', 'en')).toBe('Na Nua');
    expect(shortGateName('Tan Thanh border market', 'en')).toBe('Tan Thanh border market');
  });
  it('adds short names without touching the input', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [105, 10] },
          properties: { name_vi: 'Cửa khẩu Khánh Bình', name_en: 'Khanh Binh border gate' },
        },
      ],
    };
    const out = withShortGateNames(fc);
    expect(out.features[0].properties).toMatchObject({
      short_vi: 'Khánh Bình',
      short_en: 'Khanh Binh',
    });
    expect(fc.features[0].properties).not.toHaveProperty('short_vi');
  });
});

describe('labelPoints', () => {
  // A 1-degree square province at the equator whose east edge is the frontier.
  const provinces: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        },
        properties: { id: 'an_giang', name_vi: 'An Giang', name_en: 'An Giang' },
      },
    ],
  };
  const frontier: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [1, 0],
            [1, 1],
          ],
        },
        properties: { province: 'an_giang', neighbour: 'KH' },
      },
    ],
  };

  it('labels the province inside its outline', () => {
    const [p] = labelPoints(provinces, frontier).features.filter(
      (f) => f.properties.kind === 'province',
    );
    const [x, y] = p.geometry.coordinates;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(1);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(1);
    expect(p.properties.label_vi).toBe('An Giang');
  });

  it('labels the neighbour 9 km off the frontier midpoint, outside the province', () => {
    const [n] = labelPoints(provinces, frontier).features.filter(
      (f) => f.properties.kind === 'neighbour',
    );
    // The frontier runs north; east of it is outside. 9 km at the equator = 9 / 111.195 degrees
    // (turf's earth radius 6371008.8 m: 2 * pi * r / 360 = 111.195 km per degree).
    const [x, y] = n.geometry.coordinates;
    expect(x).toBeCloseTo(1 + 9 / 111.195, 3);
    expect(y).toBeCloseTo(0.5, 3);
    expect(n.properties).toMatchObject({ label_vi: 'CAMPUCHIA', label_en: 'CAMBODIA' });
  });

  it('returns nothing without data', () => {
    expect(labelPoints(undefined, undefined).features).toEqual([]);
  });
});

describe('gate label priority', () => {
  const field = (locale: 'vi' | 'en') => gateLabelField(locale);
  const label = (locale: 'vi' | 'en', zoom: number, properties: Record<string, unknown>) =>
    evaluateProperty('symbol', 'layout', 'text-field', field(locale), zoom, properties)?.toString();
  const gate = (kind: string) => ({
    kind,
    name_vi: `Cửa khẩu ${kind}`,
    name_en: `${kind} gate`,
    short_vi: `VI ${kind}`,
    short_en: `EN ${kind}`,
  });

  it('ranks international gates first, then main, auxiliary, markets, crossings', () => {
    expect(GATE_KINDS_BY_PRIORITY).toEqual([
      'international',
      'main',
      'auxiliary',
      'border_market',
      'crossing_path',
    ]);
    // A kind never appears before one that outranks it.
    const zooms = GATE_KINDS_BY_PRIORITY.map((k) => GATE_LABEL_RULES[k].minZoom);
    expect([...zooms].sort((a, b) => a - b)).toEqual(zooms);
  });
  it('names international gates at every zoom, even zoomed out to a phone', () => {
    for (const zoom of [4, 6.5, 7.8, 12]) {
      expect(label('vi', zoom, gate('international'))).toBe('VI international');
    }
    expect(gateKindsLabelledAt(4)).toEqual(['international']);
  });
  it('names lesser kinds only from their zoom', () => {
    expect(label('vi', 6.9, gate('main'))).toBe('');
    expect(label('vi', 7, gate('main'))).toBe('VI main');
    expect(label('vi', 8.4, gate('auxiliary'))).toBe('');
    expect(label('vi', 8.5, gate('auxiliary'))).toBe('VI auxiliary');
    expect(label('en', 10.4, gate('crossing_path'))).toBe('');
    expect(label('en', 10.5, gate('crossing_path'))).toBe('EN crossing_path');
    expect(gateKindsLabelledAt(9)).toEqual(['international', 'main', 'auxiliary']);
  });
  it('falls back to the full name, then the other language, and names unknown kinds never', () => {
    expect(label('en', 9, { kind: 'main', name_en: 'Chi Ma border gate' })).toBe(
      'Chi Ma border gate',
    );
    expect(label('en', 9, { kind: 'main', short_vi: 'Chi Ma' })).toBe('Chi Ma');
    expect(label('vi', 14, { kind: 'checkpoint', short_vi: 'X' })).toBe('');
  });
  it('gives collisions to the higher-ranked kind (lower sort key)', () => {
    const key = (kind: string) =>
      evaluateProperty('symbol', 'layout', 'symbol-sort-key', gateLabelSortKey(), 9, { kind });
    const keys = GATE_KINDS_BY_PRIORITY.map(key) as number[];
    expect(keys).toEqual([0, 1, 2, 3, 4]);
    expect(key('checkpoint')).toBe(5);
  });
});
