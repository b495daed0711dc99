/**
 * The Scheme parameters page in the built app (dist/index.html, `npx vite build` first), headless
 * Chromium: with the sample data imported, making an industry strategic at a higher multiplier
 * changes the win-rate points and the grades exactly as the engine computes them in Node for the
 * same scenario (the results export, cell for cell); undo brings the export back byte for byte.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { SAMPLE_DIR, choosePeriodAndScenario, eventually, gotoPage, loadSample, openApp, readCsv, startSite, type AppPage, type Site } from './helpers';
import { readCsvFolder } from '../../src/lib/data/readFolder';
import { presetScenario } from '../../src/lib/engine/presets';
import { deriveMetrics } from '../../src/lib/engine/metrics';
import { resultsFromMatrix } from '../../src/lib/engine/results';
import { resultsToCsv } from '../../src/lib/engine/exportCsv';
import { parsePeriod } from '../../src/lib/engine/periods';
import { setMultiplier, toggleStrategicIndustry } from '../../src/lib/viewmodel/schemeEdit';
import type { Scenario } from '../../src/lib/engine/types';

const PERIOD = '2026Q1';
const MULTIPLIER = 4;

async function exportResults(page: Page): Promise<string> {
  await gotoPage(page, 'export');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

describe.skipIf(!requireChromiumOrSkip())('scheme parameters in the built app (headless Chromium)', () => {
  let site: Site;
  let app: AppPage | undefined;
  const { dataset } = readCsvFolder(SAMPLE_DIR);
  const period = parsePeriod(PERIOD);
  const standard = presetScenario('standard');
  const engine = (s: Scenario) => resultsFromMatrix(dataset, deriveMetrics(dataset, period, s), s).results;
  const grades = (rows: { staff_id: string; final_grade: string | null }[]) => rows.map((r) => `${r.staff_id}:${r.final_grade ?? ''}`);
  // The first industry of the sample whose strategic weight changes someone's grade.
  const industries = [...new Set(dataset.projects.industry.map((x) => x.trim()))].sort();
  const industry = industries.find((name) => {
    const s = setMultiplier(toggleStrategicIndustry(standard, name, true), MULTIPLIER);
    return grades(engine(s)).join() !== grades(engine(standard)).join();
  });

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

  it('a strategic industry changes win rate and grades as the engine says; undo restores the grades exactly', async () => {
    expect(industry, 'no industry of the sample changes a grade').toBeDefined();
    const edited = setMultiplier(toggleStrategicIndustry(standard, industry!, true), MULTIPLIER);
    const expectedEdited = resultsToCsv(engine(edited), edited, period);
    app = await openApp(site, 'overview');
    const { page, errors } = app;
    await loadSample(page);
    await gotoPage(page, 'scheme');
    await choosePeriodAndScenario(page, PERIOD, 'standard');
    const before = await exportResults(page);
    expect(readCsv(before, false).rows.map((r) => r.final_grade)).toEqual(engine(standard).map((r) => r.final_grade ?? ''));

    await gotoPage(page, 'scheme');
    const multiplier = page.getByTestId('multiplier');
    await multiplier.fill(String(MULTIPLIER));
    await multiplier.press('Tab');
    await page.locator(`[data-testid="scheme-projects"] input[data-industry="${industry}"]`).check();
    await eventually(() => page.getByTestId('change-list').locator('summary').textContent()).toContain('2 项');

    const after = await exportResults(page);
    const a = readCsv(after, false);
    const e = readCsv(expectedEdited, false);
    expect(a.header).toEqual(e.header);
    expect(a.rows).toEqual(e.rows);
    // The edit mattered: win-rate points and at least one grade moved.
    const b = readCsv(before, false).rows;
    expect(a.rows.some((r, i) => r.win_rate_points !== b[i].win_rate_points)).toBe(true);
    expect(a.rows.some((r, i) => r.final_grade !== b[i].final_grade)).toBe(true);

    await gotoPage(page, 'scheme');
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await eventually(() => page.getByTestId('change-list').count()).toBe(0);
    expect(await exportResults(page)).toBe(before);
    expect(errors).toEqual([]);
  });
});
