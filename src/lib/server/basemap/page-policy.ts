/**
 * The basemap's origins for each page's CSP, worked out once per process (a remote style is read
 * once), and again a minute later when reading it failed.
 */
import type { BasemapConfig } from './config';
import { basemapOrigins, widenCsp } from './csp';

const RETRY_MS = 60_000;
let cached: { config: BasemapConfig; origins: Promise<string[]>; expires: number } | undefined;

export function pageOrigins(config: BasemapConfig, now = Date.now()): Promise<string[]> {
  if (cached && cached.config === config && now < cached.expires) return cached.origins;
  const entry = { config, expires: Infinity, origins: Promise.resolve<string[]>([]) };
  entry.origins = basemapOrigins(config, fetch, (message) => {
    console.warn(message);
    entry.expires = Date.now() + RETRY_MS;
  });
  cached = entry;
  return entry.origins;
}

/** Adds the configured basemap's origins to a page response's CSP (no change when none). */
export async function widenPageCsp(headers: Headers, config: BasemapConfig): Promise<void> {
  const csp = headers.get('content-security-policy');
  if (!csp || config.kind === 'offline') return;
  headers.set('content-security-policy', widenCsp(csp, await pageOrigins(config)));
}
