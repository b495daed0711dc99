/**
 * `npx tsx scripts/screenshots.ts [outDir] [pages…]` — screenshots of every page in zh and en
 * at 1280×720 (a workshop projector), from the built dist/index.html with the demo data.
 * For looking at the app as a user would; not a test.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDir } from '../test/e2e/browser';

const out = process.argv[2] ?? '/tmp/shots';
const pages = process.argv.slice(3);
const all = pages.length ? pages : ['overview', 'weights', 'people', 'person/PS2001', 'calibration', 'export', 'data'];
mkdirSync(out, { recursive: true });
const served = await serveDir(fileURLToPath(new URL('../dist/', import.meta.url)));
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  page.on('pageerror', (e) => console.log('page error:', e.message));
  await page.goto(`${served.url}index.html#/overview`);
  await page.waitForSelector('[data-testid="period-select"]:not([disabled])', { timeout: 60_000 });
  for (const lang of ['zh', 'en']) {
    for (const p of all) {
      await page.goto(`${served.url}index.html#/${p}`);
      await page.waitForTimeout(800);
      const file = `${out}/${lang}-${p.replace(/\//g, '_')}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
    }
    await page.getByRole('button', { name: lang === 'zh' ? 'EN' : '中文', exact: true }).click();
  }
} finally {
  await browser.close();
  await served.close();
}
