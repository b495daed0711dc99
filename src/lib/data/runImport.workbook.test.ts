import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { csvToSheet } from '../../../test/workbook/sampleWorkbook';
import { runImport } from './runImport';
import { openStore, type Store } from './store';
import { readWorkbook } from './workbook';

let stores: Store[] = [];
afterEach(() => { stores.forEach((s) => s.close()); stores = []; });
const store = async () => { const s = await openStore(new IDBFactory()); stores.push(s); return s; };
const readers = { readWorkbook: (b: Uint8Array, n: string) => readWorkbook(b, n, XLSX) };

const STAFF = 'staff_id,name,level,domain\nPS1,张三,junior,product_expert\nPS2,李四,mid,industry_solution\n';
const ACTIVITIES = 'staff_id,date,type,count\nPS1,2026-01-05,visit,2\nPS2,2026-01-06,training,\n';
function workbookFile(name: string, sheets: Record<string, XLSX.WorkSheet>): File {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, n);
  return new File([new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)], name);
}

describe('runImport with a workbook', () => {
  it('stores each data sheet as its own batch in one drop, beside a CSV file; the notes sheet is listed as skipped', async () => {
    const s = await store();
    const book = workbookFile('数据.xlsx', { 说明: XLSX.utils.aoa_to_sheet([['说明文字']]), 人员: csvToSheet(STAFF, { chinese: true }), 活动: csvToSheet(ACTIVITIES) });
    const csv = new File(['project_id,staff_id,role,customer_id,industry,amount,status\nP1,PS1,lead,C1,金融,100,open\n'], 'p.csv');
    const { results } = await runImport([book, csv], { store: s, ...readers });
    expect(results.map((r) => [r.fileName, r.sheet, r.kind, r.rowCount, r.batch?.fileName])).toEqual([
      ['数据.xlsx', '人员', 'staff', 2, '数据.xlsx · 人员'],
      ['数据.xlsx', '活动', 'activities', 2, '数据.xlsx · 活动'],
      ['p.csv', undefined, 'projects', 1, 'p.csv'],
    ]);
    expect(results[0].issues.map((i) => i.code)).toEqual(['xlsx_sheets_skipped']);
    expect((await s.listBatches()).map((b) => b.fileName)).toEqual(['数据.xlsx · 人员', '数据.xlsx · 活动', 'p.csv']);
  });
  it('reports progress for a workbook before its read starts (the page shows its progress bar meanwhile)', async () => {
    const s = await store();
    const progress: string[] = [];
    let seenAtRead: string[] = [];
    const book = workbookFile('数据.xlsx', { 人员: csvToSheet(STAFF) });
    await runImport([new File(['staff_id,name,level,domain\nPS9,王五,mid,consulting\n'], 'a.csv'), book], {
      store: s, onProgress: (p) => progress.push(`${p.phase} ${p.file}`),
      readWorkbook: (b, n) => { seenAtRead = [...progress]; return readWorkbook(b, n, XLSX); },
    });
    expect(seenAtRead.at(-1)).toBe('read 数据.xlsx');
  });
  it('the same workbook dropped again is refused sheet by sheet; nothing stored changes', async () => {
    const s = await store();
    const make = () => workbookFile('数据.xlsx', { 人员: csvToSheet(STAFF, { chinese: true }), 活动: csvToSheet(ACTIVITIES) });
    const bytes = new Uint8Array(await make().arrayBuffer());
    await runImport([new File([bytes], '数据.xlsx')], { store: s, ...readers });
    const again = await runImport([new File([bytes], '数据-副本.xlsx')], { store: s, ...readers });
    expect(again.results.map((r) => r.refused)).toEqual(['duplicate', 'duplicate']);
    expect((await s.listBatches()).length).toBe(2);
  });
  it('a sheet with an error stores nothing of that sheet; the other sheets are stored', async () => {
    const s = await store();
    const bad = csvToSheet(ACTIVITIES);
    bad.B2 = { t: 'e', v: 0x2a, w: '#N/A' };
    const { results } = await runImport([workbookFile('x.xlsx', { 人员: csvToSheet(STAFF), 活动: bad })], { store: s, ...readers });
    expect(results.map((r) => [r.sheet, !!r.batch])).toEqual([['人员', true], ['活动', false]]);
    expect(results[1].issues[0]).toMatchObject({ code: 'xlsx_error_cell', file: 'x.xlsx', sheet: '活动', row: 2, column: 'B date', value: '#N/A' });
  });
  it('without the workbook reader (the CSV worker), a workbook gets the rename-or-save-as message', async () => {
    const s = await store();
    const { results } = await runImport([workbookFile('x.xlsx.csv', { 人员: csvToSheet(STAFF) })], { store: s });
    expect(results[0].issues.map((i) => i.code)).toEqual(['file_xlsx']);
  });
});

describe('runImport tells a file by its bytes, not its name', () => {
  it('a workbook renamed .csv is read as the workbook it is', async () => {
    const s = await store();
    const book = workbookFile('人员.csv', { 人员: csvToSheet(STAFF, { chinese: true }) });
    const { results } = await runImport([book], { store: s, ...readers });
    expect(results.map((r) => [r.fileName, r.sheet, r.kind, r.rowCount, r.batch?.fileName])).toEqual([['人员.csv', '人员', 'staff', 2, '人员.csv · 人员']]);
  });
  it('a CSV file renamed .xlsx is read as CSV, with a notice saying so', async () => {
    const s = await store();
    const { results } = await runImport([new File([STAFF], '人员.xlsx')], { store: s, ...readers });
    expect(results.map((r) => [r.kind, r.rowCount, r.batch?.fileName])).toEqual([['staff', 2, '人员.xlsx']]);
    expect(results[0].issues.map((i) => [i.severity, i.code])).toEqual([['notice', 'file_text_named_workbook']]);
    expect(results[0].issues[0].message_zh).toContain('已按 CSV 文件读取');
    expect(results[0].issues[0].message_en).toContain('.xlsx');
  });
  it('a GB18030 CSV file renamed .xls is read as CSV too', async () => {
    const s = await store();
    const gbk = new Uint8Array([...strToU8('staff_id,name,level,domain\nPS1,'), 0xd5, 0xc5, 0xc8, 0xfd, ...strToU8(',junior,product_expert\n')]);
    const { results } = await runImport([new File([gbk], '人员.xls')], { store: s, ...readers });
    expect([results[0].kind, results[0].encoding, results[0].issues.map((i) => i.code)]).toEqual(['staff', 'gb18030', ['file_text_named_workbook']]);
    expect((await s.loadTable('staff')).name).toEqual(['张三']);
  });
  it('a plain zip renamed .csv is a ZIP archive, not a workbook; nothing is stored', async () => {
    const s = await store();
    const zip = zipSync({ 'staff.csv': strToU8(STAFF) });
    const { results } = await runImport([new File([zip], 'staff.csv')], { store: s, ...readers });
    expect(results.map((r) => [r.kind, r.batch, r.issues.map((i) => i.code)])).toEqual([[null, undefined, ['file_zip']]]);
    expect(results[0].issues[0].message_zh).toContain('ZIP 压缩包');
    expect(await s.listBatches()).toEqual([]);
  });
  it('binary bytes named .xlsx (neither zip, OLE2 nor text) get the workbook reader\'s unsupported-format message', async () => {
    const s = await store();
    const { results } = await runImport([new File([new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0])], '表.xlsx')], { store: s, ...readers });
    expect(results[0].issues.map((i) => i.code)).toEqual(['xlsx_unsupported']);
  });
});

