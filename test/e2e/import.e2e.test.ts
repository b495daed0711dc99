/**
 * The import foundation, end to end in the built app (dist/index.html served under a sub-path):
 * first-run demo, clearing, importing the sample through the real file input, persistence
 * across a reload, the validation report of a broken file, the identical-file refusal and
 * deleting a batch. Each test has its own browser context, so its own empty IndexedDB.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireChromiumOrSkip } from './browser';
import {
  BROKEN_DIR, SAMPLE_DIR, choosePeriodAndScenario, clearAllData, demoBanner, eventually, gotoPage, importFiles,
  loadSample, openApp, readBatches, readCsv, readIssues, readOverviewCards, reloadApp, sampleFiles, startSite, textOf,
  type AppPage, type BatchRow, type Site,
} from './helpers';
import { dataText, KIND_LABELS } from '../../src/lib/i18n/messages/data';
import { dashboardText } from '../../src/lib/i18n/messages/dashboard';
import type { Kind } from '../../src/lib/engine/dataset';
import { readCsvFolder } from '../../src/lib/data/readFolder';
import { computeResults } from '../../src/lib/engine/results';
import { presetScenario } from '../../src/lib/engine/presets';
import { fmtInt, fmtNum } from '../../src/lib/format';

const HAN = /[\u4e00-\u9fff]/;

/** What the batch list must show after importing the sample: the file names are the kinds. */
function sampleBatches(): BatchRow[] {
  return sampleFiles().map((path) => {
    const rows = readCsv(path).rows.length;
    const kind = basename(path, '.csv') as Kind;
    return { file: basename(path), kind: KIND_LABELS[kind].zh, rows, liveRows: rows, demo: false };
  }).sort((a, b) => a.file.localeCompare(b.file));
}

