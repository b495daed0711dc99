/**
 * Conformance: the headless command reproduces every results export the spec gives for
 * the sample data set (test/fixtures/sample/expected, a copy of the contract's). Totals and points ±0.01,
 * every other cell exact.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../scripts/scoreCommand';

const sample = fileURLToPath(new URL('./fixtures/sample/', import.meta.url));
const presets = fileURLToPath(new URL('../src/lib/engine/presets/', import.meta.url));
const expectedDir = join(sample, 'expected');
const out = mkdtempSync(join(tmpdir(), 'kpi-conformance-'));

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
}

const isTolerant = (col: string) => col === 'total' || col.endsWith('_points');

describe('npm run score reproduces the expected exports', () => {
  const files = readdirSync(expectedDir).filter((f) => f.endsWith('.csv'));
  it('has expected files to compare with', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of files) {
    it(file, () => {
      const m = /^(.*)-(\d{4}(?:Q[1-4])?)\.csv$/.exec(file)!;
      const [, scenarioName, period] = m;
      const target = join(out, file);
      const res = scoreCommand(['--data', sample, '--scenario', join(presets, `${scenarioName}.json`), '--period', period, '--out', target]);
      expect(res.err).toEqual([]);
      expect(res.code).toBe(0);
      const raw = readFileSync(target, 'utf8');
      expect(raw.startsWith('\uFEFF')).toBe(true);
      const actual = readCsv(target);
      const expected = readCsv(join(expectedDir, file));
      expect(actual[0]).toEqual(expected[0]);
      expect(actual.length).toBe(expected.length);
      const header = expected[0];
      const mismatches: string[] = [];
      for (let r = 1; r < expected.length; r++) {
        for (let c = 0; c < header.length; c++) {
          const a = actual[r][c];
          const e = expected[r][c];
          const ok = isTolerant(header[c]) && e !== '' && a !== ''
            ? Math.abs(Number(a) - Number(e)) <= 0.01 + 1e-9
            : a === e;
          if (!ok) mismatches.push(`${expected[r][0]} ${header[c]}: got ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
