/**
 * Calibration across tabs, the annual view and a period closed before new data arrive (#15),
 * in the built app (dist/index.html, `npx vite build` first) in headless Chromium on the sample:
 * two tabs calibrating the same period each see the other's move without a reload and the log
 * keeps both; the People table and the person page put the four quarterly final grades (the
 * calibrated one included) beside the annual grade; a file imported after closing leaves the
 * closed export byte for byte as it was, and the pages say the data changed since closing.
 * (Move, close the tab, reopen → the log has the move: finalGrade.e2e.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { dashboardText } from '../../src/lib/i18n/messages/dashboard';
import { SAMPLE_DIR, STATE_TIMEOUT, eventually, importFiles, loadSample, openApp, readCsv, startSite, type AppPage, type Site } from './helpers';

const PERIOD = '2026Q1';

async function go(p: Page, route: string, ready: string): Promise<void> {
  await p.evaluate((h) => { window.location.hash = h; }, route);
  await p.waitForSelector(ready, { timeout: STATE_TIMEOUT });
}
async function download(p: Page, click: () => Promise<void>): Promise<Buffer> {
  const [dl] = await Promise.all([p.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!);
}
/** The Calibration page of PERIOD, with `name` entered as whoever calibrates unless the tab knows it already (kept per tab). */
async function calibrationAs(p: Page, name: string): Promise<void> {
  await go(p, '#/calibration', '[data-testid="period-select"]');
  await p.getByTestId('period-select').selectOption(PERIOD);
  await p.waitForSelector('[data-testid="board-col-B"] [data-staff]', { timeout: STATE_TIMEOUT });
  if (await p.locator('[data-testid="cal-by"]').count() === 0) return;
  await p.fill('[data-testid="cal-by"]', name);
  await p.press('[data-testid="cal-by"]', 'Enter');
  await p.waitForSelector('[data-testid="cal-by"]', { state: 'detached', timeout: STATE_TIMEOUT });
}
/** One metric of the person in PERIOD as the person page's metric table shows it (the data's, closed or not). */
async function metricOf(p: Page, id: string, metric: string): Promise<string> {
  await go(p, `#/person/${id}`, `[data-testid="metric-row-${metric}"]`);
  return (await p.locator(`[data-testid="metric-row-${metric}"] [data-testid="metric-value"]`).textContent())!.trim();
}
/** Moves the first person of column `from` one column with the keyboard; returns their staff id. */
async function moveFirst(p: Page, from: string, key: 'ArrowLeft' | 'ArrowRight', to: string, reason: string): Promise<string> {
  const card = p.locator(`[data-testid="board-col-${from}"] [data-staff]`).first();
  const id = (await card.getAttribute('data-staff'))!;
  await card.focus();
  await p.keyboard.press(key);
  await p.fill('[data-testid="board-reason"]', reason);
  await p.press('[data-testid="board-reason"]', 'Enter');
  await p.waitForSelector(`[data-testid="board-col-${to}"] [data-staff="${id}"]`, { timeout: STATE_TIMEOUT });
  return id;
}
const logRows = (p: Page) => p.locator('[data-testid="cal-log"] tbody tr').allTextContents();
const badge = async (p: Page, selector: string) => (await p.locator(`${selector} .badge`).first().textContent())?.trim() ?? null;

