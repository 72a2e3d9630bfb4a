import { describe, expect, it } from 'vitest';
import { Cql2Error, parseCql2Json, parseCql2Text } from '../../src/lib/server/ogc/cql2';

describe('parseCql2Json', () => {
  it.each([
    "city='Toronto'",
    'geometry IS NOT NULL',
    "name NOT LIKE 'Smith%' AND depth BETWEEN 100.0 and 150.0",
    "cityName IN ('Toronto','Frankfurt') OR CASEI(road) = CASEI('Straße')",
    "updated >= DATE('1970-01-01') AND at < TIMESTAMP('2024-01-31T17:00:00Z')",
    'S_INTERSECTS(geom, POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))',
    'S_WITHIN(geom, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)))',
    'S_INTERSECTS(geom, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0))))',
    'S_INTERSECTS(geom, BBOX(1, 2, -10, 3, 4, 10))',
    "T_DURING(INTERVAL(starts_at, ends_at), INTERVAL('2017-06-10T07:30:00Z', '..'))",
    'TRUE',
  ])('reads the CQL2-JSON of %s as the text parser builds it', (text) => {
    const ast = parseCql2Text(text);
    expect(parseCql2Json(JSON.stringify(ast))).toEqual(ast);
  });

  it('reads the standard example as written (op names as the standard spells them)', () => {
    const doc = `{"op":"and","args":[
      {"op":"isNull","args":[{"property":"name"}]},
      {"op":"s_intersects","args":[{"property":"geometry"},
        {"type":"Point","coordinates":[36.319836,32.288087]}]}]}`;
    expect(parseCql2Json(doc)).toEqual({
      op: 'and',
      args: [
        { op: 'isNull', args: [{ property: 'name' }] },
        {
          op: 's_intersects',
          args: [{ property: 'geometry' }, { type: 'Point', coordinates: [36.319836, 32.288087] }],
        },
      ],
    });
  });

  it.each([
    ['{"op":"=","args":[{"property":"a"}', /not JSON/],
    ['null', /at \$: null is not a value/],
    ['{"op":"=","args":[{"property":"a"},null]}', /at \$\.args\[1\]: null/],
    ['{"op":"="}', /at \$\.args: = needs an args array/],
    ['{"op":5,"args":[]}', /at \$\.op/],
    ['{"foo":1}', /no CQL2 kind \(keys: foo\)/],
    ['{"op":"=","args":[{"property":"d"},{"date":"2021-02-30"}]}', /args\[1\]: date needs/],
    ['{"op":"=","args":[{"property":"t"},{"timestamp":"2021-02-01"}]}', /timestamp needs/],
    ['{"op":"s_intersects","args":[{"property":"g"},{"bbox":[1,2,3]}]}', /4 or 6 numbers/],
    [
      '{"op":"s_intersects","args":[{"property":"g"},{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}]}',
      /args\[1\]\.coordinates\[0\]: a ring must end at its first position/,
    ],
    [
      '{"op":"s_intersects","args":[{"property":"g"},{"type":"LineString","coordinates":[[0,0],[1,1,1]]}]}',
      /mixes 2D and 3D/,
    ],
    [
      '{"op":"s_intersects","args":[{"property":"g"},{"type":"Point","coordinates":["1",2]}]}',
      /a position is 2 or 3 numbers/,
    ],
    [
      '{"op":"s_intersects","args":[{"property":"g"},{"type":"Circle","coordinates":[1,2]}]}',
      /args\[1\]\.type: unknown geometry type/,
    ],
  ])('refuses %s', (doc, message) => {
    let error: unknown;
    try {
      parseCql2Json(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Cql2Error);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses trees deeper than the text parser allows', () => {
    let doc = '{"op":"=","args":[{"property":"a"},1]}';
    for (let i = 0; i < 300; i++) doc = `{"op":"not","args":[${doc}]}`;
    expect(() => parseCql2Json(doc)).toThrow(/nested deeper than 256 levels/);
  });
});
