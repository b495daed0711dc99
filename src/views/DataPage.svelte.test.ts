import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import DataPage from './DataPage.svelte';
import { AppState, type FileImportResult } from '../lib/state/app.svelte';
import type { BatchInfo } from '../lib/data/store';
import type { Issue } from '../lib/data/issues';
import { i18n } from '../lib/i18n/i18n.svelte';
import { KINDS } from '../lib/engine/dataset';
import { templateCsv } from '../lib/data/templates';
import { renderWithStates, testStates } from '../lib/state/states.testkit';

const MARKUP = '<img src=x onerror="window.__pwned=1">';

function issue(i: number, severity: Issue['severity']): Issue {
  return {
    severity, file: 'projects.csv', row: i + 2, column: '金额', value: i === 0 ? MARKUP : `bad${i}`, code: 'not_number',
    message_zh: `金额必须是数字；请修改第 ${i + 2} 行`, message_en: `Amount must be a number; please fix line ${i + 2}`,
  };
}

const outcome = (o: Partial<FileImportResult> & Pick<FileImportResult, 'fileName' | 'kind'>): FileImportResult => ({
  rowCount: 0, encoding: 'utf-8', delimiter: ',', issues: [], issueTotal: 0, unknownColumns: [], headerLanguage: 'en', ...o,
});

const blocked = outcome({
  fileName: 'projects.csv', kind: 'projects', rowCount: 1234, encoding: 'gb18030', delimiter: ';',
  issues: [issue(0, 'error'), ...Array.from({ length: 249 }, (_, i) => issue(i + 1, i % 2 ? 'warning' : 'notice'))],
  issueTotal: 250,
});

const batch = (id: string, fileName: string, kind: BatchInfo['kind'], rowCount: number, liveRows: number): BatchInfo => ({
  id, fileName, kind, contentHash: id.repeat(8), rowCount, liveRows, importedAt: '2026-03-31T09:05:00.000Z', encoding: 'utf-8',
});

let app: AppState;

function renderPage() {
  return renderWithStates(DataPage, testStates(app));
}

