/**
 * Faults in the built app: storage full in the middle of an import, the tab closed in the
 * middle of an import, and two tabs importing at once. In every case the store stays whole
 * (every batch with exactly its chunks) and keeps what it had. Needs a build first.
 *
 * How "storage full" is simulated: the import writes from its worker, a blob worker that
 * page.addInitScript does not reach. Chromium's DevTools quota override
 * (Storage.overrideQuotaForOrigin) had no effect on IndexedDB writes here (tried: the
 * estimate and the writes ignored it). So an init script wraps the page's `Worker`
 * constructor: when the test sets `window.__kpiFaultAfterPuts = N`, a blob worker is started
 * through a small wrapper that makes the (N+1)-th `put` on the 'chunks' store throw a
 * QuotaExceededError DOMException, then runs the original worker script unchanged. No app
 * code knows about it.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generateProjectsCsv, generateStaffCsv } from '../../src/lib/demo/big';
import { requireChromiumOrSkip } from './browser';
import { goTo, importThroughInput, isWhole, openApp, readDb, type UploadFile, builtSiteAndBrowser } from '../bad-input/appDriver';

type CsvFile = Exclude<UploadFile, string>;
const csv = (name: string, text: string): CsvFile => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** Runs in every page before its scripts: the fault hook described above. */
function installFaultHook(): void {
  const Original = window.Worker;
  const faulty = (after: number) => `(() => {
    const put = IDBObjectStore.prototype.put; let calls = 0;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'chunks' && calls++ >= ${after}) throw new DOMException('simulated: storage full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  })();`;
  class HookedWorker extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      const after = (window as unknown as { __kpiFaultAfterPuts?: number }).__kpiFaultAfterPuts;
      const href = String(url);
      if (typeof after !== 'number' || !href.startsWith('blob:')) {
        super(url, options);
        return;
      }
      const run = options?.type === 'module' ? `import(${JSON.stringify(href)});` : `importScripts(${JSON.stringify(href)});`;
      const wrapper = URL.createObjectURL(new Blob([faulty(after), run], { type: 'text/javascript' }));
      super(wrapper, options);
      (window as unknown as { __kpiFaultyWorkers: number }).__kpiFaultyWorkers = ((window as unknown as { __kpiFaultyWorkers?: number }).__kpiFaultyWorkers ?? 0) + 1;
    }
  }
  window.Worker = HookedWorker;
}

