/**
 * One source of the final grade (#15) in the built app (dist/index.html, `npx vite build`
 * first), in headless Chromium on the demo data: a person calibrated B → A and another B → D,
 * the tab closed right after the moves, then the app opened afresh on each page in turn —
 * People, the person page, Bonus, Meetings, Lists, the one-page report — shows the calibrated
 * grades from its first paint, and the calibration log kept both moves.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requireChromiumOrSkip, serveDir, type ServedDir } from './browser';

const DIST = resolve(__dirname, '../../dist');
const BOOT = 90_000;

let browser: Browser;
let site: ServedDir;
let context: BrowserContext;

/** A new tab opened straight on `route`, as a user opening a bookmark; resolves when the app is ready there. */
async function openOn(route: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}${route}`);
  await page.waitForSelector(ready, { timeout: BOOT });
  return page;
}

/** Move the first person of column `from` one column by keyboard, with a reason; returns their staff id. */
async function moveFirst(page: Page, from: string, key: 'ArrowLeft' | 'ArrowRight', to: string, reason: string): Promise<string> {
  const card = page.locator(`[data-testid="board-col-${from}"] [data-staff]`).first();
  const id = (await card.getAttribute('data-staff'))!;
  await card.focus();
  await page.keyboard.press(key);
  await page.fill('[data-testid="board-reason"]', reason);
  await page.press('[data-testid="board-reason"]', 'Enter');
  await page.waitForSelector(`[data-testid="board-col-${to}"] [data-staff="${id}"]`, { timeout: BOOT });
  return id;
}

/** The text of the first grade badge in the row of `id` of the table `table`. */
const rowGrade = (page: Page, table: string, id: string) =>
  page.locator(`[data-testid="${table}"] tr[data-staff="${id}"] .badge`).first().textContent();

describe.skipIf(!requireChromiumOrSkip())('the calibrated grade after the app is opened again', () => {
  let up: string;
  let down: string;

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`No build at ${DIST}: run \`npx vite build\` first.`);
    site = await serveDir(DIST);
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 720 } });
    const page = await openOn('#/calibration', '[data-testid="cal-by"]');
    await page.fill('[data-testid="cal-by"]', '王芳');
    await page.press('[data-testid="cal-by"]', 'Enter');
    up = await moveFirst(page, 'B', 'ArrowLeft', 'A', '年度大项目');
    down = await moveFirst(page, 'B', 'ArrowRight', 'C', '交付延误');
    // The tab is closed right after the moves: nothing may be lost.
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the calibration log kept both moves', async () => {
    const page = await openOn('#/calibration', '[data-testid="cal-log"]');
    const log = await page.locator('[data-testid="cal-log"] tbody tr').allTextContents();
    expect(log.some((r) => r.includes(up) && r.includes('年度大项目'))).toBe(true);
    expect(log.some((r) => r.includes(down) && r.includes('交付延误'))).toBe(true);
    await page.close();
  });

  it('People, opened first, shows A and C', async () => {
    const page = await openOn('#/people', 'table tbody tr');
    const finalOf = (id: string) => page.evaluate((staff) => {
      const row = [...document.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('td.id')?.textContent === staff);
      return row?.querySelectorAll('td')[8]?.textContent?.trim();
    }, id);
    expect(await finalOf(up)).toBe('A');
    expect(await finalOf(down)).toBe('C');
    await page.close();
  });

  it('the person page, opened first, shows the final grade A', async () => {
    const page = await openOn(`#/person/${up}`, '[data-testid="person-total"]');
    const finalBadge = page.locator('.facts .kv').nth(3).locator('.badge');
    expect(await finalBadge.textContent()).toBe('A');
    await page.close();
  });

  it('Bonus, opened first, pays the A coefficient', async () => {
    const page = await openOn('#/bonus', '[data-testid="bonus-table"]');
    expect(await rowGrade(page, 'bonus-table', up)).toBe('A');
    const coefA = await page.inputValue('[data-testid="coef-A"]');
    const cells = await page.locator(`[data-testid="bonus-table"] tr[data-staff="${up}"] td`).allTextContents();
    expect(Number(cells[7])).toBe(Number(coefA));
    await page.close();
  });

  it('Meetings, opened first, shows A, and C with an improvement plan due', async () => {
    const page = await openOn('#/meetings', '[data-testid="meetings-table"]');
    expect(await rowGrade(page, 'meetings-table', up)).toBe('A');
    expect(await rowGrade(page, 'meetings-table', down)).toBe('C');
    await page.close();
  });

  it('Lists, opened first, has the C person on the improvement list', async () => {
    const page = await openOn('#/lists', '[data-testid="improvement"]');
    expect(await rowGrade(page, 'improvement', down)).toBe('C');
    expect(await page.locator(`[data-testid="improvement"] tr[data-staff="${up}"]`).count()).toBe(0);
    await page.close();
  });

  it('the one-page report, opened first, carries the grade A', async () => {
    const page = await openOn(`#/report/${up}`, '[data-testid="report-final"]');
    expect((await page.locator('[data-testid="report-final"]').first().textContent())?.trim()).toBe('A');
    await page.close();
  });
});
