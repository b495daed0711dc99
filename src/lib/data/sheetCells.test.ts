import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, serialToText, type CellTarget, type SheetCell } from './sheetCells';

const isDate = (f: string) => XLSX.SSF.is_date(f);
const col = (type: CellTarget['type'], percent = false): CellTarget => ({ type, percent });

describe('serialToText', () => {
  it.each([
    [46112, false, false, '2026-03-31'],
    [46112.5604166667, true, false, '2026-03-31 13:27:00'],
    [46112.99999, true, false, '2026-03-31 23:59:59'],
    [25569, false, false, '1970-01-01'],
    [44650, false, true, '2026-03-31'],
  ])('%d (time %s, 1904 %s) → %s', (serial, time, d1904, text) => {
    expect(serialToText(serial, time, d1904)).toBe(text);
  });
});

describe('columnLetter', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('%d → %s', (i, s) => {
    expect(columnLetter(i)).toBe(s);
  });
});

describe('cellText: a cell as the text its CSV export would hold', () => {
  const cases: [string, SheetCell | null, CellTarget, string | object][] = [
    ['empty', null, col('text'), ''],
    ['a date in a date column, any format', { t: 'n', v: 46112, z: 'm/d/yy' }, col('date'), '2026-03-31'],
    ['a date-time in a date column: the day', { t: 'n', v: 46112.75, z: 'yyyy-mm-dd hh:mm' }, col('date'), '2026-03-31'],
    ['a date-time in a date-time column', { t: 'n', v: 46112.75, z: 'yyyy-mm-dd hh:mm' }, col('datetime'), '2026-03-31 18:00:00'],
    ['a date-only cell in a date-time column stays without hour', { t: 'n', v: 46112, z: 'yyyy/m/d' }, col('datetime'), '2026-03-31'],
    ['a Chinese date format', { t: 'n', v: 46112, z: 'yyyy"年"m"月"d"日"' }, col('date'), '2026-03-31'],
    ['a percent cell in a percent column', { t: 'n', v: 0.855, z: '0.0%' }, col('number', true), '85.5%'],
    ['a percent cell elsewhere keeps its value', { t: 'n', v: 0.85, z: '0%' }, col('number'), '0.85'],
    ['a float shown as Excel shows it', { t: 'n', v: 0.1 + 0.2, z: 'General' }, col('number'), '0.3'],
    ['an id formatted with leading zeros', { t: 'n', v: 7, z: '000', w: '007' }, col('text'), '007'],
    ['a General id', { t: 'n', v: 123456789012, z: 'General', w: '1.23457E+11' }, col('text'), '123456789012'],
    ['a boolean', { t: 'b', v: true }, col('boolean'), 'true'],
    ['text', { t: 's', v: '是' }, col('boolean'), '是'],
    ['an error cell', { t: 'e', v: 42, w: '#N/A' }, col('number'), { code: 'xlsx_error_cell', value: '#N/A' }],
    ['a formula without value', { t: 'n', f: 'A1*2' }, col('number'), { code: 'xlsx_formula_no_value', value: '=A1*2' }],
  ];
  it.each(cases)('%s', (_what, cell, target, text) => {
    expect(cellText(cell, target, isDate, false)).toEqual(text);
  });
});
