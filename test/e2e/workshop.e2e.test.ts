/**
 * The workshop pages in the built app (dist/index.html, `npx vite build` first), in headless
 * Chromium, served under a sub-path: save a scenario, change it, compare (migration matrix);
 * open its share link in a fresh browser profile (the demo data loads by itself on a first
 * open) and get the same grade distribution; override a grade and find it in the results
 * export and in the calibration log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requireChromiumOrSkip, serveDir, type ServedDir } from './browser';

const DIST = resolve(__dirname, '../../dist');
const BOOT = 90_000;

let browser: Browser;
let site: ServedDir;
let first: BrowserContext;
let page: Page;

/** Navigate inside the running app (same document, so its state survives). */
async function go(p: Page, route: string, ready: string): Promise<void> {
  await p.evaluate((h) => { window.location.hash = h; }, route);
  await p.waitForSelector(ready, { timeout: BOOT });
}

async function distribution(p: Page): Promise<string[]> {
  await go(p, '#/overview', '[data-testid="distribution-chart"] li');
  return p.$$eval('[data-testid="distribution-chart"] li', (lis) => lis.map((li) => li.textContent ?? ''));
}

async function downloadText(p: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([p.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!, 'utf8').replace(/^\ufeff/, '');
}

describe.skipIf(!requireChromiumOrSkip())('workshop pages in the built app', () => {
  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`No build at ${DIST}: run \`npx vite build\` first.`);
    site = await serveDir(DIST);
    browser = await launchBrowser();
    first = await browser.newContext({ acceptDownloads: true });
    page = await first.newPage();
    await page.goto(`${site.url}#/scenarios`);
    await page.waitForSelector('[data-testid="scenario-list"]', { timeout: BOOT });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('saves a scenario, changes it and compares: the migration matrix accounts for everyone', async () => {
    await page.fill('[data-testid="save-name"]', 'E2E 方案');
    await page.fill('[data-testid="save-note"]', '端到端测试');
    await page.press('[data-testid="save-name"]', 'Enter');
    await page.waitForSelector('[data-testid="scenarios-status"]:has-text("已保存为“E2E 方案”")');
    const savedId = await page.$eval('[data-testid="scenario-list"] tr.active', (tr) => tr.getAttribute('data-id'));
    expect(savedId).toMatch(/^user-/);

    await go(page, '#/weights', '[data-testid="weight-exact-win_rate"]');
    await page.fill('[data-testid="weight-exact-win_rate"]', '35');
    await page.dispatchEvent('[data-testid="weight-exact-win_rate"]', 'change');

    await go(page, '#/compare', '[data-testid="migration-matrix"]');
    expect(await page.inputValue('[data-testid="compare-a"]')).toBe(savedId);
    expect(await page.inputValue('[data-testid="compare-b"]')).toBe('__current__');
    const matrix = await page.$$eval('[data-testid="migration-matrix"] tbody tr', (trs) =>
      trs.slice(0, -1).map((tr) => [...tr.querySelectorAll('td')].slice(0, -1).map((td) => Number(td.textContent))));
    const total = matrix.flat().reduce((s, x) => s + x, 0);
    const kept = matrix.reduce((s, row, i) => s + row[i], 0);
    expect(total).toBeGreaterThan(0);
    expect(total - kept).toBeGreaterThan(0);
    const listed = await page.$$eval('[data-testid="compare-changes"] li', (lis) => lis.length);
    expect(listed).toBe(total - kept);
    expect(await page.$$eval('[data-testid="dist-b"] li', (lis) => lis.length)).toBe(4);
  });

  it('runs the Monte Carlo in its worker: progress repaints while it runs, cancel stops it', async () => {
    await go(page, '#/robustness', '[data-testid="rob-samples"]');
    await page.fill('[data-testid="rob-samples"]', '100000');
    await page.click('text=开始分析');
    // The page re-renders the progress bar twice while the worker draws: its main thread is free.
    const bar = '[data-testid="rob-progress"] progress';
    await page.waitForFunction((sel) => Number((document.querySelector(sel) as HTMLProgressElement | null)?.value) > 0, bar, { timeout: BOOT });
    const seen = await page.$eval(bar, (p) => (p as unknown as HTMLProgressElement).value);
    await page.waitForFunction(([sel, v]) => Number((document.querySelector(sel as string) as HTMLProgressElement | null)?.value) > (v as number), [bar, seen] as const, { timeout: BOOT });
    await page.click('text=取消');
    await page.waitForSelector('[role="alert"]:has-text("稳健性分析已取消。")');

    await page.fill('[data-testid="rob-samples"]', '2000');
    await page.click('text=开始分析');
    await page.waitForSelector('[data-testid="rob-summary"]', { timeout: BOOT });
    expect(await page.textContent('[data-testid="rob-summary"]')).toMatch(/^2,000 组权重/);
    expect(await page.$$eval('[data-testid="rob-result"] tbody tr', (trs) => trs.length)).toBeGreaterThan(0);
  });

  it('a share link opened in a fresh browser profile gives the same distribution', async () => {
    await go(page, '#/scenarios', '[data-testid="copy-share"]');
    await page.click('[data-testid="copy-share"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    expect(link).toContain('#/scenario/1.');
    const expected = await distribution(page);
    const period = await page.inputValue('[data-testid="period-select"]');

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      await other.waitForSelector('[data-testid="shared-link-banner"]', { timeout: BOOT });
      expect(await other.textContent('[data-testid="shared-link-banner"]')).toContain('已从分享链接载入方案');
      expect(await other.evaluate(() => window.location.hash)).toBe('#/overview');
      expect(await other.inputValue('[data-testid="period-select"]')).toBe(period);
      expect(await distribution(other)).toEqual(expected);
    } finally {
      await fresh.close();
    }
  });

  it('overrides a grade: the export carries it with the reason, and so does the log', async () => {
    await go(page, '#/calibration', '[data-testid="cal-by"]');
    await page.fill('[data-testid="cal-by"]', 'E2E 校准人');
    await page.press('[data-testid="cal-by"]', 'Enter');
    // The first card of the B column, moved to S by its key on the board.
    const card = page.locator('[data-testid="board-col-B"] [data-staff]').first();
    const person = { value: (await card.getAttribute('data-staff'))!, grade: 'B' };
    await card.focus();
    await page.keyboard.press('s');
    await page.fill('[data-testid="board-reason"]', 'E2E 理由：重大项目');
    await page.press('[data-testid="board-reason"]', 'Enter');
    await page.waitForSelector('[data-testid="board-status"]');
    const logRow = await page.textContent('[data-testid="cal-log"] tbody tr');
    expect(logRow).toContain(person.value);
    expect(logRow).toContain('E2E 校准人');

    const log = await downloadText(page, () => page.click('[data-testid="cal-export-log"]'));
    expect(log).toContain(`,${person.value},${person.grade},S,E2E 理由：重大项目,E2E 校准人,`);

    await go(page, '#/export', 'text=下载结果 CSV');
    const csv = await downloadText(page, () => page.getByText('下载结果 CSV').click());
    const lines = csv.trim().split('\n');
    const header = lines[0].split(',');
    expect(header.indexOf('override_reason')).toBe(header.indexOf('final_grade') + 1);
    const cells = lines.find((l) => l.startsWith(`${person.value},`))!.split(',');
    expect(cells[header.indexOf('final_grade')]).toBe('S');
    expect(cells[header.indexOf('override_reason')]).toBe('E2E 理由：重大项目');
  });
});
