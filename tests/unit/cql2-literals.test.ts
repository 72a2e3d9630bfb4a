import { describe, expect, it } from 'vitest';
import {
  gdalTimestamp,
  isDateString,
  isTimestampString,
} from '../../src/lib/server/ogc/cql2/temporal';
import { geometryToWkt } from '../../src/lib/server/ogc/cql2/wkt';

describe('isDateString', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['24-01-01', false],
    ['2024-01-01T', false],
  ])('%s: %s', (s, ok) => expect(isDateString(s)).toBe(ok));
});

describe('isTimestampString', () => {
  it.each([
    ['2024-01-31T23:59:59Z', true],
    ['2024-01-31T23:59:59.123456Z', true],
    ['2024-01-31t10:00:00z', true],
    ['2024-01-31T10:00:00+07:00', true],
    ['2024-01-31T10:00:00-03:30', true],
    ['2024-01-31T10:00:00', false],
    ['2024-01-31 10:00:00Z', false],
    ['2024-01-31T24:00:00Z', false],
    ['2024-01-31T10:60:00Z', false],
    ['2024-02-30T10:00:00Z', false],
    ['2024-01-31T10:00:00+24:00', false],
  ])('%s: %s', (s, ok) => expect(isTimestampString(s)).toBe(ok));
});

describe('gdalTimestamp', () => {
  it.each([
    ['2024-03-05T', '2024-03-05T00:00:00Z'],
    ['2024-03-05T07Z', '2024-03-05T07:00:00Z'],
    ['2024-03-05T07:30Z', '2024-03-05T07:30:00Z'],
    ['2024-02-30T', undefined],
    ['2024-03-05T25Z', undefined],
    ['2024-03-05', undefined],
    ['2024-03-05T07:30', undefined],
  ])('%s -> %s', (s, expected) => expect(gdalTimestamp(s)).toBe(expected));
});

describe('geometryToWkt', () => {
  it('writes every type, numbers exactly as parsed', () => {
    expect(geometryToWkt({ type: 'Point', coordinates: [105.123456789012, -0.1] })).toBe(
      'POINT(105.123456789012 -0.1)',
    );
    expect(geometryToWkt({ type: 'Point', coordinates: [1, 2, 3] })).toBe('POINT Z(1 2 3)');
    expect(
      geometryToWkt({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3e-7, 4e21],
        ],
      }),
    ).toBe('LINESTRING(1 2,3e-7 4e+21)');
    expect(
      geometryToWkt({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe('POLYGON((0 0,1 0,1 1,0 0))');
    expect(
      geometryToWkt({
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBe('MULTIPOINT((1 2),(3 4))');
    expect(
      geometryToWkt({
        type: 'MultiLineString',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [5, 6],
            [7, 8],
          ],
        ],
      }),
    ).toBe('MULTILINESTRING((1 2,3 4),(5 6,7 8))');
    expect(
      geometryToWkt({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0, 1],
              [1, 0, 1],
              [1, 1, 1],
              [0, 0, 1],
            ],
          ],
        ],
      }),
    ).toBe('MULTIPOLYGON Z(((0 0 1,1 0 1,1 1 1,0 0 1)))');
    expect(
      geometryToWkt({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        ],
      }),
    ).toBe('GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))');
  });
});
