import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dayNumber, type HolidaysTable, type MetricsTable } from '../engine/dataset';
import { mergeTables, readCsvFolder } from './readFolder';
import { importCsvText } from './csvImport';

const SAMPLE = new URL('../../../test/fixtures/sample/', import.meta.url);
let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = ''; });

/** '工号,姓名,职级,方向' + a row, in GB18030 from the code table. */
const GBK_STAFF = new Uint8Array([
  0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd6, 0xb0, 0xbc, 0xb6, 0x2c, 0xb7, 0xbd, 0xcf, 0xf2, 0x0d, 0x0a,
  ...new TextEncoder().encode('PS9,'), 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, ...new TextEncoder().encode('junior,consulting\r\n'),
]);

describe('readCsvFolder', () => {
  it('imports the sample folder with no error and no cross-file warning', () => {
    const { results, dataset, issues } = readCsvFolder(fileURLToPath(SAMPLE));
    expect(results.map((r) => r.kind).sort()).toEqual(['activities', 'projects', 'ratings', 'requests', 'reviews', 'staff']);
    expect(issues).toEqual([]);
    expect(results.flatMap((r) => r.issues)).toEqual([]);
    expect([dataset.staff.length, dataset.projects.length, dataset.activities.length, dataset.metrics.length]).toEqual([24, 1162, 4444, 0]);
  });

  it('reads any name, case and encoding, upserts keyed kinds and concatenates the rest', () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-folder-'));
    writeFileSync(join(dir, 'A-人员.CSV'), 'staff_id,name,level,domain\nPS1,张三,junior,consulting\nPS2,李四,mid,consulting\n');
    writeFileSync(join(dir, 'b.csv'), GBK_STAFF);
    writeFileSync(join(dir, 'c.csv'), '工号,姓名,职级,方向\nPS1,张三丰,资深,产品专家\n');
    writeFileSync(join(dir, 'd.csv'), 'staff_id,date,type\nPS1,2026-01-05,visit\nPS404,2026-01-06,visit\n');
    writeFileSync(join(dir, 'e.csv'), '工号,日期,类型\nPS2,2026-01-07,培训\n');
    writeFileSync(join(dir, 'f.csv'), 'project_id,staff_id\nP1,PS1\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a csv');
    const { results, dataset, issues } = readCsvFolder(dir);
    expect(results.map((r) => r.fileName)).toEqual(['A-人员.CSV', 'b.csv', 'c.csv', 'd.csv', 'e.csv', 'f.csv']);
    expect(results[1].encoding).toBe('gb18030');
    expect(dataset.staff.staff_id).toEqual(['PS1', 'PS2', 'PS9']);
    expect(dataset.staff.name).toEqual(['张三丰', '李四', '张三']);
    expect([...dataset.staff.level]).toEqual([2, 1, 0]);
    expect(dataset.activities.staff_id).toEqual(['PS1', 'PS404', 'PS2']);
    expect(dataset.activities.type).toEqual(['visit', 'visit', 'training']);
    expect([...dataset.activities.date]).toEqual([dayNumber(2026, 1, 5), dayNumber(2026, 1, 6), dayNumber(2026, 1, 7)]);
    expect(dataset.projects.length).toBe(0);
    expect(results[5].issues.map((i) => [i.code, i.column])).toEqual(
      ['role', 'customer_id', 'industry', 'amount', 'status'].map((c) => ['missing_column', c]));
    expect(issues.map((i) => [i.code, i.file, i.value, i.row])).toEqual([['unknown_staff', 'd.csv', 'PS404', 3]]);
  });

  it('a CSV file renamed .xlsx is read as CSV with a notice, as in the app', () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-folder-'));
    writeFileSync(join(dir, '人员.xlsx'), GBK_STAFF);
    const { results, dataset } = readCsvFolder(dir);
    expect(results.map((r) => [r.fileName, r.kind, r.encoding, r.issues.map((i) => [i.severity, i.code])])).toEqual([
      ['人员.xlsx', 'staff', 'gb18030', [['notice', 'file_text_named_workbook']]],
    ]);
    expect(dataset.staff.name).toEqual(['张三']);
  });
});

describe('mergeTables', () => {
  it('unions metric columns and lets a later file win per staff and period', () => {
    const a = importCsvText('staff_id,period,win_rate\nPS1,2026Q1,50\nPS2,2026Q1,60\n', 'a.csv').table as MetricsTable;
    const b = importCsvText('staff_id,period,visits\nPS1,2026Q1,7\n', 'b.csv').table as MetricsTable;
    const m = mergeTables('metrics', [a, b]);
    expect([m.length, m.staff_id, m.period]).toEqual([2, ['PS1', 'PS2'], ['2026Q1', '2026Q1']]);
    expect([...m.values.win_rate]).toEqual([NaN, 60]);
    expect([...m.values.visits]).toEqual([7, NaN]);
  });
  it('keys holidays by date and returns an empty table for no input', () => {
    const a = importCsvText('date,kind\n2026-01-01,holiday\n', 'a.csv').table as HolidaysTable;
    const b = importCsvText('日期,类型\n2026/1/1,调休上班\n2026/1/4,调休\n', 'b.csv').table as HolidaysTable;
    const m = mergeTables('holidays', [a, b]);
    expect([...m.kind]).toEqual([1, 1]);
    expect(mergeTables('holidays', []).length).toBe(0);
    expect(a.kind[0]).toBe(0);
  });
});
