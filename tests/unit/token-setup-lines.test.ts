import { describe, expect, it } from 'vitest';
import { setupLines } from '../../src/lib/components/tokens/setup-lines';

describe('setupLines', () => {
  it('fills the server address, the username and the token into each line', () => {
    const token = 'AbC_d-0123456789abcdefghijklmnopqrstuvwxyzA';
    const lines = setupLines('http://10.0.0.5:3000/', 'ana.le', token);
    expect(lines.ogcUrl).toBe('http://10.0.0.5:3000/api/ogc');
    expect(lines.qgisUser).toBe('ana.le');
    expect(lines.qgisPassword).toBe(token);
    expect(lines.ogrinfo).toBe(
      `GDAL_HTTP_AUTH=BASIC GDAL_HTTP_USERPWD='ana.le:${token}' ogrinfo OAPIF:http://10.0.0.5:3000/api/ogc`,
    );
    expect(lines.ogr2ogr).toBe(
      `GDAL_HTTP_AUTH=BASIC GDAL_HTTP_USERPWD='ana.le:${token}' ogr2ogr -f GPKG seizures.gpkg OAPIF:http://10.0.0.5:3000/api/ogc seizures`,
    );
    expect(lines.curl).toBe(`curl -u 'ana.le:${token}' http://10.0.0.5:3000/api/layers`);
  });

  it('quotes a quote for the shell', () => {
    expect(setupLines('https://h', "o'k", 't').curl).toBe(
      `curl -u 'o'\\''k:t' https://h/api/layers`,
    );
  });
});
