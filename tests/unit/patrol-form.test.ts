import { describe, expect, it } from 'vitest';
import {
  parseClock,
  parseSeizureIds,
  patrolTimes,
  trackPayload,
} from '../../src/lib/components/patrols/patrol-form';

describe('the record-a-patrol form', () => {
  it('writes the times in Vietnam time and carries a night patrol into the next day', () => {
    expect(patrolTimes('2024-05-14', '07:30', '10:00')).toEqual({
      started_at: '2024-05-14T07:30:00+07:00',
      ended_at: '2024-05-14T10:00:00+07:00',
    });
    expect(patrolTimes('2024-12-31', '21:00', '02:30')).toEqual({
      started_at: '2024-12-31T21:00:00+07:00',
      ended_at: '2025-01-01T02:30:00+07:00',
    });
    expect(patrolTimes('2024-02-28', '22:00', '22:00').ended_at).toBe('2024-02-29T22:00:00+07:00');
  });

  it('reads seizure ids or refuses the whole entry', () => {
    expect(parseSeizureIds('12, 15 17;12')).toEqual([12, 15, 17]);
    expect(parseSeizureIds('')).toEqual([]);
    expect(parseSeizureIds('12, abc')).toBeUndefined();
    expect(parseSeizureIds('0')).toBeUndefined();
    expect(parseSeizureIds('-3')).toBeUndefined();
  });

  it('sends GPX as text and GeoJSON parsed', () => {
    expect(trackPayload('track.GPX', '<gpx/>')).toEqual({ gpx: '<gpx/>' });
    expect(trackPayload('export', ' <?xml version="1.0"?><gpx/>')).toHaveProperty('gpx');
    expect(trackPayload('t.geojson', '{"type":"LineString","coordinates":[]}')).toEqual({
      track: { type: 'LineString', coordinates: [] },
    });
    expect(trackPayload('t.json', '{oops')).toBeUndefined();
  });

  it('reads clock times as people type them', () => {
    expect(['7:30', '07.30', '0730', '21h05', ' 23:59 '].map(parseClock)).toEqual([
      '07:30',
      '07:30',
      '07:30',
      '21:05',
      '23:59',
    ]);
    expect(['24:00', '7:60', '7', 'abc', ''].map(parseClock)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
