import { describe, expect, it } from 'vitest';
import { checkGeometry } from '../../src/lib/server/io/geometry-check';

const line = (coords: unknown) => ({ type: 'LineString', coordinates: coords });

describe('checkGeometry', () => {
  it('accepts a point and a line in the area of operations', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [105.12, 10.7] }, ['Point'])).toEqual([]);
    expect(
      checkGeometry(
        line([
          [105, 10.5],
          [105.1, 10.6],
        ]),
        ['LineString'],
      ),
    ).toEqual([]);
  });

  it('refuses a type the layer does not hold', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [105, 10] }, ['LineString'])).toEqual([
      'geometry type must be LineString (got Point)',
    ]);
    expect(checkGeometry(null, ['Point'])).toEqual(['geometry must be a GeoJSON geometry object']);
  });

  it('refuses non-finite numbers and strings', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [NaN, 10] }, ['Point'])).toEqual([
      'coordinates: coordinates must be finite numbers',
    ]);
    expect(checkGeometry({ type: 'Point', coordinates: ['105', 10] }, ['Point'])).toEqual([
      'coordinates: coordinates must be finite numbers',
    ]);
  });

  it('refuses Z (and M) values with a message that says so', () => {
    const z = 'positions must be 2-D [longitude, latitude]; Z values are not accepted';
    expect(checkGeometry({ type: 'Point', coordinates: [105.1, 10.6, 12] }, ['Point'])).toEqual([
      `coordinates: ${z}`,
    ]);
    expect(checkGeometry({ type: 'Point', coordinates: [105.1, 10.6, 12, 0] }, ['Point'])).toEqual([
      `coordinates: ${z}`,
    ]);
    expect(
      checkGeometry(
        line([
          [105, 10.5],
          [105.1, 10.6, 12],
        ]),
        ['LineString'],
      ),
    ).toEqual([`coordinates[1]: ${z}`]);
    expect(checkGeometry({ type: 'Point', coordinates: [105.1] }, ['Point'])).toEqual([
      'coordinates: a position must be [longitude, latitude]',
    ]);
  });

  it('points out swapped longitude and latitude', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [10.7, 105.12] }, ['Point'])).toEqual([
      'coordinates: [10.7, 105.12] looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]',
    ]);
  });

  it('separates impossible coordinates from ones outside the area of operations', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [200, 10] }, ['Point'])).toEqual([
      'coordinates: [200, 10] is outside longitude [-180, 180] / latitude [-90, 90]',
    ]);
    expect(checkGeometry({ type: 'Point', coordinates: [2.35, 48.85] }, ['Point'])).toEqual([
      'coordinates: [2.35, 48.85] is outside the area of operations',
    ]);
  });

  it('needs two distinct positions on a line', () => {
    expect(
      checkGeometry(
        line([
          [105, 10.5],
          [105, 10.5],
        ]),
        ['LineString'],
      ),
    ).toEqual(['coordinates: a line needs at least 2 distinct positions']);
  });

  it('needs closed rings of at least four positions', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [105, 10],
          [105.1, 10],
          [105.1, 10.1],
          [105, 10.1],
        ],
      ],
    };
    expect(checkGeometry(open, ['Polygon'])).toEqual([
      'coordinates[0]: ring is not closed (first position must equal the last)',
    ]);
    const short = {
      type: 'Polygon',
      coordinates: [
        [
          [105, 10],
          [105.1, 10],
          [105, 10],
        ],
      ],
    };
    expect(checkGeometry(short, ['Polygon'])).toEqual([
      'coordinates[0]: a ring needs at least 4 positions',
    ]);
  });

  it('refuses nesting that does not match the type, however deep', () => {
    let deep: unknown = [105, 10];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(checkGeometry({ type: 'LineString', coordinates: deep }, ['LineString'])).toEqual([
      'geometry.coordinates nesting does not match a LineString',
    ]);
    expect(checkGeometry({ type: 'LineString', coordinates: [105, 10] }, ['LineString'])).toEqual([
      'geometry.coordinates nesting does not match a LineString',
    ]);
  });

  it('caps the number of positions', () => {
    const coords = Array.from({ length: 101 }, (_, i) => [105 + i / 1000, 10.5]);
    expect(checkGeometry(line(coords), ['LineString'], { maxVertices: 100 })).toEqual([
      'geometry has more than 100 positions',
    ]);
    expect(checkGeometry(line(coords.slice(0, 100)), ['LineString'], { maxVertices: 100 })).toEqual(
      [],
    );
  });
});
