/**
 * Column mapping (字段映射) in the built app (headless Chromium): a CRM export of the sample's
 * projects with the CRM's own headers and words (test/mapping/crmExport.ts) is not recognised,
 * is mapped once in the dialog (two status words chosen by hand), imported through the mapping,
 * and a later copy of it is read through the saved mapping without asking. Each time the
 * Export page's results CSV equals the expected one of the canonical sample files; so does the
 * headless scorer's with the mappings file the Data page downloads.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import {
  SAMPLE_DIR, choosePeriodAndScenario, clearDemoFromBanner, eventually, gotoPage, importFiles, openApp, readCsv, sampleFiles,
  startSite, type AppPage, type Site,
} from './helpers';
import { crmRows } from '../mapping/crmExport';
import { parseMappings } from '../../src/lib/data/mapping';
import { scoreCommand } from '../../scripts/scoreCommand';

const EXPECTED_CSV = join(SAMPLE_DIR, 'expected', 'standard-2026Q1.csv');
const isTolerant = (column: string) => column === 'total' || column.endsWith('_points');

/** Cells of `actual` that differ from the expected file (totals and points within 0.01, as the workbook e2e). */
function mismatches(actual: ReturnType<typeof readCsv>, expected: ReturnType<typeof readCsv>): string[] {
  const out: string[] = [];
  expected.rows.forEach((want, i) => {
    for (const col of expected.header) {
      const [a, b] = [actual.rows[i]?.[col], want[col]];
      const same = isTolerant(col) && a && b ? Math.abs(Number(a) - Number(b)) <= 0.01 + 1e-9 : a === b;
      if (!same) out.push(`${want.staff_id}.${col}: got "${a}", expected "${b}"`);
    }
  });
  return out;
}

async function exportedResults(page: Page): Promise<string> {
  await gotoPage(page, 'export');
  await choosePeriodAndScenario(page, '2026Q1', 'standard');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click()]);
  return readFileSync(await download.path(), 'utf8');
}

describe.skipIf(!requireChromiumOrSkip())('a CRM export mapped on the Data page (headless Chromium)', () => {
  let site: Site;
  let app: AppPage | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-mapping-'));
  const crm = Papa.unparse(crmRows(readFileSync(join(SAMPLE_DIR, 'projects.csv'), 'utf8')));
  const first = join(dir, '商机导出.csv');
  const again = join(dir, '商机导出-3月.csv');
  writeFileSync(first, crm);
  writeFileSync(again, `${crm}\r\n`); // another file (another hash) with the same header and rows
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => {
    await app?.context.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is mapped once in the dialog, then read through the saved mapping; the results equal the canonical ones', async () => {
    app = await openApp(site, 'overview');
    const { page, errors } = app;
    await clearDemoFromBanner(page);
    const others = sampleFiles().filter((f) => !f.endsWith('projects.csv'));
    const cards = await importFiles(page, [...others, first]);
    expect(cards.find((c) => c.file === '商机导出.csv')?.kind).toBe('无法识别');

    await page.getByTestId('result-map-columns').click();
    const dialog = page.getByTestId('mapping-dialog');
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('mapping-kind').inputValue()).toBe('projects');
    expect(await dialog.locator('[data-column="商机编号"]').inputValue()).toBe('project_id');
    expect(await dialog.locator('[data-column="备注"]').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-unmapped').textContent()).toContain('赢单(已签约)');
    await expect.poll(() => page.getByTestId('mapping-save').isDisabled()).toBe(false);
    await dialog.getByRole('combobox', { name: '“赢单(已签约)”对应的代码' }).selectOption('won');
    await dialog.getByRole('combobox', { name: '“关闭”对应的代码' }).selectOption('cancelled');
    expect(await page.getByTestId('mapping-unmapped').count()).toBe(0);
    await page.getByTestId('mapping-save').click();

    // Saved, and the file imported again through it.
    await eventually(() => page.getByTestId('result-mapping-applied').count()).toBe(1);
    await eventually(() => page.getByTestId('file-input').isEnabled()).toBe(true);
    expect(await page.getByTestId('result-kind').textContent()).toBe('项目');
    expect(await page.getByTestId('mapping-row').count()).toBe(1);
    const expected = readCsv(EXPECTED_CSV);
    const mapped = readCsv(await exportedResults(page), false);
    expect(mapped.header).toEqual(expected.header);
    expect(mapped.rows.map((r) => r.staff_id)).toEqual(expected.rows.map((r) => r.staff_id));
    expect(mismatches(mapped, expected)).toEqual([]);

    // A later export with the same header: read through the saved mapping, no dialog.
    const later = await importFiles(page, [again]);
    expect(later.map((c) => [c.kind, c.errors])).toEqual([['项目', 0]]);
    expect(await page.getByTestId('result-mapping-applied').textContent()).toContain('已按保存的字段映射读取');
    expect(await page.getByTestId('result-map-columns').count()).toBe(0);
    expect(await page.getByTestId('mapping-dialog').count()).toBe(0);
    const reread = readCsv(await exportedResults(page), false);
    expect(reread).toEqual(mapped);

    // The saved mappings downloaded as the scorer's file: a scripted run reads the CRM file as the app did.
    await gotoPage(page, 'data');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mapping-download').click()]);
    const mappingsPath = await saved.path();
    expect(parseMappings(readFileSync(mappingsPath, 'utf8')).map((m) => m.kind)).toEqual(['projects']);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    for (const f of others) copyFileSync(f, join(folder, f.split('/').pop()!));
    copyFileSync(first, join(folder, '商机导出.csv'));
    const out = join(dir, 'scored.csv');
    const run = scoreCommand(['--data', folder, '--scenario', 'standard', '--period', '2026Q1', '--mapping', mappingsPath, '--out', out]);
    expect(run.err).toEqual([]);
    expect(mismatches(readCsv(out), expected)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
