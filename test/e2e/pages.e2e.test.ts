/**
 * Issue #19 in the built app (dist/index.html, `npx vite build` first), headless Chromium, with
 * 10,000 staff:
 *  - every page that lists people (Sensitivity's once its sweep has run in slices, and a team's
 *    one-page reports) holds at most one page of rows in the DOM (a structural fact:
 *    timing lives in scripts/bench/pages-browser.ts, never in a test);
 *  - an Export clicked right after the "已导入" card of a second import downloads the results
 *    of the data with that import (for 2–3 s at 1M rows it used to download the data before).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromiumOrSkip } from './browser';
import { clearDemoFromBanner, eventually, gotoPage, importFiles, openApp, readBatches, readCsv, startSite, type AppPage, type Site } from './helpers';
import { generateProjectsCsv, generateStaffCsv } from '../../src/lib/demo/big';
import { DEFAULT_PAGE_SIZE } from '../../src/lib/ui/paging';
import { TEAM_REPORTS_PER_PAGE } from '../../src/lib/viewmodel/reportData';

const STAFF = 10_000;
/** Enough rows that reloading them after an import takes a moment on a busy machine. */
const ROWS = 300_000;
const LONG = 240_000;

describe.skipIf(!requireChromiumOrSkip())('pages at 10,000 staff and the export right after an import', () => {
  let site: Site;
  let app: AppPage;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-pages-e2e-'));
    writeFileSync(join(dir, 'staff.csv'), generateStaffCsv(STAFF));
    writeFileSync(join(dir, 'projects.csv'), generateProjectsCsv(ROWS, 7, STAFF));
    // A second projects file with its own project ids: it adds to everyone's projects.
    writeFileSync(join(dir, 'more.csv'), generateProjectsCsv(ROWS, 8, STAFF).replaceAll('CRM-', 'M8-'));
    site = await startSite();
    app = await openApp(site, 'data');
  }, LONG);

  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The tests below run in order on this data (expect.poll, which the import waits with, runs only inside a test).
  it('imports 10,000 staff and their projects', async () => {
    await clearDemoFromBanner(app.page);
    const cards = await importFiles(app.page, [join(dir, 'staff.csv'), join(dir, 'projects.csv')]);
    expect(cards.map((c) => c.errors)).toEqual([0, 0]);
  }, LONG);

  it.each([
    ['people', 'main table tbody tr'],
    ['meetings', '[data-testid="meetings-table"] tbody tr'],
    ['bonus', '[data-testid="bonus-table"] tbody tr'],
    ['lists', '[data-testid="improvement-table"] tbody tr'],
    ['report', 'nav.chooser li'],
    ['sensitivity', '[data-testid="sensitivity-people"] tbody tr'],
    [`report-team/${encodeURIComponent('华东售前部')}`, '[data-testid="team-reports"] > .report-sheet'],
  ])('%s holds one page of rows, and its pager says how many there are', async (name, rows) => {
    const { page } = app;
    await page.evaluate((h) => (window.location.hash = h), `#/${name}`);
    const pager = page.locator('nav.pager [role="status"]').first();
    await pager.waitFor({ timeout: LONG });
    const total = Number((await pager.textContent())!.match(/共 ([\d,]+) 条/)![1].replaceAll(',', ''));
    // Sensitivity lists the people whose grade a weight moves: hundreds, not the whole staff.
    expect(total).toBeGreaterThan(name === 'sensitivity' ? DEFAULT_PAGE_SIZE : 1_000);
    const shown = await page.locator(rows).count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(name === 'report' ? 400 : name === 'meetings' ? 50 : name.startsWith('report-team') ? TEAM_REPORTS_PER_PAGE : DEFAULT_PAGE_SIZE);
  }, LONG);

  it('an export clicked right after the import card appears has the imported rows in it', async () => {
    const { page, errors } = app;
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('download-results').click({ timeout: LONG })]);
      return readCsv(readFileSync(await file.path()).toString('utf8').replace(/^\ufeff/, ''), false);
    };
    await gotoPage(page, 'export');
    const before = await download();

    await gotoPage(page, 'data');
    await page.getByTestId('file-input').setInputFiles([join(dir, 'more.csv')]);
    await page.getByTestId('import-result').filter({ hasText: '已导入' }).waitFor({ timeout: LONG });
    // At once, as a user who goes straight to Export and clicks the button the first frame it can be
    // clicked (in the page: a round trip of the test's own would let the reload finish first).
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: LONG }),
      page.evaluate(async () => {
        window.location.hash = '#/export';
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          const button = document.querySelector<HTMLButtonElement>('[data-testid="download-results"]');
          if (button && !button.disabled && !button.closest('[inert]')) return button.click();
        }
      }),
    ]);
    const quick = readCsv(readFileSync(await file.path()).toString('utf8').replace(/^\ufeff/, ''), false);

    // Settled: the batch list holds the new file, and a fresh open of the page gives the same file.
    await gotoPage(page, 'data');
    await eventually(async () => (await readBatches(page)).some((b) => b.file === 'more.csv')).toBe(true);
    await gotoPage(page, 'export');
    const settled = await download();

    expect(quick.rows).toEqual(settled.rows);
    expect(quick.rows).not.toEqual(before.rows);
    expect(errors).toEqual([]);
  }, LONG);
});