/** 1-based line of the first line of `path` that contains `needle` (the header is line 1). */
function lineOf(path: string, needle: string): number {
  const i = readFileSync(path, 'utf8').split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found in ${path}`);
  return i + 1;
}

describe.skipIf(!requireChromiumOrSkip())('import in the built app (headless Chromium)', () => {
  let site: Site;
  let app: AppPage | undefined;
  beforeAll(async () => {
    site = await startSite();
  });
  afterEach(async () => {
    await app?.context.close();
    app = undefined;
  });
  afterAll(async () => {
    await site?.close();
  });

  it('loads the demo on first open; after "clear all" the sample imports with the right kinds, no errors, and survives a reload', async () => {
    app = await openApp(site, 'overview');
    const { page } = app;
    await demoBanner(page).waitFor();
    await gotoPage(page, 'data');
    const demo = await readBatches(page);
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((b) => b.demo && b.liveRows > 0)).toBe(true);

    await clearAllData(page);
    expect(await readBatches(page)).toEqual([]);

    const cards = await importFiles(page, sampleFiles());
    const expected = sampleBatches();
    expect(cards.map(({ file, kind, rows, errors }) => ({ file, kind, rows, errors })).sort((a, b) => a.file.localeCompare(b.file)))
      .toEqual(expected.map(({ file, kind, rows }) => ({ file, kind, rows, errors: 0 })));
    expect(cards.every((c) => c.status.includes(dataText.statusImported.zh) && c.alert === '')).toBe(true);
    expect(await readBatches(page)).toEqual(expected);

    await gotoPage(page, 'overview');
    const period = await page.getByTestId('period-select').inputValue();
    const numbers = await readOverviewCards(page);
    expect(Number(numbers.graded)).toBeGreaterThan(0);

    await reloadApp(page, 'overview');
    // Cleared once means the demo never comes back by itself.
    expect(await demoBanner(page).count()).toBe(0);
    expect(await page.getByTestId('period-select').inputValue()).toBe(period);
    expect(await readOverviewCards(page)).toEqual(numbers);
    await gotoPage(page, 'data');
    expect(await readBatches(page)).toEqual(expected);
    expect(app.errors).toEqual([]);
  });

  it('blocks a broken file with a report of file, line, column, value and a Chinese message, and loses nothing stored', async () => {
    app = await openApp(site, 'overview');
    const { page } = app;
    await loadSample(page);
    await gotoPage(page, 'overview');
    const period = await page.getByTestId('period-select').inputValue();
    const numbers = await readOverviewCards(page);
    await gotoPage(page, 'data');
    const batches = await readBatches(page);
    expect(batches).toEqual(sampleBatches());

    const projects = join(BROKEN_DIR, 'projects-broken.csv');
    const staff = join(BROKEN_DIR, 'staff-bad-level.csv');
    const cards = await importFiles(page, [projects, staff]);
    for (const c of cards) {
      expect(c.status).toContain(dataText.statusNotImported.zh);
      expect(c.alert).toBe(dataText.statusBlocked.zh);
    }
    expect(cards.map(({ file, kind, errors }) => ({ file, kind, errors }))).toEqual([
      { file: 'projects-broken.csv', kind: KIND_LABELS.projects.zh, errors: 2 },
      { file: 'staff-bad-level.csv', kind: KIND_LABELS.staff.zh, errors: 1 },
    ]);

    const projectIssues = await readIssues(page, 'projects-broken.csv');
    const amountLine = lineOf(projects, ',待定,');
    const decidedLine = lineOf(projects, ',won,,');
    expect(projectIssues).toEqual([
      expect.objectContaining({ severity: '错误', file: 'projects-broken.csv', line: String(amountLine), column: 'amount', value: '待定' }),
      expect.objectContaining({ severity: '错误', file: 'projects-broken.csv', line: String(decidedLine), column: 'decided_on', value: '' }),
    ]);
    expect(projectIssues[0].message).toMatch(HAN);
    expect(projectIssues[0].message).toContain(`第 ${amountLine} 行`);
    expect(projectIssues[1].message).toMatch(HAN);
    expect(projectIssues[1].message).toContain('decided_on');
    // A header written in Chinese is reported in the user's own column name.
    const staffIssues = await readIssues(page, 'staff-bad-level.csv');
    expect(staffIssues).toEqual([
      expect.objectContaining({ severity: '错误', file: 'staff-bad-level.csv', line: String(lineOf(staff, '专家')), column: '职级', value: '专家' }),
    ]);
    expect(staffIssues[0].message).toMatch(HAN);

    expect(await readBatches(page)).toEqual(batches);
    await gotoPage(page, 'overview');
    expect(await page.getByTestId('period-select').inputValue()).toBe(period);
    expect(await readOverviewCards(page)).toEqual(numbers);
    expect(app.errors).toEqual([]);
  });

  it('refuses a file whose content equals a stored batch, whatever its name', async () => {
    app = await openApp(site, 'overview');
    const { page } = app;
    await loadSample(page);
    const batches = await readBatches(page);
    const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-copy-'));
    try {
      const copy = join(dir, '人员名单-副本.csv');
      copyFileSync(join(SAMPLE_DIR, 'staff.csv'), copy);
      const cards = await importFiles(page, [join(SAMPLE_DIR, 'staff.csv'), copy]);
      for (const c of cards) {
        expect(c.status).toContain(dataText.statusNotImported.zh);
        expect(c.alert.startsWith(dataText.statusRefused.zh.replace('{why}', ''))).toBe(true);
        expect(c.alert).toMatch(HAN);
        // The message names both the refused file and the stored batch it duplicates.
        expect(c.alert).toContain(`“${c.file}”`);
        expect(c.alert).toContain('“staff.csv”');
      }
      expect(cards.map((c) => c.file)).toEqual(['staff.csv', '人员名单-副本.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await readBatches(page)).toEqual(batches);
    expect(app.errors).toEqual([]);
  });

  it('deleting a batch removes exactly its rows', async () => {
    app = await openApp(site, 'overview');
    const { page } = app;
    await loadSample(page);
    const period = '2026Q1';
    // Someone with a research report reviewed in the period: their completeness comes only from reviews.csv.
    const reviewed = readCsv(join(SAMPLE_DIR, 'reviews.csv')).rows
      .find((r) => r.kind === 'research_report' && r.reviewed_on >= '2026-01-01' && r.reviewed_on <= '2026-03-31');
    if (!reviewed) throw new Error('the sample has no research report in 2026Q1');

    // The overview must agree with the engine on the folder with and without reviews.csv.
    const overviewOf = (dir: string) => {
      const totals = computeResults(readCsvFolder(dir).dataset, period, presetScenario('standard')).results
        .flatMap((r) => (r.total === null ? [] : [r.total]));
      return { graded: fmtInt(totals.length), mean: fmtNum(totals.reduce((s, x) => s + x, 0) / totals.length, 1) };
    };
    const withoutReviews = mkdtempSync(join(tmpdir(), 'kpi-e2e-noreviews-'));
    let expectedAfter: { graded: string; mean: string };
    try {
      for (const f of sampleFiles()) if (basename(f) !== 'reviews.csv') copyFileSync(f, join(withoutReviews, basename(f)));
      expectedAfter = overviewOf(withoutReviews);
    } finally {
      rmSync(withoutReviews, { recursive: true, force: true });
    }
    const expectedBefore = overviewOf(SAMPLE_DIR);
    expect(expectedAfter.mean).not.toBe(expectedBefore.mean);

    await gotoPage(page, 'overview');
    await choosePeriodAndScenario(page, period, 'standard');
    expect(await readOverviewCards(page)).toMatchObject(expectedBefore);
    await gotoPage(page, `person/${reviewed.staff_id}`);
    const completeness = page.getByTestId('metric-row-research_completeness').getByTestId('metric-value');
    await eventually(() => textOf(completeness)).toMatch(/\d/);

    await gotoPage(page, 'data');
    const before = await readBatches(page);
    await page.getByRole('button', { name: dataText.deleteBatchLabel.zh.replace('{file}', 'reviews.csv') }).click();
    await eventually(async () => (await readBatches(page)).map((b) => b.file))
      .toEqual(before.filter((b) => b.file !== 'reviews.csv').map((b) => b.file));
    expect(await readBatches(page)).toEqual(before.filter((b) => b.file !== 'reviews.csv'));

    await gotoPage(page, `person/${reviewed.staff_id}`);
    await eventually(() => textOf(completeness)).toBe(dashboardText.notApplicable.zh);
    expect(await textOf(page.getByTestId('metric-row-first_pass_rate').getByTestId('metric-value'))).toBe(dashboardText.notApplicable.zh);
    await gotoPage(page, 'overview');
    expect(await readOverviewCards(page)).toMatchObject(expectedAfter);
    expect(app.errors).toEqual([]);
  });
});
