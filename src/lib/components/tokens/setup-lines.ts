/**
 * The exact lines an analyst types into QGIS and GDAL to read this server's layers with a token.
 * Pure: the page passes in its own address, the username and the token shown once.
 */

export interface SetupLines {
  /** The OGC API - Features address QGIS and GDAL connect to. */
  ogcUrl: string;
  /** QGIS: the fields of the Basic authentication configuration. */
  qgisUser: string;
  qgisPassword: string;
  /** GDAL: list the layers, then download the seizures into a GeoPackage. */
  ogrinfo: string;
  ogr2ogr: string;
  /** The same reading through the layers API with curl. */
  curl: string;
}

/** Single-quoted for a POSIX shell: a token is base64url, but a username could hold a quote. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * @example setupLines('http://10.0.0.5:3000', 'ana', 'T0k').ogrinfo
 * // "GDAL_HTTP_AUTH=BASIC GDAL_HTTP_USERPWD='ana:T0k' ogrinfo OAPIF:http://10.0.0.5:3000/api/ogc"
 */
export function setupLines(origin: string, username: string, token: string): SetupLines {
  const base = origin.replace(/\/+$/, '');
  const ogcUrl = `${base}/api/ogc`;
  const env = `GDAL_HTTP_AUTH=BASIC GDAL_HTTP_USERPWD=${sh(`${username}:${token}`)}`;
  return {
    ogcUrl,
    qgisUser: username,
    qgisPassword: token,
    ogrinfo: `${env} ogrinfo OAPIF:${ogcUrl}`,
    ogr2ogr: `${env} ogr2ogr -f GPKG seizures.gpkg OAPIF:${ogcUrl} seizures`,
    curl: `curl -u ${sh(`${username}:${token}`)} ${base}/api/layers`,
  };
}
