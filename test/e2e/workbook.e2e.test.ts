/**
 * Workbooks in the built app (headless Chromium): the sample data set kept as one .xlsx (one
 * sheet per kind, Chinese headers and labels, real date/number/percent/boolean cells, built
 * from the CSVs by test/workbook/sampleWorkbook.ts) dropped on the Data page is stored as one
 * batch per sheet, and the Export page's results CSV equals the spec's expected file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromiumOrSkip } from './browser';
import {
  SAMPLE_DIR, choosePeriodAndScenario, clearDemoFromBanner, eventually, gotoPage, openApp, readBatches, readCsv,
  readImportCards, startSite, type AppPage, type Site,
} from './helpers';
import { sampleWorkbook } from '../workbook/sampleWorkbook';

const EXPECTED_CSV = join(SAMPLE_DIR, 'expected', 'standard-2026Q1.csv');
const isTolerant = (column: string) => column === 'total' || column.endsWith('_points');

describe.skipIf(!requireChromiumOrSkip())('a workbook dropped on the Data page (headless Chromium)', () => {
  let site: Site;
  let app: AppPage | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-workbook-'));
  const book = join(dir, '售前数据.xlsx');
  writeFileSync(book, sampleWorkbook(SAMPLE_DIR));
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => {
    await app?.context.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores one batch per sheet, skips the notes sheet, and exports the expected results', async () => {
    app = await openApp(site, 'overview');
    const { page, errors } = app;
    await clearDemoFromBanner(page);
    await gotoPage(page, 'data');
    const input = page.getByTestId('file-input');
    await eventually(() => input.isEnabled()).toBe(true);
    await input.setInputFiles([book]);
    await eventually(() => page.getByTestId('import-result').count()).toBe(6);
    await eventually(() => input.isEnabled()).toBe(true);
    const cards = await readImportCards(page);
    expect(cards.map((c) => [c.file, c.errors])).toEqual(cards.map(() => ['售前数据.xlsx', 0]));
    expect((await page.getByTestId('result-sheet').allTextContents()).map((s) => s.trim())).toEqual(
      ['人员', '项目', '支持请求', '内部评审', '评分', '活动'].map((s) => `· 工作表 ${s}`));
    await expect.poll(() => page.getByText('“说明”').count()).toBeGreaterThan(0);
    await eventually(async () => (await readBatches(page)).map((b) => b.file).sort()).toEqual(
      ['人员', '项目', '支持请求', '内部评审', '评分', '活动'].map((s) => `售前数据.xlsx · ${s}`).sort());

    await gotoPage(page, 'export');
    await choosePeriodAndScenario(page, '2026Q1', 'standard');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click()]);
    const actual = readCsv(readFileSync(await download.path(), 'utf8'), false);
    const expected = readCsv(EXPECTED_CSV);
    expect(actual.header).toEqual(expected.header);
    expect(actual.rows.map((r) => r.staff_id)).toEqual(expected.rows.map((r) => r.staff_id));
    const mismatches: string[] = [];
    expected.rows.forEach((want, i) => {
      for (const col of expected.header) {
        const [a, b] = [actual.rows[i][col], want[col]];
        const same = isTolerant(col) && a !== '' && b !== '' ? Math.abs(Number(a) - Number(b)) <= 0.01 + 1e-9 : a === b;
        if (!same) mismatches.push(`${want.staff_id}.${col}: got "${a}", expected "${b}"`);
      }
    });
    expect(mismatches).toEqual([]);
    expect(errors).toEqual([]);
  });
});
