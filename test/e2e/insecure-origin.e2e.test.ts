/**
 * The app on a plain-http intranet host name — NOT a secure context (http://127.0.0.1 and
 * http://localhost are; an intranet share like http://kpi.intranet/ is not). Chromium maps the
 * name to the loopback test server (`--host-resolver-rules`), so `crypto.subtle` and
 * `navigator.clipboard` are missing: the content hash (own SHA-256), the share link (shown to
 * copy by hand), backup and restore must all work through their fallbacks, and the journey's
 * export must equal the one from the secure 127.0.0.1 origin. Needs a build.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type ServedDir } from './browser';
import { launchEngine, requireEngineOrSkip, type EngineBrowser } from './engines';
import { runJourney, sampleFolderWithGb18030 } from './journey';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const HOST = 'kpi.intranet';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!requireEngineOrSkip('chromium'))('on a non-secure origin (plain http, an intranet host name)', () => {
  let appDir: string;
  let site: ServedDir;
  let data: { dir: string; files: string[] };
  let browser: EngineBrowser;
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build at ${DIST}: run \`npx vite build\` first.`);
    appDir = mkdtempSync(join(tmpdir(), 'kpi-insecure-'));
    cpSync(DIST, appDir, { recursive: true });
    site = await serveDir(appDir, '/intranet/hr/kpi-studio/');
    data = sampleFolderWithGb18030();
    browser = await launchEngine('chromium', { chromiumArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    for (const d of [appDir, data?.dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('imports (own SHA-256), shares a link, backs up and restores; the export equals the secure origin\'s', async () => {
    const insecureUrl = `${site.url.replace('127.0.0.1', HOST)}index.html`;
    expect(insecureUrl).toMatch(new RegExp(`^http://${HOST.replace('.', '\\.')}:\\d+/intranet/hr/kpi-studio/index\\.html$`));

    const page = await browser.newPage();
    await page.goto(insecureUrl);
    const context = await page.run(() => ({
      secure: window.isSecureContext, subtle: typeof globalThis.crypto?.subtle, clipboard: typeof navigator.clipboard, host: location.hostname,
    }));
    expect(context).toEqual({ secure: false, subtle: 'undefined', clipboard: 'undefined', host: HOST });
    const r = await runJourney(page, insecureUrl, data.files);
    // The hashes stored are the files' SHA-256, as crypto.subtle would give.
    for (const f of data.files) expect(r.hashes[f.split('/').pop()!]).toBe(sha256(readFileSync(f)));
    expect(r.cards.every((c) => c.status === 'imported')).toBe(true);
    expect(r.exportedAfterRestore.equals(r.exported)).toBe(true);
    expect(r.otherDistribution).not.toBe(r.distribution);
    expect(r.sharedDistribution).toBe(r.distribution);
    expect(r.sharedBanner).toContain('已从分享链接载入方案');

    const secure = await runJourney(await browser.newPage(), `${site.url}index.html`, data.files);
    expect(secure.hashes).toEqual(r.hashes);
    expect(sha256(r.exported)).toBe(sha256(secure.exported));
  });
});
