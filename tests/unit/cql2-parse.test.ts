import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Cql2Error, parseCql2Text, type Cql2Node } from '../../src/lib/server/ogc/cql2';
import { MAX_DEPTH, MAX_NESTING } from '../../src/lib/server/ogc/cql2/parse';

const p = (property: string) => ({ property });
const op = (name: string, ...args: Cql2Node[]) => ({ op: name, args });

/**
 * Examples of OGC 21-065r2 (CQL2 1.0; files under cql2/standard/schema/examples/text of
 * opengeospatial/ogcapi-features) with the CQL2-JSON the standard gives for them, written out
 * by hand.
 */
const SPEC_EXAMPLES: [string, string, Cql2Node][] = [
  ['clause6_02a', "city='Toronto'", op('=', p('city'), 'Toronto')],
  ['clause6_02d', "updated >= date('1970-01-01')", op('>=', p('updated'), { date: '1970-01-01' })],
  ['clause6_03', 'geometry IS NOT NULL', op('not', op('isNull', p('geometry')))],
  ['clause7_01', "name LIKE 'Smith%'", op('like', p('name'), 'Smith%')],
  ['clause7_02', 'depth BETWEEN 100.0 and 150.0', op('between', p('depth'), 100, 150)],
  [
    'clause7_03a',
    "cityName IN ('Toronto','Frankfurt','Tokyo','New York')",
    op('in', p('cityName'), ['Toronto', 'Frankfurt', 'Tokyo', 'New York']),
  ],
  [
    'clause7_04',
    "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))",
    op('in', op('casei', p('road_class')), [op('casei', 'Οδος'), op('casei', 'Straße')]),
  ],
  [
    'example01',
    "landsat:scene_id = 'LC82030282019133LGN00'",
    op('=', p('landsat:scene_id'), 'LC82030282019133LGN00'),
  ],
  [
    'example04',
    'eq:cloud_cover < 0.1 AND landsat:wrs_row=28 AND landsat:wrs_path=203',
    op(
      'and',
      op('<', p('eq:cloud_cover'), 0.1),
      op('=', p('landsat:wrs_row'), 28),
      op('=', p('landsat:wrs_path'), 203),
    ),
  ],
  [
    'example05a',
    'ro:cloud_cover=0.1 OR ro:cloud_cover=0.2',
    op('or', op('=', p('ro:cloud_cover'), 0.1), op('=', p('ro:cloud_cover'), 0.2)),
  ],
  [
    'example06b',
    '    eo:cloud_cover >= 0.1\nAND eo:cloud_cover <= 0.2\nAND landsat:wrs_row=28\nAND landsat:wrs_path=203\n',
    op(
      'and',
      op('>=', p('eo:cloud_cover'), 0.1),
      op('<=', p('eo:cloud_cover'), 0.2),
      op('=', p('landsat:wrs_row'), 28),
      op('=', p('landsat:wrs_path'), 203),
    ),
  ],
  [
    'example08',
    `    beamMode='ScanSAR Narrow'
AND swathDirection='ascending'
AND polarization='HH+VV+HV+VH'
AND s_intersects(geometry,POLYGON((-77.117938 38.936860,
                                   -77.040604 39.995648,
                                   -76.910536 38.892912,
                                   -77.039359 38.791753,
                                   -77.047906 38.841462,
                                   -77.034183 38.840655,
                                   -77.033142 38.857490,
                                   -77.117938 38.936860)))`,
    op(
      'and',
      op('=', p('beamMode'), 'ScanSAR Narrow'),
      op('=', p('swathDirection'), 'ascending'),
      op('=', p('polarization'), 'HH+VV+HV+VH'),
      op('s_intersects', p('geometry'), {
        type: 'Polygon',
        coordinates: [
          [
            [-77.117938, 38.93686],
            [-77.040604, 39.995648],
            [-76.910536, 38.892912],
            [-77.039359, 38.791753],
            [-77.047906, 38.841462],
            [-77.034183, 38.840655],
            [-77.033142, 38.85749],
            [-77.117938, 38.93686],
          ],
        ],
      }),
    ),
  ],
  ['example10', 'taxes <= 500', op('<=', p('taxes'), 500)],
  ['example13', "owner NOT LIKE '%Mike%'", op('not', op('like', p('owner'), '%Mike%'))],
  ['example14', 'swimming_pool = true', op('=', p('swimming_pool'), true)],
  [
    'example18',
    'NOT (floors<5) OR swimming_pool=true',
    op('or', op('not', op('<', p('floors'), 5)), op('=', p('swimming_pool'), true)),
  ],
  [
    'example19',
    "(owner LIKE 'mike%' OR owner LIKE 'Mike%') AND floors<4",
    op(
      'and',
      op('or', op('like', p('owner'), 'mike%'), op('like', p('owner'), 'Mike%')),
      op('<', p('floors'), 4),
    ),
  ],
  [
    'example23',
    'S_WITHIN(location,BBOX(-118,33.8,-117.9,34))',
    op('s_within', p('location'), bbox(-118, 33.8, -117.9, 34)),
  ],
  [
    'clause7_16 (shortened)',
    `S_CROSSES(LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984),
        POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972, 43.7286 -79.2986)))`,
    op(
      's_crosses',
      {
        type: 'LineString',
        coordinates: [
          [43.72992, -79.2998],
          [43.73005, -79.2991],
          [43.73006, -79.2984],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [43.7286, -79.2986],
            [43.7311, -79.2996],
            [43.7323, -79.2972],
            [43.7286, -79.2986],
          ],
        ],
      },
    ),
  ],
  [
    'example20',
    "T_BEFORE(built, DATE('2015-01-01'))",
    op('T_BEFORE', p('built'), { date: '2015-01-01' }),
  ],
  ['example12', "owner LIKE 'Mike%'", op('like', p('owner'), 'Mike%')],
  [
    'example15',
    'floors>5 AND swimming_pool=true',
    op('and', op('>', p('floors'), 5), op('=', p('swimming_pool'), true)),
  ],
  [
    'example16',
    "swimming_pool=true AND (floors>5 \n OR  material LIKE 'brick%'\n OR  material LIKE '%brick')",
    op(
      'and',
      op('=', p('swimming_pool'), true),
      op(
        'or',
        op('>', p('floors'), 5),
        op('like', p('material'), 'brick%'),
        op('like', p('material'), '%brick'),
      ),
    ),
  ],
  [
    'example17',
    "(floors>5 AND material='brick') OR swimming_pool=true",
    op(
      'or',
      op('and', op('>', p('floors'), 5), op('=', p('material'), 'brick')),
      op('=', p('swimming_pool'), true),
    ),
  ],
  [
    'example21',
    "T_AFTER(built,DATE('2012-06-05'))",
    op('T_AFTER', p('built'), { date: '2012-06-05' }),
  ],
  [
    'example22',
    "T_DURING(INTERVAL(starts_at, ends_at), INTERVAL('2017-06-10T07:30:00Z', '2017-06-11T10:30:00Z'))",
    op(
      'T_DURING',
      { interval: [p('starts_at'), p('ends_at')] },
      { interval: ['2017-06-10T07:30:00Z', '2017-06-11T10:30:00Z'] },
    ),
  ],
  ['clause6_02b', 'avg(windSpeed) < 4', op('<', op('avg', p('windSpeed')), 4)],
];

