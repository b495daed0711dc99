/**
 * Node side of the browser benchmarks: generated data files (cached between runs), one
 * served site holding the built app AND the bench page (one origin, so both see the same
 * IndexedDB), Chromium with a persistent profile, and the small statistics the figures use.
 *
 * The site is a temp folder: `index.html` is a copy of dist/index.html (the real build),
 * `bench/` is scripts/bench/page/ (index.html + page.ts) built by a separate `vite build`, `data/`
 * links to the cached CSV files. vite.config.ts is not used for the bench page (it inlines
 * everything into one file, which a bench page does not need).
 */
import type { KpiBench } from '../page/page';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath, serveDir, type ServedDir } from '../../../test/e2e/browser';
import { bigStaffCount, generateProjectsCsv, generateStaffCsv } from '../../../src/lib/demo/big';
import { generateActivitiesCsv } from './activities';

import type { Figure } from './figure';

export type { Figure };

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const benchDir = fileURLToPath(new URL('../page/', import.meta.url));
const CACHE = join(tmpdir(), 'kpi-bench-data');

/** The generated files a bench can ask for; names encode every parameter so the cache is safe. */
export type DataSpec =
  | { kind: 'projects'; rows: number; seed: number; staff: number }
  | { kind: 'staff'; n: number }
  | { kind: 'activities'; staff: number; seed: number };

export const fileNameOf = (d: DataSpec): string =>
  d.kind === 'projects' ? `projects-${d.rows}-s${d.seed}-st${d.staff}.csv`
    : d.kind === 'staff' ? `staff-${d.n}.csv` : `activities-st${d.staff}-s${d.seed}.csv`;

/** The 1,000,000-row projects file of perf-anchors.md and the staff file its ids point to. */
export const bigProjects = (rows = 1_000_000): DataSpec => ({ kind: 'projects', rows, seed: 1, staff: bigStaffCount(rows) });
export const bigStaff = (rows = 1_000_000): DataSpec => ({ kind: 'staff', n: bigStaffCount(rows) });

/** Path of a generated file, written once per machine (the generators are deterministic). */
export function dataFile(d: DataSpec): string {
  const path = join(CACHE, fileNameOf(d));
  if (existsSync(path)) return path;
  mkdirSync(CACHE, { recursive: true });
  const text = d.kind === 'projects' ? generateProjectsCsv(d.rows, d.seed, d.staff)
    : d.kind === 'staff' ? generateStaffCsv(d.n) : generateActivitiesCsv(d.staff, d.seed);
  // Written under a temp name first so an interrupted run never leaves half a file in the cache.
  writeFileSync(path + '.part', text);
  renameSync(path + '.part', path);
  return path;
}

export const fileSize = (d: DataSpec): number => statSync(dataFile(d)).size;

export interface Site extends ServedDir {
  /** URL of the built app (dist/index.html) */
  app: string;
  /** URL of the bench page */
  bench: string;
  /** URL of a data file under the site */
  data(d: DataSpec): string;
}

/** Builds dist/ when it is missing (a standalone run); `npm run bench` has just built it. */
async function ensureDist(): Promise<string> {
  const dist = join(repoRoot, 'dist', 'index.html');
  if (!existsSync(dist)) {
    console.log('  dist/index.html missing: building the app …');
    await build({ root: repoRoot, logLevel: 'warn' });
  }
  return dist;
}

/**
 * Builds the bench page, copies the built app beside it and serves both from one origin.
 * `files`: other files to serve under data/ by their own names.
 * @example const site = await openSite([bigProjects()]); await page.goto(site.bench); … await site.close();
 */
