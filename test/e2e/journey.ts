/**
 * The core journey every engine must get through (engines.e2e.test.ts, insecure-origin e2e,
 * the per-engine bench): first open with the demo → clear it → import the sample folder with
 * staff.csv saved as GB18030 → choose a period and a scenario → export the results → back up
 * → clear everything → restore → the same export → copy a share link, open it after choosing
 * another scenario → the same grade distribution. Everything is done through the page (clicks,
 * selects, the file input); downloads are caught in the page (engines.ts explains why).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnginePage } from './engines';
import { encodeGb18030 } from './gb18030';

// No app or vitest imports here: the per-engine bench (scripts/bench/engines-browser.ts) runs this under tsx.
const SAMPLE_DIR = fileURLToPath(new URL('../fixtures/sample/', import.meta.url));
const SAMPLE_FILES = ['activities.csv', 'projects.csv', 'ratings.csv', 'requests.csv', 'reviews.csv', 'staff.csv'];
/** The first-run banner's button (commonText.clearDemo.zh; engines.e2e.test.ts checks they agree). */
export const CLEAR_DEMO_ZH = '清除演示数据';

export const PERIOD = '2026Q2';
export const SCENARIO = 'balanced';
/** Another built-in scenario with a different distribution, chosen before the share link is opened. */
export const OTHER_SCENARIO = 'standard';
const TIMEOUT = 90_000;

/**
 * Polls `fn` in the page until it returns something truthy; throws with `what` and the last value on timeout.
 * @example await waitFor(page, 'the overview', () => !!document.querySelector('[data-testid=page-overview]'));
 */