describe('parseCql2Text: the standard examples', () => {
  it.each(SPEC_EXAMPLES)('%s', (_name, text, ast) => {
    expect(parseCql2Text(text)).toEqual(ast);
  });
});

describe('parseCql2Text: the rest of the grammar', () => {
  const cases: [string, Cql2Node][] = [
    // Precedence: NOT over AND over OR; n-ary AND and OR.
    [
      "NOT a = 1 AND b = 'x' OR c <> 2",
      op('or', op('and', op('not', op('=', p('a'), 1)), op('=', p('b'), 'x')), op('<>', p('c'), 2)),
    ],
    ['NOT NOT a < 1', op('not', op('not', op('<', p('a'), 1)))],
    // Keywords in any case; a keyword only where no identifier character follows.
    ['note = 1 and NOTE > 2', op('and', op('=', p('note'), 1), op('>', p('NOTE'), 2))],
    ['isolated IS null', op('isNull', p('isolated'))],
    ["a not like 'x'", op('not', op('like', p('a'), 'x'))],
    ['a NOT BETWEEN -1 AND +2.5e1', op('not', op('between', p('a'), -1, 25))],
    ['a not in (1, 2.5, .5)', op('not', op('in', p('a'), [1, 2.5, 0.5]))],
    // BETWEEN's AND is its own; the next AND joins predicates.
    ["n BETWEEN 1 AND 2 AND k = 'x'", op('and', op('between', p('n'), 1, 2), op('=', p('k'), 'x'))],
    ['TRUE', true],
    ['(false)', false],
    ['ok = FALSE', op('=', p('ok'), false)],
    // Double-quoted names, reserved words among them; a property may be called date.
    ['"and" = \'x\'', op('=', p('and'), 'x')],
    ["date = DATE('2024-02-29')", op('=', p('date'), { date: '2024-02-29' })],
    ['"name with space" <= 3', op('<=', p('name with space'), 3)],
    ["tên_tỉnh = 'An Giang'", op('=', p('tên_tỉnh'), 'An Giang')],
    // Quotes inside strings, both ways the standard allows.
    ["a = 'it''s' OR a = 'it\\'s'", op('or', op('=', p('a'), "it's"), op('=', p('a'), "it's"))],
    ["a = ''", op('=', p('a'), '')],
    // A doubled backslash is one backslash, as QGIS writes it; others stay as they are.
    [
      "a = 'C:\\\\data' OR a LIKE '50\\%'",
      op('or', op('=', p('a'), 'C:\\data'), op('like', p('a'), '50\\%')),
    ],
    ['"say ""hi""" = 1', op('=', p('say "hi"'), 1)],
    // ILIKE (GDAL's) is LIKE with CASEI on both sides.
    [
      "a ILIKE 'x%' AND b NOT ilike 'y'",
      op(
        'and',
        op('like', op('casei', p('a')), op('casei', 'x%')),
        op('not', op('like', op('casei', p('b')), op('casei', 'y'))),
      ),
    ],
    // As QGIS 3.32+ writes filters.
    [
      `((("occurred_at" >= TIMESTAMP('2024-03-05T00:00:00.000Z')) AND (NOT ("kind" = 'gate'))) AND S_INTERSECTS("geometry",BBOX(105.05,10.65,105.25,10.85)))`,
      op(
        'and',
        op(
          'and',
          op('>=', p('occurred_at'), { timestamp: '2024-03-05T00:00:00.000Z' }),
          op('not', op('=', p('kind'), 'gate')),
        ),
        op('s_intersects', p('geometry'), bbox(105.05, 10.65, 105.25, 10.85)),
      ),
    ],
    ["a LIKE 'x\\_1\\%'", op('like', p('a'), 'x\\_1\\%')],
    ['5 < a', op('<', 5, p('a'))],
    [
      "at >= TIMESTAMP('2024-01-31T17:00:00Z') AND at < timestamp('2024-02-01T07:00:00.5+07:00')",
      op(
        'and',
        op('>=', p('at'), { timestamp: '2024-01-31T17:00:00Z' }),
        op('<', p('at'), { timestamp: '2024-02-01T07:00:00.5+07:00' }),
      ),
    ],
    // Geometry literals.
    ['S_INTERSECTS(geom, POINT(105.1 10.7))', op('s_intersects', p('geom'), pt(105.1, 10.7))],
    [
      's_intersects(POINT Z (1 2 3), geom)',
      op('s_intersects', { type: 'Point', coordinates: [1, 2, 3] }, p('geom')),
    ],
    [
      'S_INTERSECTS(geom, LINESTRING(1 2, 3 4, -5.5 6e-1))',
      op('s_intersects', p('geom'), {
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
          [-5.5, 0.6],
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))',
      op('s_intersects', p('geom'), {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, MULTIPOINT((1 2), (3 4)))',
      op('s_intersects', p('geom'), {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, MULTIPOINT(1 2, 3 4))',
      op('s_intersects', p('geom'), {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, MULTILINESTRING((1 2, 3 4), (5 6, 7 8)))',
      op('s_intersects', p('geom'), {
        type: 'MultiLineString',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [5, 6],
            [7, 8],
          ],
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))',
      op('s_intersects', p('geom'), {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 5],
            ],
          ],
        ],
      }),
    ],
    [
      'S_WITHIN(geom, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)))',
      op('s_within', p('geom'), {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        ],
      }),
    ],
    [
      'S_INTERSECTS(geom, BBOX(-180, -90, 180, 90))',
      op('s_intersects', p('geom'), bbox(-180, -90, 180, 90)),
    ],
    [
      'S_INTERSECTS(geom, bbox(1, 2, -10, 3, 4, 10))',
      op('s_intersects', p('geom'), bbox(1, 2, -10, 3, 4, 10)),
    ],
  ];
  it.each(cases)('%s', (text, ast) => {
    expect(parseCql2Text(text)).toEqual(ast);
  });
});

