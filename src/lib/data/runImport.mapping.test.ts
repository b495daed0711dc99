/**
 * Saved column mappings in the app's import: a file the import cannot read keeps a sample for
 * the mapping dialog; once its mapping is saved, the same header is read through it (CSV and
 * workbook sheet), with a notice, and stores what the canonical file stores.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { CRM_HEADER, crmRows } from '../../../test/mapping/crmExport';
import type { ColumnMapping } from './mapping';
import { proposeMapping, toMapping } from './mappingProposal';
import { saveMapping } from './mappingStore';
import { runImport } from './runImport';
import { openStore, type Store } from './store';
import { plain } from './storeTestTables';
import { readWorkbook } from './workbook';

let stores: Store[] = [];
afterEach(() => { stores.forEach((s) => s.close()); stores = []; });
const store = async () => { const s = await openStore(new IDBFactory()); stores.push(s); return s; };
const readers = { readWorkbook: (b: Uint8Array, n: string, mappings: readonly ColumnMapping[]) => readWorkbook(b, n, XLSX, { mappings }) };

const projectsCsv = readFileSync(fileURLToPath(new URL('../../../test/fixtures/sample/projects.csv', import.meta.url)), 'utf8');
const crmCsv = Papa.unparse(crmRows(projectsCsv));
const crmFile = (name = '商机导出.csv') => new File([crmCsv], name);

/** Saves the proposal for the CRM file, with the one status the proposal leaves open set by hand. */
async function mapCrm(s: Store): Promise<void> {
  const { results } = await runImport([crmFile('first.csv')], { store: s });
  const sample = results[0].sample!;
  const p = proposeMapping(sample);
  const values = p.values.map((v) => (v.value === '赢单(已签约)' || v.value === '关闭' ? { ...v, code: v.value === '关闭' ? 'cancelled' : 'won' } : v));
  await saveMapping(s, toMapping(sample.header, p.kind, p.columns, values));
}

describe('runImport with saved column mappings', () => {
  it('keeps a sample of a file it cannot read, and stores nothing of it', async () => {
    const s = await store();
    const { results } = await runImport([crmFile()], { store: s });
    expect(results[0].kind).toBeNull();
    expect(results[0].issues.map((i) => i.code)).toContain('unknown_kind');
    const sample = results[0].sample!;
    expect(sample.header).toEqual(CRM_HEADER);
    expect(sample.rows).toHaveLength(8);
    expect(sample.rows[0].slice(0, 2)).toEqual(['P2025000', 'PS1016']);
    expect(sample.values[6].sort()).toEqual(['丢失', '关闭', '跟进', '赢单(已签约)'].sort());
    expect(sample.values[0]).toHaveLength(60);
    expect(await s.listBatches()).toEqual([]);
  });

  it('proposes the projects kind and every column of the CRM export', async () => {
    const s = await store();
    const { results } = await runImport([crmFile()], { store: s });
    const p = proposeMapping(results[0].sample!);
    expect(p.kind).toBe('projects');
    expect(Object.values(p.columns)).toEqual(['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', 'proposals_made', 'proposals_adopted', null]);
    expect(p.values.filter((v) => v.code === null).map((v) => v.value).sort()).toEqual(['关闭', '赢单(已签约)'].sort());
  });

  it('reads the same header through the saved mapping next time: a notice, and the canonical file\'s rows', async () => {
    const s = await store();
    await mapCrm(s);
    const { results } = await runImport([crmFile()], { store: s });
    expect(results[0].kind).toBe('projects');
    expect(results[0].batch?.rowCount).toBe(1162);
    expect(results[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(results[0].issues[0].code).toBe('mapping_applied');
    expect(results[0].issues[0].message_zh).toContain('字段映射');
    expect(results[0].mappedBy).toBe(CRM_HEADER.join('\u001f'));
    const canonical = await store();
    await runImport([new File([projectsCsv], 'projects.csv')], { store: canonical });
    expect(plain((await s.loadDataset()).projects)).toEqual(plain((await canonical.loadDataset()).projects));
  });

  it('applies it to a workbook sheet with that header', async () => {
    const s = await store();
    await mapCrm(s);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(crmRows(projectsCsv)), '商机');
    const file = new File([new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)], '商机.xlsx');
    const { results } = await runImport([file], { store: s, ...readers });
    expect(results.map((r) => [r.sheet, r.kind, r.batch?.rowCount, r.mappedBy])).toEqual([['商机', 'projects', 1162, CRM_HEADER.join('\u001f')]]);
    expect(results[0].issues[0].code).toBe('mapping_applied');
  });

  it('names a mapped column in the report as the file writes it', async () => {
    const s = await store();
    await mapCrm(s);
    const bad = Papa.unparse(crmRows(projectsCsv).map((r, i) => (i === 1 ? [...r.slice(0, 5), '很多', ...r.slice(6)] : r)));
    const { results } = await runImport([new File([bad], '商机-错.csv')], { store: s });
    const err = results[0].issues.find((i) => i.severity === 'error')!;
    expect([err.row, err.column, err.value]).toEqual([2, '合同金额', '很多']);
  });

  it('leaves a file with another header to the usual reader', async () => {
    const s = await store();
    await mapCrm(s);
    const { results } = await runImport([new File([projectsCsv], 'projects.csv')], { store: s });
    expect(results[0].kind).toBe('projects');
    expect(results[0].issues.map((i) => i.code)).not.toContain('mapping_applied');
  });
});

describe('a workbook with a sheet the import cannot read', () => {
  const book = (sheets: Record<string, string[][]>) => {
    const wb = XLSX.utils.book_new();
    for (const [n, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), n);
    return new File([new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)], '导出.xlsx');
  };
  const staff = [['工号', '姓名', '职级', '方向'], ['PS1016', '甲', '中级', '产品专家']];
  const notes = [['说明：本工作簿由 CRM 导出'], ['第二行说明']];

  it('keeps a sample of each unread data sheet on the first result (not of a notes sheet), the read sheets stored', async () => {
    const s = await store();
    const { results } = await runImport([book({ 说明: notes, 人员: staff, 商机: crmRows(projectsCsv).slice(0, 30) })], { store: s, ...readers });
    expect(results.map((r) => [r.sheet, r.kind])).toEqual([['人员', 'staff']]);
    expect(results[0].sheetSamples?.map((x) => [x.sheet, x.sample.header])).toEqual([['商机', CRM_HEADER]]);
  });

  it('lists every unread data sheet when no sheet is read, and none as the card\'s own sample', async () => {
    const s = await store();
    const { results } = await runImport([book({ 说明: notes, 商机: crmRows(projectsCsv).slice(0, 30), 商机2: crmRows(projectsCsv).slice(0, 5) })], { store: s, ...readers });
    expect(results).toHaveLength(1);
    expect(results[0].kind).toBeNull();
    expect(results[0].sample).toBeUndefined();
    expect(results[0].sheetSamples?.map((x) => x.sheet)).toEqual(['商机', '商机2']);
  });
});
