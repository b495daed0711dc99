/**
 * `npx tsx scripts/screenshots-calibration.ts [outDir]` — the calibration board, a move in
 * progress, a closed period (banner and versions), the Weights page's what-if banner, the
 * People table's quarterly grades, the person page and the Bonus page (with a what-if share) of
 * the closed period, in zh and en at 1280×720, from the built dist/index.html
 * with the demo data. For looking at the app as a user would; not a test.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDir } from '../test/e2e/browser';

const out = process.argv[2] ?? '/tmp/shots-calibration';
mkdirSync(out, { recursive: true });
const served = await serveDir(fileURLToPath(new URL('../dist/', import.meta.url)));
const browser = await launchBrowser();
try {
  for (const lang of ['zh', 'en'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('page error:', e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${served.url}index.html#/calibration`);
    await page.waitForSelector('[data-testid="cal-by"]', { timeout: 90_000 });
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.fill('[data-testid="cal-by"]', lang === 'zh' ? '王芳' : 'Wang Fang');
    await page.press('[data-testid="cal-by"]', 'Enter');
    const shot = async (name: string, top = true) => {
      if (top) await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(500);
      const file = `${out}/${lang}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    };
    await shot('board');
    const card = page.locator('[data-testid="board-col-B"] [data-staff]').first();
    const movedId = (await card.getAttribute('data-staff'))!;
    await card.focus();
    await page.keyboard.press('ArrowLeft');
    await page.fill('[data-testid="board-reason"]', lang === 'zh' ? '年度最大项目中标' : 'Won the largest deal of the year');
    await shot('board-move');
    await page.press('[data-testid="board-reason"]', 'Enter');
    await shot('board-moved');
    await page.click('[data-testid="cal-close"]');
    await page.waitForSelector('[data-testid="locked-banner"]');
    await page.fill('[data-testid="reopen-reason"]', lang === 'zh' ? '补录 3 月商机' : 'March deals added late');
    await page.click('[data-testid="cal-reopen"]');
    await page.click('[data-testid="cal-close"]');
    await page.waitForSelector('[data-testid="export-v2"]');
    await shot('closed');
    await page.locator('[data-testid="close-panel"]').scrollIntoViewIfNeeded();
    await shot('versions', false);
    await page.evaluate(() => { window.location.hash = '#/weights'; });
    await page.waitForSelector('[data-testid="whatif-banner"]');
    await shot('weights-whatif');
    await page.evaluate(() => { window.location.hash = '#/overview'; });
    await page.click('[data-testid="show-calibrated"]');
    await shot('overview-calibrated');
    await page.evaluate(() => { window.location.hash = '#/people'; });
    await page.click('[data-testid="show-quarters"]');
    await shot('people-quarters');
    await page.evaluate((id) => { window.location.hash = `#/person/${id}`; }, movedId);
    await page.waitForSelector('[data-testid="closed-banner"]');
    await shot('person-closed');
    await page.evaluate(() => { window.location.hash = '#/bonus'; });
    await page.waitForSelector('[data-testid="bonus-share"]');
    await page.fill('[data-testid="bonus-share"]', '30');
    await page.dispatchEvent('[data-testid="bonus-share"]', 'change');
    await page.waitForSelector('[data-testid="bonus-whatif"]');
    await shot('bonus-closed');
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
}
