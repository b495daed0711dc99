/**
 * The keyboard alone, in the built app in Chromium (demo data): the skip link is the first Tab
 * stop and lands on the page; a whole weights edit — reach a slider, move it with the arrow keys
 * (the distribution and the grade changes follow), name the result and save it as a scenario —
 * and the scenario editor's "save with a note" form, with no mouse event at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { eventually, openApp, readDistribution, startSite, type Site } from './helpers';

/** Presses Tab until the focused element matches `css`; returns how many presses it took. */
async function tabTo(page: Page, css: string, max = 40): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((c) => document.activeElement?.matches(c) ?? false, css)) return n;
  }
  throw new Error(`${css} not reached in ${max} Tab presses (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);
}

const focused = (page: Page) => page.evaluate(() => ({
  tag: document.activeElement?.tagName.toLowerCase(), id: document.activeElement?.id, testid: document.activeElement?.getAttribute('data-testid'),
}));

describe.skipIf(!requireChromiumOrSkip())('by keyboard alone', () => {
  let site: Site;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it('skip link, then a whole weights edit: slider by arrow keys, save as a new scenario', async () => {
    const { page, context, errors } = await openApp(site, 'weights');
    try {
      // No mouse: any pointer event on the page fails the test.
      await page.evaluate(() => {
        for (const type of ['mousedown', 'pointerdown', 'click']) {
          window.addEventListener(type, (e) => { if ((e as PointerEvent).detail > 0 || type !== 'click') (window as unknown as { __pointer: string[] }).__pointer.push(type); }, true);
        }
        (window as unknown as { __pointer: string[] }).__pointer = [];
      });
      await page.waitForSelector('input[type="range"]');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', testid: 'skip-link' });
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main-content' });

      const presses = await tabTo(page, 'input[type="range"]');
      expect(presses).toBeLessThanOrEqual(10);
      const slider = (await focused(page)).testid!;
      expect(slider).toMatch(/^weight-/);
      const before = Number(await page.inputValue(`[data-testid="${slider}"]`));
      const distBefore = await readDistribution(page);
      for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
      const after = Number(await page.inputValue(`[data-testid="${slider}"]`));
      expect(after).toBeGreaterThan(before);
      // The typed-number box beside the slider shows the same weight.
      await eventually(async () => Number(await page.inputValue(`[data-testid="${slider.replace('weight-', 'weight-exact-')}"]`))).toBe(after);
      await eventually(async () => Number((await page.textContent('[data-testid="grade-changes-count"]'))?.replace(/\D/g, '') || 0)).toBeGreaterThan(0);
      expect(await readDistribution(page)).not.toEqual(distBefore);

      // Back to the header's "save as" box with Shift+Tab, type a name, Enter.
      for (let n = 0; n < 20 && !(await page.evaluate(() => document.activeElement?.matches('.page-head input[type="text"]'))); n++) await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('.page-head input[type="text"]'))).toBe(true);
      await page.keyboard.type('键盘方案');
      // 15 presses move win rate to 25.5 %, out of its seed band: saving asks first, by name (the app's test harness accepts every dialog).
      const asked: string[] = [];
      page.once('dialog', (d) => { asked.push(d.message()); });
      await page.keyboard.press('Enter');
      await eventually(() => asked.length).toBe(1);
      expect(asked[0]).toContain('项目中标率');
      await eventually(() => page.inputValue('[data-testid="scenario-select"]')).toMatch(/^user-/);
      expect(await page.$eval('[data-testid="scenario-select"]', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toContain('键盘方案');
      expect(Number(await page.inputValue(`[data-testid="${slider}"]`))).toBe(after);
      expect(await page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the scenario editor: save with a note from the keyboard', async () => {
    const { page, context, errors } = await openApp(site, 'overview');
    try {
      await page.evaluate(() => { location.hash = '#/scenarios'; });
      await page.waitForSelector('[data-testid="save-name"]');
      await page.focus('[data-testid="skip-link"]');
      await page.keyboard.press('Enter');
      await tabTo(page, '[data-testid="save-name"]');
      await page.keyboard.type('键盘备注方案');
      await page.keyboard.press('Tab');
      expect((await focused(page)).testid).toBe('save-note');
      await page.keyboard.type('只用键盘保存');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="scenarios-status"]');
      expect(await page.textContent('[data-testid="scenarios-status"]')).toContain('键盘备注方案');
      expect(await page.$$eval('[data-testid="scenario-list"] tr', (trs) => trs.map((tr) => tr.textContent ?? '').join('\n'))).toContain('只用键盘保存');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
