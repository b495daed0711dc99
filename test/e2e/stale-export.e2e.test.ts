/**
 * No stale export (issue #19): right after an import's "已导入" card appears, the pages still
 * hold the data from before until the store is read again (2–3 s at 1,000,000 rows). A download
 * from the Export page at that moment must carry the new results: the page waits (it says the
 * data is being recomputed) and offers the button once the new data is in.
 *
 * The window is kept open by holding the app's next read of the stored rows (idbHold.ts,
 * test-side only) until the test lets it go: the test opens Export as soon as the card is
 * there and downloads as soon as the page lets it. With the guards (App.svelte's inert page
 * and ExportPage's own) the page says the data is being recomputed, the test lets the read go,
 * and the download waits for the new data. Without them the button works inside the window
 * and downloads the results without the imported file: the test fails on `atOnce`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import {
  SAMPLE_DIR, choosePeriodAndScenario, clearDemoFromBanner, eventually, gotoPage, importFiles, openApp,
  readCsv, sampleFiles, startSite, textOf, type AppPage, type Site,
} from './helpers';
import { armIdbHold, idbHoldState, releaseIdbHold } from './idbHold';
import { commonText } from '../../src/lib/i18n/messages/common';
import { dataText } from '../../src/lib/i18n/messages/data';

const PERIOD = '2026Q1';
const SCENARIO = 'standard';
const LAST_FILE = 'activities.csv';

async function download(page: Page): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click({ timeout: 60_000 })]);
  return readFileSync(await dl.path(), 'utf8');
}

describe.skipIf(!requireChromiumOrSkip())('no stale export right after an import (built app, headless Chromium)', () => {
  let site: Site;
  let app: AppPage | undefined;
  const expected = readCsv(join(SAMPLE_DIR, 'expected', `${SCENARIO}-${PERIOD}.csv`));

  beforeAll(async () => { site = await startSite(); });
  afterEach(async () => { await app?.context.close(); app = undefined; });
  afterAll(async () => { await site?.close(); });

  it('a download right after the "已导入" card carries the new results', async () => {
    app = await openApp(site, 'overview');
    const { page, errors } = app;
    await clearDemoFromBanner(page);
    const files = sampleFiles();
    const last = files.find((f) => f.endsWith(`/${LAST_FILE}`))!;
    const cards = await importFiles(page, files.filter((f) => f !== last));
    expect(cards.map((c) => c.errors)).toEqual(cards.map(() => 0));
    await gotoPage(page, 'export');
    await choosePeriodAndScenario(page, PERIOD, SCENARIO);
    const before = await download(page);

    // The last file of the sample, with the next read of the stored rows held until released.
    await gotoPage(page, 'data');
    const input = page.getByTestId('file-input');
    await eventually(() => input.isEnabled()).toBe(true);
    await armIdbHold(page);
    await input.setInputFiles([last]);
    await page.getByTestId('import-result').first().waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('import-result').first())).toContain(dataText.statusImported.zh);

    // As HR would: straight to Export, and download as soon as the page lets you. (While the
    // data is pending App.svelte keeps the page in the DOM but hidden: wait for it attached.)
    await page.evaluate(() => (window.location.hash = '#/export'));
    await page.getByTestId('page-export').waitFor({ state: 'attached' });
    const held = await idbHoldState(page);
    // The window is open: the import's rows are stored, their read is held.
    expect(held.fired).toBe(true);
    expect(held.releasedAt).toBe(0);
    const clickable = await page.evaluate(() => {
      const button = document.querySelector('[data-testid="download-results"]');
      return button !== null && button.closest('[inert]') === null;
    });
    if (!clickable) {
      // It says why there is nothing to download yet; then the read goes on.
      expect(await page.getByText(commonText.dataPending.zh).count()).toBeGreaterThan(0);
      await releaseIdbHold(page);
    }
    const atOnce = await download(page);
    await releaseIdbHold(page);

    // The results once everything settled: the sample's expected file, and what the click got.
    await eventually(() => page.getByTestId('export-pending').count()).toBe(0);
    const settled = await download(page);
    expect(settled).not.toBe(before);
    const rows = readCsv(settled, false).rows;
    expect(rows.map((r) => [r.staff_id, r.final_grade])).toEqual(expected.rows.map((r) => [r.staff_id, r.final_grade]));
    // What the first click downloaded: the same, not the results without the imported file.
    const grades = (csv: string) => readCsv(csv, false).rows.map((r) => `${r.staff_id} ${r.total} ${r.final_grade}`);
    expect(grades(atOnce)).toEqual(grades(settled));
    expect(atOnce).toBe(settled);
    expect(errors).toEqual([]);
  }, 240_000);
});
