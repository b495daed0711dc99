import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, requireChromiumOrSkip, serveDir, type ServedDir } from './browser';

// A built-app stand-in: an ES module that instantiates WebAssembly by streaming, which
// browsers allow only when the server says application/wasm.
const EMPTY_WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const SITE: Record<string, string | Uint8Array> = {
  'index.html': '<!doctype html><meta charset="utf-8"><title>售前KPI</title><script type="module" src="./app.mjs"></script><p id="out">…</p>',
  'app.mjs': "import { label } from './lib/label.js';\n" +
    "const { instance } = await WebAssembly.instantiateStreaming(fetch('./empty.wasm'));\n" +
    "document.getElementById('out').textContent = label + ':' + typeof instance.exports;\n",
  'lib/label.js': "export const label = '工作室';\n",
  'empty.wasm': EMPTY_WASM,
};

let site: ServedDir;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'harness-'));
  mkdirSync(join(dir, 'lib'));
  for (const [name, body] of Object.entries(SITE)) writeFileSync(join(dir, name), body);
  writeFileSync(join(tmpdir(), 'outside-the-root.txt'), 'secret');
  site = await serveDir(dir);
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'outside-the-root.txt'), { force: true });
});

describe('serveDir', () => {
  it('serves the folder under the sub-path, with index.html for the folder URL', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/some\/sub\/path\/$/);
    const res = await fetch(site.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('售前KPI');
  });

  it.each([
    ['app.mjs', 'text/javascript; charset=utf-8'],
    ['lib/label.js', 'text/javascript; charset=utf-8'],
    ['empty.wasm', 'application/wasm'],
  ])('sends %s as %s', async (path, type) => {
    const res = await fetch(site.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('refuses paths outside the sub-path or the folder, and missing files', async () => {
    const origin = new URL(site.url).origin;
    for (const path of [
      '/index.html', '/some/sub/index.html', '/some/sub/path/missing.js',
      // one level up from the served folder is where outside-the-root.txt really exists
      '/some/sub/path/..%2foutside-the-root.txt', '/some/sub/path/%2e%2e/outside-the-root.txt',
    ]) {
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(404);
      await res.body?.cancel();
    }
    const post = await fetch(site.url, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('serves at the root when the sub-path is "/"', async () => {
    const rootSite = await serveDir(dir, '/');
    try {
      expect(rootSite.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(rootSite.url + 'lib/label.js')).status).toBe(200);
    } finally {
      await rootSite.close();
    }
  });
});

describe('requireChromiumOrSkip', () => {
  it('fails loudly in CI when Chromium is missing', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    vi.stubEnv('CI', 'true');
    try {
      expect(chromiumAvailable()).toBe(false);
      expect(() => requireChromiumOrSkip()).toThrow(/apt-get update && apt-get install -y chromium/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('outside CI returns false and prints how to install Chromium', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(requireChromiumOrSkip()).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('apt-get update && apt-get install -y chromium'));
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describe.skipIf(!requireChromiumOrSkip())('headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('launches and renders a data: URL', async () => {
    const page = await browser.newPage();
    await page.goto('data:text/html;charset=utf-8,' + encodeURIComponent('<title>t</title><p id="x">售前 KPI 工作室</p>'));
    expect(await page.textContent('#x')).toBe('售前 KPI 工作室');
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.close();
  });

  it('loads a module app with wasm from the served sub-path', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== '…');
    expect(await page.textContent('#out')).toBe('工作室:object');
    expect(errors).toEqual([]);
    await page.close();
  });
});