describe.skipIf(!requireChromiumOrSkip())('faults', () => {
  const env = builtSiteAndBrowser();

  async function freshApp(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await env.browser.newContext();
    await context.addInitScript(installFaultHook);
    const page = await context.newPage();
    await openApp(page, env.site.url);
    await goTo(page, '#/data');
    await page.waitForSelector('table.batches tbody tr'); // the demo
    return { context, page };
  }

  it('storage full in the middle of an import: a clear message, the stored data unchanged, and the same file imports once space is back', async () => {
    const { context, page } = await freshApp();
    try {
      const before = await readDb(page);
      // 30,000 rows = 3 chunks: the third chunk's put fails, after two went into the transaction.
      const file = csv('crm-2026.csv', generateProjectsCsv(30_000, 11));
      await page.evaluate(() => { (window as unknown as { __kpiFaultAfterPuts?: number }).__kpiFaultAfterPuts = 2; });
      const cards = await importThroughInput(page, [file]);
      // The import's two workers (import and hash) were hooked; only the import worker writes.
      expect(await page.evaluate(() => (window as unknown as { __kpiFaultyWorkers?: number }).__kpiFaultyWorkers)).toBe(2);
      expect(cards).toHaveLength(1);
      expect(cards[0].status).toBe('refused');
      expect(cards[0].text).toContain('浏览器存储空间不足，本次导入未保存任何数据');
      const after = await readDb(page);
      expect(after).toEqual(before);
      expect(isWhole(after)).toBe(true);
      // The batch list the user sees is unchanged too.
      expect(await page.$$eval('table.batches tbody tr', (rows) => rows.length)).toBe(before.batches.length);

      await page.evaluate(() => { delete (window as unknown as { __kpiFaultAfterPuts?: number }).__kpiFaultAfterPuts; });
      const again = await importThroughInput(page, [{ ...file, name: 'crm-2026 (again).csv' }]);
      expect(['imported', 'warnings']).toContain(again[0].status);
      const landed = await readDb(page);
      expect(landed.batches.at(-1)).toMatchObject({ rowCount: 30_000, chunkCount: 3 });
      expect(isWhole(landed)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the tab closed in the middle of an import: the next open shows the previous data and no half batch', async () => {
    const context = await env.browser.newContext();
    try {
      let page = await context.newPage();
      await openApp(page, env.site.url);
      await goTo(page, '#/data');
      await page.waitForSelector('table.batches tbody tr');
      const before = await readDb(page);
      // Close at several moments of the write phase (encoding, then the one transaction).
      const outcomes: string[] = [];
      for (const [k, delay] of [0, 1000, 3000].entries()) {
        // Own project ids per file: a landed file must not upsert over the previous one (that would change its liveRows).
        const file = csv(`big-${k}.csv`, generateProjectsCsv(200_000, 100 + k).replaceAll('CRM-', `T${k}-`));
        await goTo(page, '#/data');
        await page.getByTestId('file-input').setInputFiles([file] as Parameters<Page['setInputFiles']>[1]);
        await page.waitForFunction(() => document.querySelector('.progress-box')?.textContent?.includes('正在保存'), undefined, { timeout: 120_000 });
        if (delay) await page.waitForTimeout(delay);
        await page.close();

        page = await context.newPage();
        await openApp(page, env.site.url);
        const after = await readDb(page);
        expect(isWhole(after)).toBe(true);
        // Either the import had committed as a whole, or nothing of it is there.
        const added = after.batches.filter((b) => !before.batches.some((x) => x.id === b.id));
        expect(after.batches.slice(0, before.batches.length)).toEqual(before.batches);
        for (const b of added) expect(b).toMatchObject({ rowCount: 200_000, chunkCount: 20 });
        outcomes.push(added.some((b) => b.fileName === `big-${k}.csv`) ? 'committed' : 'nothing');
        before.batches = after.batches;
        before.chunks = after.chunks;
      }
      await goTo(page, '#/data');
      const listed = await page.$$eval('table.batches tbody tr', (rows) => rows.length);
      expect(listed).toBe(before.batches.length);
      // For the record: which moments landed (depends on the machine's speed).
      console.info(`[faults] tab closed during the write phase at +0/+1000/+3000 ms: ${outcomes.join(', ')}`);
    } finally {
      await context.close();
    }
  }, 600_000);

  it('two tabs: an import in one is seen by the other; imports in both at once leave one whole store', async () => {
    const context = await env.browser.newContext();
    try {
      const a = await context.newPage();
      await openApp(a, env.site.url);
      await goTo(a, '#/data');
      await a.waitForSelector('table.batches tbody tr');
      const b = await context.newPage();
      await openApp(b, env.site.url);
      await goTo(b, '#/data');
      const listedIn = (p: Page) => p.$$eval('table.batches td.cell-file', (tds) => tds.map((td) => (td.textContent ?? '').trim()));

      await importThroughInput(a, [csv('tab-a.csv', generateStaffCsv(50, 21).replaceAll('PS0', 'TA0'))]);
      await b.waitForFunction(() => [...document.querySelectorAll('table.batches td.cell-file')].some((td) => td.textContent?.includes('tab-a.csv')), undefined, { timeout: 30_000 });

      // Both at once: different files, plus the very same file in both tabs.
      const same = csv('same.csv', generateProjectsCsv(25_000, 31));
      await Promise.all([
        importThroughInput(a, [csv('only-a.csv', generateProjectsCsv(25_000, 41)), same]),
        importThroughInput(b, [csv('only-b.csv', generateProjectsCsv(25_000, 51)), same]),
      ]);
      const db = await readDb(a);
      expect(isWhole(db)).toBe(true);
      const names = db.batches.map((x) => x.fileName);
      expect(names.filter((n) => n === 'only-a.csv')).toHaveLength(1);
      expect(names.filter((n) => n === 'only-b.csv')).toHaveLength(1);
      expect(names.filter((n) => n === 'same.csv')).toHaveLength(1); // the second copy was refused as a duplicate
      const cards = [...(await a.$$eval('article.result-card', (cs) => cs.map((c) => c.className))), ...(await b.$$eval('article.result-card', (cs) => cs.map((c) => c.className)))];
      expect(cards.filter((c) => c.includes('status-refused'))).toHaveLength(1);
      // Both tabs end up listing the same batches.
      await expect.poll(async () => (await listedIn(b)).length, { timeout: 30_000 }).toBe(db.batches.length);
      await expect.poll(async () => (await listedIn(a)).length, { timeout: 30_000 }).toBe(db.batches.length);
    } finally {
      await context.close();
    }
  }, 300_000);
});
