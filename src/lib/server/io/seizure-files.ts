/**
 * Seizure files read record by record from disk, so a large upload is never held whole: CSV
 * through csv-parse, GeoJSON through stream-json. Each yields `{ line, raw }` where `line` is the
 * spreadsheet row (header 1, first record 2) for CSV and the 1-based feature number for GeoJSON.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { Duplex, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { badRequest } from '../errors';
import { fieldOfHeader, mapColumns, type SeizureField } from './seizure-columns';
import type { RawSeizure } from './seizure-values';

export interface RawRecord {
  line: number;
  raw: RawSeizure;
}

export interface SeizureFile {
  /** Headers (CSV) that name no field and were not read. */
  ignored: string[];
  records: AsyncIterable<RawRecord>;
}

/**
 * The delimiter of a CSV file: whichever of comma, semicolon (Excel in a Vietnamese locale) or
 * tab the header line holds most of, outside quotes.
 */
export function detectDelimiter(head: string): ',' | ';' | '\t' {
  const line = head.replace(/"[^"]*"/g, '').split(/\r?\n/)[0];
  const count = (c: string) => line.split(c).length - 1;
  const [best] = ([',', ';', '\t'] as const)
    .map((d) => [d, count(d)] as const)
    .sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

/** `first` piped through `rest`; an error anywhere fails the last stream, which is read. */
function piped(first: Readable, ...rest: Duplex[]): Duplex {
  const last = rest[rest.length - 1];
  let previous: Readable = first;
  for (const stream of rest) {
    previous.on('error', (error) => {
      if (!last.destroyed) last.destroy(error);
    });
    previous = previous.pipe(stream);
  }
  // The reader sees the error through its iterator (which rejects with it), however late it
  // comes; an error event after the reader has stopped must not go unhandled.
  last.on('error', () => {});
  return last;
}

function firstBytes(path: string, n: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Opens a CSV file: reads and checks its header row (400 when columns are missing). */
export async function openSeizureCsv(path: string): Promise<SeizureFile> {
  const delimiter = detectDelimiter(firstBytes(path, 64 * 1024));
  const rows: AsyncIterable<string[]> = piped(
    createReadStream(path),
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }),
  );
  const iterator = rows[Symbol.asyncIterator]();
  const first = await next(iterator);
  if (first.done) throw badRequest('The CSV file is empty: expected a header row.');
  const columns = mapColumns(first.value);
  if (columns.problems.length) {
    await iterator.return?.();
    throw badRequest(`The CSV header cannot be read: ${columns.problems.join('; ')}.`, {
      problems: columns.problems,
      headers: first.value,
    });
  }
  async function* records(): AsyncGenerator<RawRecord> {
    let line = 1;
    for (;;) {
      const r = await next(iterator);
      if (r.done) return;
      line++;
      if (r.value.every((cell) => cell.trim() === '')) continue; // a blank spreadsheet row
      const raw: RawSeizure = {};
      r.value.forEach((cell, i) => {
        const f = columns.fields[i];
        if (f) raw[f] = cell;
      });
      yield { line, raw };
    }
  }
  return { ignored: columns.ignored, records: records() };
}

/** The next record, with a CSV syntax error turned into a 400 that names the line. */
async function next<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
      throw badRequest(`The CSV file cannot be read: ${e.message}`, { line: e.lines });
    throw error;
  }
}

/**
 * Opens a GeoJSON FeatureCollection of Points. Properties are named as the layer's properties
 * (or as the CSV headers); the point comes from the geometry.
 */
export async function openSeizureGeoJson(path: string): Promise<SeizureFile> {
  const items: AsyncIterable<{ key: number; value: unknown }> = piped(
    createReadStream(path),
    parser.asStream(),
    pick.asStream({ filter: 'features' }),
    streamArray.asStream(),
  );
  async function* records(): AsyncGenerator<RawRecord> {
    try {
      for await (const { key, value } of items) yield { line: key + 1, raw: featureRaw(value) };
    } catch (error) {
      throw badRequest(`The GeoJSON file cannot be read: ${(error as Error).message}`);
    }
  }
  return { ignored: [], records: records() };
}

function featureRaw(value: unknown): RawSeizure {
  const f = (typeof value === 'object' && value !== null ? value : {}) as {
    type?: unknown;
    properties?: unknown;
    geometry?: unknown;
  };
  const raw: RawSeizure = {};
  if (typeof f.properties === 'object' && f.properties !== null) {
    for (const [k, v] of Object.entries(f.properties)) {
      const field: SeizureField | undefined = fieldOfHeader(k);
      if (field && field !== 'wkt') raw[field] = v;
    }
  }
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const c = g?.coordinates;
  if (f.type !== 'Feature') raw.geometry_problem = 'not a GeoJSON Feature';
  else if (!g || g.type !== 'Point')
    raw.geometry_problem = `the geometry must be a Point (got ${g ? String(g.type) : 'none'})`;
  else if (
    !Array.isArray(c) ||
    c.length !== 2 ||
    !c.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
    raw.geometry_problem = 'a Point needs coordinates [longitude, latitude] (2-D, finite)';
  else {
    delete raw.lon;
    delete raw.lat;
    [raw.lon, raw.lat] = c as number[];
  }
  if (raw.geometry_problem) {
    delete raw.lon;
    delete raw.lat;
  }
  return raw;
}
