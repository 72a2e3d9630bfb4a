const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The origin clients reached the app at, for the absolute links OGC clients follow (GDAL appends
 * a relative href to the API root instead of resolving it). Without ORIGIN, adapter-node calls
 * every request https; but the app only ever speaks plain HTTP on this machine (scripts/serve.js
 * listens on loopback, TLS is a proxy's job), so a loopback host means http unless a proxy says
 * otherwise in X-Forwarded-Proto.
 * @example publicOrigin('https://127.0.0.1:3000/api/ogc', undefined) // 'http://127.0.0.1:3000'
 */
export function publicOrigin(requestUrl: string, forwardedProto: string | undefined): string {
  const url = new URL(requestUrl);
  const forwarded = forwardedProto?.split(',')[0].trim().toLowerCase();
  let scheme = url.protocol.slice(0, -1);
  if (forwarded === 'http' || forwarded === 'https') scheme = forwarded;
  else if (LOOPBACK.test(url.hostname)) scheme = 'http';
  return `${scheme}://${url.host}`;
}

/** `requestUrl` (path and query kept) at the public origin. */
export function publicUrl(requestUrl: string, forwardedProto: string | undefined): string {
  const url = new URL(requestUrl);
  return `${publicOrigin(requestUrl, forwardedProto)}${url.pathname}${url.search}`;
}
