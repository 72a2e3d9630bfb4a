import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_TRACK_VERTICES,
  TrackError,
  fitVertices,
  trackFromGeoJson,
  trackFromGpx,
} from '../../src/lib/server/io/track-import';

const A = [105.01, 10.52];
const B = [105.05, 10.6];
const C = [105.1, 10.65];
const gpxFile = readFileSync(
  new URL('../fixtures/tracks/two-segments.gpx', import.meta.url),
  'utf8',
);

describe('track import', () => {
  it('joins the segments of a GPX track in file order and ignores waypoints and elevation', () => {
    const t = trackFromGpx(gpxFile);
    expect(t.geometry).toEqual({ type: 'LineString', coordinates: [A, B, C, B] });
    expect(t.parts).toBe(2);
    expect(t.vertices_read).toBe(4);
  });

  it('reads GPX routes too, after the tracks', () => {
    const text = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
      <rte><rtept lat="10.65" lon="105.10"/><rtept lat="10.52" lon="105.01"/></rte>
      <trk><trkseg><trkpt lat="10.52" lon="105.01"/><trkpt lat="10.60" lon="105.05"/></trkseg></trk>
    </gpx>`;
    const coords = trackFromGpx(text).geometry.coordinates;
    expect(coords).toHaveLength(4);
    expect(coords).toEqual(expect.arrayContaining([A, B, C]));
  });

  it('refuses GPX that is not XML, not GPX, or has no line', () => {
    expect(() => trackFromGpx('<gpx><trk>')).toThrow(/not well-formed XML/);
    expect(() => trackFromGpx('<kml xmlns="http://www.opengis.net/kml/2.2"/>')).toThrow(
      'The file is not GPX (its root element is <kml>).',
    );
    expect(() => trackFromGpx('<gpx version="1.1"><wpt lat="10.7" lon="105.2"/></gpx>')).toThrow(
      'The GPX holds no track or route points.',
    );
    expect(() =>
      trackFromGpx(
        '<gpx><trk><trkseg><trkpt lat="10.5" lon="105"/><trkpt lat="10.5" lon="105"/></trkseg></trk></gpx>',
      ),
    ).toThrow('The GPX needs at least two distinct positions to make a line.');
  });

  it('does not fetch or expand external entities', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <gpx><trk><name>&x;</name><trkseg><trkpt lat="10.52" lon="105.01"/><trkpt lat="10.6" lon="105.05"/></trkseg></trk></gpx>`;
    let text = '';
    try {
      text = JSON.stringify(trackFromGpx(xxe));
    } catch (e) {
      expect(e).toBeInstanceOf(TrackError);
    }
    expect(text).not.toContain('root:');
  });

  it('takes GeoJSON lines, multi-lines, features and collections', () => {
    const line = { type: 'LineString', coordinates: [A, B] };
    expect(trackFromGeoJson(line).geometry.coordinates).toEqual([A, B]);
    const multi = {
      type: 'MultiLineString',
      coordinates: [
        [A, B],
        [C, B],
      ],
    };
    expect(trackFromGeoJson(multi)).toMatchObject({
      geometry: { coordinates: [A, B, C, B] },
      parts: 2,
    });
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: [A, [...B, 12]] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [B, C] } },
      ],
    };
    // The shared end B is kept once, the elevation dropped.
    expect(trackFromGeoJson(fc).geometry.coordinates).toEqual([A, B, C]);
    expect(() => trackFromGeoJson({ type: 'Point', coordinates: A })).toThrow(
      'track must be a LineString, MultiLineString, or a Feature or FeatureCollection of them (got Point)',
    );
    expect(() =>
      trackFromGeoJson({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } }],
      }),
    ).toThrow(/track feature 1 must be a LineString/);
    expect(() =>
      trackFromGeoJson({
        type: 'LineString',
        coordinates: [
          [A[1], A[0]],
          [B[1], B[0]],
        ],
      }),
    ).toThrow(/Invalid track/);
  });

  it(`simplifies a long track to at most ${MAX_TRACK_VERTICES} positions, keeping its ends and shape`, () => {
    // 30,000 fixes zig-zagging ±5 m across a line: the zig-zag goes, the line stays.
    const coords: [number, number][] = [];
    for (let i = 0; i < 30_000; i++)
      coords.push([
        105.01 + (0.04 * i) / 29_999,
        10.52 + (0.08 * i) / 29_999 + (i % 2 ? 4.5e-5 : 0),
      ]);
    const t = trackFromGeoJson({ type: 'LineString', coordinates: coords });
    expect(t.vertices_read).toBe(30_000);
    const out = t.geometry.coordinates;
    expect(out.length).toBeLessThanOrEqual(MAX_TRACK_VERTICES);
    expect(out.length).toBeGreaterThan(1);
    expect(out[0]).toEqual(coords[0]);
    expect(out[out.length - 1]).toEqual(coords[coords.length - 1]);
    expect(out.length).toBe(MAX_TRACK_VERTICES);
    // The smallest triangles go first: of A, a 1 m kink and a 100 m bend, the kink goes.
    const kinked: [number, number][] = [
      [105, 10.5],
      [105.01, 10.50001],
      [105.02, 10.5],
      [105.03, 10.501],
      [105.04, 10.5],
    ];
    expect(fitVertices(kinked, 4)).toEqual([kinked[0], kinked[2], kinked[3], kinked[4]]);
    expect(fitVertices(kinked, 10)).toBe(kinked);
  });
});
