import { describe, expect, it } from 'vitest';
import { hexFeature, hexRingWgs84 } from '../../src/lib/analysis/hex-geojson';
import { hexPolygon } from '../../src/lib/analysis/hex-grid';
import { wgs84ToUtm } from '../../src/lib/analysis/utm';

describe('hex cells as WGS84 GeoJSON', () => {
  it('puts each vertex within 2 cm of the UTM outline', () => {
    const ring = hexRingWgs84(-115, 1326, 1000);
    const utm = hexPolygon(-115, 1326, 1000);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    ring.forEach(([lon, lat], i) => {
      const [x, y] = wgs84ToUtm(lon, lat);
      expect(Math.hypot(x - utm[i][0], y - utm[i][1])).toBeLessThan(0.02);
    });
    // The north vertex, unprojected by PROJ: cs2cs EPSG:32648 EPSG:4326 of 548000 1148927.0357.
    expect(ring[1][0]).toBeCloseTo(105.4385077, 7);
    expect(ring[1][1]).toBeCloseTo(10.3932661, 7);
  });

  it('winds counter-clockwise in longitude and latitude (RFC 7946 outer ring)', () => {
    const ring = hexRingWgs84(300, 2500, 500);
    let twiceArea = 0;
    for (let i = 0; i < 6; i++)
      twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('shares vertices with the neighbouring cell exactly after rounding', () => {
    const a = hexRingWgs84(10, 1400, 1000);
    const b = hexRingWgs84(11, 1400, 1000); // east neighbour
    expect(b[2]).toEqual(a[0]);
    expect(b[3]).toEqual(a[5]);
  });

  it('writes a feature with the cell id and properties', () => {
    const f = hexFeature({ id: '1000:-115:1326', q: -115, r: 1326 }, 1000, { count: 4 });
    expect(f.type).toBe('Feature');
    expect(f.id).toBe('1000:-115:1326');
    expect(f.properties).toEqual({ count: 4 });
    expect(f.geometry.coordinates[0]).toEqual(hexRingWgs84(-115, 1326, 1000));
  });
});
