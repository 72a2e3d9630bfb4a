import { describe, expect, it } from 'vitest';
import { dbfField, dbfHeader, fitUtf8, writeDbfRecord } from '../../src/lib/server/io/export/dbf';
import { renameNote, shortFieldNames } from '../../src/lib/server/io/export/field-names';
import { splitExportName } from '../../src/lib/server/io/export/formats';
import { emptyBounds, shapeContent } from '../../src/lib/server/io/export/shp';
import { exportFilename } from '../../src/lib/server/services/export';

describe('Shapefile field names', () => {
  it('cuts to 10 characters and numbers a clash', () => {
    expect(
      shortFieldNames([
        'id',
        'transport_mode',
        'accuracy_note_vi',
        'accuracy_note_en',
        'goods_code',
      ]),
    ).toEqual(['id', 'transport_', 'accuracy_n', 'accuracy_2', 'goods_code']);
  });
  it('a clash with a name that is already short is numbered too (case-insensitively)', () => {
    expect(shortFieldNames(['Lead_agenc', 'lead_agency'])).toEqual(['Lead_agenc', 'lead_age_2']);
  });
  it('notes only the renamed fields, in both languages', () => {
    const note = renameNote(['id', 'lead_agency'], ['id', 'lead_agenc']);
    expect(note).toContain('lead_agency -> lead_agenc\r\n');
    expect(note).toContain('tối đa 10 ký tự');
    expect(note).not.toContain('id ->');
    expect(renameNote(['id'], ['id'])).toBe('');
  });
});

describe('dBASE records', () => {
  it('cuts UTF-8 text on a character boundary', () => {
    // "Lạng" is L (1 byte), ạ (3 bytes), n, g: 4 bytes cut inside ạ keeps only "L".
    expect(fitUtf8('Lạng Sơn', 3).toString('utf8')).toBe('L');
    expect(fitUtf8('Lạng Sơn', 4).toString('utf8')).toBe('Lạ');
  });
  it('writes numbers right-aligned, reals with 15 decimals or fewer to fit, nulls blank', () => {
    const fields = [
      dbfField('n', 'integer'),
      dbfField('r', 'double'),
      dbfField('big', 'double'),
      dbfField('ok', 'boolean'),
      dbfField('t', 'string', 5),
    ];
    const out = Buffer.alloc(1 + 11 + 24 + 24 + 1 + 5);
    writeDbfRecord(out, 0, fields, [42, 12.5, 123456789.25, null, 'abcdefgh']);
    const text = out.toString('latin1');
    expect(text.slice(0, 12)).toBe(' ' + '42'.padStart(11));
    expect(text.slice(12, 36)).toBe('12.500000000000000'.padStart(24));
    // 9 digits + '.' + 15 decimals is 25 characters: one decimal less fits the 24.
    expect(text.slice(36, 60)).toBe('123456789.25000000000000');
    expect(text.slice(60, 61)).toBe('?');
    expect(text.slice(61)).toBe('abcde');
  });
  it('a header holds the record count, sizes and field descriptors', () => {
    const fields = [dbfField('name', 'string', 10), dbfField('n', 'bigint')];
    const h = dbfHeader(fields, 7, new Date('2024-07-01T00:00:00Z'));
    expect(h.length).toBe(32 + 64 + 1);
    expect([h[0], h[1], h[2], h[3]]).toEqual([3, 124, 7, 1]);
    expect(h.readUInt32LE(4)).toBe(7);
    expect(h.readUInt16LE(10)).toBe(1 + 10 + 18);
    expect(h.toString('latin1', 64, 68)).toBe('n\0\0\0');
    expect(String.fromCharCode(h[64 + 11])).toBe('N');
    expect(h[h.length - 1]).toBe(0x0d);
  });
});

describe('Shapefile geometry', () => {
  it('turns a counter-clockwise outer ring clockwise and a hole counter-clockwise', () => {
    const outer = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const hole = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
    ];
    const bounds = emptyBounds();
    const b = shapeContent({ type: 'Polygon', coordinates: [outer, hole] }, bounds);
    expect(b.readInt32LE(0)).toBe(5);
    expect([b.readInt32LE(36), b.readInt32LE(40)]).toEqual([2, 10]);
    const point = (i: number) => [b.readDoubleLE(52 + 16 * i), b.readDoubleLE(60 + 16 * i)];
    // Outer ring reversed: (0,0) (0,4) (4,4) ... runs clockwise.
    expect([point(0), point(1), point(2)]).toEqual([
      [0, 0],
      [0, 4],
      [4, 4],
    ]);
    // The hole arrived clockwise and is turned: (1,1) (2,1) (2,2).
    expect([point(5), point(6), point(7)]).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(bounds).toEqual([0, 0, 4, 4]);
  });
});

describe('names', () => {
  it('splits a download name into what and format', () => {
    expect(splitExportName('seizures.shp.zip')).toEqual(['seizures', 'shp.zip']);
    expect(splitExportName('hotspots.geojson')).toEqual(['hotspots', 'geojson']);
    expect(splitExportName('seizures.zip')).toBeUndefined();
    expect(splitExportName('.csv')).toBeUndefined();
  });
  it('names the file by layer, province, dates and the day in Vietnam', () => {
    expect(
      exportFilename(
        'seizures',
        { province: 'lang_son', from: '2024-01-01T00:00:00+07:00' },
        'csv',
        new Date('2024-06-30T18:00:00Z'),
      ),
    ).toBe('seizures_lang_son_2024-01-01_all_20240701.csv');
    expect(exportFilename('frontier', {}, 'kml', new Date('2024-06-30T16:59:59Z'))).toBe(
      'frontier_all_all_all_20240630.kml',
    );
  });
});
