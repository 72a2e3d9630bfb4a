import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  labelPoints,
  normaliseNeighbour,
  shortGateName,
  withShortGateNames,
} from '../../src/lib/map/labels';

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
