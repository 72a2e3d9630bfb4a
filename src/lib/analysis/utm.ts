/**
 * WGS84 longitude/latitude <-> UTM (EPSG:326zz, default zone 48N = EPSG:32648) in metres.
 *
 * The project has no projection library (proj4 is not a dependency), and the hex grid lives in
 * EPSG:32648, so callers need this to write GeoJSON. Transverse Mercator by Krüger's series to
 * sixth order in n (Karney 2011, "Transverse Mercator with an accuracy of a few nanometres",
 * J. Geodesy 85:475-485): nanometre-level within a zone, and within 1 mm of PROJ's cs2cs for
 * the points in tests/unit/analysis-utm.test.ts.
 */

/** WGS84 semi-major axis (metres). */
export const WGS84_A = 6378137;
/** WGS84 flattening. */
export const WGS84_F = 1 / 298.257223563;
/** UTM scale factor on the central meridian. */
export const UTM_K0 = 0.9996;
/** UTM false easting (metres). */
export const UTM_FALSE_EASTING = 500000;
/** The project's zone: 48 (central meridian 105 degrees E), EPSG:32648. */
export const UTM_ZONE = 48;

const n = WGS84_F / (2 - WGS84_F);
const e = Math.sqrt(WGS84_F * (2 - WGS84_F));
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
const n5 = n4 * n;
const n6 = n5 * n;
/** Rectifying radius A = a/(1+n) (1 + n^2/4 + n^4/64 + n^6/256). */
const A = (WGS84_A / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
const kA = UTM_K0 * A;

// Karney (2011) eq. 35 (alpha, forward) and eq. 36 (beta, inverse), index 1..6.
const ALPHA = [
  0,
  n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
  (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
  (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
  (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
  (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
  (212378941 / 319334400) * n6,
];
const BETA = [
  0,
  n / 2 - (2 / 3) * n2 + (37 / 96) * n3 - (1 / 360) * n4 - (81 / 512) * n5 + (96199 / 604800) * n6,
  (1 / 48) * n2 + (1 / 15) * n3 - (437 / 1440) * n4 + (46 / 105) * n5 - (1118711 / 3870720) * n6,
  (17 / 480) * n3 - (37 / 840) * n4 - (209 / 4480) * n5 + (5569 / 90720) * n6,
  (4397 / 161280) * n4 - (11 / 504) * n5 - (830251 / 7257600) * n6,
  (4583 / 161280) * n5 - (108847 / 3991680) * n6,
  (20648693 / 638668800) * n6,
];

const DEG = Math.PI / 180;

function centralMeridianRad(zone: number): number {
  if (!Number.isInteger(zone) || zone < 1 || zone > 60) throw new RangeError(`UTM zone ${zone}`);
  return (zone * 6 - 183) * DEG;
}

/** tan of the conformal latitude from tan of the geodetic latitude (Karney eq. 7-9). */
function conformalTan(tau: number): number {
  const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.hypot(1, tau)));
  return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
}

/**
 * WGS84 longitude/latitude (degrees) to UTM easting/northing (metres) on the northern
 * hemisphere (false northing 0), zone 48 unless given.
 *
 * @example
 * wgs84ToUtm(105, 0); // [500000, 0]
 * wgs84ToUtm(105.4355, 10.3866); // about [547671.779, 1148189.515] (Long Xuyen, An Giang)
 */
export function wgs84ToUtm(lon: number, lat: number, zone = UTM_ZONE): [number, number] {
  const lambda = lon * DEG - centralMeridianRad(zone);
  const tauP = conformalTan(Math.tan(lat * DEG));
  const cosL = Math.cos(lambda);
  const xiP = Math.atan2(tauP, cosL);
  const etaP = Math.asinh(Math.sin(lambda) / Math.hypot(tauP, cosL));
  let xi = xiP;
  let eta = etaP;
  for (let j = 1; j <= 6; j++) {
    xi += ALPHA[j] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
    eta += ALPHA[j] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
  }
  return [UTM_FALSE_EASTING + kA * eta, kA * xi];
}

/**
 * UTM easting/northing (metres, northern hemisphere, zone 48 unless given) to WGS84
 * longitude/latitude (degrees). Latitude by Newton's method on the conformal latitude
 * (Karney eq. 19-21), converged to 1e-14 in tan(latitude).
 *
 * @example
 * utmToWgs84(500000, 0); // [105, 0]
 * utmToWgs84(547671.779338, 1148189.514632); // [105.4355, 10.3866] to 1e-8 degrees
 */
export function utmToWgs84(x: number, y: number, zone = UTM_ZONE): [number, number] {
  const xi = y / kA;
  const eta = (x - UTM_FALSE_EASTING) / kA;
  let xiP = xi;
  let etaP = eta;
  for (let j = 1; j <= 6; j++) {
    xiP -= BETA[j] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etaP -= BETA[j] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const sinhEtaP = Math.sinh(etaP);
  const cosXiP = Math.cos(xiP);
  const tauP = Math.sin(xiP) / Math.hypot(sinhEtaP, cosXiP);
  const lambda = Math.atan2(sinhEtaP, cosXiP);
  const oneMinusE2 = 1 - e * e;
  let tau = tauP;
  for (let i = 0; i < 10; i++) {
    const tauI = conformalTan(tau);
    const dTau =
      ((tauP - tauI) / Math.hypot(1, tauI)) *
      ((1 + oneMinusE2 * tau * tau) / (oneMinusE2 * Math.hypot(1, tau)));
    tau += dTau;
    if (Math.abs(dTau) < 1e-14) break;
  }
  return [(lambda + centralMeridianRad(zone)) / DEG, Math.atan(tau) / DEG];
}
