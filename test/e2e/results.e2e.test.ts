/**
 * "Results in use" in the built app (dist/index.html, `npx vite build` first), in headless
 * Chromium: a feedback meeting and its plan survive a reload (IndexedDB), and a report prints
 * to exactly one A4 page — a team to one page per member.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requireChromiumOrSkip, serveDir, type ServedDir } from './browser';

const DIST = resolve(import.meta.dirname, '../../dist');
const PLAN = '每两周参加一次投标复盘；6 月底前完成一项新技术认证。';
/** The first open imports the demo data in a worker before any page shows. */
const FIRST_OPEN_MS = 90_000;

/** PDF page objects (`/Type /Page`, not the `/Type /Pages` tree nodes). */
function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

describe.skipIf(!requireChromiumOrSkip())('results in use, built app', () => {
  let site: ServedDir;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staffId = '';
  let team = '';

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`npx vite build\` first.`);
    site = await serveDir(DIST);
    browser = await launchBrowser();
    // One context for the whole file: its IndexedDB is what a reload must find again.
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  /**
   * Sheets whose content does not fit their printed page. The sheet clips (print.css), so the
   * PDF page count alone would also pass when the bottom of a report is cut off; laid out at the
   * printable width (A4 − 2 × 10 mm ≈ 718 CSS px) nothing may overflow.
   */
  async function overflowingSheets(): Promise<number> {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 718, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    try {
      return await page.$$eval('.report-sheet', (els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
    } finally {
      await page.emulateMedia({ media: null });
      if (viewport) await page.setViewportSize(viewport);
    }
  }

  const rowOf = (id: string) => `[data-testid="meetings-table"] tr[data-staff="${id}"]`;

  it('records a meeting date, status and plan that are still there after a reload', async () => {
    await page.goto(`${site.url}#/meetings`);
    await page.waitForSelector('[data-testid="meetings-table"] tbody tr', { timeout: FIRST_OPEN_MS });
    staffId = (await page.getAttribute('[data-testid="meetings-table"] tbody tr', 'data-staff')) ?? '';
    expect(staffId).toMatch(/^PS\d+$/);
    team = (await page.textContent(`${rowOf(staffId)} td:nth-child(3)`))?.trim() ?? '';
    // the demo puts everyone in a team; without one, the route parameter is '~'
    if (team === '（未分组）') team = '~';

    await page.fill(`${rowOf(staffId)} [data-field="meetingOn"]`, '2026-04-07');
    await page.fill(`${rowOf(staffId)} [data-field="plan"]`, PLAN);
    await page.selectOption(`${rowOf(staffId)} [data-field="status"]`, 'in_progress');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');

    await page.reload();
    await page.waitForSelector(rowOf(staffId), { timeout: FIRST_OPEN_MS });
    await page.waitForFunction(
      ([sel, plan]) => document.querySelector<HTMLTextAreaElement>(`${sel} [data-field="plan"]`)?.value === plan,
      [rowOf(staffId), PLAN] as const,
    );
    expect(await page.inputValue(`${rowOf(staffId)} [data-field="meetingOn"]`)).toBe('2026-04-07');
    expect(await page.inputValue(`${rowOf(staffId)} [data-field="status"]`)).toBe('in_progress');
    expect(await page.evaluate((sel) => document.querySelector(sel)?.classList.contains('overdue'), rowOf(staffId))).toBe(false);
  });

  it('prints the person’s report, with the plan, on exactly one A4 page', async () => {
    expect(staffId).not.toBe('');
    await page.goto(`${site.url}#/report/${encodeURIComponent(staffId)}`);
    await page.waitForSelector('.print-reports .report-sheet [data-testid="report-total"]', { timeout: FIRST_OPEN_MS });
    await page.waitForSelector('[data-testid="report-plan"]');
    expect(await page.textContent('[data-testid="report-plan"]')).toBe(PLAN);
    expect(await page.getAttribute('.report-sheet', 'lang')).toBe('zh-CN');
    expect(await overflowingSheets()).toBe(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(countPdfPages(pdf)).toBe(1);
  });

  it('prints a whole team with one page per member', async () => {
    expect(team).not.toBe('');
    await page.goto(`${site.url}#/report-team/${encodeURIComponent(team)}`);
    await page.waitForSelector('[data-testid="team-reports"] .report-sheet [data-testid="report-total"]', { timeout: FIRST_OPEN_MS });
    // The page draws its reports a few per task: count them once all are there.
    await page.waitForSelector('[data-testid="team-reports"][aria-busy="false"]', { timeout: FIRST_OPEN_MS });
    const members = await page.locator('[data-testid="team-reports"] > .report-sheet').count();
    expect(members).toBeGreaterThan(1);
    expect(await overflowingSheets()).toBe(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(countPdfPages(pdf)).toBe(members);
  });
});
