/**
 * Zero network: a full session of the built app (served from a sub-path) requests nothing
 * but its own index.html (plus data:/blob: URLs), the CSP forbids connections, and no source
 * file uses a network API. Needs a build: `npx vite build` first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { builtIndex, downloadResults, goTo, importThroughInput, openApp, waitReady, builtSiteAndBrowser } from '../bad-input/appDriver';

const NETWORK_APIS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bimportScripts\s*\(|\bRTCPeerConnection\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js|svelte)$/.test(name) ? [path] : [];
  });
}

function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error('no CSP meta tag');
  return new Map(meta[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe('network APIs and CSP (static)', () => {
  it('no file in src/ uses fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource or importScripts', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => NETWORK_APIS.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : []));
    expect(hits).toEqual([]);
  });

  it('the grep would catch a use (the pattern is not blind)', () => {
    for (const line of ['await fetch(url)', 'new XMLHttpRequest()', "new WebSocket('ws://x')", 'navigator.sendBeacon(u, d)', 'new EventSource(u)', 'importScripts("x.js")']) {
      expect(NETWORK_APIS.test(line), line).toBe(true);
    }
    expect(NETWORK_APIS.test('const prefetched = 1; // fetchAll')).toBe(false);
  });

  it('dist/index.html: the CSP (injected at build time) forbids connections and foreign code, before any script', () => {
    const html = readFileSync(builtIndex(), 'utf8');
    const csp = cspOf(html);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      for (const v of values) expect(v, `${name} ${v}`).toMatch(/^('self'|'none'|'unsafe-inline'|blob:|data:)$/);
    }
    // A <meta> policy governs only what the parser meets after it.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  });

  it('dist/index.html: the favicon is public/favicon.svg inlined as a data: URL, so no page asks for a file beside it', () => {
    const html = readFileSync(builtIndex(), 'utf8');
    const icons = [...html.matchAll(/<link\s+rel="icon"[^>]*\shref="([^"]*)"/g)].map((m) => m[1]);
    expect(icons).toHaveLength(1);
    expect(icons[0].startsWith('data:image/svg+xml,')).toBe(true);
    const svg = decodeURIComponent(icons[0].slice('data:image/svg+xml,'.length));
    expect(svg).toBe(readFileSync('public/favicon.svg', 'utf8').trim());
    expect(svg).toContain('>KPI<');
  });
});

describe.skipIf(!requireChromiumOrSkip())('a full session requests nothing but the app itself', () => {
  const env = builtSiteAndBrowser();

  /** A context whose every request, CSP violation and page error is recorded. */
  async function recorded(): Promise<{ context: BrowserContext; page: Page; requests: string[]; violations: string[]; errors: string[] }> {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const requests: string[] = [];
    const violations: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.exposeFunction('__recordViolation', (v: string) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __recordViolation(v: string): void }).__recordViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    page.on('worker', (w) => w.url() && requests.push(`worker:${w.url()}`));
    page.on('console', (m) => { if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, requests, violations, errors };
  }

  it('open, demo, import via the file input, every page, a person, a download', async () => {
    const { context, page, requests, violations, errors } = await recorded();
    try {
      await openApp(page, env.site.url);
      // The first open loads the demo data set by itself.
      await goTo(page, '#/data');
      await page.waitForSelector('table.batches tbody tr');
      const cards = await importThroughInput(page, [join('test/bad-input/files', 'crlf.csv')]);
      expect(cards.map((c) => c.status)).toEqual(['imported']);

      const nav = await page.$$eval('nav.main-nav a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(nav).toEqual(expect.arrayContaining(['#/overview', '#/weights', '#/people', '#/export', '#/data']));
      const visited: string[] = [];
      for (const hash of nav) {
        await goTo(page, hash);
        await page.waitForTimeout(300); // let charts and workers of the page start
        visited.push(hash);
      }
      await goTo(page, '#/people');
      await page.click('table tbody tr td button.link');
      await page.waitForFunction(() => location.hash.startsWith('#/person/'));
      await waitReady(page);
      visited.push(await page.evaluate(() => location.hash));
      expect(visited.at(-1)).toMatch(/^#\/person\/PS\d+/);

      const { text } = await downloadResults(page);
      expect(text.split('\n')[0]).toMatch(/^staff_id,name,team,level,domain,period,total/);

      const own = new URL(env.site.url).href;
      const foreign = requests.filter((u) => {
        const url = u.replace(/^worker:/, '');
        return !(url.startsWith('data:') || url.startsWith('blob:') || url.split('#')[0] === own || url.split('#')[0] === own + 'index.html');
      });
      expect(foreign).toEqual([]);
      // The app's own page was requested (the recorder works), and nothing was blocked by the CSP either.
      expect(requests.some((u) => u.split('#')[0] === own)).toBe(true);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the CSP is in force: a connection attempt from the page or from a blob worker is blocked and reported', async () => {
    const { context, page, violations } = await recorded();
    const target = new URL(env.site.url).origin + '/probe';
    try {
      await openApp(page, env.site.url);
      const fromPage = await page.evaluate((u) => fetch(u).then(() => 'connected', () => 'blocked'), target);
      expect(fromPage).toBe('blocked');
      const fromWorker = await page.evaluate((u) => new Promise<string>((resolve) => {
        const code = `fetch(${JSON.stringify(u)}).then(() => postMessage('connected'), () => postMessage('blocked'))`;
        const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        w.onmessage = (e) => { resolve(String(e.data)); w.terminate(); };
      }), target);
      expect(fromWorker).toBe('blocked');
      await expect.poll(() => violations.some((v) => v.includes('connect-src'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
