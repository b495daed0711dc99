import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dropHasWorkbook, workbookOrText } from './workbookFiles';

const xlsx = () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['staff_id']]), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
};
const xls = () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['staff_id']]), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
};

describe('dropHasWorkbook (which import worker the page starts)', () => {
  it.each([
    ['CSV files only', [new File(['a,b\n1,2\n'], 'a.csv'), new File([''], 'empty.csv')], false],
    ['a file named .xlsx, whatever it holds', [new File(['a,b\n'], 'a.csv'), new File(['a,b\n'], 'b.xlsx')], true],
    ['an .et file (WPS)', [new File([new Uint8Array(0)], '表.et')], true],
    ['an .xlsx renamed .csv (zip bytes)', [new File(['a,b\n'], 'a.csv'), new File([xlsx()], 'b.csv')], true],
    ['an .xls renamed .csv (OLE2 bytes)', [new File([xls()], 'b.csv')], true],
    ['a plain zip renamed .csv (the workbook reader names it a ZIP archive)', [new File([zipSync({ 'a.csv': strToU8('a') })], 'b.csv')], true],
  ] as const)('%s', async (_, files, expected) => {
    expect(await dropHasWorkbook(files)).toBe(expected);
  });
});

describe('workbookOrText (how a file is read: by its bytes, then its name)', () => {
  const text = (t: string) => new TextEncoder().encode(t);
  it.each([
    ['an .xlsx', 'a.xlsx', xlsx(), 'workbook'],
    ['an .xlsx renamed .csv', 'a.csv', xlsx(), 'workbook'],
    ['an .xls renamed .txt.csv', 'a.txt.csv', xls(), 'workbook'],
    ['a CSV file', 'a.csv', text('a,b\n'), 'text'],
    ['a CSV file renamed .xlsx', 'a.xlsx', text('staff_id,name\n'), 'text-named-workbook'],
    ['UTF-16 text renamed .xls (NUL bytes, but a byte-order mark)', 'a.xls', new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0]), 'text-named-workbook'],
    ['a 0-byte .xlsx (the workbook reader says "0 bytes")', 'a.xlsx', new Uint8Array(0), 'workbook'],
    ['binary bytes named .et', 'a.et', new Uint8Array([1, 0, 2, 0]), 'workbook'],
  ] as const)('%s', (_, name, head, expected) => {
    expect(workbookOrText(name, head)).toBe(expected);
  });
});
