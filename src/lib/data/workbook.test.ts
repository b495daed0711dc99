import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvToSheet, sampleWorkbook } from '../../../test/workbook/sampleWorkbook';
import { importCsvBytes } from './csvImport';
import { readWorkbook } from './workbook';

const sample = fileURLToPath(new URL('../../../test/fixtures/sample/', import.meta.url));
const bookOf = (sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx') => {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, n);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
};

describe('readWorkbook: the sample data set as a workbook', () => {
  const results = readWorkbook(sampleWorkbook(sample), '样例.xlsx', XLSX);
  it('reads one result per data sheet, and lists the notes sheet as skipped', () => {
    expect(results.map((r) => [r.sheet, r.kind])).toEqual([
      ['人员', 'staff'], ['项目', 'projects'], ['支持请求', 'requests'], ['内部评审', 'reviews'], ['评分', 'ratings'], ['活动', 'activities'],
    ]);
    expect(results[0].issues.find((i) => i.code === 'xlsx_sheets_skipped')?.message_zh).toContain('“说明”');
  });
  for (const kind of ['staff', 'projects', 'requests', 'reviews', 'ratings', 'activities']) {
    it(`${kind}: the same columns as the CSV file gives`, () => {
      const csv = importCsvBytes(readFileSync(join(sample, `${kind}.csv`)), `${kind}.csv`);
      const r = results.find((x) => x.kind === kind)!;
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.table).not.toBeNull();
      const norm = (t: object) => JSON.parse(JSON.stringify(t, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? 'NaN' : x)) : v)));
      expect(norm(r.table!)).toEqual(norm(csv.table!));
    });
  }
});

