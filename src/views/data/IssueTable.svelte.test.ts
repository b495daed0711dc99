import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { strFromU8, unzipSync } from 'fflate';
import IssueTable from './IssueTable.svelte';
import type { Issue } from '../../lib/data/issues';
import { i18n } from '../../lib/i18n/i18n.svelte';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

const issue = (p: Partial<Issue>): Issue => ({
  severity: 'error', file: '项目.xlsx', row: 4, column: 'F 金额', value: '#N/A', code: 'xlsx_error_cell',
  message_zh: '单元格 F4 是 Excel 错误值“#N/A”', message_en: 'The cell F4 holds the Excel error "#N/A"', sheet: '项目', ...p,
});
/** The downloads (name and bytes) the table's buttons start. */
function downloads(): { name: string; blob: Blob }[] {
  const got: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => { last = b; return 'blob:x'; }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { got.push({ name: this.download, blob: last! }); });
  return got;
}

describe('IssueTable: the validation report downloads as .xlsx', () => {
  it('one sheet named 校验报告 with the sheet column, errors first, and a formula-like value kept as text', async () => {
    const got = downloads();
    const issues = [
      issue({ severity: 'notice', row: null, column: null, value: null, code: 'xlsx_sheets_skipped', message_zh: '以下工作表为空', message_en: 'skipped', sheet: undefined }),
      issue({}),
      issue({ row: 7, column: 'B 姓名', value: '=HYPERLINK("http://x","y")', code: 'required' }),
    ];
    render(IssueTable, { issues, total: issues.length, fileName: '项目.xlsx' });
    await fireEvent.click(screen.getByTestId('download-report-xlsx'));
    expect(got.map((d) => d.name)).toEqual(['项目-校验报告.xlsx']);
    const zip = unzipSync(new Uint8Array(await got[0].blob.arrayBuffer()));
    expect(strFromU8(zip['xl/workbook.xml'])).toMatch(/<sheet name="校验报告"/);
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
    for (const text of ['级别', '工作表', '错误', '项目', 'F 金额', '#N/A']) expect(sheet).toContain(`>${text}</t>`);
    // Errors first, as on screen; Excel's row number in the 行 column (D).
    expect(sheet.indexOf('>错误</t>')).toBeLessThan(sheet.indexOf('>提示</t>'));
    expect(sheet).toMatch(/<c r="D2"[^>]*><is><t[^>]*>4<\/t>/);
    // Formula injection: the value is an inline string in the style with Excel's quote prefix (5).
    expect(sheet).toMatch(/<c r="F\d+" t="inlineStr" s="5"><is><t[^>]*>=HYPERLINK\(&quot;http:\/\/x&quot;,&quot;y&quot;\)<\/t>/);
    expect(strFromU8(zip['xl/styles.xml'])).toMatch(/<cellXfs count="6">(<xf [^>]*\/>){5}<xf [^>]*quotePrefix="1"\/>/);
  });

  it('in English: validation-report, and the English messages', async () => {
    i18n.lang = 'en';
    const got = downloads();
    render(IssueTable, { issues: [issue({})], total: 1, fileName: 'projects.xlsx' });
    await fireEvent.click(screen.getByTestId('download-report-xlsx'));
    expect(got[0].name).toBe('projects-validation-report.xlsx');
    const sheet = strFromU8(unzipSync(new Uint8Array(await got[0].blob.arrayBuffer()))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('>sheet</t>');
    expect(sheet).toContain('holds the Excel error');
  });
});
