/**
 * The Data page's mapping flow around the dialog: the "Map columns" offer on a file's card, Save
 * & import (the mapping stored, the file imported again), the saved list with delete, and the
 * notice with Edit mapping on a file read through a saved mapping.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import DataPage from '../DataPage.svelte';
import { AppState, type FileImportResult } from '../../lib/state/app.svelte';
import { openStore, type Store } from '../../lib/data/store';
import { listMappings } from '../../lib/data/mappingStore';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { renderWithStates, testStates } from '../../lib/state/states.testkit';

const header = ['商机编号', '负责人', '参与角色', '客户ID', '所属行业', '合同金额', '商机阶段'];
const row = ['OP1', 'PS1', '负责人', 'C1', '金融', '100', '跟进中'];
const unread = (o: Partial<FileImportResult> = {}): FileImportResult => ({
  fileName: '商机.csv', kind: null, rowCount: 1, encoding: 'utf-8', delimiter: ',', issues: [], issueTotal: 0, unknownColumns: [], headerLanguage: 'zh',
  sample: { header, rows: [row], values: row.map((v) => [v]) }, ...o,
});

let app: AppState;
let store: Store;
beforeEach(async () => {
  i18n.lang = 'zh';
  store = await openStore(new IDBFactory());
  app = new AppState();
  app.store = store;
  app.ready = true;
});
afterEach(() => { cleanup(); store.close(); vi.restoreAllMocks(); });

describe('the mapping flow on the Data page', () => {
  it('maps an unread file from its card, saves the mapping and imports the file again', async () => {
    const file = new File(['x'], '商机.csv');
    app.lastFiles = [file];
    app.importResults = [unread()];
    const reimport = vi.spyOn(app, 'importFiles').mockResolvedValue();
    renderWithStates(DataPage, testStates(app));
    expect(screen.queryByTestId('mapping-dialog')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: '字段映射' }));
    expect(screen.getByRole('heading', { name: '字段映射：商机.csv' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '保存并导入' }));
    await waitFor(() => expect(reimport).toHaveBeenCalledWith([file]));
    const saved = await listMappings(store);
    expect(saved.map((m) => [m.kind, m.columns['商机编号'], m.columns['负责人']])).toEqual([['projects', 'project_id', 'staff_id']]);
    await waitFor(() => expect(screen.getAllByTestId('mapping-row')).toHaveLength(1));
    expect(screen.queryByTestId('mapping-dialog')).toBeNull();
  });

  it('maps an unread sheet of a workbook from the card and imports the workbook again', async () => {
    const file = new File(['x'], '导出.xlsx');
    app.lastFiles = [file];
    app.importResults = [unread({ fileName: '导出.xlsx', sheet: '人员', kind: 'staff', sample: undefined, sheetSamples: [{ sheet: '商机', sample: unread().sample! }] })];
    const reimport = vi.spyOn(app, 'importFiles').mockResolvedValue();
    renderWithStates(DataPage, testStates(app));
    expect(screen.queryByRole('button', { name: '字段映射' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: '字段映射：工作表“商机”' }));
    expect(screen.getByRole('heading', { name: '字段映射：导出.xlsx · 商机' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '保存并导入' }));
    await waitFor(() => expect(reimport).toHaveBeenCalledWith([file]));
    expect((await listMappings(store)).map((m) => m.signature)).toEqual([header.join('\u001f')]);
  });

  it('only saves (no import) for a file that was stored, and deletes from the list', async () => {
    app.lastFiles = [new File(['x'], '商机.csv')];
    app.importResults = [unread({ kind: 'projects', batch: { id: 'b', fileName: '商机.csv', kind: 'projects', contentHash: 'h', rowCount: 1, liveRows: 1, importedAt: '2026-03-01T00:00:00Z', encoding: 'utf-8' } })];
    const reimport = vi.spyOn(app, 'importFiles').mockResolvedValue();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithStates(DataPage, testStates(app));
    await fireEvent.click(screen.getByRole('button', { name: '字段映射' }));
    await fireEvent.click(screen.getByRole('button', { name: '保存映射' }));
    await waitFor(() => expect(screen.getAllByTestId('mapping-row')).toHaveLength(1));
    expect(reimport).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('mapping-delete'));
    await waitFor(() => expect(screen.queryAllByTestId('mapping-row')).toHaveLength(0));
    expect(await listMappings(store)).toEqual([]);
  });

  it('says when a file was read through a saved mapping, and opens that mapping to edit', async () => {
    const signature = header.join('\u001f');
    await store.putRecord('mappings', {
      id: signature, signature, kind: 'projects', savedAt: '2026-03-01T00:00:00.000Z', values: { status: { 跟进中: 'open' } },
      columns: { 商机编号: 'project_id', 负责人: 'staff_id', 参与角色: 'role', 客户ID: 'customer_id', 所属行业: 'industry', 合同金额: 'amount', 商机阶段: 'status' },
    });
    app.importResults = [unread({ kind: 'projects', sample: undefined, mappedBy: signature, issues: [{ severity: 'notice', file: '商机.csv', row: 1, column: null, value: null, code: 'mapping_applied', message_zh: '表头与保存的字段映射一致', message_en: 'mapped' }] })];
    renderWithStates(DataPage, testStates(app));
    expect(screen.getByTestId('result-mapping-applied').textContent).toContain('已按保存的字段映射读取，识别为“项目”');
    expect(screen.queryByRole('button', { name: '字段映射' })).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('mapping-row')).toHaveLength(1));
    await fireEvent.click(screen.getByRole('button', { name: '编辑映射' }));
    expect((screen.getByRole('combobox', { name: '“跟进中”对应的代码' }) as HTMLSelectElement).value).toBe('open');
    expect(screen.getByRole('button', { name: '保存映射' })).toBeTruthy();
  });
});
