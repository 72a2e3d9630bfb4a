/**
 * The columns of a seizure file: which header (or GeoJSON property) names which field. English
 * names are the layer's property names; Vietnamese ones are matched with or without diacritics,
 * in any case, so `Ngày`, `ngay` and `NGÀY` all name the date.
 */

export const SEIZURE_FIELDS = [
  'occurred_at',
  'province',
  'category',
  'goods',
  'quantity',
  'unit',
  'value_vnd',
  'subjects',
  'transport_mode',
  'lead_agency',
  'case_ref',
  'lon',
  'lat',
  'wkt',
] as const;
export type SeizureField = (typeof SEIZURE_FIELDS)[number];

/**
 * Lower case, without diacritics (đ as d), single spaces: the form labels are compared in.
 * @example normaliseLabel('  Trị giá  (VND) ') // 'tri gia (vnd)'
 */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00A0\uFEFF]+/g, ' ')
    .trim();
}

/** Other names of each field, written as officers write them; normalised before use. */
const ALIASES: Record<SeizureField, string[]> = {
  occurred_at: ['ngày', 'ngày bắt giữ', 'ngày phát hiện', 'thời gian', 'date'],
  province: ['tỉnh', 'địa bàn'],
  category: ['loại hàng', 'nhóm hàng'],
  goods: ['hàng hóa', 'hàng hoá', 'tên hàng'],
  quantity: ['số lượng'],
  unit: ['đơn vị tính', 'đvt'],
  value_vnd: ['trị giá (vnd)', 'trị giá (đ)', 'trị giá', 'giá trị (vnd)', 'giá trị', 'value'],
  subjects: ['số đối tượng', 'đối tượng'],
  transport_mode: ['phương tiện', 'transport'],
  lead_agency: ['đơn vị chủ trì', 'lực lượng chủ trì', 'agency'],
  case_ref: ['số vụ việc', 'mã vụ việc', 'số hiệu vụ việc'],
  lon: ['kinh độ', 'longitude', 'lng', 'long'],
  lat: ['vĩ độ', 'latitude'],
  wkt: ['geometry', 'geom', 'tọa độ wkt', 'toạ độ wkt'],
};

const BY_LABEL = new Map<string, SeizureField>();
for (const field of SEIZURE_FIELDS) {
  for (const label of [field, ...ALIASES[field]]) BY_LABEL.set(normaliseLabel(label), field);
}

/**
 * The field a header names, if any.
 * @example fieldOfHeader('Kinh độ') // 'lon'
 * @example fieldOfHeader('Ghi chú') // undefined
 */
export function fieldOfHeader(header: string): SeizureField | undefined {
  return BY_LABEL.get(normaliseLabel(header));
}

export interface ColumnMap {
  /** Field of each column by position; undefined for a column that is not read. */
  fields: (SeizureField | undefined)[];
  /** Headers that name no field, as written. */
  ignored: string[];
  /** What is wrong with the header row as a whole (missing or repeated columns). */
  problems: string[];
}

/** The fields every file must have a column for (the point: lon and lat, or WKT). */
const REQUIRED: SeizureField[] = ['occurred_at', 'category', 'transport_mode', 'lead_agency'];

/**
 * Reads a header row.
 * @example mapColumns(['Ngày', 'WKT', 'Loại hàng']).problems // ['no column for transport_mode (…)', …]
 */
export function mapColumns(headers: string[]): ColumnMap {
  const fields = headers.map(fieldOfHeader);
  const ignored = headers.filter((h, i) => !fields[i] && h.trim() !== '');
  const problems: string[] = [];
  const seen = new Set<SeizureField>();
  fields.forEach((f, i) => {
    if (!f) return;
    if (seen.has(f)) problems.push(`two columns name ${f} ('${headers[i]}' is the second)`);
    seen.add(f);
  });
  for (const f of REQUIRED) {
    if (!seen.has(f)) problems.push(`no column for ${f} (${[f, ...ALIASES[f]].join(' / ')})`);
  }
  const point = seen.has('wkt') || (seen.has('lon') && seen.has('lat'));
  if (!point) problems.push('no columns for the point: lon and lat (kinh độ, vĩ độ) or wkt');
  return { fields, ignored, problems };
}
