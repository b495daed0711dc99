/**
 * The built single file opened straight from disk (file://) in Chromium: it starts, the
 * import worker runs, and the data is still there when the browser is closed and opened
 * again on the same file with the same profile. Needs a build: `npx vite build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireChromiumOrSkip } from './browser';
import { builtIndex, downloadResults, goTo, importThroughInput, isWhole, launchProfile, openApp, readDb } from '../bad-input/appDriver';

describe.skipIf(!requireChromiumOrSkip())('opened as a file (file://)', () => {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-profile-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('runs, imports through the worker, and keeps the data across a browser restart', async () => {
    const url = pathToFileURL(builtIndex()).href;
    expect(url).toMatch(/^file:\/\/\//);

    const first = await launchProfile(profile);
    let before;
    let resultsBefore;
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Opened from disk the page asks for nothing that could be missing (the favicon is inlined).
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('console', (m) => { if (m.type() === 'error') failed.push(m.text()); });
      await openApp(page, url);
      expect(await page.evaluate(() => location.protocol)).toBe('file:');
      // First open: the demo is loaded; then a file through the input, i.e. through the blob worker.
      await goTo(page, '#/data');
      await page.waitForSelector('table.batches tbody tr');
      const cards = await importThroughInput(page, ['test/bad-input/files/lf.csv', 'test/bad-input/files/quoted-newlines.csv']);
      expect(cards.map((c) => [c.fileName, c.status])).toEqual([['lf.csv', 'imported'], ['quoted-newlines.csv', 'imported']]);
      before = await readDb(page);
      expect(before.batches.map((b) => b.fileName)).toEqual(expect.arrayContaining(['lf.csv', 'quoted-newlines.csv']));
      expect(before.batches.length).toBeGreaterThan(2);
      expect(isWhole(before)).toBe(true);
      // Hash routes and a download work from disk too.
      resultsBefore = (await downloadResults(page)).text;
      expect(resultsBefore.split('\n').length).toBeGreaterThan(10);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await launchProfile(profile);
    try {
      const page = second.pages()[0] ?? (await second.newPage());
      await openApp(page, url);
      const after = await readDb(page);
      expect(after.batches).toEqual(before.batches);
      await goTo(page, '#/data');
      const listed = await page.$$eval('table.batches tbody td.cell-file', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(listed.some((t) => t.includes('quoted-newlines.csv'))).toBe(true);
      // The same data and the remembered period give the same results file.
      expect((await downloadResults(page)).text).toBe(resultsBefore);
    } finally {
      await second.close();
    }
  });
});
