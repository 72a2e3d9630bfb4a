/** The record-a-patrol form's rules, apart from the component so they can be tested alone. */

/**
 * Start and end instants from a day and two clock times in Vietnam time (UTC+7, the zone
 * officers write times in). An end earlier than the start is the next morning: a night patrol.
 * @example patrolTimes('2024-05-14', '21:00', '02:30') // ends '2024-05-15T02:30:00+07:00'
 */
export function patrolTimes(
  day: string,
  start: string,
  end: string,
): { started_at: string; ended_at: string } {
  const started_at = `${day}T${start}:00+07:00`;
  let endDay = day;
  if (end <= start) {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    endDay = next.toISOString().slice(0, 10);
  }
  return { started_at, ended_at: `${endDay}T${end}:00+07:00` };
}

/**
 * Seizure ids typed as "12, 15 17": whole positive numbers, duplicates dropped; undefined when
 * anything else was typed (the form says so instead of sending a guess).
 */
export function parseSeizureIds(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^[1-9]\d{0,9}$/.test(p))) return undefined;
  return [...new Set(parts.map(Number))];
}

/**
 * The track part of the body from a file: GPX text as it is (the server parses it), GeoJSON
 * parsed; undefined when a .json/.geojson file is not JSON.
 */
export function trackPayload(
  fileName: string,
  text: string,
): { gpx: string } | { track: unknown } | undefined {
  if (/\.gpx$/i.test(fileName) || text.trimStart().startsWith('<')) return { gpx: text };
  try {
    return { track: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * A clock time as typed ("7:30", "07.30", "0730") as `hh:mm`, undefined when it is not one.
 * Text rather than a time input: those show 12-hour clocks on English-set machines.
 */
export function parseClock(text: string): string | undefined {
  const m = /^(\d{1,2})[:.h]?(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}
