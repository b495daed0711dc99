/**
 * Conformance through a workbook: the sample data set kept as one .xlsx (one sheet per kind,
 * Chinese sheet names, headers and labels, real date, number, percent and boolean cells; built
 * here from the CSVs) gives every expected export of the spec through the headless command.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../scripts/scoreCommand';
import { sampleWorkbook } from './workbook/sampleWorkbook';

const sample = fileURLToPath(new URL('./fixtures/sample/', import.meta.url));
const presets = fileURLToPath(new URL('../src/lib/engine/presets/', import.meta.url));
const expectedDir = join(sample, 'expected');
const data = mkdtempSync(join(tmpdir(), 'kpi-workbook-data-'));
const out = mkdtempSync(join(tmpdir(), 'kpi-workbook-out-'));
writeFileSync(join(data, '售前数据.xlsx'), sampleWorkbook(sample));

const readCsv = (path: string): string[][] =>
  Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd(), { header: false }).data;

describe('npm run score on the sample data as one workbook reproduces the expected exports', () => {
  const files = readdirSync(expectedDir).filter((f) => f.endsWith('.csv'));
  it('has expected files to compare with', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of files) {
    it(file, () => {
      const [, scenarioName, period] = /^(.*)-(\d{4}(?:Q[1-4])?)\.csv$/.exec(file)!;
      const target = join(out, file);
      const res = scoreCommand(['--data', data, '--scenario', join(presets, `${scenarioName}.json`), '--period', period, '--out', target]);
      expect(res.err).toEqual([]);
      expect(res.code).toBe(0);
      expect(res.out.filter((l) => l.startsWith('售前数据.xlsx'))).toHaveLength(6);
      const actual = readCsv(target);
      const expected = readCsv(join(expectedDir, file));
      expect(actual[0]).toEqual(expected[0]);
      expect(actual.length).toBe(expected.length);
      const header = expected[0];
      const mismatches: string[] = [];
      for (let r = 1; r < expected.length; r++) {
        for (let c = 0; c < header.length; c++) {
          const [a, e] = [actual[r][c], expected[r][c]];
          const tolerant = (header[c] === 'total' || header[c].endsWith('_points')) && e !== '' && a !== '';
          if (tolerant ? Math.abs(Number(a) - Number(e)) > 0.01 + 1e-9 : a !== e) mismatches.push(`${expected[r][0]} ${header[c]}: got ${a}, expected ${e}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
