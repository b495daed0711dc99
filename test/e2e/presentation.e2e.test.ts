/**
 * Presentation mode (演示模式) in the built app on the demo data, at the two projector sizes:
 * F8 and P switch it, the navigation shrinks to the room's pages, the "before" pinned at the start
 * stays through a reload and counts the grade moves of a weight change; at 1280×720 and 1024×768
 * the header is one row, the board and the Weights page's right panel are whole in the window and
 * no slider row runs under that panel. Screenshots of each size (zh and en) are written to
 * $SHOTS_DIR (default: a temporary folder; the paths are printed) for a person to look at.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { eventually, openApp, reloadApp, startSite, type Site } from './helpers';

const SHOTS = process.env.SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'kpi-presentation-'));

/** Boxes of what a room must see whole, in window pixels. */
const layout = (page: Page) => page.evaluate(() => {
  const box = (el: Element | null) => (el ? el.getBoundingClientRect().toJSON() as DOMRect : null);
  const right = box(document.querySelector('aside.right'));
  const rows = [...document.querySelectorAll('.sliders .row')];
  return {
    width: window.innerWidth, height: window.innerHeight, scrollWidth: document.documentElement.scrollWidth,
    header: box(document.querySelector('.app-header')), navLinks: document.querySelectorAll('[data-testid="presentation-nav"] a').length,
    board: box(document.querySelector('[data-testid="presentation-board"]')), right,
    // The widest slider row's right edge (its last visible child), where the right panel starts.
    rowsEnd: Math.max(...rows.map((r) => Math.max(...[...r.children].map((c) => c.getBoundingClientRect().right)))),
  };
});

/** Scrolls the document at once (a wheel scrolls smoothly, over several frames) and waits for the frame drawn after. */
const scrollTo = (page: Page, y: number) => page.evaluate((top) => new Promise((done) => {
  window.scrollTo({ top, behavior: 'instant' });
  requestAnimationFrame(() => requestAnimationFrame(done));
}), y);

describe.skipIf(!requireChromiumOrSkip())('presentation mode in the built app', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => { await site?.close(); });

  it('F8 and P switch it; pinned "before" counts the moves of a weight change and survives a reload', async () => {
    const { page, context, errors } = await openApp(site, 'weights');
    try {
      expect(await page.locator('[data-testid="presentation-board"]').count()).toBe(0);
      await page.keyboard.press('F8');
      await page.locator('[data-testid="presentation-board"]').waitFor();
      expect(await page.getByTestId('present-toggle').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-testid="presentation-nav"] a').allTextContents()).toEqual(['权重调整', '总览', '方案对比', '敏感性']);
      expect(await page.locator('.sub-nav').count()).toBe(0);

      await page.getByTestId('present-pin').click();
      await eventually(() => page.getByTestId('present-changed').textContent()).toBe('0 人');
      // A typed share: P typed into the box is a letter there, not the mode's key.
      const box = page.getByTestId('weight-exact-win_rate');
      await box.fill('35p');
      expect(await page.locator('[data-testid="presentation-board"]').count()).toBe(1);
      await box.fill('35');
      await box.press('Tab');
      // The board counts the same moves as the Weights page's list (against the saved scenario, which is the pinned one here).
      const listed = Number((await page.locator('.right .panel').nth(1).locator('h3').textContent())?.match(/(\d+)\s*人/)?.[1]);
      expect(listed).toBeGreaterThan(0);
      await eventually(() => page.getByTestId('present-changed').textContent()).toBe(`${listed} 人`);

      await reloadApp(page, 'weights');
      await page.locator('[data-testid="presentation-board"]').waitFor();
      expect(await page.getByTestId('present-pin-state').textContent()).toContain('演示前快照');

      await page.locator('body').press('p');
      await eventually(() => page.locator('[data-testid="presentation-board"]').count()).toBe(0);
      expect(await page.getByTestId('present-toggle').getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('.main-nav a').count()).toBe(7);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([[1280, 720], [1024, 768]])('at %i×%i the header, the board and the Weights page fit the window (screenshots written)', async (width, height) => {
    const { page, context, errors } = await openApp(site, 'weights');
    try {
      await page.setViewportSize({ width, height });
      await page.keyboard.press('F8');
      await page.getByTestId('present-pin').click();
      // Out of its band: the widest rows, with their warning.
      await page.getByTestId('weight-exact-win_rate').fill('35');
      await page.getByTestId('weight-exact-win_rate').press('Tab');
      await eventually(() => page.getByTestId('present-changed').textContent()).not.toBe('0 人');
      for (const lang of ['zh', 'en'] as const) {
        if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
        await scrollTo(page, 0);
        const file = join(SHOTS, `${lang}-present-weights-${width}x${height}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        const l = await layout(page);
        expect(l.scrollWidth).toBe(width);
        expect(l.navLinks).toBe(4);
        // One header row: the header is as tall as its 56-pixel minimum, not two rows.
        expect(l.header!.height).toBeLessThan(70);
        expect(l.board!.bottom).toBeLessThan(height / 3);
        expect(l.right!.right).toBeLessThanOrEqual(width);
        expect(l.rowsEnd).toBeLessThanOrEqual(l.right!.left);
        // Scrolled down the sliders, the right panel stays whole below the board.
        await scrollTo(page, 250);
        const scrolled = await layout(page);
        expect(scrolled.right!.top).toBeGreaterThanOrEqual(l.board!.bottom);
        expect(scrolled.right!.top).toBeLessThan(l.right!.top);
        expect(scrolled.right!.bottom).toBeLessThanOrEqual(height);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
