/**
 * Bytes a fresh sign-in costs: the built app (`npm run build` first) with the demo data, a new
 * Chromium context (empty cache) that opens the map, signs in as the demo commander and waits
 * for every layer to load. Prints what went over the wire by kind (headers + encoded body) next
 * to what the same responses cost uncompressed. Not a test: it asserts nothing.
 *
 *   npm run bench:bytes
 *
 * Target (DESIGN.md section 10): a fresh sign-in <= 500 KB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/lib/browser.js';
import { layersLoaded } from '../tests/e2e/lib/map.js';
import { signInWithDialog } from '../tests/e2e/lib/session.js';
import { demoPasswords, startApp } from '../tests/lib/app-process';

const TARGET_KB = 500;
const KINDS = ['HTML', 'JS', 'CSS', 'fonts', 'API', 'other'] as const;
type Kind = (typeof KINDS)[number];

interface Sample {
  kind: Kind;
  url: string;
  encoding: string;
  /** Headers plus the body as sent (compressed where it was). */
  wire: number;
  /** Headers plus the decoded body: the cost without compression. */
  plain: number;
}

function kindOf(req: Request, type: string): Kind {
  const { pathname } = new URL(req.url());
  if (req.resourceType() === 'document' || type.startsWith('text/html')) return 'HTML';
  if (pathname.startsWith('/api/')) return 'API';
  if (pathname.startsWith('/fonts/')) return 'fonts';
  if (type.includes('javascript') || pathname.endsWith('.js')) return 'JS';
  if (type.startsWith('text/css') || pathname.endsWith('.css')) return 'CSS';
  return 'other';
}

async function sample(req: Request): Promise<Sample | null> {
  if (!req.url().startsWith('http')) return null; // data: and blob: URLs cost nothing
  const res = await req.response();
  if (!res) return null;
  const sizes = await req.sizes();
  const decoded = res.status() === 304 ? 0 : (await res.body()).length;
  const headers = await res.allHeaders();
  return {
    kind: kindOf(req, headers['content-type'] ?? ''),
    url: req.url(),
    encoding: headers['content-encoding'] ?? 'identity',
    wire: sizes.responseHeadersSize + sizes.responseBodySize,
    plain: sizes.responseHeadersSize + decoded,
  };
}

const kb = (n: number) => (n / 1024).toFixed(1);

function report(samples: Sample[]) {
  console.log('\nFresh sign-in as demo.commander, empty cache: bytes received (headers + body)');
  console.log('| kind  | requests | transferred KB | uncompressed KB | saved |');
  console.log('|-------|----------|----------------|-----------------|-------|');
  const row = (name: string, xs: Sample[]) => {
    const wire = xs.reduce((n, s) => n + s.wire, 0);
    const plain = xs.reduce((n, s) => n + s.plain, 0);
    const saved = plain ? `${Math.round((100 * (plain - wire)) / plain)}%` : '-';
    console.log(
      `| ${name.padEnd(5)} | ${String(xs.length).padStart(8)} | ${kb(wire).padStart(14)} | ` +
        `${kb(plain).padStart(15)} | ${saved.padStart(5)} |`,
    );
    return wire;
  };
  for (const kind of KINDS)
    row(
      kind,
      samples.filter((s) => s.kind === kind),
    );
  const total = row('total', samples);
  console.log(
    `\nTarget <= ${TARGET_KB} KB: ${kb(total)} KB, ${total <= TARGET_KB * 1024 ? 'met' : 'NOT met'}.`,
  );
  console.log('\nLargest responses:');
  for (const s of [...samples].sort((a, b) => b.wire - a.wire).slice(0, 8)) {
    const path = new URL(s.url).pathname + new URL(s.url).search;
    console.log(
      `  ${kb(s.wire).padStart(7)} KB  (${kb(s.plain)} KB plain, ${s.encoding})  ${path}`,
    );
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'brm-bytes-'));
const app = await startApp({ DATA_DIR: dataDir, DEMO_DATA: 'true' });
try {
  await app.ready();
  const password = demoPasswords(app.output())['demo.commander'];
  if (!password) throw new Error(`no demo banner in the output:\n${app.output().slice(-2000)}`);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
    });
    const pending: Promise<Sample | null>[] = [];
    context.on('requestfinished', (req) => pending.push(sample(req)));
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/');
    await signInWithDialog(page, { username: 'demo.commander', password });
    await layersLoaded(page);
    await page.waitForLoadState('networkidle');
    const samples = (await Promise.all(pending)).filter((s): s is Sample => s !== null);
    await context.close();
    report(samples);
  } finally {
    await browser.close();
  }
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
