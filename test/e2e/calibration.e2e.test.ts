/**
 * The calibration board and the period close in the built app (dist/index.html, `npx vite
 * build` first), in headless Chromium on the demo data: a person moves by keyboard and by drag
 * and drop and the band counts follow; a closed period's export does not change when a weight
 * moves (byte for byte), the Weights page says the figures are a what-if; reopening needs a
 * reason, closing again makes v2, and v1 and v2 are both exportable.
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
let context: BrowserContext;
let page: Page;

async function go(p: Page, route: string, ready: string): Promise<void> {
  await p.evaluate((h) => { window.location.hash = h; }, route);
  await p.waitForSelector(ready, { timeout: BOOT });
}
async function download(p: Page, click: () => Promise<void>): Promise<Buffer> {
  const [dl] = await Promise.all([p.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!);
}
const count = async (g: string) => Number((await page.textContent(`[data-testid="board-count-${g}"]`))!.match(/\d+/)![0]);
const exportNow = () => download(page, () => page.click('[data-testid="cal-export-results"]'));

describe.skipIf(!requireChromiumOrSkip())('calibration board and period close in the built app', () => {
  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`No build at ${DIST}: run \`npx vite build\` first.`);
    site = await serveDir(DIST);
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    await page.goto(`${site.url}#/calibration`);
    await page.waitForSelector('[data-testid="cal-by"]', { timeout: BOOT });
    await page.fill('[data-testid="cal-by"]', '王芳');
    await page.press('[data-testid="cal-by"]', 'Enter');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('moves a person by keyboard and by drag and drop; the band counts update', async () => {
    const [a, b, c] = [await count('A'), await count('B'), await count('C')];
    const first = page.locator('[data-testid="board-col-B"] [data-staff]').first();
    const id = (await first.getAttribute('data-staff'))!;
    await first.focus();
    await page.keyboard.press('ArrowLeft');
    await page.fill('[data-testid="board-reason"]', '年度大项目');
    await page.press('[data-testid="board-reason"]', 'Enter');
    await page.waitForSelector(`[data-testid="board-col-A"] [data-staff="${id}"]`);
    expect([await count('A'), await count('B')]).toEqual([a + 1, b - 1]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.staff)).toBe(id);

    const second = page.locator('[data-testid="board-col-B"] [data-staff]').first();
    const id2 = (await second.getAttribute('data-staff'))!;
    await second.dragTo(page.locator('[data-testid="board-col-C"]'));
    await page.fill('[data-testid="board-reason"]', '交付延误');
    await page.click('[data-testid="board-apply"]');
    await page.waitForSelector(`[data-testid="board-col-C"] [data-staff="${id2}"]`);
    expect([await count('B'), await count('C')]).toEqual([b - 2, c + 1]);
    expect(await page.locator('[data-testid="cal-log"] tbody tr').count()).toBe(2);
  });

  it('close → move a weight → the closed export is byte-identical; the Weights page says it is a what-if', async () => {
    const before = await exportNow();
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid="cal-close"]');
    await page.waitForSelector('[data-testid="locked-banner"]');
    const closed = await exportNow();
    expect(closed.equals(before)).toBe(true);

    await go(page, '#/weights', '[data-testid="weight-exact-win_rate"]');
    await page.fill('[data-testid="weight-exact-win_rate"]', '35');
    await page.dispatchEvent('[data-testid="weight-exact-win_rate"]', 'change');
    expect(await page.textContent('[data-testid="whatif-banner"]')).toMatch(/已定版，以下为模拟结果，不影响定版结果/);

    await go(page, '#/calibration', '[data-testid="locked-banner"]');
    const after = await exportNow();
    expect(after.equals(before)).toBe(true);
    await go(page, '#/export', 'text=下载结果 CSV');
    const fromExportPage = await download(page, () => page.getByText('下载结果 CSV').click());
    expect(fromExportPage.equals(before)).toBe(true);
  });

  it('reopen with a reason → close → v1 and v2 both exportable', async () => {
    await go(page, '#/calibration', '[data-testid="reopen-form"]');
    expect(await page.isDisabled('[data-testid="cal-reopen"]')).toBe(true);
    await page.fill('[data-testid="reopen-reason"]', '补录 3 月商机');
    await page.click('[data-testid="cal-reopen"]');
    await page.waitForSelector('[data-testid="cal-close"]');
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid="cal-close"]');
    await page.waitForSelector('[data-testid="export-v2"]');
    const v1 = await download(page, () => page.click('[data-testid="export-v1"]'));
    const v2 = await download(page, () => page.click('[data-testid="export-v2"]'));
    // v2 was closed under the moved weight; v1 before it.
    expect(v1.equals(v2)).toBe(false);
    expect(v1.toString('utf8')).toContain('override_reason');
    expect(await page.textContent('[data-testid="cal-versions"]')).toContain('补录 3 月商机');
  });
});
