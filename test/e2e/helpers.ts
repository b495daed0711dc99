/**
 * Page helpers for the end-to-end tests of the built app: start a served copy of dist/, open
 * the app in a fresh browser context, move between pages, clear data, import files through
 * the real <input type=file>, and read what the pages show (batches, import results, the
 * grade distribution, headline numbers). Every wait is for a state of the page, never a time.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import Papa from 'papaparse';
import { launchBrowser, serveDir, type ServedDir } from './browser';
import { commonText } from '../../src/lib/i18n/messages/common';
import { dataText } from '../../src/lib/i18n/messages/data';

/** The shared sample fixture folder (a sibling of the repository). */
export const SAMPLE_DIR = fileURLToPath(new URL('../fixtures/sample/', import.meta.url));
/** Files made broken on purpose for the validation tests. */
export const BROKEN_DIR = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** How long a state may take to appear: an import of the sample or the first demo load on a busy 2-core box. */
export const STATE_TIMEOUT = 60_000;

export type PageName = 'overview' | 'weights' | 'export' | 'data' | 'scheme' | `person/${string}`;

export interface Site {
  browser: Browser;
  served: ServedDir;
  close: () => Promise<void>;
}

/**
 * Serves a private copy of the built app under a deep sub-path and launches Chromium.
 * The copy keeps a test run stable while someone else rebuilds dist/ in the same checkout.
 * @example const site = await startSite(); const { page } = await openApp(site); ... await site.close();
 */
export async function startSite(): Promise<Site> {
  const built = join(DIST_DIR, 'index.html');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx vite build\` before the e2e tests.`);
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-'));
  cpSync(DIST_DIR, dir, { recursive: true });
  const served = await serveDir(dir, '/intranet/hr/kpi-studio/');
  const browser = await launchBrowser();
  return {
    browser,
    served,
    close: async () => {
      await browser.close();
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** uncaught exceptions of the page; a test ends by expecting this to be empty */
  errors: string[];
}

/**
 * Opens the app in a fresh context (so a fresh IndexedDB), accepts every confirm() the way a
 * user clicking OK would, and waits until the store is open and a page is shown.
 * @example const { page, errors } = await openApp(site, 'data');
 */
export async function openApp(site: Site, start: PageName = 'overview'): Promise<AppPage> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.served.url}index.html#/${start}`);
  await waitReady(page, start);
  return { context, page, errors };
}

/** Waits until the store is open and the page `name` is rendered (after a load or a reload). */
export async function waitReady(page: Page, name: PageName): Promise<void> {
  await page.locator(`[data-testid="page-${name.split('/')[0]}"]`).waitFor({ timeout: STATE_TIMEOUT });
}

