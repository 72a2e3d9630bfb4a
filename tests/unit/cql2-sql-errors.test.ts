import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CQL2_CONFORMANCE,
  Cql2Error,
  cql2ToSql,
  parseCql2Text,
  type Cql2Node,
  type Queryables,
} from '../../src/lib/server/ogc/cql2';

/**
 * What the SQL translation refuses, and how it says so. Building a fragment never touches the
 * database, so this client never connects.
 */
const sql = postgres({ host: '127.0.0.1', port: 9, max: 1 });
afterAll(() => sql.end({ timeout: 1 }));

const QUERYABLES: Queryables = {
  province: { type: 'string', column: 'province' },
  subjects: { type: 'integer', column: 'subjects' },
  quantity: { type: 'number', column: 'quantity' },
  occurred_at: { type: 'timestamp', column: 'occurred_at' },
  synthetic: { type: 'boolean', column: 'synthetic' },
  geom: { type: 'geometry', column: 'geom' },
};

function refusal(filter: string | Cql2Node, srid: number = 4326): Cql2Error {
  const node = typeof filter === 'string' ? parseCql2Text(filter) : filter;
  try {
    cql2ToSql(sql, node, QUERYABLES, { srid: srid as 4326 });
  } catch (e) {
    expect(e).toBeInstanceOf(Cql2Error);
    expect((e as Cql2Error).status).toBe(400);
    return e as Cql2Error;
  }
  throw new Error(`translated: ${JSON.stringify(filter)}`);
}

describe('cql2ToSql refuses', () => {
  it('an unknown property, naming it and listing the queryable ones', () => {
    const e = refusal("provinc = 'an_giang'");
    expect(e.message).toBe(
      "Unknown property 'provinc'. Queryable properties: province, subjects, quantity, occurred_at, synthetic, geom",
    );
    expect(e.details).toEqual({
      property: 'provinc',
      queryables: ['province', 'subjects', 'quantity', 'occurred_at', 'synthetic', 'geom'],
    });
  });

  it('a property differing only in case, suggesting the right one', () => {
    expect(refusal("Province = 'x'").message).toMatch(
      /^Unknown property 'Province' \(did you mean 'province'\?\)/,
    );
  });

  it('names of Object.prototype, which are not queryables', () => {
    expect(refusal("constructor = 'x'").message).toMatch(/Unknown property 'constructor'/);
  });

  it.each([
    [
      'province = 5',
      /Property 'province' is of type string: compare it with a quoted string such as 'abc', not the number 5/,
    ],
    [
      "subjects = '5'",
      /Property 'subjects' is of type integer: compare it with a number such as 42, not the string '5'/,
    ],
    ["quantity > TIMESTAMP('2024-01-01T00:00:00Z')", /is of type number.*not TIMESTAMP/],
    ['synthetic = 1', /is of type boolean: compare it with TRUE or FALSE/],
    ["occurred_at > 'yesterday'", /compare it with TIMESTAMP\('2024-01-31T00:00:00Z'\) or DATE/],
    ['geom = 1', /is of type geometry: compare it with a spatial function/],
    ["province IN ('a', 2)", /is of type string.*not the number 2/],
    ["subjects BETWEEN 1 AND 'x'", /is of type integer/],
  ])('a value of the wrong type: %s', (filter, message) => {
    expect(refusal(filter).message).toMatch(message);
  });

  it.each([
    ["subjects LIKE '1%'", /LIKE applies to text; property 'subjects' is of type integer/],
    ["province BETWEEN 'a' AND 'b'", /BETWEEN applies to numbers and times/],
    ['CASEI(subjects) = 1', /CASEI applies to text/],
    ["ACCENTI(province) = ACCENTI('x')", /ACCENTI .* is not supported/],
    ["T_AFTER(occurred_at, DATE('2024-01-01'))", /Temporal function T_AFTER is not supported/],
    ['avg(subjects) > 1', /Function avg is not supported/],
    ['subjects = quantity', /compares two properties \('subjects' and 'quantity'\)/],
    ['1 = 1', /compares two values/],
    [
      'S_INTERSECTS(subjects, POINT(1 2))',
      /S_INTERSECTS needs a geometry; property 'subjects' is of type integer/,
    ],
    ['S_INTERSECTS(POINT(1 2), POINT(1 2))', /two literal geometries/],
    ["occurred_at = INTERVAL('2024-01-01', '..')", /INTERVAL is not supported/],
  ])('what it does not implement: %s', (filter, message) => {
    expect(refusal(filter).message).toMatch(message);
  });

  it('a filter CRS other than 4326 and 3405', () => {
    expect(refusal('S_INTERSECTS(geom, POINT(1 2))', 3857).message).toMatch(
      /EPSG:3857 is not supported/,
    );
  });

  it('a value where a condition belongs, and malformed nodes', () => {
    expect(refusal(5).message).toMatch(/Expected a condition, found the number 5/);
    expect(refusal({ op: 'and', args: [true] }).message).toMatch(/AND needs two or more/);
    expect(refusal({ op: '=', args: [{ property: 'subjects' }] }).message).toMatch(
      /= takes 2 argument/,
    );
  });
});

describe('CQL2_CONFORMANCE', () => {
  it('declares what QGIS needs to push a filter to the server, and nothing it cannot do', () => {
    expect(CQL2_CONFORMANCE).toContain('http://www.opengis.net/spec/cql2/1.0/conf/cql2-text');
    expect(CQL2_CONFORMANCE).toContain('http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2');
    for (const uri of CQL2_CONFORMANCE) {
      expect(uri).toMatch(/^http:\/\/www\.opengis\.net\/spec\/cql2\/1\.0\/conf\/[a-z0-9-]+$/);
      expect(uri).not.toMatch(/cql2-json|temporal|array|arithmetic|property-property|insensitive/);
    }
  });
});
