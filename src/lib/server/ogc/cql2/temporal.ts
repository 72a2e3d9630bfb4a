/** `yyyy-mm-dd` naming a real day. */
export function isDateString(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * RFC 3339 `yyyy-mm-ddThh:mm:ss[.fff]` with `Z` or an offset such as `+07:00` (CQL2 itself
 * asks for Z; an offset is accepted as the unambiguous instant it names).
 */
export function isTimestampString(s: string): boolean {
  const m =
    /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isDateString(m[1])) return false;
  const [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return h <= 23 && mi <= 59 && sec <= 59 && offsetOk;
}

/**
 * GDAL 3.6's OAPIF driver writes the time constants of `-where` as `2024-01-31T` (a date),
 * `2024-01-31T10Z` or `2024-01-31T10:30Z`: the instant it means, as a full timestamp, or
 * undefined for anything else.
 *
 * @example gdalTimestamp('2024-01-31T') // '2024-01-31T00:00:00Z'
 */
export function gdalTimestamp(s: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(?:(\d{2})(?::(\d{2}))?Z)?$/.exec(s);
  if (!m) return undefined;
  const full = `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00Z`;
  return isTimestampString(full) ? full : undefined;
}
