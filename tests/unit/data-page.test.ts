import { describe, expect, it } from 'vitest';
import { fromVn2000, parseCoordinate, toVn2000 } from '../../src/lib/data/coords';
import {
  DEFAULT_DATA_VIEW,
  decodeDataView,
  encodeDataView,
  listQuery,
  mapHref,
  sortBy,
} from '../../src/lib/data/data-url';
import { exportUrl } from '../../src/lib/data/export-url';
import { isClean, problemText } from '../../src/lib/data/import-report';
import { emptyForm, formToInput, pointOf, serverProblems } from '../../src/lib/data/seizure-form';
import { seizureListUrl } from '../../src/lib/data/seizures-api';
import { attachmentName, importContentType, type ImportReport } from '../../src/lib/data/transfer';
import { translate } from '../../src/lib/i18n/translate';
import type { MessageKey } from '../../src/lib/i18n/messages';

describe('VN-2000 coordinates', () => {
  // Reference values from PostGIS: ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 3405).
  // PostGIS runs EPSG's pipeline ("VN-2000 to WGS 84 (2)", itself good to 1 m); proj4js applies
  // the same seven parameters the classic way and lands 0.8 m east of it: the live display is
  // within a metre of what the server stores, which is what the form promises.
  it('agrees with PostGIS within a metre, and round-trips exactly', () => {
    const near = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    expect(near(toVn2000(105.1, 10.7), [510738.755, 1182921.884])).toBeLessThan(1);
    expect(near(toVn2000(106.76, 21.85), [681683.237, 2417371.804])).toBeLessThan(1);
    // Not the plain WGS 84 UTM figure (that is about 200 m off: the datum shift is applied).
    expect(near(toVn2000(105.1, 10.7), [510935.29, 1182810.39])).toBeGreaterThan(100);
    const [lon, lat] = fromVn2000(...toVn2000(106.76, 21.85));
    expect(lon).toBeCloseTo(106.76, 7);
    expect(lat).toBeCloseTo(21.85, 7);
  });

  it('reads a decimal comma and refuses words', () => {
    expect(parseCoordinate(' 10,5 ')).toBe(10.5);
    expect(parseCoordinate('-0.25')).toBe(-0.25);
    expect(parseCoordinate('10.5.1')).toBeUndefined();
    expect(parseCoordinate('abc')).toBeUndefined();
    expect(parseCoordinate('')).toBeUndefined();
  });
});

describe('the data page URL', () => {
  it('round-trips a view and leaves defaults out', () => {
    const view = {
      ...DEFAULT_DATA_VIEW,
      province: 'lang_son' as const,
      from: '2024-01-01',
      categories: ['sugar', 'cigarettes'] as const,
      q: 'LS-1',
      sort: 'value_vnd' as const,
      dir: 'asc' as const,
      page: 3,
      id: 42,
    };
    const query = encodeDataView({ ...view, categories: [...view.categories] }, 'en');
    // Categories in the allowlist's order, whatever order they were chosen in.
    expect(query).toBe(
      'p=lang_son&from=2024-01-01&cat=cigarettes,sugar&q=LS-1&sort=value_vnd&dir=asc&page=3&id=42&lang=en',
    );
    expect(decodeDataView(new URLSearchParams(query))).toEqual({
      ...view,
      categories: ['cigarettes', 'sugar'],
    });
    expect(encodeDataView(DEFAULT_DATA_VIEW, 'vi')).toBe('');
  });

  it('ignores what is malformed', () => {
    const v = decodeDataView(
      new URLSearchParams('p=hanoi&from=2024-02-30&sort=goods;drop&page=-2&id=x&cat=fuel,nope'),
    );
    expect(v).toEqual({ ...DEFAULT_DATA_VIEW, categories: ['fuel'] });
  });

  it('asks the server for the page shown, sorted', () => {
    const q = listQuery({ ...DEFAULT_DATA_VIEW, page: 3, agencies: ['customs', 'joint'] });
    expect(seizureListUrl(q)).toBe(
      '/api/seizures?agency=customs,joint&sort=occurred_at&dir=desc&limit=50&offset=100',
    );
  });

  it('sorts a new column descending, flips it on a second click, back to page 1', () => {
    const once = sortBy({ ...DEFAULT_DATA_VIEW, page: 4 }, 'value_vnd');
    expect([once.sort, once.dir, once.page]).toEqual(['value_vnd', 'desc', 1]);
    const twice = sortBy(once, 'value_vnd');
    expect(twice.dir).toBe('asc');
  });

  it("links a record to the map's popup in its province", () => {
    expect(mapHref({ id: 7, province: 'lang_son' }, 'en')).toBe('/?p=lang_son&seizure=7&lang=en');
    expect(mapHref({ id: 7, province: 'an_giang' }, 'vi')).toBe('/?seizure=7');
  });
});

