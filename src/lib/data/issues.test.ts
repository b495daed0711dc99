import { describe, expect, it } from 'vitest';
import { IssueLog, issuesToCsv, makeIssue, shorten } from './issues';

describe('makeIssue', () => {
  it('fills both languages and shortens the value', () => {
    const i = makeIssue('error', 'required', 'a.csv', 12, '金额', null);
    expect(i).toMatchObject({ severity: 'error', file: 'a.csv', row: 12, column: '金额', value: null, code: 'required' });
    expect(i.message_zh).toBe('“金额”为空，这是必填项；请在第 12 行填写。');
    expect(i.message_en).toBe('"金额" is empty but required; please fill it in on line 12.');
    expect(makeIssue('error', 'not_number', 'a.csv', 3, 'amount', 'y'.repeat(500)).value).toHaveLength(60);
  });
  it('refuses an unknown code rather than printing an empty message', () => {
    // @ts-expect-error issue codes are a typed union: a misspelt code does not compile (svelte-check fails if it does)
    expect(() => makeIssue('error', 'no_such_code', 'a.csv', 1, null, null)).toThrow(/no_such_code/);
  });
});

describe('shorten', () => {
  it('keeps short values and cuts long ones with an ellipsis', () => {
    expect(shorten('abc')).toBe('abc');
    expect(shorten('z'.repeat(60))).toBe('z'.repeat(60));
    expect(shorten('z'.repeat(61))).toBe('z'.repeat(59) + '…');
  });
});

describe('IssueLog', () => {
  it('caps each code and column separately and counts errors', () => {
    const log = new IssueLog('f.csv', 2);
    for (let r = 2; r < 7; r++) log.add('error', 'required', r, 'name', '');
    log.add('error', 'required', 9, 'level', '');
    log.add('warning', 'extra_cells', 10, null, 'x');
    const issues = log.finish();
    expect(log.errorCount).toBe(6);
    expect(issues.map((i) => [i.code, i.column, i.row])).toEqual([
      ['required', 'name', 2], ['required', 'name', 3], ['required', 'level', 9], ['extra_cells', null, 10],
      ['more_issues', 'name', null],
    ]);
    expect(issues[4].message_en).toContain('3 more issues');
  });
});

describe('issuesToCsv', () => {
  const issues = [
    makeIssue('error', 'not_number', 'p.csv', 3, 'amount', '=HYPERLINK("x")'),
    makeIssue('warning', 'extra_cells', 'p.csv', 4, null, '-5'),
    makeIssue('notice', 'unknown_column', 'p.csv', 1, '@备注', null, { kindZh: '项目', kindEn: 'projects' }),
  ];
  it('writes a BOM, a header in the chosen language and CRLF rows', () => {
    const zh = issuesToCsv(issues, 'zh');
    expect(zh.startsWith('\uFEFF级别,文件,行,列,值,代码,说明\r\n错误,p.csv,3,amount,')).toBe(true);
    expect(zh.endsWith('\r\n')).toBe(true);
    expect(zh.split('\r\n')).toHaveLength(5);
    expect(issuesToCsv(issues, 'en')).toContain('\r\nwarning,p.csv,4,,-5,extra_cells,');
  });
  it('guards against formula injection but leaves plain numbers alone', () => {
    const en = issuesToCsv(issues, 'en');
    expect(en).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(en).toContain(',-5,');
    expect(en).toContain(`,'@备注,`);
  });
  it('quotes messages with commas and quotes', () => {
    const en = issuesToCsv([issues[0]], 'en').split('\r\n')[1];
    expect(en.endsWith(`"""amount"" must be a number, e.g. 1200000, 1,200,000 or 120万 (found ""=HYPERLINK(""x"")""); please fix line 3."`)).toBe(true);
  });
});