function pt(x: number, y: number): Geometry {
  return { type: 'Point', coordinates: [x, y] };
}
function bbox(...b: number[]) {
  return { bbox: b };
}

/** The Cql2Error the text raises. */
function failure(text: string): Cql2Error {
  try {
    parseCql2Text(text);
  } catch (e) {
    expect(e).toBeInstanceOf(Cql2Error);
    return e as Cql2Error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseCql2Text: errors say where', () => {
  const cases: [string, number, RegExp][] = [
    // [text, 0-based offset of the problem, what the message says]
    ['city', 4, /comparison operator/],
    ["city = 'Toronto' AND", 20, /property name|string/],
    ['balance-150.0 > 0', 7, /"-" found/],
    ["a = 'x' AND (b = 1", 18, /"\)"/],
    ["city = 'An Giang", 7, /never closed/],
    ['a == 1', 3, /"=" found/],
    ['a LIKE 5', 7, /"5" found/],
    ["d = DATE('2021-02-30')", 4, /DATE needs a day/],
    ["t > TIMESTAMP('2024-01-01 10:00:00')", 4, /TIMESTAMP needs/],
    ['S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 0 1)))', 24, /end at its first point/],
    ['S_INTERSECTS(g, POLYGON((0 0, 1 0, 0 0)))', 24, /at least four points/],
    ['S_INTERSECTS(g, LINESTRING(0 0))', 26, /at least two points/],
    ['S_INTERSECTS(g, POINT Z (1 2))', 22, /three numbers/],
    ['S_INTERSECTS(g, LINESTRING(0 0, 1 1 1))', 16, /mixes 2D and 3D/],
    ['S_INTERSECTS(g, BBOX(1, 2, 3))', 16, /4 numbers/],
    ['S_INTERSECTS(g, BBOX(10, 2, 3, 4))', 16, /antimeridian/],
    ['S_INTERSECTS(g, POINT(1))', 23, /whitespace but "\)" found/],
    ['a = 1\nAND b = ', 14, /line 2, column 9/],
    ['a > 1e999', 4, /1e999 is out of range/],
  ];
  it.each(cases)('%s', (text, position, message) => {
    const e = failure(text);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
    expect(e.status).toBe(400);
    expect(e.code).toBe('invalid_filter');
  });

  it('refuses nesting deeper than the cap before parsing, but not parentheses in strings', () => {
    const deep = '('.repeat(MAX_NESTING + 1) + 'a = 1' + ')'.repeat(MAX_NESTING + 1);
    expect(failure(deep).message).toMatch(/nests parentheses/);
    const ok = '('.repeat(MAX_NESTING) + 'a = 1' + ')'.repeat(MAX_NESTING);
    expect(parseCql2Text(ok)).toEqual(op('=', p('a'), 1));
    expect(parseCql2Text(`a = '${'('.repeat(200)}'`)).toEqual(op('=', p('a'), '('.repeat(200)));
  });

  it('refuses a run of NOTs longer than the cap, and trees deeper than MAX_DEPTH', () => {
    expect(parseCql2Text('NOT '.repeat(MAX_NESTING) + 'a = 1')).toMatchObject({ op: 'not' });
    const e = failure('NOT '.repeat(MAX_NESTING + 1) + 'a = 1');
    expect(e.message).toMatch(/more than 64 NOTs in a row/);
    expect(e.position).toBe(0);
    // 63 parentheses with 8 NOTs inside each: within both caps, but 505 levels deep.
    const deep = ('(' + 'NOT '.repeat(8)).repeat(63) + 'a = 1' + ')'.repeat(63);
    expect(failure(deep).message).toBe(
      `The filter nests conditions deeper than ${MAX_DEPTH} levels`,
    );
  });

  it('refuses a geometry of more than 5000 vertices', () => {
    const line = (n: number) => Array.from({ length: n }, (_, i) => `${i} 0`).join(',');
    expect(failure(`S_INTERSECTS(g, LINESTRING(${line(5001)}))`).message).toMatch(/5000 vertices/);
    expect(parseCql2Text(`S_INTERSECTS(g, LINESTRING(${line(5000)}))`)).toMatchObject({
      op: 's_intersects',
    });
  });
});
