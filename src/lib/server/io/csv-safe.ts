/**
 * CSV that officers open in a spreadsheet: UTF-8 with a byte order mark (without it Excel reads
 * Vietnamese as the local code page), CRLF line ends (RFC 4180), and text cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) prefixed with an apostrophe.
 * Every export writes its CSV through this module.
 */
import { stringify } from 'csv-stringify/sync';

export const UTF8_BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Numbers stay numbers (a negative longitude is not a formula); null is an empty cell. */
export type CsvCell = string | number | null | undefined;

/**
 * Rows as CSV text, each ending in CRLF, with formula-like text cells neutralised.
 * @example csvLines([['=1+2', -5, 'Lạng Sơn']]) // "'=1+2,-5,Lạng Sơn\r\n"
 */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as CsvCell[][], {
    escape_formulas: true,
    record_delimiter: 'windows',
    // Off by default once record_delimiter is set: a lone \n or \r would then split the row.
    quote_record_delimiter: true,
    eof: true,
  });
}

/**
 * A CSV download as bytes: the byte order mark and header at once, then one batch of rows each
 * time the client has taken the previous one, so a large export never sits in memory. A failed
 * batch ends the download early (the client sees a broken transfer) and goes to `onError`.
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]>,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(UTF8_BOM + csvLines([header])));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLines(next.value)));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * `Content-Disposition` for a download; the name is ASCII by construction (dates and codes).
 * @example attachment('audit-log.csv') // 'attachment; filename="audit-log.csv"'
 */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`;
}
