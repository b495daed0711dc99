/**
 * Import throughput in headless Chromium: a generated 1,000,000-row projects file (~88 MB)
 * through the app's real path — `importFiles` → the inlined import worker → parse, normalise,
 * validate → IndexedDB — against a bare `Papa.parse(text, { header: false })` of the same
 * file on the page's main thread, in the same browser, in the same run. Target: ratio
 * (bare time / import time) ≥ 0.5. Each round imports the staff file first (untimed), so the
 * cross-file staff check sees the ids a real user's store would hold.
 * A stage-by-stage breakdown (bench/page.ts importStages) follows, on the main thread.
 * Alone: `npx tsx scripts/bench/import-browser.ts [rows=1000000] [rounds=3] [--no-stages]`.
 */
import { launchBrowser } from '../../test/e2e/browser';
import {
  bigProjects, bigStaff, fileSize, isMain, loadFigures, median, openSite, printFigures, type Figure,
} from './lib/harness';
import type { AppImportTiming, KpiBench } from './page/page';

type Win = { kpiBench: KpiBench };

/** Figures for the table; `rows` defaults to the anchors' 1,000,000. */
export async function run(rows = 1_000_000, rounds = 3, stages = true): Promise<Figure[]> {
  const projects = bigProjects(rows), staff = bigStaff(rows);
  const bytes = fileSize(projects);
  const figures: Figure[] = [...loadFigures('at start')];
  const site = await openSite([projects, staff]);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`  [bench page] ${e.message}`));
    await page.goto(site.bench);
    await page.waitForFunction(() => 'kpiBench' in window, undefined, { timeout: 30_000 });
    const bare: number[] = [], decode: number[] = [], app: AppImportTiming[] = [];
    for (let r = 0; r < rounds; r++) {
      const b = await page.evaluate((u) => (window as unknown as Win).kpiBench.bareParse(u), site.data(projects));
      if (b.rows < rows) throw new Error(`bare parse saw ${b.rows} rows, expected ≥ ${rows}`);
      bare.push(b.parseMs);
      decode.push(b.decodeMs);
      const db = `kpi-bench-import-${r}`;
      const s = await page.evaluate(([u, d]) => (window as unknown as Win).kpiBench.appImport([u], d), [site.data(staff), db] as const);
      if (!s.results[0].stored) throw new Error(`staff file not stored: ${JSON.stringify(s.results)}`);
      const a = await page.evaluate(([u, d]) => (window as unknown as Win).kpiBench.appImport([u], d), [site.data(projects), db] as const);
      const res = a.results[0];
      if (!res.stored || res.rowCount !== rows || res.errors > 0) throw new Error(`import: ${JSON.stringify(a.results)}`);
      app.push(a);
      await page.evaluate((d) => (window as unknown as Win).kpiBench.deleteDb(d), db);
      console.log(`  round ${r + 1}/${rounds}: bare ${Math.round(b.parseMs)} ms, import ${Math.round(a.totalMs)} ms` +
        ` (first progress ${Math.round(a.firstProgressMs)}, parsed ${Math.round(a.readDoneMs)}, write from ${Math.round(a.writeStartMs)}), ${res.warnings} warnings`);
    }
    const b = median(bare);
    const i = median(app.map((a) => a.totalMs));
    const mb = (bytes / 1e6).toFixed(1);
    figures.push(
      { name: `rounds (median of each figure)`, value: rounds, unit: 'runs' },
      { name: `TextDecoder whole file, ${mb} MB (Chromium, main thread)`, value: median(decode), unit: 'ms' },
      { name: `bare Papa.parse header:false, ${rows} rows (Chromium, main thread)`, value: b, unit: 'ms' },
      { name: 'bare Papa.parse rows per second', value: rows / (b / 1000), unit: 'rows/s' },
      { name: `app import (importFiles → worker → IndexedDB), ${rows} rows`, value: i, unit: 'ms' },
      { name: 'app import rows per second', value: rows / (i / 1000), unit: 'rows/s' },
      { name: 'import throughput / bare papaparse (bare ms ÷ import ms)', value: b / i, unit: 'ratio', target: '≥ 0.5' },
      { name: '  import phase: start → first progress (worker, hash, piece 1)', value: median(app.map((a) => a.firstProgressMs)), unit: 'ms' },
      { name: '  import phase: first progress → parsed + validated', value: median(app.map((a) => a.readDoneMs - a.firstProgressMs)), unit: 'ms' },
      { name: '  import phase: parsed → write starts (cross-file staff check)', value: median(app.map((a) => a.writeStartMs - a.readDoneMs)), unit: 'ms' },
      { name: '  import phase: write (keys, chunks, IndexedDB commit) → done', value: median(app.map((a) => a.totalMs - a.writeStartMs)), unit: 'ms' },
    );
    if (stages) {
      // One round of the same runImport on the page's main thread: what does the worker add?
      const db = 'kpi-bench-main';
      await page.evaluate(([u, d]) => (window as unknown as Win).kpiBench.mainThreadImport([u], d), [site.data(staff), db] as const);
      const m = await page.evaluate(([u, d]) => (window as unknown as Win).kpiBench.mainThreadImport([u], d), [site.data(projects), db] as const);
      await page.evaluate((d) => (window as unknown as Win).kpiBench.deleteDb(d), db);
      if (!m.results[0].stored) throw new Error(`main-thread import: ${JSON.stringify(m.results)}`);
      figures.push(
        { name: '  same runImport on the main thread (1 run), total', value: m.totalMs, unit: 'ms' },
        { name: '    main thread: start → first progress', value: m.firstProgressMs, unit: 'ms' },
        { name: '    main thread: first progress → parsed + validated', value: m.readDoneMs - m.firstProgressMs, unit: 'ms' },
        { name: '    main thread: write → done', value: m.totalMs - m.writeStartMs, unit: 'ms' },
      );
      const st = await page.evaluate((u) => (window as unknown as Win).kpiBench.importStages(u, 'kpi-bench-stages'), site.data(projects));
      await page.evaluate(() => (window as unknown as Win).kpiBench.deleteDb('kpi-bench-stages'));
      for (const [name, ms] of Object.entries(st)) if (name !== 'rows') figures.push({ name: `  stage (main thread, 1 run): ${name}`, value: ms, unit: 'ms' });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  figures.push(...loadFigures('at end'));
  return figures;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  printFigures(await run(Number(args[0]) || 1_000_000, Number(args[1]) || 3, !process.argv.includes('--no-stages')));
}
