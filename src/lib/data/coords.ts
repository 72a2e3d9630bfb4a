/**
 * A point typed as WGS 84 degrees or as VN-2000 metres (EPSG:3405, UTM zone 48N on the VN-2000
 * datum), each shown live in the other form. The definition is PostGIS's own `spatial_ref_sys`
 * row for 3405, so the page and the server agree to the centimetre.
 */
import proj4 from 'proj4';

export const VN2000_DEF =
  '+proj=utm +zone=48 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,' +
  '0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

const converter = proj4('EPSG:4326', VN2000_DEF);

/**
 * VN-2000 / UTM 48N metres of a WGS 84 point.
 * @example toVn2000(105.1, 10.7) // about [510 739, 1 182 922]
 */
export function toVn2000(lon: number, lat: number): [number, number] {
  return converter.forward([lon, lat]) as [number, number];
}

/** WGS 84 degrees of a VN-2000 / UTM 48N point in metres. */
export function fromVn2000(x: number, y: number): [number, number] {
  return converter.inverse([x, y]) as [number, number];
}

/**
 * A number typed by hand: a decimal point or a decimal comma, spaces ignored; undefined when it
 * is not a finite number.
 * @example parseCoordinate('10,5') // 10.5
 */
export function parseCoordinate(text: string): number | undefined {
  const s = text.replace(/\s/g, '').replace(',', '.');
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
