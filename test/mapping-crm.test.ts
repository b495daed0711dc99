/**
 * A CRM export with its own column names and status words (字段映射), mapped once (a mappings
 * file, as `npm run score -- --mapping` takes it): the same results as the canonical sample
 * file, as CSV and as a workbook; and the mapping file is checked with clear messages.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../scripts/scoreCommand';
import { headerSignature, mappingsFileText, parseMappings, MappingError } from '../src/lib/data/mapping';
import { CRM_HEADER, CRM_KEYS as KEYS, CRM_ROLE as ROLE, CRM_STATUS as STATUS, crmRows as crmRowsOf } from './mapping/crmExport';

const sample = fileURLToPath(new URL('./fixtures/sample/', import.meta.url));
const scenario = fileURLToPath(new URL('../src/lib/engine/presets/standard.json', import.meta.url));

const crmRows = () => crmRowsOf(readFileSync(join(sample, 'projects.csv'), 'utf8'));
const mappingFile = JSON.stringify({
  format: 'presales-kpi-mappings', version: 1,
  mappings: [{
    signature: headerSignature(CRM_HEADER), kind: 'projects',
    columns: Object.fromEntries(CRM_HEADER.map((h, i) => [h, KEYS[i]])),
    values: { status: Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [v, k])), role: Object.fromEntries(Object.entries(ROLE).map(([k, v]) => [v, k])) },
  }],
});

function folderWith(projects: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-crm-'));
  for (const f of ['staff', 'requests', 'reviews', 'ratings', 'activities']) copyFileSync(join(sample, `${f}.csv`), join(dir, `${f}.csv`));
  projects(dir);
  writeFileSync(join(dir, '..', `${dir.split('/').pop()}-mapping.json`), mappingFile);
  return dir;
}
const outDir = mkdtempSync(join(tmpdir(), 'kpi-crm-out-'));
let runs = 0;
const score = (dir: string, mapping: boolean) => {
  // Never into the data folder: the sample folder is shared and read-only to the tests.
  const out = join(outDir, `out-${++runs}.csv`);
  const res = scoreCommand(['--data', dir, '--scenario', scenario, '--period', '2026Q1', '--out', out, ...(mapping ? ['--mapping', join(dir, '..', `${dir.split('/').pop()}-mapping.json`)] : [])]);
  return { res, csv: res.code === 0 ? readFileSync(out, 'utf8') : '' };
};
const canonical = score(sample, false).csv;

describe('a CRM export mapped with --mapping gives the canonical results', () => {
  it('as a CSV file', () => {
    const dir = folderWith((d) => writeFileSync(join(d, '商机导出.csv'), Papa.unparse(crmRows())));
    const { res, csv } = score(dir, true);
    expect(res.err).toEqual([]);
    expect(res.out.some((l) => l.includes('字段映射'))).toBe(true);
    expect(csv).toBe(canonical);
  });
  it('as a workbook sheet', () => {
    const dir = folderWith((d) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(crmRows()), '商机');
      writeFileSync(join(d, '商机导出.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    });
    const { res, csv } = score(dir, true);
    expect(res.err).toEqual([]);
    expect(csv).toBe(canonical);
  });
  it('without the mapping the file is not recognised, and the run says so', () => {
    const dir = folderWith((d) => writeFileSync(join(d, '商机导出.csv'), Papa.unparse(crmRows())));
    const { res } = score(dir, false);
    expect(res.code).toBe(1);
    expect(res.err.join('\n')).toContain('无法识别文件类型');
  });
});

describe('parseMappings', () => {
  it.each([
    ['not json', 'JSON'],
    ['{"format":"x"}', 'presales-kpi-mappings'],
    ['{"format":"presales-kpi-mappings","version":1,"mappings":[{"signature":"a","kind":"deals","columns":{}}]}', 'deals'],
    ['{"format":"presales-kpi-mappings","version":1,"mappings":[{"signature":"a","kind":"projects","columns":{"金额":"money"}}]}', 'money'],
    ['{"format":"presales-kpi-mappings","version":1,"mappings":[{"signature":"a","kind":"projects","columns":{},"values":{"status":{"赢":1}}}]}', 'status'],
  ])('%s is refused naming %s', (text, says) => {
    expect(() => parseMappings(text)).toThrow(MappingError);
    try { parseMappings(text); } catch (e) {
      expect((e as MappingError).message_en).toContain(says);
      expect((e as MappingError).message_zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('mappingsFileText', () => {
  it('writes what parseMappings reads back, for the scorer', () => {
    const saved = parseMappings(mappingFile);
    const text = mappingsFileText(saved.map((m) => ({ ...m, savedAt: '2026-03-01T00:00:00.000Z' }) as typeof m));
    expect(JSON.parse(text).format).toBe('presales-kpi-mappings');
    expect(text).not.toContain('savedAt');
    expect(parseMappings(text)).toEqual(saved);
  });
});
