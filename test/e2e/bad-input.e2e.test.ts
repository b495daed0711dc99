/**
 * The bad-input corpus (test/bad-input) through the built app's file input, after the demo:
 * each file gets its card and message, a refused file changes nothing stored, an accepted one
 * adds exactly its batch; names with markup are shown as text, formula names are exported
 * with a leading '. Needs a build: `npx vite build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requireChromiumOrSkip, serveDir, type ServedDir } from './browser';
import {
  builtDir, downloadResults, goTo, importThroughInput, isWhole, openApp, readDb, type DbState,
} from '../bad-input/appDriver';
import { CORPUS, MILLION_CASE, type CorpusCase } from '../bad-input/corpus';
import { CORPUS_DIR, writeMillionRowFile } from '../bad-input/make-corpus';

describe.skipIf(!requireChromiumOrSkip())('bad input through the file input', () => {
  let site: ServedDir;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'bad-input-e2e-'));

  beforeAll(async () => {
    site = await serveDir(builtDir());
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, site.url);
    await goTo(page, '#/data');
    await page.waitForSelector('table.batches tbody tr'); // the demo, loaded on the first open
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function importAndCheck(c: CorpusCase, path: string, before: DbState): Promise<DbState> {
    const cards = await importThroughInput(page, [path], 600_000);
    expect(cards.map((x) => x.fileName)).toEqual([c.file]);
    expect(cards[0].status).toBe(c.stored ? (c.warns ? 'warnings' : 'imported') : 'blocked');
    for (const [zh] of c.saysInApp ?? c.says ?? []) expect(cards[0].text).toContain(zh);
    const after = await readDb(page);
    expect(isWhole(after)).toBe(true);
    if (!c.stored) {
      expect(after).toEqual(before);
    } else {
      expect(after.batches.slice(0, -1)).toEqual(before.batches);
      expect(after.batches.at(-1)).toMatchObject({ fileName: c.file, kind: c.kind, rowCount: c.rows, liveRows: c.rows });
    }
    return after;
  }

  it('every corpus file: its card and message, nothing stored lost, rejected files change nothing', async () => {
    let state = await readDb(page);
    expect(state.batches.length).toBeGreaterThanOrEqual(7);
    for (const c of CORPUS) state = await importAndCheck(c, join(CORPUS_DIR, c.file), state);
    expect(state.batches.filter((b) => b.fileName.endsWith('.csv') && CORPUS.some((c) => c.file === b.fileName)).map((b) => b.fileName))
      .toEqual(CORPUS.filter((c) => c.stored).map((c) => c.file));
    expect(errors).toEqual([]);
  }, 600_000);

  it('names with markup are shown as text: no <img> is created, no script runs', async () => {
    for (const id of ['BX0027', 'BX0028']) {
      await goTo(page, `#/person/${id}`);
      await page.waitForFunction((want) => document.querySelector('.app-main')?.textContent?.includes(want),
        id === 'BX0027' ? '<img src=x onerror=alert(1)>' : '<script>window.__pwned=1</script>');
    }
    await goTo(page, '#/people');
    await page.waitForFunction(() => document.querySelector('.app-main')?.textContent?.includes('<img src=x onerror=alert(1)>'));
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], .app-main script').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it("formula names are exported with a leading '", async () => {
    const { text } = await downloadResults(page);
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    const nameOf = (id: string) => rows.find((r) => r.staff_id === id)?.name;
    expect(nameOf('BX0024')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(nameOf('BX0025')).toBe("'+1-2");
    expect(nameOf('BX0026')).toBe("'@SUM(A1)");
    expect(nameOf('BX0027')).toBe('<img src=x onerror=alert(1)>');
    expect(nameOf('BX0022')).toBe('长'.repeat(10_000));
  });

  it('the generated 1,000,000-row file is read through the worker and refused by its last row; nothing stored changes', async () => {
    const before = await readDb(page);
    const path = writeMillionRowFile(tmp);
    await importAndCheck(MILLION_CASE, path, before);
    const text = (await page.$eval('article.result-card', (c) => (c as HTMLElement).innerText));
    expect(text).toContain('1,000,000'); // the row count on the card
  }, 900_000);
});
