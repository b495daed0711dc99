/**
 * The core journey (journey.ts) in Firefox and WebKit, from file:// and over http under a
 * sub-path, each compared with the same journey in Chromium: the same demo, the same import
 * (one file in GB18030), a results export byte-identical to Chromium's, the same export after
 * backup → clear → restore, and a share link that opens the same distribution. Needs a build
 * (`npx vite build`). A missing engine skips loudly here and fails in CI (engines.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type ServedDir } from './browser';
import { launchEngine, requireEngineOrSkip, type EngineName } from './engines';
import * as XLSX from '@e965/xlsx';
import { CLEAR_DEMO_ZH, clearDemo, gradedCount, importFolder, installPageHooks, runJourney, sampleFolderWithGb18030, type JourneyResult } from './journey';
import { csvToSheet } from '../workbook/sampleWorkbook';
import { commonText } from '../../src/lib/i18n/messages/common';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let appDir: string;
let site: ServedDir;
let data: { dir: string; files: string[] };
let reference: Promise<JourneyResult> | null = null;
const has = Object.fromEntries((['chromium', 'firefox', 'webkit'] as const).map((e) => [e, requireEngineOrSkip(e)])) as Record<EngineName, boolean>;

async function journeyIn(engine: EngineName, mode: 'http' | 'file'): Promise<JourneyResult> {
  const browser = await launchEngine(engine);
  try {
    const page = await browser.newPage();
    const url = mode === 'http' ? `${site.url}index.html` : pathToFileURL(join(appDir, 'index.html')).href;
    const r = await runJourney(page, url, data.files);
    console.log(`[${browser.version} ${mode}] open → number ${r.openMs} ms, import ${r.importMs} ms`);
    return r;
  } finally {
    await browser.close();
  }
}

/** Chromium over http: what every other run must match (run once, by the first test that needs it). */
const chromiumReference = () => (reference ??= journeyIn('chromium', 'http'));

describe.skipIf(!has.chromium)('the core journey in every engine', () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build at ${DIST}: run \`npx vite build\` first.`);
    appDir = mkdtempSync(join(tmpdir(), 'kpi-engines-'));
    cpSync(DIST, appDir, { recursive: true });
    site = await serveDir(appDir, '/intranet/hr/kpi-studio/');
    data = sampleFolderWithGb18030();
  });
  afterAll(async () => {
    await site?.close();
    for (const d of [appDir, data?.dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('Chromium (the reference): demo, GB18030 import, export, backup → restore, share link', async () => {
    expect(commonText.clearDemo.zh).toBe(CLEAR_DEMO_ZH);
    const r = await chromiumReference();
    expect(r.demoGraded).toMatch(/^\d+$/);
    expect(r.cards.map((c) => [c.file, c.status, c.encoding])).toEqual(
      data.files.map((f) => f.split('/').pop()!).map((n) => [n, 'imported', n === 'staff.csv' ? 'GB18030' : 'UTF-8']),
    );
    expect(r.hashes['staff.csv']).toBe(sha256(readFileSync(join(data.dir, 'staff.csv'))));
    expect(r.exportName).toMatch(/\.csv$/);
    expect(r.exported.length).toBeGreaterThan(1000);
    expect(r.exportedAfterRestore.equals(r.exported)).toBe(true);
    expect(r.backupName).toMatch(/^presales-kpi-backup-.+\.json\.gz$/);
    expect(r.otherDistribution).not.toBe(r.distribution);
    expect(r.sharedDistribution).toBe(r.distribution);
    expect(r.sharedBanner).toContain('已从分享链接载入方案');
  });

  // From file:// WebKit's workers do not share the page's IndexedDB, so the import runs on the
  // page (importClient.ts) and the workbook is read in the workbook worker for it.
  it.skipIf(!has.webkit)('webkit from file://: a workbook (.xlsx, Chinese headers) imports on the page', async () => {
    const staff = readFileSync(fileURLToPath(new URL('../fixtures/sample/staff.csv', import.meta.url)), 'utf8');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, csvToSheet(staff, { chinese: true }), '人员');
    const book = join(data.dir, '人员.xlsx');
    writeFileSync(book, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const browser = await launchEngine('webkit');
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(join(appDir, 'index.html')).href}#/overview`);
      await gradedCount(page);
      await installPageHooks(page);
      await clearDemo(page);
      const cards = await importFolder(page, [book], ['人员.xlsx · 人员']);
      expect(cards.map((c) => [c.file, c.status])).toEqual([['人员.xlsx · 人员', 'imported']]);
      const card = await page.run(() => (document.querySelector('article.result-card') as HTMLElement | null)?.innerText ?? '');
      expect(card).toMatch(new RegExp(`行数\\s*${staff.trim().split('\n').length - 1}\\b`));
    } finally {
      await browser.close();
    }
  });

  for (const engine of ['firefox', 'webkit'] as const) {
    for (const mode of ['file', 'http'] as const) {
      it.skipIf(!has[engine])(`${engine} from ${mode === 'file' ? 'file://' : 'http under a sub-path'}: the same as Chromium, export byte for byte`, async () => {
        const ref = await chromiumReference();
        const r = await journeyIn(engine, mode);
        expect(r.demoGraded).toBe(ref.demoGraded);
        expect(r.cards).toEqual(ref.cards);
        expect(r.hashes).toEqual(ref.hashes);
        expect(r.distribution).toBe(ref.distribution);
        expect(r.exportName).toBe(ref.exportName);
        expect(sha256(r.exported)).toBe(sha256(ref.exported));
        expect(sha256(r.exportedAfterRestore)).toBe(sha256(ref.exported));
        expect(r.otherDistribution).toBe(ref.otherDistribution);
        expect(r.sharedDistribution).toBe(ref.distribution);
        expect(r.sharedBanner).toBe(ref.sharedBanner);
      });
    }
  }
});