beforeEach(() => {
  i18n.lang = 'zh';
  app = new AppState();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

describe('DataPage', () => {
  it('renders the import area, encoding override and a template for every kind, in Chinese', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: '数据管理' })).toBeTruthy();
    expect(screen.getByText('将一个或多个 CSV 文件或 Excel 工作簿拖到这里')).toBeTruthy();
    const select = screen.getByLabelText('文件编码') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['auto', 'utf-8', 'gb18030']);
    expect(screen.getByText('还没有导入任何数据。')).toBeTruthy();
    const templates = screen.getByRole('region', { name: 'CSV 模板' });
    expect(within(templates).getAllByRole('button', { name: /下载模板/ })).toHaveLength(KINDS.length);
    // each kind's columns: English key and Chinese alias side by side
    expect(within(templates).getByText('decided_on')).toBeTruthy();
    expect(within(templates).getByText('结果日期')).toBeTruthy();
  });

  it('shows a blocked file with its validation report: first 200 of 250, markup as text', async () => {
    app.importResults = [blocked];
    const { container } = renderPage();
    const card = screen.getByRole('article', { name: 'projects.csv' });
    expect(within(card).getByRole('alert').textContent).toContain('未导入：文件中有错误，整个文件都没有保存');
    expect(within(card).getByText('项目')).toBeTruthy();
    expect(within(card).getByText('1,234')).toBeTruthy();
    expect(within(card).getByText('GB18030')).toBeTruthy();
    expect(within(card).getByText('分号 ( ; )')).toBeTruthy();
    expect(within(card).getByText('显示前 200 条，共 250 条。')).toBeTruthy();
    // The first rows come with the card, the rest of the 200 once it is painted.
    expect(container.querySelectorAll('table.issues tbody tr')).toHaveLength(30);
    await vi.waitFor(() => expect(container.querySelectorAll('table.issues tbody tr')).toHaveLength(200));
    const rows = container.querySelectorAll('table.issues tbody tr');
    // the error comes first even though warnings and notices follow it
    expect(rows[0].textContent).toContain('错误');
    expect(rows[0].textContent).toContain('金额必须是数字；请修改第 2 行');
    expect(rows[0].querySelector('.cell-value')?.textContent).toBe(MARKUP);
    expect(container.querySelector('img')).toBeNull();
  });

  it('switches the report and labels to English', () => {
    app.importResults = [blocked];
    renderPage();
    i18n.lang = 'en';
    flushSync();
    expect(screen.getByRole('heading', { level: 1, name: 'Data' })).toBeTruthy();
    const card = screen.getByRole('article', { name: 'projects.csv' });
    expect(within(card).getByRole('alert').textContent).toContain('Not imported: the file has errors');
    expect(within(card).getByText('Projects')).toBeTruthy();
    expect(within(card).getByText('Showing the first 200 of 250.')).toBeTruthy();
    expect(within(card).getByText('Amount must be a number; please fix line 2')).toBeTruthy();
    expect(screen.queryByText('数据管理')).toBeNull();
  });

  it('tells imported-with-warnings and refused files apart from blocked ones', () => {
    const ok = batch('b1', 'ratings.csv', 'ratings', 10, 10);
    app.importResults = [
      outcome({ fileName: 'ratings.csv', kind: 'ratings', rowCount: 10, issues: [issue(3, 'warning')], issueTotal: 1, batch: ok }),
      outcome({
        fileName: 'staff.csv', kind: 'staff', rowCount: 5, delimiter: '\t', refused: 'duplicate',
        refusal: { zh: '内容与已导入的批次相同', en: 'same content as an imported batch' },
      }),
    ];
    renderPage();
    const warn = screen.getByRole('article', { name: 'ratings.csv' });
    expect(warn.textContent).toContain('已导入，但有警告');
    expect(within(warn).queryByRole('alert')).toBeNull();
    const refused = screen.getByRole('article', { name: 'staff.csv' });
    expect(within(refused).getByRole('alert').textContent).toBe('未导入：内容与已导入的批次相同');
    // A refused file was not checked: no "no problems found" under "not imported".
    expect(within(refused).queryByText('未发现问题。')).toBeNull();
    expect(within(warn).queryByText('未发现问题。')).toBeNull();
    expect(within(refused).getByText('制表符 (Tab)')).toBeTruthy();
    i18n.lang = 'en';
    flushSync();
    expect(within(refused).getByRole('alert').textContent).toBe('Not imported: same content as an imported batch');
    expect(warn.textContent).toContain('Imported with warnings');
  });

  it('downloads the full report as a CSV blob in the UI language', async () => {
    app.importResults = [blocked];
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('projects-校验报告.csv');
    });
    renderPage();
    await fireEvent.click(screen.getByRole('button', { name: '下载完整报告（CSV）' }));
    expect(click).toHaveBeenCalledOnce();
    const text = await blobs[0].text();
    expect(text.split('\r\n')[0]).toContain('级别');
    // all 250, not just the 200 on screen
    expect(text.trim().split('\r\n')).toHaveLength(251);
  });

  it('downloads a template of the chosen kind', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:t';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderPage();
    await fireEvent.click(screen.getByRole('button', { name: '下载模板 · 支持请求' }));
    expect(names).toEqual(['模板-支持请求.csv']);
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.replace(/^\ufeff/, '')).toBe(templateCsv('requests').replace(/^\ufeff/, ''));
    // exactly one BOM, so Excel shows the Chinese header
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(Array.from(bytes.slice(3, 6))).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  it('lists batches and deletes one only after confirmation', async () => {
    app.batches = [batch('b1', 'staff.csv', 'staff', 60, 60), batch('b2', '项目 2026.csv', 'projects', 12345, 12000)];
    const del = vi.spyOn(app, 'deleteBatch').mockResolvedValue();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderPage();
    const table = screen.getByRole('region', { name: '已导入的批次' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('项目 2026.csv');
    expect(rows[1].querySelectorAll('td')[1].textContent).toBe('项目');
    expect(rows[1].textContent).toContain('12,345');
    expect(rows[1].textContent).toContain('12,000');
    const button = within(table).getByRole('button', { name: '删除批次 项目 2026.csv' });
    await fireEvent.click(button);
    expect(del).not.toHaveBeenCalled();
    await fireEvent.click(button);
    expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining('项目 2026.csv'));
    expect(del).toHaveBeenCalledExactlyOnceWith('b2');
  });

  it('passes picked files and the encoding override to the import, ignoring non-CSV files', async () => {
    const imp = vi.spyOn(app, 'importFiles').mockResolvedValue();
    renderPage();
    await fireEvent.change(screen.getByLabelText('文件编码'), { target: { value: 'gb18030' } });
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const csv = new File(['staff_id\n'], 'staff.csv', { type: 'text/csv' });
    const pdf = new File(['%PDF'], 'manual.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [csv, pdf], configurable: true });
    await fireEvent.change(input);
    expect(imp).toHaveBeenCalledExactlyOnceWith([csv], 'gb18030');
    expect(screen.getByText(/已忽略：manual\.pdf/)).toBeTruthy();
  });

  it('shows progress with row counts and cancels', async () => {
    app.importing = true;
    app.progress = { file: 'projects.csv', rows: 250000, bytes: 25, totalBytes: 100 };
    const cancel = vi.spyOn(app, 'cancelImport');
    renderPage();
    expect(screen.getByText('正在导入：projects.csv')).toBeTruthy();
    expect(screen.getByText('已读取 250,000 行（25%）')).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(25);
    await fireEvent.click(screen.getByRole('button', { name: '取消导入' }));
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('brings the results into view after they are painted, not inside the task that draws them', async () => {
    const scrolled: Element[] = [];
    const had = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    Element.prototype.scrollIntoView = function (this: Element) { scrolled.push(this); };
    try {
      renderPage();
      app.importResults = [blocked];
      flushSync();
      expect(screen.getByRole('article', { name: 'projects.csv' })).toBeTruthy();
      expect(scrolled).toHaveLength(0);
      await vi.waitFor(() => expect(scrolled).toHaveLength(1));
      expect(scrolled[0].querySelector('#results-title')).toBeTruthy();
    } finally {
      if (had) Object.defineProperty(Element.prototype, 'scrollIntoView', had);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('clears all data and loads the demo from the maintenance panel', async () => {
    app.batches = [batch('b1', 'staff.csv', 'staff', 60, 60)];
    const clear = vi.spyOn(app, 'clearAll').mockResolvedValue();
    const demo = vi.spyOn(app, 'loadDemo').mockResolvedValue();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage();
    await fireEvent.click(screen.getByRole('button', { name: '清除全部数据' }));
    expect(window.confirm).toHaveBeenCalledWith(expect.stringContaining('无法撤销'));
    expect(clear).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: '载入演示数据' }));
    expect(demo).toHaveBeenCalledOnce();
  });
});