/** Moves to another page through the hash router, as a click on the navigation does. */
export async function gotoPage(page: Page, name: PageName): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/${name}`);
  await waitReady(page, name);
}

/** Reloads the tab and waits for the same page to be back. */
export async function reloadApp(page: Page, name: PageName): Promise<void> {
  await page.reload();
  await waitReady(page, name);
}

/**
 * Polls `read` until the matcher that follows holds (playwright-core has no web-first
 * assertions; this is the same idea on vitest's expect.poll).
 * @example await eventually(() => page.getByTestId('no-batches').count()).toBe(1);
 */
export function eventually<T>(read: () => Promise<T> | T, timeout = STATE_TIMEOUT) {
  return expect.poll(read, { timeout, interval: 50 });
}

/** Text of the first element matched, trimmed ('' when it is missing). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.count()) > 0 ? await locator.first().textContent() : '')?.trim() ?? '';
}

/** The first-run demo banner, which holds the "clear demo data" button. */
export function demoBanner(page: Page): Locator {
  return page.locator('[role="status"]', { hasText: commonText.demoBanner.zh });
}

/** Clears the demo data through the first-run banner and waits until no period is left to choose. */
export async function clearDemoFromBanner(page: Page): Promise<void> {
  await demoBanner(page).getByRole('button', { name: commonText.clearDemo.zh }).click();
  await eventually(() => demoBanner(page).count()).toBe(0);
  await eventually(() => page.getByTestId('period-select').isDisabled()).toBe(true);
}

/** On the Data page: "clear all data", then wait for the empty batch list. */
export async function clearAllData(page: Page): Promise<void> {
  await gotoPage(page, 'data');
  await page.getByTestId('clear-all').click();
  await page.getByText(dataText.cleared.zh).waitFor({ timeout: STATE_TIMEOUT });
  await page.getByTestId('no-batches').waitFor({ timeout: STATE_TIMEOUT });
}

export interface ImportCard {
  file: string;
  kind: string;
  rows: number;
  errors: number;
  warnings: number;
  status: string;
  /** the blocked / refused explanation, '' when the file was imported */
  alert: string;
}

export interface IssueRow { severity: string; file: string; line: string; column: string; value: string; message: string }

const count = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** The result cards of the last import, in file order. */
export async function readImportCards(page: Page): Promise<ImportCard[]> {
  return page.getByTestId('import-result').evaluateAll((cards) =>
    cards.map((card) => {
      const text = (id: string) => card.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      return {
        file: text('result-file'),
        kind: text('result-kind'),
        rows: text('result-rows'),
        errors: text('result-count-error'),
        warnings: text('result-count-warning'),
        status: text('result-status'),
        alert: text('result-alert'),
      };
    }),
  ).then((cards) => cards.map((c) => ({ ...c, rows: count(c.rows), errors: count(c.errors), warnings: count(c.warnings) })));
}

/** The validation report rows of one file's result card. */
export async function readIssues(page: Page, fileName: string): Promise<IssueRow[]> {
  const card = page.getByTestId('import-result').filter({ has: page.getByTestId('result-file').getByText(fileName, { exact: true }) });
  return card.getByTestId('issue-row').evaluateAll((rows) =>
    rows.map((r) => {
      const text = (id: string) => r.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      return {
        severity: text('issue-severity'), file: text('issue-file'), line: text('issue-line'),
        column: text('issue-column'), value: text('issue-value'), message: text('issue-message'),
      };
    }),
  );
}

export interface BatchRow { file: string; kind: string; rows: number; liveRows: number; demo: boolean }

/** The batch list of the Data page (file name without the demo tag). */
export async function readBatches(page: Page): Promise<BatchRow[]> {
  const raw = await page.getByTestId('batch-row').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (id: string) => tr.querySelector(`[data-testid="${id}"]`);
      const fileCell = cell('batch-file');
      // The cell holds the name plus an optional "demo" tag element: keep only its own text.
      const file = Array.from(fileCell?.childNodes ?? []).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      return {
        file,
        kind: cell('batch-kind')?.textContent?.trim() ?? '',
        rows: cell('batch-rows')?.textContent ?? '',
        liveRows: cell('batch-live-rows')?.textContent ?? '',
        demo: fileCell?.querySelector('[data-testid="batch-demo-tag"]') !== null,
      };
    }),
  );
  return raw.map((b) => ({ ...b, rows: count(b.rows), liveRows: count(b.liveRows) })).sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Imports files through the real file input of the Data page (as "choose files…" does) and
 * waits until every file has a result card and every imported file is in the batch list.
 * @example const cards = await importFiles(page, sampleFiles());
 */
export async function importFiles(page: Page, paths: string[]): Promise<ImportCard[]> {
  await gotoPage(page, 'data');
  const input = page.getByTestId('file-input');
  await eventually(() => input.isEnabled()).toBe(true);
  // The change handler empties the previous results and disables the input synchronously, so
  // once setInputFiles returns, the cards counted below belong to this import.
  await input.setInputFiles(paths);
  await eventually(() => page.getByTestId('import-result').count()).toBe(paths.length);
  await eventually(() => input.isEnabled()).toBe(true);
  const cards = await readImportCards(page);
  const stored = cards.filter((c) => c.status.includes(dataText.statusImported.zh));
  // The batch list is re-read from the store after the import; wait for that, not for a time.
  await eventually(async () => {
    const names = new Set((await readBatches(page)).map((b) => b.file));
    return stored.every((c) => names.has(c.file));
  }).toBe(true);
  return cards;
}

/** Every CSV file of the sample folder, in name order. */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR).filter((f) => /\.csv$/i.test(f)).sort().map((f) => join(SAMPLE_DIR, f));
}

/** Clears the demo data and imports the whole sample: what the dashboard tests start from. */
export async function loadSample(page: Page): Promise<void> {
  await clearDemoFromBanner(page);
  const cards = await importFiles(page, sampleFiles());
  expect(cards.map((c) => c.errors)).toEqual(cards.map(() => 0));
}

/** Chooses the header's period and the scenario of the ScenarioBar on the current page. */
export async function choosePeriodAndScenario(page: Page, periodId: string, scenarioId: string): Promise<void> {
  await page.getByTestId('period-select').selectOption(periodId);
  await page.getByTestId('scenario-select').selectOption(scenarioId);
  await eventually(() => page.getByTestId('period-select').inputValue()).toBe(periodId);
  await eventually(() => page.getByTestId('scenario-select').inputValue()).toBe(scenarioId);
}

export type BandCounts = Record<'S' | 'A' | 'B' | 'CD', number>;

/** The actual counts the grade-distribution chart draws, per band. */
export async function readDistribution(page: Page): Promise<BandCounts> {
  const chart = page.getByTestId('distribution-chart');
  const read = async (band: string) => Number(await chart.getByTestId(`band-actual-${band}`).textContent());
  return { S: await read('S'), A: await read('A'), B: await read('B'), CD: await read('CD') };
}

/** The Overview's headline numbers, as shown. */
export async function readOverviewCards(page: Page): Promise<{ graded: string; mean: string; insufficient: string }> {
  const read = async (id: string) => (await page.getByTestId(`${id}-value`).textContent())?.trim() ?? '';
  return { graded: await read('card-graded'), mean: await read('card-mean'), insufficient: await read('card-insufficient') };
}

/** A CSV file's rows as objects (first row = header), BOM stripped. */
export function readCsv(textOrPath: string, isPath = true): { header: string[]; rows: Record<string, string>[] } {
  const text = (isPath ? readFileSync(textOrPath, 'utf8') : textOrPath).replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV parse errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Counts of final grades in band order: `bandCountsOf(['S','C','D'])` → `{ S: 1, A: 0, B: 0, CD: 2 }`. */
export function bandCountsOf(grades: readonly string[]): BandCounts {
  const c: BandCounts = { S: 0, A: 0, B: 0, CD: 0 };
  for (const g of grades) {
    if (g === 'S' || g === 'A' || g === 'B') c[g]++;
    else if (g === 'C' || g === 'D') c.CD++;
  }
  return c;
}
