/** Instants as officers read them: Vietnam time (UTC+7 all year, no daylight saving). */

const OFFSET_MS = 7 * 60 * 60 * 1000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The same wall-clock reading in UTC fields. */
const shifted = (d: Date) => new Date(d.getTime() + OFFSET_MS);

/**
 * The Vietnam calendar day of an instant, `YYYY-MM-DD`.
 * @example vietnamDay(new Date('2024-03-05T18:00:00Z')) // '2024-03-06'
 */
export function vietnamDay(d: Date): string {
  return shifted(d).toISOString().slice(0, 10);
}

/**
 * `dd/mm/yyyy HH:mm:ss` in Vietnam time.
 * @example vietnamDateTime(new Date('2024-03-05T20:04:09.512Z')) // '06/03/2024 03:04:09'
 */
export function vietnamDateTime(d: Date): string {
  const v = shifted(d);
  const date = [pad2(v.getUTCDate()), pad2(v.getUTCMonth() + 1), v.getUTCFullYear()].join('/');
  const time = [v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds()].map(pad2).join(':');
  return `${date} ${time}`;
}

/**
 * The instant of a Vietnam wall-clock reading (month 1-12), or undefined when the fields do not
 * make a real date and time.
 * @example vietnamInstant(2024, 3, 5) // '2024-03-04T17:00:00.000Z'
 */
export function vietnamInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): string | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(utc);
  // Date.UTC rolls 31/02 over into March: a real date reads back the same fields.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return new Date(utc - OFFSET_MS).toISOString();
}
