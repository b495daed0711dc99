/**
 * Per engine, in one run, side by side: the time from loading the built app to a number on the
 * overview (first open, the demo data), and the import time of the sample folder (staff.csv in
 * GB18030; from putting the files into the input to the last result card) — Chromium, Firefox
 * ESR and WebKitGTK, each from file:// and over http under a sub-path, through the same core
 * journey the e2e test runs (test/e2e/journey.ts; its checks run too). A missing browser is
 * reported and left out. No targets: the figures compare engines within one run.
 * Alone: `npx vite build && npx tsx scripts/bench/engines-browser.ts [rounds=1]`.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isMain, loadFigures, median, printFigures, repoRoot, type Figure } from './lib/harness';
import { serveDir } from '../../test/e2e/browser';
import { launchEngine, requireEngineOrSkip, type EngineName } from '../../test/e2e/engines';
import { runJourney, sampleFolderWithGb18030 } from '../../test/e2e/journey';

export async function run(rounds = 1): Promise<Figure[]> {
  const dist = join(repoRoot, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/index.html: run `npx vite build` first');
  const appDir = mkdtempSync(join(tmpdir(), 'kpi-bench-engines-'));
  cpSync(dist, appDir, { recursive: true });
  const site = await serveDir(appDir, '/intranet/hr/kpi-studio/');
  const data = sampleFolderWithGb18030();
  const figures: Figure[] = [...loadFigures('at start')];
  const table: string[] = [];
  try {
    for (const engine of ['chromium', 'firefox', 'webkit'] as EngineName[]) {
      if (!requireEngineOrSkip(engine)) continue;
      for (const mode of ['file', 'http'] as const) {
        const url = mode === 'http' ? `${site.url}index.html` : pathToFileURL(join(appDir, 'index.html')).href;
        const open: number[] = [], imp: number[] = [];
        let version = engine as string;
        for (let r = 0; r < rounds; r++) {
          // A fresh browser each round: a first open, with the demo data generated on the spot.
          const browser = await launchEngine(engine);
          version = browser.version;
          try {
            const res = await runJourney(await browser.newPage(), url, data.files);
            open.push(res.openMs);
            imp.push(res.importMs);
          } finally {
            await browser.close();
          }
        }
        figures.push(
          { name: `${version} ${mode}: open → a number on the overview (demo)`, value: median(open), unit: 'ms' },
          { name: `${version} ${mode}: import of the sample folder (6 files)`, value: median(imp), unit: 'ms' },
        );
        table.push(`| ${version.padEnd(26)} | ${mode.padEnd(4)} | ${String(Math.round(median(open))).padStart(8)} | ${String(Math.round(median(imp))).padStart(8)} |`);
      }
    }
  } finally {
    await site.close();
    for (const d of [appDir, data.dir]) rmSync(d, { recursive: true, force: true });
  }
  figures.push(...loadFigures('at end'));
  console.log(`\n| engine                     | from | open ms  | import ms |\n|----------------------------|------|----------|----------|\n${table.join('\n')}\n`);
  return figures;
}

if (isMain(import.meta.url)) printFigures(await run(Number(process.argv[2] ?? 1)));
