/**
 * The bad-input corpus through the headless scorer (`npm run score`, scripts/scoreCommand.ts):
 * every CSV file of test/bad-input/files alone in a data folder, and every hostile scenario
 * of test/bad-input/scenarios with the spec's sample data. A refused file stops the run with
 * exit code 1 and its message; a refused scenario with exit code 2, the field and the range;
 * a stored one runs to results with no Infinity or NaN in them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreCommand } from '../scripts/scoreCommand';
import { CORPUS } from './bad-input/corpus';
import { CORPUS_DIR, SCENARIO_DIR, SCENARIO_FILES } from './bad-input/make-corpus';

const tmp = mkdtempSync(join(tmpdir(), 'bad-input-scorer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sample = fileURLToPath(new URL('./fixtures/sample/', import.meta.url));

describe('bad-input corpus through the headless scorer', () => {
  it.each(CORPUS.map((c) => [c.what, c] as const))('%s', (_, c) => {
    const dir = join(tmp, c.file);
    mkdirSync(dir);
    copyFileSync(join(CORPUS_DIR, c.file), join(dir, c.file));
    for (const lang of ['zh', 'en'] as const) {
      const res = scoreCommand(['--data', dir, '--scenario', 'standard', '--period', '2026Q1', '--lang', lang]);
      const text = [...res.out, ...res.err].join('\n');
      expect(text).not.toMatch(/Infinity|NaN|undefined|RangeError|Set maximum/);
      if (c.errors.length > 0) {
        expect(res.code).toBe(1);
        for (const code of c.errors) expect(res.err.some((l) => l.includes(c.file)), code).toBe(true);
        // A workbook renamed .csv goes to the workbook reader here (readFolder.ts), which words it its own way.
        for (const [zh, en] of c.saysInApp ?? c.says ?? []) expect(res.err.join('\n')).toContain(lang === 'zh' ? zh : en);
      } else {
        expect(res.code).toBe(0);
        expect(res.out[0]).toContain(`${c.file}: ${c.kind}, ${c.rows}`);
      }
    }
  });
});

describe('hostile scenario files through the headless scorer', () => {
  const expected: Record<string, [field: string, zh: string, en: string]> = {
    'cap-1e308.json': ['scoring.cap', '超出允许范围 1 至 10', 'outside the allowed range 1 to 10'],
    'bonus-slope-1e308.json': ['scoring.bonus_slope', '超出允许范围 0 至 100', 'outside the allowed range 0 to 100'],
    'weights-1e308.json': ['indicators[0].weight', '0，或 10^-6 至 10^6', '0, or 10^-6 to 10^6'],
    'weights-5e-324.json': ['indicators[0].weight', '0，或 10^-6 至 10^6', '0, or 10^-6 to 10^6'],
    'weights-all-zero.json': ['indicators', '无人能得分', 'nobody can be scored'],
    'long-name.json': ['name', '最多 200 个', 'at most 200'],
  };

  it('has an expectation for every file, and the files are what make-corpus.ts writes', () => {
    expect(readdirSync(SCENARIO_DIR).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, bytes] of Object.entries(SCENARIO_FILES)) expect(readFileSync(join(SCENARIO_DIR, name)).equals(bytes), name).toBe(true);
  });

  it.each(Object.entries(expected))('%s is refused naming %s and the range', (file, [field, zh, en]) => {
    for (const lang of ['zh', 'en'] as const) {
      const res = scoreCommand(['--data', sample, '--scenario', join(SCENARIO_DIR, file), '--period', '2026Q1', '--lang', lang]);
      expect(res.code).toBe(2);
      expect(res.out).toEqual([]);
      expect(res.err.join('\n')).toContain(field);
      expect(res.err.join('\n')).toContain(lang === 'zh' ? zh : en);
    }
  });

  it('a scenario file over 1 MiB is refused as too large', () => {
    const path = join(tmp, 'huge.json');
    writeFileSync(path, `${' '.repeat(1024 * 1024)}{}`);
    const res = scoreCommand(['--data', sample, '--scenario', path, '--period', '2026Q1', '--lang', 'en']);
    expect(res.code).toBe(2);
    expect(res.err.join('\n')).toContain('a scenario file holds at most 1024 KB');
  });
});