describe.skipIf(!requireChromiumOrSkip())('calibration in two tabs, the annual view, import after close', () => {
  let site: Site;
  let app: AppPage;
  let tmp: string;
  let up = '';
  let down = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'kpi-close-'));
    site = await startSite();
    app = await openApp(site, 'overview');
  });
  afterAll(async () => {
    await app?.context.close();
    await site?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('two tabs calibrating the same period each see the other\'s move, and the log keeps both', async () => {
    const a = app.page;
    await loadSample(a); // the tests below go on from here, in order
    const b = await app.context.newPage();
    await b.goto(a.url());
    await calibrationAs(a, '王芳');
    await calibrationAs(b, '李明');
    up = await moveFirst(a, 'B', 'ArrowLeft', 'A', '年度大项目');
    // Tab B is told through the store's channel: the card moves there without a reload.
    await b.waitForSelector(`[data-testid="board-col-A"] [data-staff="${up}"]`, { timeout: STATE_TIMEOUT });
    down = await moveFirst(b, 'B', 'ArrowRight', 'C', '交付延误');
    await a.waitForSelector(`[data-testid="board-col-C"] [data-staff="${down}"]`, { timeout: STATE_TIMEOUT });
    for (const p of [a, b]) {
      await eventually(async () => (await logRows(p)).length).toBe(2);
      const log = await logRows(p);
      expect(log.some((r) => r.includes(up) && r.includes('王芳') && r.includes('年度大项目'))).toBe(true);
      expect(log.some((r) => r.includes(down) && r.includes('李明') && r.includes('交付延误'))).toBe(true);
    }
    await b.close();
    // A tab opened afterwards reads both from the store.
    const c = await app.context.newPage();
    await c.goto(a.url());
    await calibrationAs(c, '周');
    expect((await logRows(c)).length).toBe(2);
    await c.close();
  });

  it('People and the person page put the four quarterly final grades beside the annual grade', async () => {
    const p = app.page;
    await go(p, '#/people', '[data-testid="show-quarters"]');
    await p.getByTestId('period-select').selectOption(PERIOD);
    await p.fill('input[type="search"]', up);
    await p.check('[data-testid="show-quarters"]');
    // Q1 is the calibrated grade; each quarter is what People shows with that quarter chosen ('—' without data).
    await eventually(() => badge(p, `[data-testid="yq-${up}-1"]`)).toBe('A');
    const cell = async (sel: string) => (await badge(p, sel)) ?? (await p.textContent(sel))!.trim();
    const quarters = [];
    for (const q of [1, 2, 3, 4]) quarters.push(await cell(`[data-testid="yq-${up}-${q}"]`));
    const annual = await cell(`[data-testid="ya-${up}"]`);
    expect(annual).toMatch(/^[SABCD]$/);
    const options = await p.locator('[data-testid="period-select"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const finalGradeShown = () => p.locator('tbody tr').first().locator('td').nth(8).locator('.badge').textContent().then((x) => x?.trim());
    for (const [q, id] of ['2026Q1', '2026Q2', '2026Q3', '2026Q4', '2026'].entries()) {
      const want = q < 4 ? quarters[q] : annual;
      if (!options.includes(id)) { expect(want, id).toBe('—'); continue; }
      await p.getByTestId('period-select').selectOption(id);
      await eventually(finalGradeShown).toBe(want);
    }

    await p.getByTestId('period-select').selectOption(PERIOD);
    await go(p, `#/person/${up}`, '[data-testid="page-person"]');
    const year = p.getByTestId('person-year');
    await year.waitFor({ timeout: STATE_TIMEOUT });
    const badges = (await year.locator('.kv').allTextContents()).map((t) => t.replace(/\s+/g, ''));
    expect(badges.slice(0, 4)).toEqual(quarters.map((g, q) => `Q${q + 1}${g === '—' ? dashboardText.noGrade.zh : g}`));
    expect(badges[4]).toMatch(new RegExp(`${annual}$`));
  });

  it('a file imported after closing leaves the closed export as it was, and the pages say the data changed', async () => {
    const p = app.page;
    await calibrationAs(p, '王芳');
    const exportNow = () => download(p, () => p.click('[data-testid="cal-export-results"]'));
    const before = await exportNow();
    await p.click('[data-testid="cal-close"]'); // openApp accepts the confirmation
    await p.waitForSelector('[data-testid="locked-banner"]', { timeout: STATE_TIMEOUT });
    expect((await exportNow()).equals(before)).toBe(true);
    expect(await p.locator('[data-testid="data-changed"]').count()).toBe(0);

    // Thirty more projects lost by the calibrated person within the closed quarter: the live win rate and total fall.
    const extra = join(tmp, 'projects-late.csv');
    const header = readFileSync(join(SAMPLE_DIR, 'projects.csv'), 'utf8').split(/\r?\n/)[0];
    const lost = Array.from({ length: 30 }, (_, i) => `P99${String(i).padStart(5, '0')},${up},lead,C20068,Internet,100000,lost,2026-02-${String(1 + (i % 28)).padStart(2, '0')},false,1,0`);
    writeFileSync(extra, `${header}\n${lost.join('\n')}\n`);
    const winBefore = await metricOf(p, up, 'win_rate');
    const cards = await importFiles(p, [extra]);
    expect(cards[0].errors).toBe(0);

    // The live data did change: the person page's metrics are the data's.
    await eventually(() => metricOf(p, up, 'win_rate')).not.toBe(winBefore);
    await go(p, '#/calibration', '[data-testid="locked-banner"]');
    await p.waitForSelector('[data-testid="data-changed"]', { timeout: STATE_TIMEOUT });
    const after = await exportNow();
    expect(after.equals(before)).toBe(true);
    const closedRow = readCsv(after.toString('utf8').replace(/^\ufeff/, ''), false).rows.find((r) => r.staff_id === up)!;
    expect(closedRow.final_grade).toBe('A');

    await go(p, `#/person/${up}`, '[data-testid="page-person"]');
    await p.waitForSelector('[data-testid="closed-banner"]', { timeout: STATE_TIMEOUT });
    await p.waitForSelector('[data-testid="data-changed"]', { timeout: STATE_TIMEOUT });
    const shown = (await p.textContent('[data-testid="person-total"]'))!;
    expect(Number(shown.replace(/,/g, ''))).toBe(Number(closedRow.total));
  });
});
