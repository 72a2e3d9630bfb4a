import type { Geometry, Position } from 'geojson';

/**
 * WKT of a geometry parsed from a CQL2 filter, for ST_GeomFromText. Numbers are written by
 * JavaScript's shortest round-trip form, so the database reads back exactly the parsed values.
 *
 * @example geometryToWkt({ type: 'Point', coordinates: [105.5, 10.25] }) // 'POINT(105.5 10.25)'
 */
export function geometryToWkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT${z([g.coordinates])}(${position(g.coordinates)})`;
    case 'LineString':
      return `LINESTRING${z(g.coordinates)}${line(g.coordinates)}`;
    case 'Polygon':
      return `POLYGON${z(g.coordinates.flat())}${polygon(g.coordinates)}`;
    case 'MultiPoint':
      return `MULTIPOINT${z(g.coordinates)}(${g.coordinates.map((p) => `(${position(p)})`).join(',')})`;
    case 'MultiLineString':
      return `MULTILINESTRING${z(g.coordinates.flat())}(${g.coordinates.map(line).join(',')})`;
    case 'MultiPolygon':
      return `MULTIPOLYGON${z(g.coordinates.flat(2))}(${g.coordinates.map(polygon).join(',')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION(${g.geometries.map(geometryToWkt).join(',')})`;
  }
}

const z = (ps: Position[]) => (ps[0]?.length === 3 ? ' Z' : '');
const position = (p: Position) => p.join(' ');
const line = (ps: Position[]) => `(${ps.map(position).join(',')})`;
const polygon = (rings: Position[][]) => `(${rings.map(line).join(',')})`;
