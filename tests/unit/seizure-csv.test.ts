import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldOfHeader, mapColumns, normaliseLabel } from '../../src/lib/server/io/seizure-columns';
import {
  detectDelimiter,
  openSeizureCsv,
  type RawRecord,
} from '../../src/lib/server/io/seizure-files';
import {
  readDate,
  readDecimal,
  readSeizure,
  readVnd,
} from '../../src/lib/server/io/seizure-values';
import { codeOf } from '../../src/lib/server/io/seizure-vocabulary';
import { vietnamInstant } from '../../src/lib/server/io/vietnam-time';
import { ApiError } from '../../src/lib/server/errors';

const dir = mkdtempSync(join(tmpdir(), 'brm-seizure-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string) => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
};
const all = async (it: AsyncIterable<RawRecord>) => {
  const out: RawRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
};

describe('headers', () => {
  it('match Vietnamese names with or without diacritics, in any case', () => {
    expect(normaliseLabel('  Trị giá  (VND) ')).toBe('tri gia (vnd)');
    expect(normaliseLabel('ĐƠN VỊ CHỦ TRÌ')).toBe('don vi chu tri');
    const cases: [string, string][] = [
      ['Ngày', 'occurred_at'],
      ['ngay', 'occurred_at'],
      ['NGÀY', 'occurred_at'],
      ['Kinh độ', 'lon'],
      ['kinh do', 'lon'],
      ['Vĩ độ', 'lat'],
      ['Loại hàng', 'category'],
      ['Trị giá (VND)', 'value_vnd'],
      ['tri gia (vnd)', 'value_vnd'],
      ['Số đối tượng', 'subjects'],
      ['Phương tiện', 'transport_mode'],
      ['Đơn vị chủ trì', 'lead_agency'],
      ['Số vụ việc', 'case_ref'],
      ['Mã vụ việc', 'case_ref'],
      ['Tỉnh', 'province'],
      ['Hàng hóa', 'goods'],
      ['Hàng hoá', 'goods'],
      ['Số lượng', 'quantity'],
      ['Đơn vị tính', 'unit'],
      ['value_vnd', 'value_vnd'],
      ['LEAD_AGENCY', 'lead_agency'],
      ['WKT', 'wkt'],
    ];
    for (const [header, field] of cases) expect(fieldOfHeader(header), header).toBe(field);
    // "Đơn vị" alone is neither the agency nor the unit of measure.
    expect(fieldOfHeader('Đơn vị')).toBeUndefined();
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
  });

  it('name what is missing or repeated in a header row', () => {
    expect(
      mapColumns(['ngày', 'wkt', 'loại hàng', 'phương tiện', 'đơn vị chủ trì']).problems,
    ).toEqual([]);
    expect(
      mapColumns(['ngày', 'ngay', 'kinh độ', 'loại hàng', 'phương tiện', 'agency']).problems,
    ).toEqual([
      "two columns name occurred_at ('ngay' is the second)",
      'no columns for the point: lon and lat (kinh độ, vĩ độ) or wkt',
    ]);
  });
});

describe('values', () => {
  it('reads dates in Vietnam time', () => {
    expect(vietnamInstant(2024, 3, 5)).toBe('2024-03-04T17:00:00.000Z');
    expect(vietnamInstant(2024, 2, 30)).toBeUndefined();
    expect(readDate('05/03/2024')).toBe('2024-03-04T17:00:00.000Z');
    expect(readDate('5/3/2024')).toBe('2024-03-04T17:00:00.000Z');
    expect(readDate('05/03/2024 08:30')).toBe('2024-03-05T01:30:00.000Z');
    expect(readDate('2024-03-05')).toBe('2024-03-04T17:00:00.000Z');
    expect(readDate('2024-03-05 23:59')).toBe('2024-03-05T16:59:00.000Z');
    // An instant with its own zone is kept as it is.
    expect(readDate('2024-03-05T08:30:00Z')).toBe('2024-03-05T08:30:00.000Z');
    expect(readDate('2024-03-05T08:30:00+07:00')).toBe('2024-03-05T01:30:00.000Z');
    for (const bad of [
      '31/02/2024',
      '2024/03/05',
      '05-03-24',
      '05/13/2024',
      '05/03/2024 25:00',
      '01/01/1899',
      'hôm qua',
    ])
      expect(readDate(bad), bad).toBeUndefined();
  });

  it('reads VND with dots between thousands and a currency suffix', () => {
    expect(readVnd('1.250.000')).toBe(1_250_000);
    expect(readVnd('1.250.000.000')).toBe(1_250_000_000);
    expect(readVnd('1.250.000 đ')).toBe(1_250_000);
    expect(readVnd('1.250.000đ')).toBe(1_250_000);
    expect(readVnd('35.000.000 VND')).toBe(35_000_000);
    expect(readVnd('35.000.000 VNĐ')).toBe(35_000_000);
    expect(readVnd('1,250,000')).toBe(1_250_000);
    expect(readVnd('500000')).toBe(500_000);
    expect(readVnd(500000)).toBe(500_000);
    for (const bad of ['1,25 triệu', '1.25', '1.2500.000', '-5', '12.5', '', 'abc', '1.250,000'])
      expect(readVnd(bad), bad).toBeUndefined();
  });

  it('reads quantities with a decimal comma or point', () => {
    expect(readDecimal('1.250,5')).toBe(1250.5);
    expect(readDecimal('1.500')).toBe(1500);
    expect(readDecimal('12,5')).toBe(12.5);
    expect(readDecimal('12.5')).toBe(12.5);
    expect(readDecimal('20')).toBe(20);
    expect(readDecimal('1,2,3')).toBeUndefined();
    expect(readDecimal('mười')).toBeUndefined();
  });

  it('reads categories, agencies and transport as codes or as the app labels', () => {
    expect(codeOf('category', 'Thuốc lá')).toBe('cigarettes');
    expect(codeOf('category', 'THUOC LA')).toBe('cigarettes');
    expect(codeOf('category', 'Rượu, bia')).toBe('alcohol');
    expect(codeOf('category', 'Gia súc, gia cầm')).toBe('livestock');
    expect(codeOf('category', 'Counterfeit goods')).toBe('counterfeit');
    expect(codeOf('category', 'wildlife')).toBe('wildlife');
    expect(codeOf('lead_agency', 'Biên phòng')).toBe('border_guard');
    expect(codeOf('lead_agency', 'Bộ đội Biên phòng')).toBe('border_guard');
    expect(codeOf('lead_agency', 'border guard')).toBe('border_guard');
    expect(codeOf('lead_agency', 'Hải quan')).toBe('customs');
    expect(codeOf('lead_agency', 'Phối hợp')).toBe('joint');
    expect(codeOf('transport_mode', 'Cửu vạn')).toBe('porter');
    expect(codeOf('transport_mode', 'Tàu hỏa')).toBe('rail');
    expect(codeOf('transport_mode', 'On foot')).toBe('pedestrian');
    expect(codeOf('transport_mode', 'Khác')).toBe('other');
    expect(codeOf('province', 'Lạng Sơn')).toBe('lang_son');
    expect(codeOf('province', 'an_giang')).toBe('an_giang');
    expect(codeOf('category', 'Vũ khí')).toBeUndefined();
    expect(codeOf('lead_agency', 'Công an')).toBeUndefined();
  });
});

describe('readSeizure', () => {
  const good = {
    occurred_at: '05/03/2024',
    lon: '105.1',
    lat: '10.6',
    category: 'Thuốc lá',
    transport_mode: 'Xe máy',
    lead_agency: 'Hải quan',
  };
  const codes = (raw: object) => {
    const r = readSeizure(raw);
    return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
  };

  it('turns a good row into a record', () => {
    expect(readSeizure({ ...good, value_vnd: '1.250.000 đ', case_ref: ' HQ-1 ' })).toEqual({
      ok: true,
      value: {
        occurred_at: '2024-03-04T17:00:00.000Z',
        province: null,
        category: 'cigarettes',
        goods: null,
        quantity: null,
        unit: null,
        value_vnd: 1_250_000,
        subjects: 0,
        transport_mode: 'motorbike',
        lead_agency: 'customs',
        case_ref: 'HQ-1',
        lon: 105.1,
        lat: 10.6,
      },
    });
  });

  it('lists every problem of a row, with the contract codes', () => {
    expect(codes({ ...good, occurred_at: '' })).toEqual(['occurred_at:missing']);
    expect(codes({ ...good, occurred_at: '30/02/2024' })).toEqual(['occurred_at:bad_date']);
    expect(codes({ ...good, lon: '100.5', lat: '15' })).toEqual(['lon:outside_area']);
    expect(codes({ ...good, lon: '10.6', lat: '105.1' })).toEqual(['lon:swapped_lon_lat']);
    expect(codes({ ...good, lon: '' })).toEqual(['lon:missing']);
    expect(codes({ ...good, lat: "10°36'" })).toEqual(['lat:bad_number']);
    expect(codes({ ...good, category: 'Vũ khí' })).toEqual(['category:unknown_category']);
    expect(codes({ ...good, lead_agency: 'Công an' })).toEqual(['lead_agency:unknown_agency']);
    expect(codes({ ...good, transport_mode: 'Máy bay' })).toEqual([
      'transport_mode:unknown_transport',
    ]);
    expect(codes({ ...good, province: 'Hà Nội' })).toEqual(['province:unknown_province']);
    expect(codes({ ...good, subjects: '2,5' })).toEqual(['subjects:bad_number']);
    expect(codes({ ...good, quantity: '-1' })).toEqual(['quantity:bad_number']);
    expect(codes({ ...good, goods: 'a\u202Eb' })).toEqual(['goods:bad_text']);
    expect(codes({ ...good, wkt: 'POINT (105.1 10.6' })).toEqual(['wkt:bad_geometry']);
    expect(codes({ ...good, wkt: 'LINESTRING (105 10, 105.1 10.6)' })).toEqual([
      'wkt:bad_geometry',
    ]);
    expect(codes({ ...good, wkt: 'POINT (10.6 105.1)' })).toEqual(['wkt:swapped_lon_lat']);
    expect(
      codes({ occurred_at: 'x', category: '', transport_mode: 'Xe máy', lead_agency: '' }),
    ).toEqual([
      'occurred_at:bad_date',
      'category:missing',
      'lead_agency:missing',
      'lon:missing',
      'lat:missing',
    ]);
  });

  it('takes the point from WKT (with an SRID prefix) before lon/lat', () => {
    const r = readSeizure({ ...good, lon: '', lat: '', wkt: 'SRID=4326;POINT(106.7 21.9)' });
    expect(r.ok && [r.value.lon, r.value.lat]).toEqual([106.7, 21.9]);
  });
});

describe('openSeizureCsv', () => {
  it('numbers records as spreadsheet rows, counting blank rows and quoted line breaks', async () => {
    const csv =
      '\uFEFFNgày,Kinh độ,Vĩ độ,Loại hàng,Phương tiện,Đơn vị chủ trì,Hàng hóa,Ghi chú\r\n' +
      '05/03/2024,105.1,10.6,Thuốc lá,Xe máy,Hải quan,"Thuốc lá, loại 1",\r\n' +
      ',,,,,,,\r\n' +
      '06/03/2024,105.1,10.6,Đường cát,Xe tải,Biên phòng,"hai\r\ndòng",x\r\n' +
      '07/03/2024,105.1,10.6,Pháo nổ,Đi bộ,Phối hợp\r\n';
    const f = await openSeizureCsv(file(csv));
    expect(f.ignored).toEqual(['Ghi chú']);
    const records = await all(f.records);
    expect(records.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(records[0].raw).toEqual({
      occurred_at: '05/03/2024',
      lon: '105.1',
      lat: '10.6',
      category: 'Thuốc lá',
      transport_mode: 'Xe máy',
      lead_agency: 'Hải quan',
      goods: 'Thuốc lá, loại 1',
    });
    expect(records[1].raw.goods).toBe('hai\r\ndòng');
    // A short row: the cells it lacks are simply absent.
    expect(records[2].raw.goods).toBeUndefined();
  });

  it('finds the delimiter from the header line', () => {
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('ngày;kinh độ;"a,b,c,d"\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('onecolumn\n')).toBe(',');
  });

  it('refuses a header without the columns needed, and a broken quote, as 400s', async () => {
    await expect(openSeizureCsv(file('Ngày,Tỉnh\n'))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('no column for category'),
    });
    await expect(openSeizureCsv(file(''))).rejects.toBeInstanceOf(ApiError);
    const f = await openSeizureCsv(
      file('ngày,wkt,loại hàng,phương tiện,đơn vị chủ trì\n05/03/2024,"POINT (105 10),x,y,z\n'),
    );
    await expect(all(f.records)).rejects.toMatchObject({ status: 400 });
  });
});
