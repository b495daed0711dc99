/**
 * Driving the BUILT app (dist/index.html) in Chromium for the shipping tests
 * (test/e2e/{network,file-url,bad-input,faults,backup}.e2e.test.ts): where the build is,
 * waiting for the app, importing through the real file input, downloading the results CSV
 * and reading IndexedDB as it is. Lives here (beside the corpus it mostly feeds) because
 * those five test files are the only users.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath, launchBrowser, serveDir, type ServedDir } from '../e2e/browser';

/** The build under test: `dist/` unless KPI_DIST_DIR names another folder. */
export const DIST_DIR = resolve(process.env.KPI_DIST_DIR ?? 'dist');

let copy: string | null = null;

/**
 * A private copy of the build, taken once per test file, so that someone rebuilding dist/ in
 * the same checkout mid-run changes nothing. Throws with the command to run when there is no build.
 */
export function builtDir(): string {
  if (copy) return copy;
  const file = join(DIST_DIR, 'index.html');
  if (!existsSync(file)) throw new Error(`No build at ${file}: run \`npx vite build\` before the e2e tests.`);
  const dir = mkdtempSync(join(tmpdir(), 'kpi-build-'));
  cpSync(file, join(dir, 'index.html'));
  copy = dir;
  return dir;
}
// Registered on the root suite of each test file that imports this module.
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = null;
});

/** Path of the private copy's index.html (see builtDir). */
export const builtIndex = (): string => join(builtDir(), 'index.html');

/** The same flags as browser.ts launchBrowser, for a persistent profile (file:// reopen tests). */
export function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Waits until the shell has opened the store (the "opening local data" line is gone). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('.app-main');
    return !!main && !main.querySelector('.loading') && main.children.length > 0;
  }, undefined, { timeout: 90_000 });
}

/** Opens the app at `url` (http://… or file://…) and waits until it is ready. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitReady(page);
}

/** Goes to a hash route ('#/data') and waits for the page to render. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await waitReady(page);
}

export interface Card { fileName: string; status: string; text: string }

/** The import result cards now on the Data page. */
export function readCards(page: Page): Promise<Card[]> {
  return page.$$eval('article.result-card', (cards) => cards.map((c) => ({
    fileName: c.getAttribute('aria-label') ?? '',
    status: [...c.classList].find((x) => x.startsWith('status-'))?.slice(7) ?? '',
    text: (c as HTMLElement).innerText,
  })));
}

export type UploadFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Imports files through the Data page's file input, as a user does, and waits until the
 * import has ended with a result card for every file.
 */
export async function importThroughInput(page: Page, files: UploadFile[], timeout = 120_000): Promise<Card[]> {
  await goTo(page, '#/data');
  const names = files.map((f) => (typeof f === 'string' ? f.split('/').pop()! : f.name));
  await page.getByTestId('file-input').setInputFiles(files as Parameters<Page['setInputFiles']>[1]);
  // Ends with a card per file, or with the panel's error line (e.g. the worker did not start).
  const end = await page.waitForFunction((want) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=file-input]');
    if (!input || input.disabled) return false;
    const alert = input.closest('section')?.querySelector('.alert-error');
    if (alert) return { failed: alert.textContent ?? 'error' };
    const have = [...document.querySelectorAll('article.result-card')].map((c) => c.getAttribute('aria-label'));
    return want.every((n) => have.includes(n)) ? { failed: null } : false;
  }, names, { timeout });
  const { failed } = (await end.jsonValue()) as { failed: string | null };
  if (failed) throw new Error(`The import of ${names.join(', ')} failed: ${failed}`);
  return readCards(page);
}

/** Clicks "download results CSV" on the Export page and returns the file's text (BOM dropped). */
export async function downloadResults(page: Page): Promise<{ fileName: string; text: string }> {
  await goTo(page, '#/export');
  await page.waitForSelector('[data-testid=export-rows]', { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.actions button.primary')]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: readFileSync(path).toString('utf8').replace(/^\ufeff/, '') };
}

export interface DbState {
  batches: { id: string; fileName: string; kind: string; rowCount: number; liveRows: number; chunkCount: number }[];
  /** chunks actually stored per batch id */
  chunks: Record<string, number>;
  /** chunks whose batch record does not exist */
  orphans: number;
  records: { scenarios: number; calibration: number; meetings: number; settings: number };
}

/** Reads the app's IndexedDB directly (in the page), in one transaction. */
export function readDb(page: Page): Promise<DbState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('presales-kpi-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const tx = db.transaction(['batches', 'chunks', 'scenarios', 'calibration', 'meetings', 'settings']);
    const batches = (await req(tx.objectStore('batches').getAll())) as { id: string; seq: number; fileName: string; kind: string; rowCount: number; liveRows: number; chunkCount: number }[];
    const keys = (await req(tx.objectStore('chunks').getAllKeys())) as [string, number][];
    const count = (name: string) => req(tx.objectStore(name).count());
    const records = { scenarios: await count('scenarios'), calibration: await count('calibration'), meetings: await count('meetings'), settings: await count('settings') };
    db.close();
    const ids = new Set(batches.map((b) => b.id));
    const chunks: Record<string, number> = {};
    let orphans = 0;
    for (const [id] of keys) {
      if (ids.has(id)) chunks[id] = (chunks[id] ?? 0) + 1;
      else orphans++;
    }
    return {
      batches: batches.sort((a, b) => a.seq - b.seq).map(({ id, fileName, kind, rowCount, liveRows, chunkCount }) => ({ id, fileName, kind, rowCount, liveRows, chunkCount })),
      chunks, orphans, records,
    };
  });
}

/** A store with no half batch: every batch has exactly its chunks and no chunk lacks its batch. */
export function isWhole(db: DbState): boolean {
  return db.orphans === 0 && db.batches.every((b) => (db.chunks[b.id] ?? 0) === b.chunkCount);
}

/**
 * Serves the build and starts Chromium for the calling describe block, closing both after it.
 * `const env = builtSiteAndBrowser(); … env.browser.newPage(); env.site.url`
 */
export function builtSiteAndBrowser(): { site: ServedDir; browser: Browser } {
  const env = {} as { site: ServedDir; browser: Browser };
  beforeAll(async () => {
    env.site = await serveDir(builtDir());
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
