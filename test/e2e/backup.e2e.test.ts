/**
 * Backup and restore through the built app's Data page: results computed in one browser
 * context, "备份全部数据" downloads one file, "从备份恢复" in a FRESH context (its own empty
 * IndexedDB, then the first-open demo) replaces everything with it, and the results export
 * afterwards is identical. Needs a build that has <BackupPanel /> on the Data page.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { downloadResults, goTo, importThroughInput, isWhole, openApp, readDb, waitReady, builtSiteAndBrowser } from '../bad-input/appDriver';

/** Scenarios, calibration, meetings and settings as JSON text, for comparing two databases. */
function dumpRecords(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('presales-kpi-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['scenarios', 'calibration', 'meetings', 'settings']);
    const get = (r: IDBRequest) => new Promise<unknown>((res) => { r.onsuccess = () => res(r.result); });
    const out: Record<string, unknown> = {};
    for (const n of ['scenarios', 'calibration', 'meetings']) out[n] = await get(tx.objectStore(n).getAll());
    const keys = (await get(tx.objectStore('settings').getAllKeys())) as string[];
    const values = (await get(tx.objectStore('settings').getAll())) as unknown[];
    out.settings = keys.map((k, i) => [k, values[i]]);
    db.close();
    return JSON.stringify(out);
  });
}

describe.skipIf(!requireChromiumOrSkip())('backup and restore', () => {
  const env = builtSiteAndBrowser();

  it('restoring into a fresh env.browser context gives the identical results export', async () => {
    // ---- context A: data, a saved and selected scenario with changed weights, a chosen period, records
    const a = await env.browser.newContext({ acceptDownloads: true });
    let backup: { fileName: string; bytes: Buffer };
    let resultsBefore: string;
    let dbBefore;
    let recordsBefore: string;
    try {
      const page = await a.newPage();
      await openApp(page, env.site.url);
      await importThroughInput(page, ['test/bad-input/files/formula-name.csv', 'test/bad-input/files/quoted-newlines.csv']);
      await goTo(page, '#/weights');
      const slider = page.locator('input[type=range]').first();
      await slider.fill('40');
      await page.fill('form input[type=text]', '备份测试方案');
      // 40 puts win rate's share outside its seed band: the app asks before saving, and the user says yes.
      const asked: string[] = [];
      page.once('dialog', (d) => { asked.push(d.message()); void d.accept(); });
      await page.click('form button[type=submit]');
      await page.waitForFunction(async () => {
        const r = indexedDB.open('presales-kpi-studio');
        const db = await new Promise<IDBDatabase>((res) => { r.onsuccess = () => res(r.result); });
        const n = await new Promise<number>((res) => { const c = db.transaction('scenarios').objectStore('scenarios').count(); c.onsuccess = () => res(c.result); });
        db.close();
        return n === 1;
      });
      expect(asked.join('')).toContain('项目中标率');
      const periods = await page.$$eval('[data-testid=period-select] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(periods.length).toBeGreaterThan(2);
      await page.selectOption('[data-testid=period-select]', periods[1]);
      // The calibration and meeting stores have no page in this build's navigation: write one record each, as those features do.
      await page.evaluate(async () => {
        const r = indexedDB.open('presales-kpi-studio');
        const db = await new Promise<IDBDatabase>((res) => { r.onsuccess = () => res(r.result); });
        const tx = db.transaction(['calibration', 'meetings'], 'readwrite');
        tx.objectStore('calibration').put({ id: 'cal-1', periodId: '2026Q1', changes: [{ staff_id: 'PS2001', from: 'B', to: 'A', reason: '校准会议\n结论' }] });
        tx.objectStore('meetings').put({ id: '2026Q1:PS2001', periodId: '2026Q1', staff_id: 'PS2001', meetingOn: '2026-04-08', plan: '提升方案质量', status: 'done', updatedAt: '2026-04-08T10:00:00.000Z' });
        await new Promise((res) => { tx.oncomplete = res; });
        db.close();
      });
      await page.reload();
      await waitReady(page);
      resultsBefore = (await downloadResults(page)).text;
      expect(resultsBefore.split('\n').length).toBeGreaterThan(50);
      expect(resultsBefore).toContain(`'=HYPERLINK`);
      dbBefore = await readDb(page);
      recordsBefore = await dumpRecords(page);
      expect(dbBefore.records).toMatchObject({ scenarios: 1, calibration: 1, meetings: 1 });

      await goTo(page, '#/data');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()]);
      backup = { fileName: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
      await page.waitForSelector('.alert-info:has-text("已生成备份文件")');
    } finally {
      await a.close();
    }
    expect(backup.fileName).toMatch(/^presales-kpi-backup-\d{4}-\d\d-\d\d-\d{4}\.json\.gz$/);
    const head = new TextDecoder().decode(gunzipSync(backup.bytes).subarray(0, 60));
    expect(head).toMatch(/^\{"format":"presales-kpi-backup","version":1,/);

    // ---- context B: a different env.browser profile; its first open loads the demo, then the restore replaces it
    const b = await env.browser.newContext({ acceptDownloads: true });
    try {
      const page = await b.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
      await openApp(page, env.site.url);
      await goTo(page, '#/data');
      await page.waitForSelector('table.batches tbody tr');
      const demoOnly = await readDb(page);
      expect(demoOnly.batches).not.toEqual(dbBefore.batches);
      // So that "identical after" means something: this profile's own results differ.
      expect((await downloadResults(page)).text).not.toBe(resultsBefore);
      await goTo(page, '#/data');

      await page.getByTestId('restore-input').setInputFiles({ name: backup.fileName, mimeType: 'application/gzip', buffer: backup.bytes });
      // The restore reloads the page; afterwards the panel says what came back.
      await page.waitForSelector('.alert-info:has-text("已从备份恢复")', { timeout: 60_000 });
      await waitReady(page);
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0]).toContain(`确定要用备份“${backup.fileName}”`);

      const dbAfter = await readDb(page);
      expect(dbAfter).toEqual(dbBefore);
      expect(isWhole(dbAfter)).toBe(true);
      expect(await dumpRecords(page)).toBe(recordsBefore);
      const resultsAfter = (await downloadResults(page)).text;
      expect(resultsAfter).toBe(resultsBefore);
    } finally {
      await b.close();
    }
  }, 300_000);

  it('a damaged backup is refused with a message and the data stays as it was', async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
      await openApp(page, env.site.url);
      await goTo(page, '#/data');
      await page.waitForSelector('table.batches tbody tr');
      const before = await readDb(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()]);
      const bytes = readFileSync(await download.path());
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      await page.getByTestId('restore-input').setInputFiles({ name: 'broken.json.gz', mimeType: 'application/gzip', buffer: bytes });
      const alert = await page.waitForSelector('section[aria-labelledby=backup-title] .alert-error');
      expect(await alert.textContent()).toContain('备份文件“broken.json.gz”已损坏');
      expect(dialogs).toEqual([]);
      expect(await readDb(page)).toEqual(before);
    } finally {
      await context.close();
    }
  });
});
