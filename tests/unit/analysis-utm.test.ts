import { describe, expect, it } from 'vitest';
import { utmToWgs84, wgs84ToUtm } from '../../src/lib/analysis/utm';
import golden from '../fixtures/analysis/utm-cs2cs.json';

// Reference coordinates from PROJ's cs2cs (tests/fixtures/analysis/utm-cs2cs.sh).
describe('UTM zone 48N against PROJ cs2cs', () => {
  it('projects WGS84 to EPSG:32648 within 1 mm', () => {
    for (const { lon, lat, x, y } of golden.forward) {
      const [px, py] = wgs84ToUtm(lon, lat);
      expect(Math.abs(px - x), `${lon} ${lat}`).toBeLessThan(0.001);
      expect(Math.abs(py - y), `${lon} ${lat}`).toBeLessThan(0.001);
    }
  });

  it('unprojects EPSG:32648 to WGS84 within 1e-8 degrees (about 1 mm)', () => {
    for (const { x, y, lon, lat } of golden.inverse) {
      const [plon, plat] = utmToWgs84(x, y);
      expect(Math.abs(plon - lon), `${x} ${y}`).toBeLessThan(1e-8);
      expect(Math.abs(plat - lat), `${x} ${y}`).toBeLessThan(1e-8);
    }
  });

  it('round-trips to a micrometre across both provinces', () => {
    for (let lon = 102; lon <= 108; lon += 0.75) {
      for (let lat = 8.5; lat <= 23.5; lat += 1.5) {
        const [x, y] = wgs84ToUtm(lon, lat);
        const [x2, y2] = wgs84ToUtm(...utmToWgs84(x, y));
        expect(Math.hypot(x2 - x, y2 - y)).toBeLessThan(1e-6);
      }
    }
  });

  it('uses the zone given and refuses a zone that does not exist', () => {
    expect(wgs84ToUtm(99, 10, 47)[0]).toBeCloseTo(500000, 6);
    expect(() => wgs84ToUtm(105, 10, 61)).toThrow(RangeError);
  });
});
