import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCsvText } from '../data/csvImport';
import { bigStaffCount, bigStaffId, generateProjectsCsv, generateStaffCsv } from './big';

const ROWS = 20_000;
const text = generateProjectsCsv(ROWS, 3);
const rows = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;

describe('generateProjectsCsv', () => {
  it('writes exactly the requested rows under the projects header, deterministically', () => {
    expect(rows[0]).toEqual(['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', 'proposals_made', 'proposals_adopted']);
    expect(rows).toHaveLength(ROWS + 1);
    expect(generateProjectsCsv(ROWS, 3)).toBe(text);
    expect(generateProjectsCsv(ROWS, 4)).not.toBe(text);
    expect(generateProjectsCsv(0)).toBe(text.slice(0, text.indexOf('\n') + 1));
    expect(generateProjectsCsv(7).trimEnd().split('\n')).toHaveLength(8);
  });

  it('looks like the benchmark file: ~88 bytes a row, Chinese text, ~11% of rows with a quoted comma', () => {
    const bytesPerRow = Buffer.byteLength(text) / ROWS;
    expect(bytesPerRow).toBeGreaterThan(82);
    expect(bytesPerRow).toBeLessThan(94);
    const quoted = text.split('\n').filter((l) => /"[^"]*,[^"]*"/.test(l)).length / ROWS;
    expect(quoted).toBeGreaterThan(0.09);
    expect(quoted).toBeLessThan(0.13);
    expect(rows.slice(1).every((r) => /\p{Script=Han}/u.test(r[4]))).toBe(true);
  });

  it('is internally consistent: one lead per project, project columns agree, adopted ≤ made, dates exactly for won/lost', () => {
    const project = new Map<string, string>();
    const bad: string[] = [];
    const staffMax = bigStaffCount(ROWS);
    let leads = 0;
    for (const r of rows.slice(1)) {
      const level = r.slice(3, 9).join('|');
      if ((project.get(r[0]) ?? level) !== level) bad.push(`disagrees: ${r.join(',')}`);
      if (!project.has(r[0]) && r[2] !== 'lead') bad.push(`first row not the lead: ${r.join(',')}`);
      if (r[2] === 'lead') leads++;
      project.set(r[0], level);
      if (Number(r[10]) > Number(r[9])) bad.push(`adopted > made: ${r.join(',')}`);
      if ((r[7] !== '') !== (r[6] === 'won' || r[6] === 'lost')) bad.push(`decided_on vs status: ${r.join(',')}`);
      const n = Number(r[1].slice(2));
      if (!(r[1] === bigStaffId(n - 1) && n >= 1 && n <= staffMax)) bad.push(`staff id: ${r[1]}`);
    }
    expect(bad).toEqual([]);
    expect(leads).toBe(project.size);
    expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set(['won', 'lost', 'open', 'cancelled']));
  });

  it('imports with zero errors and warnings, as do the staff it refers to', () => {
    const p = importCsvText(text, 'projects.csv');
    expect(p.kind).toBe('projects');
    expect(p.rowCount).toBe(ROWS);
    expect(p.issues).toEqual([]);
    const s = importCsvText(generateStaffCsv(bigStaffCount(ROWS), 3), 'staff.csv');
    expect(s.kind).toBe('staff');
    expect(s.rowCount).toBe(bigStaffCount(ROWS));
    expect(s.issues).toEqual([]);
  });

  it.each([[-1], [1.5], [NaN]])('refuses rows = %s', (n) => {
    expect(() => generateProjectsCsv(n)).toThrow(/rows must be a whole number/);
  });
});

describe('generateStaffCsv and bigStaffCount', () => {
  it('writes n staff with ids PS000001… in order', () => {
    const lines = generateStaffCsv(120).trimEnd().split('\n');
    expect(lines).toHaveLength(121);
    expect(lines[0]).toBe('staff_id,name,level,domain,team,manager,salary,hired_on,left_on');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(Array.from({ length: 120 }, (_, i) => bigStaffId(i)));
  });
  it.each([[0, 50], [10_000, 50], [20_000, 100], [1_000_000, 5000]])('bigStaffCount(%i) = %i', (rows, n) => {
    expect(bigStaffCount(rows)).toBe(n);
  });
});
