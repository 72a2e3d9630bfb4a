import type { MiddlewareHandler } from 'hono';
import proxyaddr from 'proxy-addr';
import type { AppEnv } from '../types';

/**
 * Puts the client's address on the context. The server hands in the peer that connected; only
 * when that peer is a configured trusted proxy is X-Forwarded-For read, right to left, up to
 * the first address that is not a trusted proxy. Otherwise the header is ignored: anyone can
 * send it, and trusting it would let a client pick the address its login limits count against.
 */
export function clientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const trust = trustedProxies.length ? proxyaddr.compile([...trustedProxies]) : () => false;
  return async function clientAddress(c, next) {
    const peer = c.env?.clientAddress;
    if (!peer) {
      c.set('client', 'unknown');
    } else {
      // proxy-addr reads a Node request; these two fields are all it looks at.
      const req = {
        headers: { 'x-forwarded-for': c.req.header('x-forwarded-for') },
        socket: { remoteAddress: peer },
      };
      c.set('client', proxyaddr(req as unknown as Parameters<typeof proxyaddr>[0], trust));
    }
    await next();
  };
}