describe('readWorkbook: bad workbooks get a message naming file, sheet and cell', () => {
  const staffCsv = 'staff_id,name,level,domain\nPS1,张三,junior,product_expert\nPS2,李四,mid,industry_solution\n';
  const errorsOf = (rs: ReturnType<typeof readWorkbook>) => rs.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));

  it('0 bytes: an empty-file message', () => {
    const [r] = readWorkbook(new Uint8Array(0), '空.xlsx', XLSX);
    expect(r.issues.map((i) => i.code)).toEqual(['xlsx_empty_file']);
    expect(r.table).toBeNull();
  });
  it('a corrupt zip (cut in half): damaged, save again', () => {
    const bytes = bookOf({ 人员: csvToSheet(staffCsv) });
    const [r] = readWorkbook(bytes.subarray(0, bytes.length >> 1), '坏.xlsx', XLSX);
    expect(r.issues[0].code).toBe('xlsx_corrupt');
    expect(r.issues[0].message_zh).toContain('损坏');
  });
  it('a password-protected workbook (an OLE2 file with an encrypted package)', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const [r] = readWorkbook(bytes, '加密.xlsx', XLSX);
    expect(r.issues[0].code).toBe('xlsx_encrypted');
    expect(r.issues[0].message_en).toContain('password');
  });
  it('a file named .numbers that is not a zip or OLE2 file', () => {
    const [r] = readWorkbook(new TextEncoder().encode('not a workbook at all'), '表格.numbers', XLSX);
    expect(r.issues[0].code).toBe('xlsx_unsupported');
    expect(r.issues[0].message_zh).toContain('.numbers');
  });
  it('an .xls from Excel 97 (BIFF8) is read like an .xlsx', () => {
    const rs = readWorkbook(bookOf({ 人员: csvToSheet(staffCsv, { chinese: true }) }, 'biff8'), '人员.xls', XLSX);
    expect(rs.map((r) => [r.sheet, r.kind, r.rowCount])).toEqual([['人员', 'staff', 2]]);
    expect(errorsOf(rs)).toEqual([]);
  });
  it('a header on row 3 below a merged title: read, with a notice; issues keep Excel row numbers', () => {
    const ws = csvToSheet('staff_id,name,level,domain\nPS1,张三,junior,product_expert\nPS2,,mid,industry_solution\n', { chinese: true, titleRows: ['2026年售前人员名单', '导出时间：2026-04-01'] });
    ws['!merges'] = [XLSX.utils.decode_range('A1:D1')];
    const [r] = readWorkbook(bookOf({ 名单: ws }), '名单.xlsx', XLSX);
    expect(r.kind).toBe('staff');
    expect(r.issues.find((i) => i.code === 'xlsx_header_below_title')?.row).toBe(3);
    const req = r.issues.find((i) => i.code === 'required')!;
    expect([req.file, req.sheet, req.row, req.column]).toEqual(['名单.xlsx', '名单', 5, 'B 姓名']);
  });
  it('merged header cells are refused with the merged range', () => {
    const ws = csvToSheet(staffCsv, { chinese: true });
    ws['!merges'] = [XLSX.utils.decode_range('C1:D1')];
    const [r] = readWorkbook(bookOf({ 人员: ws }), 'm.xlsx', XLSX);
    expect(r.issues[0].code).toBe('xlsx_merged_header');
    expect(r.issues[0].message_zh).toContain('C1:D1');
    expect(r.table).toBeNull();
  });
  it('error cells (#N/A, #DIV/0!) and a formula without a saved value: one error each, at the cell', () => {
    const ws = csvToSheet('project_id,staff_id,role,customer_id,industry,amount,status,decided_on\nP1,PS1,lead,C1,金融,100,won,2026-03-01\nP2,PS1,lead,C2,金融,200,open,\nP3,PS1,lead,C3,金融,300,open,\n');
    ws.F2 = { t: 'e', v: 0x2a, w: '#N/A' };
    ws.F3 = { t: 'e', v: 0x07, w: '#DIV/0!' };
    ws.D4 = { t: 'n', f: 'C3&"x"' } as XLSX.CellObject;
    const [r] = readWorkbook(bookOf({ 项目: ws }), 'p.xlsx', XLSX);
    const errs = r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.sheet, i.row, i.column, i.value]);
    expect(errs).toEqual([
      ['xlsx_error_cell', '项目', 2, 'F amount', '#N/A'],
      ['xlsx_error_cell', '项目', 3, 'F amount', '#DIV/0!'],
      ['xlsx_formula_no_value', '项目', 4, 'D customer_id', '=C3&"x"'],
    ]);
    expect(r.issues.find((i) => i.code === 'xlsx_error_cell')!.message_zh).toContain('F2');
    expect(r.table).toBeNull();
  });
  it('a date column stored as text in three formats: two read, the third reported at its cell', () => {
    const ws = csvToSheet('staff_id,date,type\nPS1,2026-01-01,visit\nPS1,2026-01-01,visit\nPS1,2026-01-01,visit\n');
    ws.B2 = { t: 's', v: '2026/3/5' };
    ws.B3 = { t: 's', v: '2026年3月6日' };
    ws.B4 = { t: 's', v: '07.03.2026' };
    const [r] = readWorkbook(bookOf({ 活动: ws }), 'a.xlsx', XLSX);
    const errs = r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.column, i.value]);
    expect(errs).toEqual([['not_date', 4, 'B date', '07.03.2026']]);
  });
  it('ids with leading zeros: a number cell formatted 000000 keeps them; booleans as TRUE or 是', () => {
    const ws = csvToSheet('staff_id,name,level,domain\nPS1,张三,junior,product_expert\n');
    ws.A2 = { t: 'n', v: 123, z: '000000', w: '000123' };
    const [r] = readWorkbook(bookOf({ 人员: ws }), 's.xlsx', XLSX);
    expect((r.table as { staff_id: string[] }).staff_id).toEqual(['000123']);
  });
  it('a sheet 16,384 columns wide is refused naming the sheet', () => {
    const row = Array.from({ length: 16384 }, (_, i) => (i < 4 ? ['工号', '姓名', '职级', '方向'][i] : `列${i}`));
    const [r] = readWorkbook(bookOf({ 宽表: XLSX.utils.aoa_to_sheet([row, ['PS1', '张三', '初级', '产品专家']]) }), 'w.xlsx', XLSX);
    expect(r.issues[0].code).toBe('xlsx_too_many_columns');
    expect(r.issues[0].message_zh).toContain('宽表');
  });
  it('a 40,000-character cell (over the limit of Excel, written by another program) is read; an issue quotes it shortened', () => {
    const ws = csvToSheet(staffCsv);
    ws.C2 = { t: 's', v: 'LONGCELL' };
    // Excel (and the library's writer) stop at 32,767 characters: the cell is made longer in the XML.
    const files = unzipSync(bookOf({ 人员: ws }));
    const sheet = 'xl/worksheets/sheet1.xml';
    files[sheet] = strToU8(strFromU8(files[sheet]).replace('LONGCELL', '长'.repeat(40_000)));
    const [r] = readWorkbook(zipSync(files), 'l.xlsx', XLSX);
    const e = r.issues.find((i) => i.code === 'not_enum')!;
    expect([e.row, e.column, e.value!.length]).toEqual([2, 'C level', 60]);
  });
  it('a workbook with no data sheet names its sheets', () => {
    const [r] = readWorkbook(bookOf({ 说明: XLSX.utils.aoa_to_sheet([['仅说明']]), 透视表: XLSX.utils.aoa_to_sheet([['行标签', '求和项:金额']]) }), 'n.xlsx', XLSX);
    expect(r.issues[0].code).toBe('xlsx_no_sheet');
    expect(r.issues[0].message_zh).toContain('“透视表”');
    expect(r.table).toBeNull();
    // One result for the workbook, not for its first sheet: the card is named by the file.
    expect(r.sheet).toBeUndefined();
    expect(r.issues.find((i) => i.code === 'unknown_kind')?.sheet).toBe('说明');
  });
});