export async function waitFor<A extends unknown[], T>(page: EnginePage, what: string, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<NonNullable<Awaited<T>>> {
  const end = Date.now() + TIMEOUT;
  let last: unknown;
  for (;;) {
    try {
      last = await page.run(fn, ...args);
      if (last) return last as NonNullable<Awaited<T>>;
    } catch (e) {
      // A page being replaced (reload, navigation) cannot answer for a moment.
      last = e instanceof Error ? e.message : e;
    }
    if (Date.now() > end) throw new Error(`[${page.engine}] timed out waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A copy of the sample folder with staff.csv saved as GB18030 (as Excel on Chinese Windows saves "CSV"). */
export function sampleFolderWithGb18030(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-journey-data-'));
  // The six files of the sample folder by name (a stray file left in the shared folder is not part of it).
  const names = SAMPLE_FILES.filter((n) => existsSync(join(SAMPLE_DIR, n)));
  if (names.length !== SAMPLE_FILES.length) throw new Error(`the sample folder ${SAMPLE_DIR} lacks ${SAMPLE_FILES.filter((n) => !names.includes(n)).join(', ')}`);
  for (const n of names) {
    if (n === 'staff.csv') writeFileSync(join(dir, n), encodeGb18030(readFileSync(join(SAMPLE_DIR, n), 'utf8').replace(/^\ufeff/, '')));
    else cpSync(join(SAMPLE_DIR, n), join(dir, n));
  }
  return { dir, files: names.map((n) => join(dir, n)) };
}

/** Downloads go to an in-page list instead of the disk, and confirm() says yes, as a user clicking OK. */
export function installPageHooks(page: EnginePage): Promise<void> {
  return page.run(() => {
    const w = window as unknown as { __kpiTest?: { downloads: { name: string; blob: Blob }[] } };
    if (w.__kpiTest) return;
    const state = { downloads: [] as { name: string; blob: Blob }[] };
    w.__kpiTest = state;
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const url = create(o);
      if (o instanceof Blob) blobs.set(url, o);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.download ? blobs.get(this.href) : undefined;
      if (!blob) return click.call(this);
      state.downloads.push({ name: this.download, blob });
    };
    window.confirm = () => true;
  });
}

/** Waits for download number `index` (0-based, since the hooks were installed) and returns its name and bytes. */
export async function takeDownload(page: EnginePage, index: number): Promise<{ name: string; bytes: Buffer }> {
  await waitFor(page, `download ${index + 1}`, (i: number) => (window as unknown as { __kpiTest: { downloads: unknown[] } }).__kpiTest.downloads.length > i, index);
  const { name, b64 } = await page.run(async (i: number) => {
    const d = (window as unknown as { __kpiTest: { downloads: { name: string; blob: Blob }[] } }).__kpiTest.downloads[i];
    const bytes = new Uint8Array(await d.blob.arrayBuffer());
    let s = '';
    for (let k = 0; k < bytes.length; k += 0x8000) s += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
    return { name: d.name, b64: btoa(s) };
  }, index);
  return { name, bytes: Buffer.from(b64, 'base64') };
}

const clickCss = (page: EnginePage, css: string) => page.run((sel: string) => {
  const el = document.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`no ${sel}`);
  el.click();
}, css);

const selectValue = (page: EnginePage, css: string, value: string) => page.run((sel: string, v: string) => {
  const el = document.querySelector<HTMLSelectElement>(sel);
  if (!el) throw new Error(`no ${sel}`);
  el.value = v;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}, css, value);

/** Goes to a page through the hash router and waits for `ready` (default: its `page-<name>` test id). */
export async function goPage(page: EnginePage, name: string, ready = `[data-testid="page-${name}"]`): Promise<void> {
  await page.run((h: string) => { location.hash = h; }, `#/${name}`);
  await waitFor(page, `page ${name}`, (css: string) => !!document.querySelector(css), ready);
}

/** The overview's "graded" card once it shows a number. */
export const gradedCount = (page: EnginePage) =>
  waitFor(page, 'a number on the overview', () => {
    const text = document.querySelector('[data-testid="card-graded-value"]')?.textContent?.trim() ?? '';
    return /\d/.test(text) ? text : '';
  });

/** The grade-distribution chart's actual counts, S A B C+D. */
export async function distribution(page: EnginePage): Promise<string> {
  await goPage(page, 'overview');
  return waitFor(page, 'the distribution chart', () => {
    const v = ['S', 'A', 'B', 'CD'].map((b) => document.querySelector(`[data-testid="band-actual-${b}"]`)?.textContent?.trim());
    return v.every((x) => x) ? v.join(' ') : '';
  });
}

export interface ImportedCard { file: string; status: string; encoding: string }

/**
 * Puts `files` into the Data page's file input and waits for a result card named by each of
 * `names` (default: the file names; a workbook's cards are `file · sheet`).
 */
export async function importFolder(page: EnginePage, files: string[], names = files.map((f) => f.split('/').pop()!)): Promise<ImportedCard[]> {
  await goPage(page, 'data');
  await waitFor(page, 'an enabled file input', () => document.querySelector<HTMLInputElement>('[data-testid="file-input"]')?.disabled === false);
  await page.setFiles('[data-testid="file-input"]', files);
  const end = await waitFor(page, 'the import to end', (want: string[]) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
    if (!input || input.disabled) return null;
    const alert = input.closest('section')?.querySelector('.alert-error');
    if (alert) return { failed: alert.textContent ?? 'error' };
    const have = [...document.querySelectorAll('article.result-card')].map((c) => c.getAttribute('aria-label'));
    return want.every((n) => have.includes(n)) ? { failed: null } : null;
  }, names);
  if (end.failed) throw new Error(`[${page.engine}] the import failed: ${end.failed}`);
  return page.run(() => [...document.querySelectorAll('article.result-card')].map((c) => ({
    file: c.getAttribute('aria-label') ?? '',
    status: [...c.classList].find((x) => x.startsWith('status-'))?.slice(7) ?? '',
    encoding: (c as HTMLElement).innerText.match(/UTF-8|GB18030|UTF-16\w*/)?.[0] ?? '',
  })));
}

/** Clears the demo data through the first-run banner and waits until it is gone. */
export async function clearDemo(page: EnginePage): Promise<void> {
  await page.run((label: string) => {
    const b = [...document.querySelectorAll<HTMLButtonElement>('[role="status"] button')].find((x) => x.textContent?.trim() === label);
    if (!b) throw new Error(`no "${label}" button`);
    b.click();
  }, CLEAR_DEMO_ZH);
  await waitFor(page, 'the demo to be cleared', () => document.querySelector<HTMLSelectElement>('[data-testid="period-select"]')?.disabled === true);
}

export interface JourneyResult {
  /** the overview's graded count with the demo data */
  demoGraded: string;
  cards: ImportedCard[];
  distribution: string;
  exportName: string;
  exported: Buffer;
  /** the export after backup → clear all → restore */
  exportedAfterRestore: Buffer;
  backupName: string;
  /** the distribution after opening the share link (another scenario chosen first) */
  sharedDistribution: string;
  otherDistribution: string;
  sharedBanner: string;
  /** the content hash the store holds for each file, by name */
  hashes: Record<string, string>;
  /** ms from loading the URL to a number on the overview (demo data) */
  openMs: number;
  /** ms from putting the files into the input to the last result card */
  importMs: number;
}

/**
 * Runs the journey in `page` on the app at `appUrl` (…/index.html, http:// or file://).
 * Throws with the engine's name at the first step that does not happen.
 */
export async function runJourney(page: EnginePage, appUrl: string, files: string[]): Promise<JourneyResult> {
  const t0 = Date.now();
  await page.goto(`${appUrl}#/overview`);
  const demoGraded = await gradedCount(page);
  const openMs = Date.now() - t0;
  await installPageHooks(page);
  let downloads = 0;

  await clearDemo(page);

  const t1 = Date.now();
  const cards = await importFolder(page, files);
  const importMs = Date.now() - t1;
  const hashes = await page.run(() => new Promise<Record<string, string>>((resolve, reject) => {
    const r = indexedDB.open('presales-kpi-studio');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const all = r.result.transaction('batches').objectStore('batches').getAll();
      all.onsuccess = () => { resolve(Object.fromEntries(all.result.map((b: { fileName: string; contentHash: string }) => [b.fileName, b.contentHash]))); r.result.close(); };
      all.onerror = () => reject(all.error);
    };
  }));

  await goPage(page, 'overview');
  await waitFor(page, `period ${PERIOD}`, (p: string) => [...(document.querySelector<HTMLSelectElement>('[data-testid="period-select"]')?.options ?? [])].some((o) => o.value === p), PERIOD);
  await selectValue(page, '[data-testid="period-select"]', PERIOD);
  await waitFor(page, 'the scenario selector', () => !!document.querySelector('[data-testid="scenario-select"]'));
  await selectValue(page, '[data-testid="scenario-select"]', SCENARIO);
  await waitFor(page, 'the choice to hold', (p: string, s: string) =>
    document.querySelector<HTMLSelectElement>('[data-testid="period-select"]')?.value === p
    && document.querySelector<HTMLSelectElement>('[data-testid="scenario-select"]')?.value === s, PERIOD, SCENARIO);
  const dist = await distribution(page);

  const exportResults = async () => {
    await goPage(page, 'export');
    await clickCss(page, '[data-testid="download-results"]');
    return takeDownload(page, downloads++);
  };
  const exported = await exportResults();

  // Back up, clear everything, restore: the same export.
  await goPage(page, 'data');
  await clickCss(page, '[data-testid="backup-button"]');
  const backup = await takeDownload(page, downloads++);
  await clickCss(page, '[data-testid="clear-all"]');
  await waitFor(page, 'the empty batch list', () => !!document.querySelector('[data-testid="no-batches"]'));
  const backupPath = join(mkdtempSync(join(tmpdir(), 'kpi-journey-backup-')), backup.name);
  writeFileSync(backupPath, backup.bytes);
  await page.setFiles('[data-testid="restore-input"]', [backupPath]);
  // The restore reloads the page: wait for the data to be back, then hook the new page.
  await waitFor(page, 'the restored batches', () => document.querySelectorAll('[data-testid="batch-row"]').length > 0 && !(window as unknown as { __kpiTest?: unknown }).__kpiTest);
  await installPageHooks(page);
  downloads = 0;
  const again = await exportResults();

  // A share link of the scenario in view, opened after another scenario was chosen.
  await goPage(page, 'scenarios', '[data-testid="copy-share"]');
  await clickCss(page, '[data-testid="copy-share"]');
  const link = await waitFor(page, 'the share link', () => document.querySelector<HTMLInputElement>('[data-testid="share-link"]')?.value ?? '');
  await goPage(page, 'overview');
  await selectValue(page, '[data-testid="scenario-select"]', OTHER_SCENARIO);
  await waitFor(page, 'the other scenario', (s: string) => document.querySelector<HTMLSelectElement>('[data-testid="scenario-select"]')?.value === s, OTHER_SCENARIO);
  const otherDistribution = await distribution(page);
  await page.goto('about:blank');
  await page.goto(link);
  const sharedBanner = await waitFor(page, 'the shared-link banner', () => document.querySelector('[data-testid="shared-link-banner"]')?.textContent?.trim() ?? '');
  const sharedDistribution = await distribution(page);

  return {
    demoGraded, cards, distribution: dist, exportName: exported.name, exported: exported.bytes,
    exportedAfterRestore: again.bytes, backupName: backup.name, sharedDistribution, otherDistribution, sharedBanner,
    hashes, openMs, importMs,
  };
}
