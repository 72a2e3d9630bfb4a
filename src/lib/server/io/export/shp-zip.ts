/**
 * A zipped Shapefile in constant memory: records go to .shp, .shx and .dbf files in a temporary
 * directory as batches arrive (headers rewritten at the end with counts and bounds), then the
 * files are read back in pieces through fflate's streaming Zip. One file set per geometry kind
 * (points, lines, polygons), `.prj` and `.cpg` (UTF-8) beside each, and a note of the field
 * renames that dBASE's 10-character names forced.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { dbfField, dbfHeader, recordLength, writeDbfRecord, type DbfField } from './dbf';
import { renameNote, shortFieldNames } from './field-names';
import {
  emptyBounds,
  indexEntry,
  recordHeader,
  shapeContent,
  shapeKind,
  shpHeader,
  type Bounds,
  type ShapeKind,
} from './shp';
import type { ExportSchema, ExportSrid, FeatureBatches, SimpleGeometry } from './types';

/** ESRI WKT, as `gdalsrsinfo -o wkt_esri` writes it. */
export const PRJ: Record<ExportSrid, string> = {
  4326:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  3405:
    'PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",' +
    'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],' +
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
    'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
    'PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],' +
    'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
};

const READ_BYTES = 1 << 20;
/** Room for a text feature id (province codes, hot-spot cell ids). */
const ID_TEXT_BYTES = 40;
const KIND_SUFFIX: Record<ShapeKind, string> = {
  point: '_points',
  line: '_lines',
  polygon: '_polygons',
};

interface FileSet {
  base: string;
  kind: ShapeKind;
  shp: FileHandle;
  shx: FileHandle;
  dbf: FileHandle;
  records: number;
  shpBytes: number;
  bounds: Bounds;
}

export async function* writeShapefileZip(
  schema: ExportSchema,
  batches: FeatureBatches,
  today: Date = new Date(),
): AsyncGenerator<Uint8Array> {
  const names = ['id', ...schema.fields.map((f) => f.name)];
  const short = shortFieldNames(names);
  const fields: DbfField[] = [
    // The feature id: whole numbers for every layer but provinces (text codes).
    dbfField(short[0], schema.idType, ID_TEXT_BYTES),
    ...schema.fields.map((f, i) => dbfField(short[i + 1], f.type, f.maxBytes)),
  ];
  const dir = await mkdtemp(join(tmpdir(), 'brm-export-'));
  const sets = new Map<ShapeKind, FileSet>();
  try {
    const setFor = async (kind: ShapeKind): Promise<FileSet> => {
      let set = sets.get(kind);
      if (!set) {
        const base = schema.name + (schema.geometryType === 'Mixed' ? KIND_SUFFIX[kind] : '');
        set = {
          base,
          kind,
          shp: await open(join(dir, `${base}.shp`), 'w+'),
          shx: await open(join(dir, `${base}.shx`), 'w+'),
          dbf: await open(join(dir, `${base}.dbf`), 'w+'),
          records: 0,
          shpBytes: 100,
          bounds: emptyBounds(),
        };
        // Headers are written last, over these placeholders.
        await set.shp.write(Buffer.alloc(100));
        await set.shx.write(Buffer.alloc(100));
        await set.dbf.write(dbfHeader(fields, 0, today));
        sets.set(kind, set);
      }
      return set;
    };
    if (schema.geometryType !== 'Mixed') await setFor(kindOfSchema(schema));

    const rowBytes = recordLength(fields);
    for await (const batch of batches) {
      const pending = new Map<FileSet, { shp: Buffer[]; shx: Buffer[]; dbf: Buffer[] }>();
      for (const f of batch) {
        const geometry = JSON.parse(f.geometry) as SimpleGeometry;
        const set = await setFor(shapeKind(geometry));
        let out = pending.get(set);
        if (!out) pending.set(set, (out = { shp: [], shx: [], dbf: [] }));
        const content = shapeContent(geometry, set.bounds);
        set.records++;
        out.shx.push(indexEntry(set.shpBytes, content.length));
        out.shp.push(recordHeader(set.records, content.length), content);
        set.shpBytes += 8 + content.length;
        const props = JSON.parse(f.properties) as Record<string, unknown>;
        const row = Buffer.alloc(rowBytes);
        writeDbfRecord(row, 0, fields, [f.id, ...names.slice(1).map((n) => props[n])]);
        out.dbf.push(row);
      }
      for (const [set, out] of pending) {
        await set.shp.write(Buffer.concat(out.shp));
        await set.shx.write(Buffer.concat(out.shx));
        await set.dbf.write(Buffer.concat(out.dbf));
      }
    }

    const entries: { name: string; path?: string; text?: string }[] = [];
    for (const set of sets.values()) {
      await set.shp.write(shpHeader(set.kind, set.shpBytes, set.bounds), 0, 100, 0);
      await set.shx.write(shpHeader(set.kind, 100 + 8 * set.records, set.bounds), 0, 100, 0);
      await set.dbf.write(dbfHeader(fields, set.records, today), 0, undefined, 0);
      await set.dbf.write(Buffer.from([0x1a]), 0, 1, (await set.dbf.stat()).size);
      for (const ext of ['shp', 'shx', 'dbf'])
        entries.push({ name: `${set.base}.${ext}`, path: join(dir, `${set.base}.${ext}`) });
      entries.push({ name: `${set.base}.prj`, text: PRJ[schema.srid] });
      entries.push({ name: `${set.base}.cpg`, text: 'UTF-8' });
    }
    const note = renameNote(names, short);
    if (note) entries.push({ name: `${schema.name}_fields.txt`, text: note });
    for (const set of sets.values()) {
      await Promise.all([set.shp.close(), set.shx.close(), set.dbf.close()]);
    }
    sets.clear();
    yield* zipEntries(entries);
  } finally {
    for (const set of sets.values())
      await Promise.allSettled([set.shp.close(), set.shx.close(), set.dbf.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}

function kindOfSchema(schema: ExportSchema): ShapeKind {
  if (schema.geometryType === 'Point') return 'point';
  if (schema.geometryType === 'LineString') return 'line';
  return 'polygon';
}

/** The entries as one zip, each file read a megabyte at a time. */
async function* zipEntries(
  entries: { name: string; path?: string; text?: string }[],
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failed = error;
    else out.push(data);
  });
  const drain = function* () {
    if (failed) throw failed;
    while (out.length) yield out.shift()!;
  };
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 1 });
    zip.add(file);
    if (entry.text !== undefined) {
      file.push(new TextEncoder().encode(entry.text), true);
      yield* drain();
      continue;
    }
    const handle = await open(entry.path!, 'r');
    try {
      const buffer = Buffer.alloc(READ_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
        // The last push (final = true) may be empty: fflate then ends the entry.
        file.push(buffer.subarray(0, bytesRead).slice(), bytesRead === 0);
        yield* drain();
        if (bytesRead === 0) break;
      }
    } finally {
      await handle.close();
    }
  }
  zip.end();
  yield* drain();
}
