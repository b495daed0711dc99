/**
 * `npx tsx scripts/screenshots.ts [outDir] [pages…]` — screenshots of every page in zh and en
 * at 1280×720 (a workshop projector), from the built dist/index.html with the demo data.
 * For looking at the app as a user would; not a test.
 * SHOTS_STAFF=10000 replaces the demo data with that many generated staff and 100 projects rows
 * each (what the pagers and the big-store person page look like); SHOTS_PENDING=1 then also
 * takes the Export page right after a second import's card shows ("data pending").
 * The pseudo page `data-mapping` drops a CRM export with foreign headers on the Data page and
 * shows the 字段映射 dialog it offers.
 * SHOTS_SIZE=1024x768 takes them at another viewport (file names gain the size). The
 * robustness page is shot after a 200-sample run, so its grade-probability bars show.
 * SHOTS_PRESENT=1 takes presentation mode instead (演示模式, switched on by its key F8), at
 * 1280×720 and 1024×768, zh and en: the "before" pinned, then win rate typed to 35 %, on the pages
 * given (default weights and overview); files are named `<lang>-present-<page>-<width>.png`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, serveDir } from '../test/e2e/browser';
import { generateProjectsCsv, generateStaffCsv } from '../src/lib/demo/big';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { crmRows } from '../test/mapping/crmExport';

/** Drops a CRM export the app does not recognise and opens the column mapping it offers. */
async function openMapping(page: Page, dir: string): Promise<void> {
  const file = join(dir, '商机导出.csv');
  writeFileSync(file, Papa.unparse(crmRows(readFileSync(fileURLToPath(new URL('../test/fixtures/sample/projects.csv', import.meta.url)), 'utf8'))));
  await page.getByTestId('file-input').setInputFiles([file]);
  await page.getByTestId('result-map-columns').click();
  await page.getByTestId('mapping-dialog').scrollIntoViewIfNeeded();
}

/** Replaces the demo data with `staff` generated people through the Data page's file input. */
async function importBig(page: Page, staff: number, dir: string): Promise<void> {
  writeFileSync(join(dir, 'staff.csv'), generateStaffCsv(staff));
  writeFileSync(join(dir, 'projects.csv'), generateProjectsCsv(staff * 100, 3, staff));
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '清除演示数据', exact: true }).click();
  await page.waitForSelector('[data-testid="period-select"][disabled]', { timeout: 120_000 });
  await page.goto(page.url().replace(/#.*$/, '#/data'));
  await page.getByTestId('file-input').setInputFiles([join(dir, 'staff.csv'), join(dir, 'projects.csv')]);
  await page.waitForSelector('[data-testid="period-select"]:not([disabled])', { timeout: 600_000 });
}

/** Presentation mode at both projector sizes: F8, pin the "before", move win rate, shoot each page. */
async function presentationShots(url: string, out: string, pages: string[]): Promise<void> {
  for (const [width, height] of [[1280, 720], [1024, 768]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => console.log('page error:', e.message));
    await page.goto(`${url}#/weights`);
    await page.waitForSelector('[data-testid="period-select"]:not([disabled])', { timeout: 60_000 });
    await page.keyboard.press('F8');
    await page.click('[data-testid="present-pin"]');
    await page.fill('[data-testid="weight-exact-win_rate"]', '35');
    await page.dispatchEvent('[data-testid="weight-exact-win_rate"]', 'change');
    for (const lang of ['zh', 'en']) {
      for (const p of pages) {
        await page.goto(`${url}#/${p}`);
        await page.waitForTimeout(800);
        const file = `${out}/${lang}-present-${p.replace(/\//g, '_')}-${width}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.getByRole('button', { name: lang === 'zh' ? 'EN' : '中文', exact: true }).click();
    }
    await page.close();
  }
}

const out = process.argv[2] ?? '/tmp/shots';
const pages = process.argv.slice(3);
const all = pages.length ? pages : ['overview', 'weights', 'people', 'person/PS2001', 'calibration', 'export', 'data'];
mkdirSync(out, { recursive: true });
const served = await serveDir(fileURLToPath(new URL('../dist/', import.meta.url)));
const browser = await launchBrowser();
/** Every page in zh and en (with SHOTS_STAFF, on generated staff). */
async function pageShots(): Promise<void> {
  const [vw, vh] = (process.env.SHOTS_SIZE ?? '1280x720').split('x').map(Number);
  const suffix = process.env.SHOTS_SIZE ? `-${process.env.SHOTS_SIZE}` : '';
  const page = await browser.newPage({ viewport: { width: vw, height: vh } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  page.on('pageerror', (e) => console.log('page error:', e.message));
  await page.goto(`${served.url}index.html#/overview`);
  await page.waitForSelector('[data-testid="period-select"]:not([disabled])', { timeout: 60_000 });
  const big = Number(process.env.SHOTS_STAFF) || 0;
  const dir = mkdtempSync(join(tmpdir(), 'kpi-shots-'));
  if (big > 0) await importBig(page, big, dir);
  if (big > 0 && process.env.SHOTS_PENDING === '1') {
    writeFileSync(join(dir, 'more.csv'), generateProjectsCsv(big * 50, 4, big).replaceAll('CRM-', 'M4-'));
    await page.getByTestId('file-input').setInputFiles([join(dir, 'more.csv')]);
    await page.getByTestId('import-result').filter({ hasText: '已导入' }).waitFor({ timeout: 600_000 });
    await page.goto(page.url().replace(/#.*$/, '#/export'));
    await page.screenshot({ path: `${out}/zh-export-pending.png` });
    console.log(`${out}/zh-export-pending.png`);
  }
  for (const lang of ['zh', 'en']) {
    for (const p of all) {
      await page.goto(`${served.url}index.html#/${p === 'data-mapping' ? 'data' : p}`);
      if (p === 'data-mapping') await openMapping(page, dir);
      // SHOTS_WAIT=ms: longer for pages that compute in slices at 10,000 staff (正在计算… until then).
      await page.waitForTimeout(Number(process.env.SHOTS_WAIT) || 800);
      if (p === 'robustness') {
        await page.getByTestId('rob-samples').fill('200');
        await page.locator('form.controls button[type="submit"]').click();
        await page.getByTestId('rob-result').waitFor({ timeout: 120_000 });
      }
      const file = `${out}/${lang}-${p.replace(/\//g, '_')}${suffix}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
    }
    await page.getByRole('button', { name: lang === 'zh' ? 'EN' : '中文', exact: true }).click();
  }
}

try {
  if (process.env.SHOTS_PRESENT === '1') await presentationShots(`${served.url}index.html`, out, pages.length ? pages : ['weights', 'overview']);
  else await pageShots();
} finally {
  await browser.close();
  await served.close();
}