describe('the seizure form', () => {
  const filled = {
    ...emptyForm('an_giang', 'customs'),
    date: '2024-05-06',
    category: 'sugar' as const,
    transport: 'boat' as const,
    value: '1.250.000',
    quantity: '12,5',
    unit: 'kg',
    subjects: '2',
    a: '105.1',
    b: '10.7',
  };

  it('builds the body, reading grouped sums and decimal commas', () => {
    const { input, problems } = formToInput(filled);
    expect(problems).toEqual({});
    expect(input).toEqual({
      occurred_at: '2024-05-06',
      province: 'an_giang',
      category: 'sugar',
      subjects: 2,
      transport_mode: 'boat',
      lead_agency: 'customs',
      lon: 105.1,
      lat: 10.7,
      quantity: 12.5,
      unit: 'kg',
      value_vnd: 1250000,
    });
  });

  it('sends VN-2000 metres as x, y and crs 3405', () => {
    const { input } = formToInput({ ...filled, crs: 3405, a: '510738.8', b: '1182921.9' });
    expect(input).toMatchObject({ x: 510738.8, y: 1182921.9, crs: 3405 });
    expect(input).not.toHaveProperty('lon');
    const p = pointOf({ crs: 3405, a: '510738.7554681709', b: '1182921.8836110325' });
    // Within about a metre (1e-5 degrees) of the point PostGIS made those metres from.
    expect(p?.[0]).toBeCloseTo(105.1, 4);
    expect(p?.[1]).toBeCloseTo(10.7, 4);
  });

  it('names every missing or bad field before sending', () => {
    const { input, problems } = formToInput({
      ...emptyForm('an_giang', ''),
      date: undefined,
      value: '12 triệu',
      subjects: 'two',
      a: '105',
    });
    expect(input).toBeNull();
    expect(problems).toEqual({
      date: { key: 'form.badDate' },
      category: { key: 'form.required' },
      transport: { key: 'form.required' },
      agency: { key: 'form.required' },
      value: { key: 'form.badNumber' },
      subjects: { key: 'form.badNumber' },
      place: { key: 'form.badNumber' },
    });
  });

  it("puts a server's 400 beside the field it names", () => {
    expect(
      serverProblems({
        code: 'invalid_body',
        message: 'Invalid body',
        details: {
          problems: [
            { field: 'value_vnd', message: 'too big' },
            { field: 'lat', message: 'out of range' },
            { field: 'colour', message: 'unknown' },
          ],
        },
      }),
    ).toEqual({
      problems: { value: { text: 'too big' }, place: { text: 'out of range' } },
      rest: ['unknown'],
    });
    expect(serverProblems({ code: 'outside_area', message: 'x' }).problems).toEqual({
      place: { key: 'form.outsideArea' },
    });
    expect(
      serverProblems({
        code: 'bad_parameter',
        message: 'case_ref: taken',
        details: { parameter: 'case_ref' },
      }).problems,
    ).toEqual({ caseRef: { text: 'case_ref: taken' } });
  });
});

describe('import and export', () => {
  const en = (key: MessageKey, params?: Record<string, string | number>) =>
    translate('en', key, params);
  const vi = (key: MessageKey, params?: Record<string, string | number>) =>
    translate('vi', key, params);

  it('says each problem code in both languages, naming the column', () => {
    const p = { field: 'occurred_at', code: 'bad_date', message: 'bad date' };
    expect(problemText(p, en)).toBe('not a valid date (date)');
    expect(problemText(p, vi)).toBe('ngày không hợp lệ (ngày)');
    expect(problemText({ field: 'lead_agency', code: 'missing', message: '' }, en)).toBe(
      'agency missing',
    );
    // A code this page does not know yet: the server's words.
    expect(problemText({ field: 'x', code: 'new_code', message: 'Something new' }, en)).toBe(
      'Something new',
    );
  });

  it('allows the commit only for a clean report with rows', () => {
    const base: ImportReport = {
      dry_run: true,
      filename: 'a.csv',
      format: 'csv',
      total: 2,
      valid: 2,
      inserted: 0,
      rows: [],
      preview: [],
    };
    expect(isClean(base)).toBe(true);
    expect(isClean({ ...base, valid: 0, total: 0 })).toBe(false);
    expect(isClean({ ...base, valid: 1, rows: [{ line: 3, case_ref: null, problems: [] }] })).toBe(
      false,
    );
  });

  it('sends each layer only the filters it has, and KML only in WGS 84', () => {
    const q = { province: 'lang_son' as const, from: '2024-01-01', agency: ['customs' as const] };
    expect(exportUrl('seizures', 'csv', 3405, q)).toBe(
      '/api/export/seizures.csv?province=lang_son&from=2024-01-01&agency=customs&crs=3405',
    );
    expect(exportUrl('border_gates', 'shp.zip', 3405, q)).toBe(
      '/api/export/border_gates.shp.zip?province=lang_son&crs=3405',
    );
    expect(exportUrl('patrol_routes', 'kml', 3405, q)).toBe(
      '/api/export/patrol_routes.kml?province=lang_son&agency=customs&crs=4326',
    );
  });

  it("reads the server's file name and the file's type", () => {
    expect(attachmentName('attachment; filename="seizures_all_x_all_20261201.csv"')).toBe(
      'seizures_all_x_all_20261201.csv',
    );
    expect(attachmentName("attachment; filename*=UTF-8''b%E1%BA%A3n.csv")).toBe('bản.csv');
    expect(attachmentName(null)).toBeNull();
    expect(importContentType({ name: 'x.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'x.geojson', type: '' })).toBe('application/geo+json');
  });
});
