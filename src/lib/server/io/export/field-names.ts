/**
 * dBASE field names hold at most 10 characters: longer names are cut, and a cut that collides
 * with another name ends in `_2`, `_3`... instead. The renames go into a note in the archive.
 * @example shortFieldNames(['transport_mode', 'accuracy_note_vi', 'accuracy_note_en'])
 * // ['transport_', 'accuracy_n', 'accuracy_2']
 */
export function shortFieldNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let short = name.slice(0, 10);
    for (let n = 2; taken.has(short.toLowerCase()); n++) {
      const suffix = `_${n}`;
      short = name.slice(0, 10 - suffix.length) + suffix;
    }
    taken.add(short.toLowerCase());
    return short;
  });
}

/** The note listing each rename, one `original -> short` a line (empty when none). */
export function renameNote(names: readonly string[], short: readonly string[]): string {
  const lines = names.flatMap((n, i) => (n === short[i] ? [] : [`${n} -> ${short[i]}`]));
  if (lines.length === 0) return '';
  return (
    'Shapefile (dBASE) field names hold at most 10 characters; these fields were renamed:\r\n' +
    'Tên trường Shapefile (dBASE) tối đa 10 ký tự; các trường sau đã được đổi tên:\r\n' +
    lines.join('\r\n') +
    '\r\n'
  );
}
