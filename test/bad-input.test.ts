/**
 * Every file of the bad-input corpus through `importCsvBytes` (what the import worker runs for
 * files up to one 10 MiB piece): no exception, the expected outcome, and for a refused file
 * error messages in Chinese and English that say what is wrong and where.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCsvBytes, type ImportResult } from '../src/lib/data/csvImport';
import { CORPUS, MILLION_CASE, type CorpusCase } from './bad-input/corpus';
import { CORPUS_DIR, SMALL_FILES, writeMillionRowFile } from './bad-input/make-corpus';

const CJK = /[\u4e00-\u9fff]/;

function check(c: CorpusCase, r: ImportResult): void {
  expect(r.fileName).toBe(c.file);
  expect(r.kind).toBe(c.kind);
  expect(r.encoding).toBe(c.encoding);
  expect(r.rowCount).toBe(c.rows);
  const errors = r.issues.filter((i) => i.severity === 'error');
  expect(errors.map((i) => i.code)).toEqual(c.errors);
  expect(r.table === null).toBe(!c.stored);
  for (const e of errors) {
    // The user reads these: both languages, Chinese really Chinese, the file named in the issue.
    expect(e.file).toBe(c.file);
    expect(e.message_zh).toMatch(CJK);
    expect(e.message_en.length).toBeGreaterThan(20);
    expect(`${e.message_zh} ${e.message_en}`).not.toMatch(/undefined|NaN|\[object|\{\w+\}/);
    for (const [zh, en] of c.says ?? []) {
      expect(e.message_zh).toContain(zh);
      expect(e.message_en).toContain(en);
    }
  }
  if (c.names) expect((r.table as { name: string[] }).name).toEqual(c.names);
  if (c.warns) {
    const warning = r.issues.find((i) => i.severity === 'warning');
    for (const [zh, en] of c.says ?? []) {
      expect(warning?.message_zh).toContain(zh);
      expect(warning?.message_en).toContain(en);
    }
  }
}

describe('bad-input corpus (test/bad-input/files) through importCsvBytes', () => {
  it('has an expectation for every file, and the files are what make-corpus.ts writes', () => {
    expect(readdirSync(CORPUS_DIR).sort()).toEqual(CORPUS.map((c) => c.file).sort());
    for (const [name, bytes] of Object.entries(SMALL_FILES)) expect(readFileSync(join(CORPUS_DIR, name)).equals(bytes), name).toBe(true);
  });

  it.each(CORPUS.map((c) => [c.what, c] as const))('%s', (_, c) => {
    const r = importCsvBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, c.file))), c.file);
    check(c, r);
  });

  it('Latin-1 bytes cannot be read as UTF-8 or GBK: the file is kept, with a warning that names may be garbled', () => {
    const r = importCsvBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, 'latin1.csv'))), 'latin1.csv');
    const names = (r.table as { name: string[] }).name;
    expect(names).not.toContain('José Müller');
    expect(names.join('')).toContain('\ufffd');
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'undecodable_chars']]);
    expect(r.issues[0].message_zh).toMatch(/乱码.*CSV UTF-8/);
  });

  it('a markup name stays the same text (it is data, never HTML)', () => {
    const r = importCsvBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, 'markup-name.csv'))), 'markup-name.csv');
    expect((r.table as { name: string[] }).name[0]).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the generated 1,000,000-row file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused by its one bad last row, naming line 1,000,001', () => {
    const path = writeMillionRowFile(dir);
    const bytes = new Uint8Array(readFileSync(path));
    expect(bytes.length).toBeGreaterThan(80e6);
    const r = importCsvBytes(bytes, MILLION_CASE.file);
    check(MILLION_CASE, r);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 1_000_001, column: 'amount', value: '1.2.3' });
  }, 600_000);
});