export async function openSite(data: DataSpec[], files: string[] = []): Promise<Site> {
  const root = mkdtempSync(join(tmpdir(), 'kpi-bench-site-'));
  copyFileSync(await ensureDist(), join(root, 'index.html'));
  await build({
    configFile: false, root: benchDir, base: './', logLevel: 'warn',
    worker: { format: 'es' },
    // Not minified: a CPU profile of the bench page then names the project's functions.
    build: { outDir: join(root, 'bench'), emptyOutDir: true, target: 'es2022', minify: false, reportCompressedSize: false },
  });
  mkdirSync(join(root, 'data'));
  for (const d of data) symlinkSync(dataFile(d), join(root, 'data', fileNameOf(d)));
  // Other files (e.g. a generated .xlsx) by their own name: `${site.url}data/${name}`.
  for (const f of files) symlinkSync(f, join(root, 'data', basename(f)));
  const served = await serveDir(root);
  return {
    ...served,
    app: served.url,
    bench: served.url + 'bench/',
    data: (d) => served.url + 'data/' + fileNameOf(d),
    close: async () => {
      await served.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Profile { dir: string; remove(): void }

/** A fresh Chromium user-data-dir; reopening it later is a cold start with the same IndexedDB. */
export function newProfile(): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-bench-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Headless Chromium on a persistent profile, with the flags of test/e2e/browser.ts launchBrowser
 * (a sandbox-less container, nothing that phones home) and a desktop-sized window.
 * @example const ctx = await launchProfile(profile.dir); const page = ctx.pages()[0]; … await ctx.close();
 */
export function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      // Diagnostics only: V8 flags for an experiment, e.g. BENCH_JS_FLAGS=--no-memory-reducer.
      ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []),
    ],
  });
}

/** Opens the bench page and waits until its API is there. */
export async function openBenchPage(ctx: BrowserContext, site: Site): Promise<Page> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => console.error(`  [bench page] ${e.message}`));
  await page.goto(site.bench);
  await page.waitForFunction(() => 'kpiBench' in window, undefined, { timeout: 30_000 });
  return page;
}

/**
 * Imports `files` (in order) through the app's real import path into the IndexedDB of `profile`,
 * then closes Chromium, so the next `launchProfile` is a cold start on stored data.
 * @example await importIntoProfile(site, profile, [bigStaff(), bigProjects()])
 */
/**
 * Opens the bench page in `ctx`, imports `files` through the app's real import path there and
 * logs what was stored; throws on a file not stored or with errors. Returns the bench page, still
 * open (close it once the app page is open, so the profile keeps running).
 */
export async function importThroughBenchPage(ctx: BrowserContext, site: Site, files: DataSpec[]): Promise<Page> {
  const page = await openBenchPage(ctx, site);
  const imported = await page.evaluate((u) => (window as unknown as { kpiBench: KpiBench }).kpiBench.appImport(u), files.map(site.data));
  const bad = imported.results.filter((r) => !r.stored || r.errors > 0);
  if (bad.length) throw new Error(`import failed: ${JSON.stringify(bad)}`);
  console.log(`  stored ${imported.results.map((r) => `${r.fileName} ${r.rowCount}`).join(', ')} in ${Math.round(imported.totalMs)} ms`);
  return page;
}

export async function importIntoProfile(site: Site, profile: Profile, files: DataSpec[]): Promise<void> {
  const ctx = await launchProfile(profile.dir);
  try {
    await importThroughBenchPage(ctx, site, files);
  } finally {
    await ctx.close();
  }
}

/** Median (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, `q` in (0, 1]: `percentile([1, 2, 3, 4], 0.95) === 4`. */
export function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** The load average every bench prints at its start and end: the 2 cores are shared, figures move with it. */
export const loadFigures = (when: string): Figure[] => {
  const [a, b, c] = loadavg();
  return [{ name: `load average (1/5/15 min) ${when}: ${a.toFixed(2)} / ${b.toFixed(2)} / ${c.toFixed(2)}`, value: a, unit: 'load' }];
};

/** Prints figures the way scripts/bench.ts prints its table, for a bench run alone. */
export function printFigures(figures: Figure[]): void {
  for (const f of figures) {
    const v = f.value < 10 ? f.value.toFixed(3) : f.value < 1000 ? f.value.toFixed(1) : Math.round(f.value).toLocaleString('en');
    console.log(`${f.name.padEnd(72)} ${`${v} ${f.unit}`.padEnd(16)} ${f.target ? `target ${f.target}` : ''}`);
  }
}

/** true when `import.meta.url` is the script node was started with. */
export const isMain = (metaUrl: string): boolean => !!process.argv[1] && fileURLToPath(metaUrl) === process.argv[1];
