/**
 * CQL2 text (OGC 21-065r2, annex B) as a peggy grammar, building CQL2-JSON nodes (ast.ts).
 * Kept as a string in a .ts module so the parser is generated at first use under Vite, tsx and
 * vitest alike (parse.ts). Keywords are case-insensitive; a keyword only ends where no
 * identifier character follows (`NOTE` is a property, `NOT` is not).
 *
 * Covered: AND, OR, NOT, parentheses, = <> < > <= >=, IS [NOT] NULL, [NOT] LIKE, [NOT] BETWEEN,
 * [NOT] IN, CASEI and ACCENTI, GDAL's [NOT] ILIKE, strings (a quote written '' or \', a
 * backslash \\ as QGIS writes it), number and boolean literals, DATE('...'), TIMESTAMP('...'),
 * INTERVAL(...), the spatial functions S_INTERSECTS ... S_CONTAINS over WKT (POINT, LINESTRING,
 * POLYGON, MULTI*, GEOMETRYCOLLECTION, optional Z) and BBOX(...), property names plain or
 * double-quoted ("" for a quote inside), and function calls (the SQL translation refuses the
 * ones it does not know). Not covered: arithmetic, arrays.
 */
export const CQL2_TEXT_GRAMMAR = String.raw`
{{
  const RESERVED = new Set([
    'AND', 'OR', 'NOT', 'LIKE', 'ILIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE',
  ]);
  // Words that open a literal or a predicate: never a function name.
  const NOT_FUNCTIONS = new Set([
    ...RESERVED, 'CASEI', 'ACCENTI', 'DATE', 'TIMESTAMP', 'INTERVAL', 'BBOX', 'POINT', 'LINESTRING',
    'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION',
    'S_INTERSECTS', 'S_EQUALS', 'S_DISJOINT', 'S_TOUCHES', 'S_WITHIN', 'S_OVERLAPS', 'S_CROSSES',
    'S_CONTAINS',
  ]);
  const MAX_VERTICES = 5000;

  function negate(n, node) {
    return n ? { op: 'not', args: [node] } : node;
  }

  function isFunction(node) {
    return typeof node === 'object' && node !== null && 'op' in node;
  }

  function coordinates(g) {
    if (g.type === 'GeometryCollection') return g.geometries.flatMap(coordinates);
    const flat = (c) => (typeof c[0] === 'number' ? [c] : c.flatMap(flat));
    return flat(g.coordinates);
  }
}}

{
  // Calendar checks come from temporal.ts through the parse options (parse.ts).
  const isDate = (s) => options.isDateString(s);
  const isTimestamp = (s) => options.isTimestampString(s);
}

Filter
  = _ e:BooleanExpression _ { return e; }

BooleanExpression
  = head:BooleanTerm tail:(_ OR _ @BooleanTerm)* {
      return tail.length ? { op: 'or', args: [head, ...tail] } : head;
    }

BooleanTerm
  = head:BooleanFactor tail:(_ AND _ @BooleanFactor)* {
      return tail.length ? { op: 'and', args: [head, ...tail] } : head;
    }

// NOTs are collected in a loop, not by recursion, so a long run of them cannot overflow the stack.
BooleanFactor
  = nots:(NOT _)* p:BooleanPrimary {
      if (nots.length > options.maxNesting) error('more than ' + options.maxNesting + ' NOTs in a row');
      return nots.reduce((node) => ({ op: 'not', args: [node] }), p);
    }

BooleanPrimary
  = "(" _ @BooleanExpression _ ")"
  / SpatialPredicate
  / l:Operand t:(_ @PredicateTail)? &{ return t !== null || typeof l === 'boolean' || isFunction(l); } {
      return t === null ? l : t(l);
    }

PredicateTail
  = op:ComparisonOperator _ r:Operand { return (l) => ({ op, args: [l, r] }); }
  / n:(NOT _)? LIKE _ p:Pattern { return (l) => negate(n, { op: 'like', args: [l, p] }); }
  // ILIKE is not CQL2 but GDAL sends it: the same as CASEI on both sides.
  / n:(NOT _)? ILIKE _ p:StringLiteral {
      return (l) => negate(n, { op: 'like', args: [{ op: 'casei', args: [l] }, { op: 'casei', args: [p] }] });
    }
  / n:(NOT _)? BETWEEN _ lo:Operand _ AND _ hi:Operand {
      return (l) => negate(n, { op: 'between', args: [l, lo, hi] });
    }
  / n:(NOT _)? IN _ "(" _ list:OperandList _ ")" {
      return (l) => negate(n, { op: 'in', args: [l, list] });
    }
  / IS _ n:(NOT _)? NULL { return (l) => negate(n, { op: 'isNull', args: [l] }); }

ComparisonOperator "comparison operator"
  = "<>" / "<=" / ">=" / "=" / "<" / ">"

OperandList
  = head:Operand tail:(_ "," _ @Operand)* { return [head, ...tail]; }

Operand
  = CharacterClause
  / Instant
  / Interval
  / NumericLiteral
  / BooleanLiteral
  / FunctionCall
  / PropertyName

Pattern
  = CASEI _ "(" _ p:Pattern _ ")" { return { op: 'casei', args: [p] }; }
  / ACCENTI _ "(" _ p:Pattern _ ")" { return { op: 'accenti', args: [p] }; }
  / StringLiteral

CharacterClause
  = CASEI _ "(" _ e:CharacterExpression _ ")" { return { op: 'casei', args: [e] }; }
  / ACCENTI _ "(" _ e:CharacterExpression _ ")" { return { op: 'accenti', args: [e] }; }
  / StringLiteral

CharacterExpression
  = CharacterClause
  / FunctionCall
  / PropertyName

// ---- temporal literals ----

Instant
  = DATE _ "(" _ s:StringLiteral _ ")" {
      if (!isDate(s)) error("DATE needs a day as 'yyyy-mm-dd', got '" + s + "'");
      return { date: s };
    }
  / TIMESTAMP _ "(" _ s:StringLiteral _ ")" {
      if (!isTimestamp(s)) error("TIMESTAMP needs 'yyyy-mm-ddThh:mm:ssZ', got '" + s + "'");
      return { timestamp: s };
    }

Interval
  = INTERVAL _ "(" _ a:IntervalBound _ "," _ b:IntervalBound _ ")" { return { interval: [a, b] }; }

IntervalBound
  = s:StringLiteral {
      if (s !== '..' && !isDate(s) && !isTimestamp(s)) {
        error("an INTERVAL bound is a date, a timestamp or '..', got '" + s + "'");
      }
      return s;
    }
  / FunctionCall
  / PropertyName

// ---- spatial ----

SpatialPredicate
  = f:SpatialFunction _ "(" _ a:GeometryExpression _ "," _ b:GeometryExpression _ ")" {
      return { op: f, args: [a, b] };
    }

SpatialFunction
  = name:$("S_INTERSECTS"i / "S_EQUALS"i / "S_DISJOINT"i / "S_TOUCHES"i / "S_WITHIN"i
      / "S_OVERLAPS"i / "S_CROSSES"i / "S_CONTAINS"i) !IdentifierPart { return name.toLowerCase(); }

GeometryExpression
  = SpatialInstance
  / FunctionCall
  / PropertyName

SpatialInstance
  = g:(GeometryLiteral / GeometryCollection) {
      const dims = new Set(coordinates(g).map((c) => c.length));
      if (dims.size > 1) error('a geometry mixes 2D and 3D coordinates');
      if (coordinates(g).length > MAX_VERTICES) error('a geometry has more than ' + MAX_VERTICES + ' vertices');
      return g;
    }
  / BBox

GeometryLiteral
  = Point / LineString / Polygon / MultiPoint / MultiLineString / MultiPolygon

Point
  = "POINT"i !IdentifierPart _ z:ZFlag c:PointText { return { type: 'Point', coordinates: z(c) }; }

LineString
  = "LINESTRING"i !IdentifierPart _ z:ZFlag c:LineStringText {
      return { type: 'LineString', coordinates: z(c) };
    }

Polygon
  = "POLYGON"i !IdentifierPart _ z:ZFlag c:PolygonText { return { type: 'Polygon', coordinates: z(c) }; }

MultiPoint
  = "MULTIPOINT"i !IdentifierPart _ z:ZFlag "(" _ head:MultiPointMember tail:(_ "," _ @MultiPointMember)* _ ")" {
      return { type: 'MultiPoint', coordinates: z([head, ...tail]) };
    }

// Both MULTIPOINT((1 2), (3 4)) as CQL2 spells it and MULTIPOINT(1 2, 3 4) as many tools write it.
MultiPointMember
  = PointText
  / Coordinate

MultiLineString
  = "MULTILINESTRING"i !IdentifierPart _ z:ZFlag "(" _ head:LineStringText tail:(_ "," _ @LineStringText)* _ ")" {
      return { type: 'MultiLineString', coordinates: z([head, ...tail]) };
    }

MultiPolygon
  = "MULTIPOLYGON"i !IdentifierPart _ z:ZFlag "(" _ head:PolygonText tail:(_ "," _ @PolygonText)* _ ")" {
      return { type: 'MultiPolygon', coordinates: z([head, ...tail]) };
    }

GeometryCollection
  = "GEOMETRYCOLLECTION"i !IdentifierPart _ ZFlag "(" _ head:GeometryLiteral tail:(_ "," _ @GeometryLiteral)* _ ")" {
      return { type: 'GeometryCollection', geometries: [head, ...tail] };
    }

// With Z, every coordinate must carry three numbers; the function checks that and passes c on.
ZFlag
  = "Z"i !IdentifierPart _ {
      const where = location();
      return (c) => {
        const flat = (x) => (typeof x[0] === 'number' ? [x] : x.flatMap(flat));
        if (flat(c).some((p) => p.length !== 3)) {
          error('a geometry tagged Z needs three numbers per coordinate', where);
        }
        return c;
      };
    }
  / "" { return (c) => c; }

PointText
  = "(" _ @Coordinate _ ")"

LineStringText
  = "(" _ head:Coordinate tail:(_ "," _ @Coordinate)* _ ")" {
      if (tail.length < 1) error('a line needs at least two points');
      return [head, ...tail];
    }

LinearRingText
  = "(" _ head:Coordinate tail:(_ "," _ @Coordinate)* _ ")" {
      const ring = [head, ...tail];
      if (ring.length < 4) error('a polygon ring needs at least four points (the first repeated last)');
      const a = ring[0], b = ring[ring.length - 1];
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) {
        error('a polygon ring must end at its first point');
      }
      return ring;
    }

PolygonText
  = "(" _ head:LinearRingText tail:(_ "," _ @LinearRingText)* _ ")" { return [head, ...tail]; }

Coordinate
  = x:SignedNumber __ y:SignedNumber z:(__ @SignedNumber)? { return z === null ? [x, y] : [x, y, z]; }

BBox
  = "BBOX"i !IdentifierPart _ "(" _ head:SignedNumber tail:(_ "," _ @SignedNumber)* _ ")" {
      const b = [head, ...tail];
      if (b.length !== 4 && b.length !== 6) error('BBOX needs 4 numbers (west, south, east, north) or 6');
      const [w, s, e, n] = b.length === 4 ? b : [b[0], b[1], b[3], b[4]];
      if (s > n) error('BBOX south ' + s + ' is greater than north ' + n);
      if (w > e) error('BBOX west ' + w + ' is greater than east ' + e + ' (a box across the antimeridian is not supported)');
      return { bbox: b };
    }

// ---- scalar literals ----

StringLiteral
  = open:("'" { return location(); }) chars:("''" { return "'"; } / "\\'" { return "'"; } / "\\\\" { return "\\"; } / [^'])*
    ("'" / "" { error('this string is never closed (a quote inside a string is written twice)', open); }) {
      return chars.join('');
    }

NumericLiteral "number"
  = SignedNumber

SignedNumber
  = [+-]? (Digits ("." Digits?)? / "." Digits) ([eE] [+-]? Digits)? !IdentifierStart {
      const n = Number(text());
      if (!Number.isFinite(n)) error('the number ' + text() + ' is out of range');
      return n;
    }

Digits
  = [0-9]+

BooleanLiteral
  = TRUE { return true; }
  / FALSE { return false; }

FunctionCall "function call"
  = name:Identifier &{ return !NOT_FUNCTIONS.has(name.toUpperCase()); } _ "(" _ args:ArgumentList? _ ")" {
      return { op: name, args: args ?? [] };
    }

ArgumentList
  = head:Argument tail:(_ "," _ @Argument)* { return [head, ...tail]; }

Argument
  = SpatialInstance
  / Operand

PropertyName "property name"
  = '"' chars:('""' { return '"'; } / [^"])+ '"' { return { property: chars.join('') }; }
  / name:Identifier &{ return !RESERVED.has(name.toUpperCase()); } { return { property: name }; }

Identifier "identifier"
  = $(IdentifierStart IdentifierPart*)

IdentifierStart
  = [:_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]

IdentifierPart
  = IdentifierStart
  / [.0-9\u0300-\u036F\u203F-\u2040]

// ---- keywords ----

AND = "AND"i !IdentifierPart
OR = "OR"i !IdentifierPart
NOT = "NOT"i !IdentifierPart
LIKE = "LIKE"i !IdentifierPart
ILIKE = "ILIKE"i !IdentifierPart
BETWEEN = "BETWEEN"i !IdentifierPart
IN = "IN"i !IdentifierPart
IS = "IS"i !IdentifierPart
NULL = "NULL"i !IdentifierPart
TRUE = "TRUE"i !IdentifierPart
FALSE = "FALSE"i !IdentifierPart
CASEI = "CASEI"i !IdentifierPart
ACCENTI = "ACCENTI"i !IdentifierPart
DATE = "DATE"i !IdentifierPart
TIMESTAMP = "TIMESTAMP"i !IdentifierPart
INTERVAL = "INTERVAL"i !IdentifierPart

_ "whitespace"
  = [ \t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*

__ "whitespace"
  = [ \t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+
`;
