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
