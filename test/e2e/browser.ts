/**
 * Shared helpers for the browser tests: launch Debian's headless Chromium through
 * playwright-core, decide whether a test run may go on without it, and serve a built folder
 * over HTTP under a deep sub-path (the app is deployed to intranet shares like
 * http://host/some/sub/path/, so tests must not pass only because they sit at the root).
 */
import { existsSync, statSync, createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is expected; CHROMIUM_PATH overrides the Debian default. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/**
 * Starts headless Chromium with the flags a sandbox-less CI container needs and nothing that
 * phones home.
 * @example const browser = await launchBrowser(); const page = await browser.newPage(); ... await browser.close();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** true when the Chromium executable exists. `chromiumAvailable() === existsSync('/usr/bin/chromium')` by default. */
export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/**
 * Whether browser tests can run. In CI (env CI set) a missing Chromium throws, so the run
 * fails loudly instead of passing with nothing tested; elsewhere it prints how to install
 * Chromium and returns false, for `describe.skipIf(!requireChromiumOrSkip())`.
 * @example const hasChromium = requireChromiumOrSkip(); describe.skipIf(!hasChromium)('app', () => { ... });
 */
export function requireChromiumOrSkip(): boolean {
  if (chromiumAvailable()) return true;
  const message = `Chromium not found at ${chromiumPath()}: install it with \`${INSTALL_HINT}\` (or set CHROMIUM_PATH).`;
  if (process.env.CI) throw new Error(`[browser tests] ${message} CI must run the browser tests.`);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED — ${message}\n${bar}\n`);
  return false;
}

/** Content types by extension; .mjs must be JavaScript and .wasm application/wasm, or browsers refuse them. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface ServedDir {
  /** base URL ending in '/', e.g. http://127.0.0.1:40123/some/sub/path/ */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `dir` read-only on 127.0.0.1 (random port) under `subPath`. Paths outside the
 * sub-path or the folder get 404; a folder URL serves its index.html.
 * @example const site = await serveDir('dist'); await page.goto(site.url); ... await site.close();
 */
export function serveDir(dir: string, subPath = '/some/sub/path/'): Promise<ServedDir> {
  const root = resolve(dir);
  const base = ('/' + subPath.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  const server = createServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return notFound();
    }
    if (!pathname.startsWith(base)) return notFound();
    let file = resolve(root, '.' + sep + pathname.slice(base.length));
    // resolve() has already collapsed '..', so anything escaping the root shows up here
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!statSync(file).isFile()) return notFound();
    } catch {
      return notFound();
    }
    res.writeHead(200, {
      'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServe, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServe({
        url: `http://127.0.0.1:${port}${base}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
