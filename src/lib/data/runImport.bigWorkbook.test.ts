/**
 * Workbooks the import refuses whole, dropped after data is stored: a sheet of a million rows
 * (generated here as sheet XML written by hand, 26 MB unpacked, so memory stays sane), a Numbers
 * file the library cannot read, beside a WPS .et file it can. Each refusal names the file (and
 * the sheet) with the limit or the remedy; what was stored before is still there.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { csvToSheet } from '../../../test/workbook/sampleWorkbook';
import { runImport } from './runImport';
import { openStore, type Store } from './store';
import { MAX_SHEET_ROWS, readWorkbook } from './workbook';

let stores: Store[] = [];
afterEach(() => { stores.forEach((s) => s.close()); stores = []; });
const readers = { readWorkbook: (b: Uint8Array, n: string) => readWorkbook(b, n, XLSX) };
const STAFF = 'staff_id,name,level,domain\nPS1,张三,junior,product_expert\nPS2,李四,mid,industry_solution\n';

const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const cell = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
/** A whole activity row: a staff id, a date and a type, no cell references (Excel may omit them). */
const FULL_ROW = `<row>${cell('PS1')}${cell('2026-01-05')}${cell('visit')}</row>`;
/** The shortest row there is (26 bytes): a million of them unpack to 26 MB instead of 100. */
const SHORT_ROW = '<row><c><v>1</v></c></row>';

/** An .xlsx whose one sheet (活动) has an activities header and `rows` copies of `row`, written as XML by hand. */
function activitiesWorkbook(rows: number, row = FULL_ROW): Uint8Array<ArrayBuffer> {
  const parts: string[] = [`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${cell('staff_id')}${cell('date')}${cell('type')}</row>`];
  // Built in blocks: one string of a million rows at once would be needlessly large to join.
  const block = row.repeat(10_000);
  for (let k = 0; k < rows / 10_000; k++) parts.push(block);
  parts.push('</sheetData></worksheet>');
  return zipSync({
    '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="活动" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(parts.join('')),
  }, { level: 1 }) as Uint8Array<ArrayBuffer>;
}

describe('runImport: workbooks refused whole leave the stored data as it was', () => {
  it('a sheet of 1,000,000 rows is refused with the limit and the sheet named; a 10,000-row one is read', { timeout: 180_000 }, async () => {
    const s = await openStore(new IDBFactory());
    stores.push(s);
    await runImport([new File([STAFF], 'staff.csv')], { store: s });
    const before = await s.listBatches();
    const { results } = await runImport([new File([activitiesWorkbook(1_000_000, SHORT_ROW)], '活动-全年.xlsx')], { store: s, ...readers });
    expect(results.map((r) => [r.fileName, r.batch])).toEqual([['活动-全年.xlsx', undefined]]);
    const e = results[0].issues.filter((i) => i.severity === 'error');
    expect(e.map((i) => [i.code, i.file, i.sheet])).toEqual([['xlsx_too_many_rows', '活动-全年.xlsx', '活动']]);
    expect(MAX_SHEET_ROWS).toBe(500_000);
    expect(e[0].message_zh).toContain('工作表“活动”超过 500,000 行');
    expect(e[0].message_en).toContain('save it as CSV');
    expect(await s.listBatches()).toEqual(before);
    expect((await s.loadTable('activities')).staff_id).toEqual([]);

    // The same generator with fewer (whole) rows is read: the refusal is the size, not the file's shape.
    const small = await runImport([new File([activitiesWorkbook(10_000)], '活动-一月.xlsx')], { store: s, ...readers });
    expect(small.results.map((r) => [r.sheet, r.kind, r.rowCount, r.batch?.rowCount])).toEqual([['活动', 'activities', 10_000, 10_000]]);
  });

  it('a Numbers file the library cannot read is refused naming the file; a WPS .et beside it is read; nothing stored is lost', async () => {
    const s = await openStore(new IDBFactory());
    stores.push(s);
    await runImport([new File([STAFF], 'staff.csv')], { store: s });
    const numbers = zipSync({ 'Index/Document.iwa': new Uint8Array([0, 5, 0, 0, 1, 2, 3, 4, 5]), 'Metadata/Properties.plist': strToU8('<plist/>') }) as Uint8Array<ArrayBuffer>;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, csvToSheet('staff_id,date,type,count\nPS1,2026-01-05,visit,2\n', { chinese: true }), '活动');
    const et = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    const { results } = await runImport([new File([numbers], '人员.numbers'), new File([et], '活动.et')], { store: s, ...readers });
    expect(results.map((r) => [r.fileName, r.kind, !!r.batch])).toEqual([['人员.numbers', null, false], ['活动.et', 'activities', true]]);
    const [refusal] = results[0].issues;
    expect([refusal.severity, refusal.file]).toEqual(['error', '人员.numbers']);
    expect(['xlsx_unsupported', 'xlsx_corrupt']).toContain(refusal.code);
    expect(refusal.message_zh).toContain('另存为“Excel 工作簿（*.xlsx）”');
    expect((await s.listBatches()).map((b) => b.fileName)).toEqual(['staff.csv', '活动.et · 活动']);
    expect((await s.loadTable('staff')).name).toEqual(['张三', '李四']);
  });
});
