import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  dateTimeSeconds, dayNumber, type ActivitiesTable, type MetricsTable, type ProjectsTable, type RatingsTable, type RequestsTable,
  type StaffTable,
} from '../engine/dataset';
import { createCsvImporter, crossFileChecks, importCsvBytes, importCsvText, type ImportResult } from './csvImport';
import { trimmable } from './normalise';

const SAMPLE = new URL('../../../test/fixtures/sample/', import.meta.url);
const BAD = new URL('../../../test/fixtures/bad/', import.meta.url);

const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const codes = (r: ImportResult) => r.issues.map((i) => i.code);

describe('the sample fixtures', () => {
  const expected: Record<string, [string, number]> = {
    'staff.csv': ['staff', 24], 'projects.csv': ['projects', 1162], 'requests.csv': ['requests', 1119],
    'reviews.csv': ['reviews', 307], 'ratings.csv': ['ratings', 1132], 'activities.csv': ['activities', 4444],
  };
  it('covers every sample file', () => {
    expect(readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.entries(expected))('%s imports with no error as %j', (file, [kind, rows]) => {
    const r = importCsvBytes(readFileSync(new URL(file, SAMPLE)), file);
    expect(errors(r)).toEqual([]);
    expect(r.kind).toBe(kind);
    expect(r.rowCount).toBe(rows);
    expect(r.table!.length).toBe(rows);
    expect(r.encoding).toBe('utf-8');
    expect(r.headerLanguage).toBe('en');
  });
  it('stores typed values', () => {
    const staff = importCsvBytes(readFileSync(new URL('staff.csv', SAMPLE)), 's').table as StaffTable;
    expect([staff.staff_id[0], staff.name[0], staff.level[0], staff.domain[0], staff.salary[0]]).toEqual(['PS1001', '杜眉', 1, 0, 28000]);
    expect(staff.salary[1]).toBeNaN();
    const req = importCsvBytes(readFileSync(new URL('requests.csv', SAMPLE)), 'r').table as RequestsTable;
    expect([req.request_id[0], req.type[0], req.requested_at[0], req.bid_score[0]]).toEqual(['R000001', 2, dateTimeSeconds(2026, 3, 27, 13, 27), 69.6]);
    expect(req.delivered_at[1]).toBeNaN();
  });
});

/** Files of test/fixtures/bad that must be refused (errors) or flagged: [file, severity, code, column, row]. */
const BAD_FILES: [string, 'error' | 'warning' | 'notice', string, string | null, number | null][] = [
  ['bad-number.csv', 'error', 'not_number', 'amount', 3],
  ['impossible-date.csv', 'error', 'impossible_date', '入职日期', 2],
  ['missing-column.csv', 'error', 'missing_column', 'amount', 1],
  ['duplicate-header.csv', 'error', 'duplicate_column', '工号', 1],
  ['unknown-kind.csv', 'error', 'unknown_kind', null, 1],
  ['duplicate-staff.csv', 'error', 'duplicate_key', 'staff_id', 4],
  ['invisible-key.csv', 'error', 'duplicate_key', 'staff_id', 3],
  ['count-huge.csv', 'warning', 'implausible_number', '数量', 2],
  ['salary-underflow.csv', 'error', 'number_out_of_bounds', 'salary', 2],
  ['amount-beyond-2-53.csv', 'error', 'number_out_of_bounds', 'amount', 2],
  ['date-placeholder.csv', 'warning', 'implausible_date', 'hired_on', 2],
  ['date-out-of-range.csv', 'error', 'date_out_of_range', 'left_on', 2],
  ['project-mismatch.csv', 'error', 'project_mismatch', 'amount', 3],
  ['duplicate-participation.csv', 'error', 'duplicate_key', 'project_id+staff_id', 3],
  ['adopted-gt-made.csv', 'error', 'exceeds_column', 'proposals_adopted', 2],
  ['score-gt-default-scale.csv', 'error', 'exceeds_column', 'score', 3],
  ['scale-zero.csv', 'error', 'out_of_range', 'scale_max', 2],
  ['responded-before.csv', 'error', 'before_column', 'responded_at', 2],
  ['delivered-before.csv', 'error', 'before_column', '交付时间', 2],
  ['decided-missing.csv', 'error', 'conditional_required', 'decided_on', 3],
  ['completeness-missing.csv', 'error', 'conditional_required', 'completeness', 2],
  ['first-pass-missing.csv', 'error', 'conditional_required', 'first_pass', 3],
  ['bid-score-range.csv', 'error', 'out_of_range', 'bid_score', 2],
  ['completeness-range.csv', 'error', 'out_of_range', 'completeness', 2],
  ['count-zero.csv', 'error', 'out_of_range', '数量', 2],
  ['fractional-count.csv', 'error', 'not_integer', '数量', 2],
  ['negative-salary.csv', 'error', 'out_of_range', 'salary', 2],
  ['bad-enum.csv', 'error', 'not_enum', 'level', 2],
  ['bad-boolean.csv', 'error', 'not_boolean', 'strategic', 2],
  ['datetime-without-time.csv', 'error', 'not_datetime', 'requested_at', 2],
  ['bad-period.csv', 'error', 'not_period', '期间', 2],
  ['duplicate-period.csv', 'error', 'duplicate_key', '工号+期间', 3],
  ['duplicate-holiday.csv', 'error', 'duplicate_key', '日期', 3],
  ['duplicate-request.csv', 'error', 'duplicate_key', 'request_id', 3],
  ['required-empty.csv', 'error', 'required', 'name', 2],
  ['percent-amount.csv', 'error', 'not_number', 'amount', 2],
  ['header-only.csv', 'error', 'no_rows', null, null],
  ['unbalanced-quote.csv', 'error', 'csv_quotes', null, 2],
  ['empty.csv', 'error', 'file_empty', null, null],
  ['workbook.csv', 'error', 'file_xlsx', null, null],
  ['binary.csv', 'error', 'file_binary', null, null],
  // UTF-16 is read now (Excel's "Unicode text"); this file is cut short after "sta".
  ['utf16.csv', 'error', 'unknown_kind', null, 1],
];

describe('UTF-16 text (Excel: Save As → Unicode text)', () => {
  const text = '工号\t姓名\t职级\t方向\r\nPS1\t张三\t初级\t产品专家\r\n';
  const utf16 = (le: boolean) => {
    const b = new Uint8Array(2 + text.length * 2);
    b.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      b[2 + i * 2 + (le ? 0 : 1)] = c & 0xff;
      b[2 + i * 2 + (le ? 1 : 0)] = c >> 8;
    }
    return b;
  };
  it.each([[true, 'utf-16le'], [false, 'utf-16be']] as const)('little-endian %s: read as %s, tab-separated', (le, encoding) => {
    const r = importCsvBytes(utf16(le), 'staff.txt');
    expect([r.kind, r.encoding, r.delimiter, r.rowCount, r.issues]).toEqual(['staff', encoding, '\t', 1, []]);
    expect((r.table as { name: string[] }).name).toEqual(['张三']);
  });
});

describe('bad files', () => {
  it('has a row for every file in test/fixtures/bad', () => {
    expect(readdirSync(BAD).sort()).toEqual(BAD_FILES.map((b) => b[0]).sort());
  });
  it.each(BAD_FILES)('%s → %s %s at %s line %s', (file, severity, code, column, row) => {
    const r = importCsvBytes(readFileSync(new URL(file, BAD)), file);
    const hit = r.issues.find((i) => i.code === code);
    expect(hit, JSON.stringify(r.issues.map((i) => [i.code, i.column, i.row]))).toBeDefined();
    expect([hit!.severity, hit!.column, hit!.row, hit!.file]).toEqual([severity, column, row, file]);
    expect(hit!.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(hit!.message_en).toMatch(/^[\x20-\x7e\u2018-\u201d\u2026\u2192\u4e00-\u9fff\uff08\uff09]+$/);
    if (severity === 'error') expect(r.table).toBeNull();
  });
  it('says what is wrong and what to do, with the line', () => {
    const r = importCsvBytes(readFileSync(new URL('bad-number.csv', BAD)), 'bad-number.csv');
    expect(r.issues[0].message_zh).toBe('“amount”必须是数字，例如 1200000、1,200,000 或 120万（现在是“1.2.3”）；请修改第 3 行。');
    expect(r.issues[0].value).toBe('1.2.3');
    const wb = importCsvBytes(readFileSync(new URL('workbook.csv', BAD)), 'workbook.csv');
    expect(wb.issues[0].message_zh).toContain('这是 Excel 工作簿');
    expect(wb.issues[0].message_zh).toContain('另存为');
  });
  it('cleans invisible characters from keys: BW001 and BW001+U+200B are one person, reported twice, with a notice naming the line', () => {
    const r = importCsvBytes(readFileSync(new URL('invisible-key.csv', BAD)), 'invisible-key.csv');
    expect(r.issues.map((i) => [i.severity, i.code, i.row])).toEqual([['error', 'duplicate_key', 3], ['notice', 'invisible_chars', 3]]);
    expect(r.issues[0].value).toBe('BW001');
    expect(r.issues[1].value).toBe('BW001<U+200B>');
    expect(r.issues[1].message_zh).toContain('不可见字符');
    const ok = importCsvText('staff_id,name,level,domain,team\n\u2060BW002\u00a0,赵\u200b六,mid,consulting,华东\u200d售前部\n', 'ok.csv');
    const t = ok.table as { staff_id: string[]; name: string[]; team: string[] };
    expect([t.staff_id[0], t.name[0], t.team[0]]).toEqual(['BW002', '赵六', '华东售前部']);
    expect(ok.issues.filter((i) => i.code === 'invisible_chars').map((i) => i.column)).toEqual(['staff_id', 'name', 'team']);
  });
  it('states the accepted date range and the plausible window; odd counts and placeholder dates still import', () => {
    const far = importCsvBytes(readFileSync(new URL('date-out-of-range.csv', BAD)), 'd.csv').issues[0];
    expect(far.message_zh).toContain('1900-01-01 至 2200-12-31');
    expect(far.message_zh).not.toContain('不存在');
    expect(far.message_en).toContain('"9999-12-31" is outside the accepted range');
    const placeholder = importCsvBytes(readFileSync(new URL('date-placeholder.csv', BAD)), 'p.csv');
    expect(placeholder.table).not.toBeNull();
    expect(placeholder.issues).toHaveLength(1);
    expect(placeholder.issues[0].message_zh).toMatch(/有 1 个日期不在 2000-01-01 至 \d{4}-\d\d-\d\d 之间.*第 2 行起（例如“1900-01-01”）/);
    const huge = importCsvBytes(readFileSync(new URL('count-huge.csv', BAD)), 'c.csv');
    expect((huge.table as { count: Float64Array }).count[0]).toBe(99999999999);
    expect(huge.issues[0].message_en).toContain('above the usual maximum of 100000');
    const tiny = importCsvBytes(readFileSync(new URL('salary-underflow.csv', BAD)), 's.csv').issues[0];
    expect(tiny.message_zh).toContain('1e-400');
  });
  it('names both rows of a project that disagrees with itself', () => {
    const r = importCsvBytes(readFileSync(new URL('project-mismatch.csv', BAD)), 'p.csv');
    expect(r.issues[0].message_zh).toContain('第 2 行是“1200000”，在第 3 行是“1300000”');
    expect(r.issues[0].message_en).toContain('"1200000" on line 2 but "1300000" on line 3');
  });
  it('lists the found columns and what each kind needs for an unknown header', () => {
    const r = importCsvBytes(readFileSync(new URL('unknown-kind.csv', BAD)), 'u.csv');
    expect(r.kind).toBeNull();
    expect(r.issues[0].message_zh).toContain('编号, 名称, 备注');
    expect(r.issues[0].message_zh).toContain('项目：项目编号、工号、角色、客户编号、行业、金额、状态');
    expect(r.issues[0].message_en).toContain('ratings: staff_id, rated_on, source, score');
  });
  it('names every found column of a wide unknown header, not just the first 60 characters', () => {
    const header = Array.from({ length: 12 }, (_, i) => `字段${i + 1}`).join(',');
    const r = importCsvText(`${header}\n1,2,3,4,5,6,7,8,9,10,11,12\n`, 'w.csv');
    expect(r.issues[0].message_zh).toContain('字段1, 字段2, 字段3, 字段4, 字段5, 字段6, 字段7, 字段8, 字段9, 字段10, 字段11, 字段12。');
    expect(r.issues[0].value!.length).toBeLessThanOrEqual(60);
    expect(r.rowCount).toBe(1);
  });
  it('reports an unreadable result date once, not again as "required when won"', () => {
    const header = 'project_id,staff_id,role,customer_id,industry,amount,status,decided_on';
    const r = importCsvText(`${header}\nP1,PS1,lead,C1,金融,100000,won,2026-13-45\nP2,PS1,lead,C2,金融,100000,won,\n`, 'p.csv');
    // Line 2: the impossible date only; line 3: empty, so "must be filled in".
    expect(errors(r).map((i) => [i.row, i.code])).toEqual([[2, 'impossible_date'], [3, 'conditional_required']]);
  });
  it('shows a default bound it compared with', () => {
    const r = importCsvBytes(readFileSync(new URL('score-gt-default-scale.csv', BAD)), 's.csv');
    expect(errors(r)).toHaveLength(1);
    expect(r.issues[0].message_zh).toContain('“scale_max”（5，为空时按默认值）');
    expect(r.issues[0].message_en).toContain('"scale_max" (5, the default for an empty cell)');
  });
});

describe('accepted formats', () => {
  it('normalises every accepted number, boolean, date and enum spelling', () => {
    const csv = [
      '项目编号,工号,角色,客户编号,行业,金额,状态,结果日期,战略项目,方案建议数,采纳建议数',
      'P1,PS1,主导,C1,金融,"1,200,000",中标,2026-03-31,是,5,4',
      'P2,PS1,lead,C2,金融,120万,won,2026/3/31,true,,',
      'P3,PS1,Support,C3,金融,"¥1,200,000",LOST,2026.3.31,1,0,0',
      'P4,PS1,支撑,C4,金融,1200000.50,未中标,2026年3月31日,n,3,3',
      'P5,PS1,lead,C5,金融,0,进行中,,,,',
      'P6,PS1,lead,C6,金融,5,取消,,否,,',
    ].join('\n');
    const r = importCsvText(csv, 'p.csv');
    expect(r.issues).toEqual([]);
    const t = r.table as ProjectsTable;
    const day = dayNumber(2026, 3, 31);
    expect([...t.amount]).toEqual([1_200_000, 1_200_000, 1_200_000, 1_200_000.5, 0, 5]);
    expect([...t.role]).toEqual([0, 0, 1, 1, 0, 0]);
    expect([...t.status]).toEqual([0, 0, 1, 1, 2, 3]);
    expect([...t.decided_on]).toEqual([day, day, day, day, NaN, NaN]);
    expect([...t.strategic]).toEqual([1, 1, 1, 0, NaN, 0]);
    expect([...t.proposals_made]).toEqual([5, NaN, 0, 3, NaN, NaN]);
    expect(r.headerLanguage).toBe('zh');
  });
  it('reads date-times, percentages and activity labels', () => {
    const req = importCsvText('request_id,staff_id,type,requested_at,responded_at,delivered_at,bid_score\n'
      + 'R1,PS1,投标,2026-03-02T09:30,2026/3/2 10:00:30,2026年3月3日 18:00,85%\n', 'r.csv');
    expect(req.issues).toEqual([]);
    const t = req.table as RequestsTable;
    expect([t.requested_at[0], t.responded_at[0], t.delivered_at[0], t.bid_score[0]])
      .toEqual([dateTimeSeconds(2026, 3, 2, 9, 30), dateTimeSeconds(2026, 3, 2, 10, 0, 30), dateTimeSeconds(2026, 3, 3, 18), 85]);
    const act = importCsvText('工号,日期,类型,数量\nPS1,2026-03-03,客户拜访/技术交流,2\nPS1,2026-03-04,内部培训分享,\n', 'a.csv');
    expect(act.issues).toEqual([]);
    expect((act.table as ActivitiesTable).type).toEqual(['visit', 'training']);
    expect([...(act.table as ActivitiesTable).count]).toEqual([2, NaN]);
  });
  it('imports a metrics file with Chinese metric names, custom ids and normalised periods', () => {
    const r = importCsvText('工号,期间,项目中标率,saas_demo_conversion\nPS1,2026年第1季度,62.5%,30\nPS2,2026,,\n', 'm.csv');
    expect(errors(r)).toEqual([]);
    expect(codes(r)).toEqual(['custom_metric_column']);
    const t = r.table as MetricsTable;
    expect(t.period).toEqual(['2026Q1', '2026']);
    expect(Object.keys(t.values)).toEqual(['win_rate', 'saas_demo_conversion']);
    expect([...t.values.win_rate]).toEqual([62.5, NaN]);
  });
  it('reads a header with units, stars and spaces', () => {
    const r = importCsvText('*工号, 姓名 ,职级,方向,月薪（元）\nPS1,张三,初级,产品专家,"20,000"\n', 's.csv');
    expect(r.issues).toEqual([]);
    expect((r.table as StaffTable).salary[0]).toBe(20000);
  });
});

const STAFF_ROWS = ['staff_id,name,level,domain', 'PS1,"张, 三",junior,consulting', 'PS2,李四,mid,consulting'];

describe('CSV dialects', () => {
  it.each([['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']])('reads %s line endings', (_, eol) => {
    const r = importCsvText(STAFF_ROWS.join(eol) + eol, 's.csv');
    expect(r.issues).toEqual([]);
    expect((r.table as StaffTable).name).toEqual(['张, 三', '李四']);
  });
  it.each([[';'], ['\t']])('detects the %j delimiter', (d) => {
    const r = importCsvText('staff_id;name;level;domain;salary\nPS1;张三;junior;consulting;"1,200"\n'.replaceAll(';', d), 's.csv');
    expect(r.delimiter).toBe(d);
    expect(errors(r)).toEqual([]);
    expect((r.table as StaffTable).salary[0]).toBe(1200);
  });
  it('keeps quoted newlines inside a cell and counts spreadsheet rows, not text lines', () => {
    const r = importCsvText('staff_id,name,level,domain,team\nPS1,张三,junior,consulting,"华东\n售前部"\nPS2,李四,expert,consulting,x\n', 's.csv');
    expect((r.issues[0])).toMatchObject({ code: 'not_enum', row: 3, value: 'expert' });
    const ok = importCsvText('staff_id,name,level,domain,team\nPS1,张三,junior,consulting,"华东\r\n售前部"\n', 's.csv');
    expect((ok.table as StaffTable).team).toEqual(['华东\r\n售前部']);
  });
  it('skips blank lines but keeps counting them', () => {
    const r = importCsvText('staff_id,name,level,domain\n\nPS1,张三,junior,consulting\n,,,\nPS2,,mid,consulting\n\n\n', 's.csv');
    expect(r.rowCount).toBe(2);
    expect(r.issues).toMatchObject([{ code: 'required', row: 5, column: 'name' }]);
  });
  it('strips a BOM and honours Excel\'s sep= line', () => {
    const r = importCsvText('\uFEFFsep=;\nstaff_id;name;level;domain\nPS1;张三;junior;consulting\n', 's.csv');
    expect(r.issues).toEqual([]);
    expect(r.headerLanguage).toBe('en');
    expect(r.rowCount).toBe(1);
  });
});

describe('encodings', () => {
  /** GB18030 bytes from the code table, so the test needs no encoder: 工号 姓名 职级 方向 张三 中级 产品专家. */
  const GB: Record<string, number[]> = {
    工: [0xb9, 0xa4], 号: [0xba, 0xc5], 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 职: [0xd6, 0xb0], 级: [0xbc, 0xb6],
    方: [0xb7, 0xbd], 向: [0xcf, 0xf2], 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 中: [0xd6, 0xd0], 产: [0xb2, 0xfa],
    品: [0xc6, 0xb7], 专: [0xd7, 0xa8], 家: [0xbc, 0xd2],
  };
  const gb = (s: string) => new Uint8Array([...s].flatMap((c) => GB[c] ?? [c.charCodeAt(0)]));
  const text = '工号,姓名,职级,方向\r\nPS1,张三,中级,产品专家\r\n';

  it('auto-detects GB18030 (what Chinese Excel writes)', () => {
    const r = importCsvBytes(gb(text), '人员.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.issues).toEqual([]);
    expect((r.table as StaffTable).name).toEqual(['张三']);
    expect([...(r.table as StaffTable).domain]).toEqual([1]);
  });
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(text);
    for (const bytes of [plain, new Uint8Array([0xef, 0xbb, 0xbf, ...plain])]) {
      const r = importCsvBytes(bytes, 's.csv');
      expect([r.encoding, r.kind, r.rowCount, r.headerLanguage]).toEqual(['utf-8', 'staff', 1, 'zh']);
    }
  });
  it('uses a manual override', () => {
    const wrong = importCsvBytes(gb(text), 's.csv', 'utf-8');
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.kind).toBeNull();
    expect(importCsvBytes(gb(text), 's.csv', 'gb18030').kind).toBe('staff');
  });
});

describe('streaming', () => {
  it('gives the same result whatever the chunking', () => {
    const csv = readFileSync(new URL('projects.csv', SAMPLE), 'utf8');
    const rows = Papa.parse<string[]>(csv, { header: false }).data;
    const whole = importCsvText(csv, 'p.csv');
    for (const size of [1, 7, 500]) {
      const imp = createCsvImporter('p.csv');
      for (let i = 0; i < rows.length; i += size) imp.pushRows(rows.slice(i, i + size));
      expect(imp.kind).toBe('projects');
      const r = imp.finish();
      expect(r.table).toEqual(whole.table);
      expect(r.rowCount).toBe(whole.rowCount);
    }
  });
  it('knows the kind as soon as the header is pushed', () => {
    const imp = createCsvImporter('x.csv');
    expect(imp.kind).toBeNull();
    imp.pushRows([['工号', '日期', '类型']]);
    expect(imp.kind).toBe('activities');
  });
  it('reports an empty stream', () => {
    const imp = createCsvImporter('x.csv');
    imp.pushRows([]);
    expect(codes(imp.finish())).toEqual(['file_empty']);
  });
});

describe('warnings and notices do not block', () => {
  it('keeps the table with unknown columns, extra cells, a bid score on a non-bid request and custom types', () => {
    const r = importCsvText('staff_id,name,level,domain,备注\nPS1,张三,junior,consulting,x,extra\n', 's.csv');
    expect(codes(r)).toEqual(['unknown_column', 'extra_cells']);
    expect(r.unknownColumns).toEqual(['备注']);
    expect(r.table!.length).toBe(1);
    const q = importCsvText('request_id,staff_id,type,requested_at,bid_score\nR1,PS1,consultation,2026-03-02 09:30,80\n', 'q.csv');
    expect(q.issues).toMatchObject([{ severity: 'warning', code: 'only_when', row: 2, column: 'bid_score' }]);
    expect(q.table).not.toBeNull();
    const a = importCsvText('staff_id,date,type\nPS1,2026-03-03,saas_demo\nPS1,2026-03-04,saas_demo\n', 'a.csv');
    expect(a.issues).toMatchObject([{ severity: 'notice', code: 'custom_activity_type', row: 2, value: 'saas_demo' }]);
    expect(a.issues[0].message_zh).toContain('共 2 行');
  });
});

describe('issue volume', () => {
  it('shortens a 10,000-character cell in the value and the messages', () => {
    const long = 'x'.repeat(10_000);
    const r = importCsvText(`staff_id,name,level,domain\nPS1,张三,${long},consulting\n`, 's.csv');
    expect(r.issues[0].code).toBe('not_enum');
    expect(r.issues[0].value!.length).toBeLessThanOrEqual(60);
    expect(r.issues[0].message_zh.length).toBeLessThan(300);
    expect(r.issues[0].message_en.length).toBeLessThan(300);
  });
  it('lists 100 issues of one kind per column and summarises the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `R${i},PS1,bid,2026-03-02 09:30,abc`);
    const r = importCsvText(['request_id,staff_id,type,requested_at,bid_score', ...rows].join('\n'), 'q.csv');
    expect(r.issues.filter((i) => i.code === 'not_number')).toHaveLength(100);
    const more = r.issues.find((i) => i.code === 'more_issues')!;
    expect(more).toMatchObject({ severity: 'error', column: 'bid_score', value: 'not_number' });
    expect(more.message_zh).toContain('还有 150 处');
  });
  it('checks a project with many participants for repeated people', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `P1,PS${i % 30},support,C1,金融,100,open,`);
    const r = importCsvText(['project_id,staff_id,role,customer_id,industry,amount,status,decided_on', ...rows].join('\n'), 'p.csv');
    const dups = r.issues.filter((i) => i.code === 'duplicate_key');
    expect(dups.map((d) => d.row)).toEqual(Array.from({ length: 10 }, (_, i) => 32 + i));
    expect(dups[0].message_zh).toContain('第 2 行和第 32 行');
  });
});

describe('crossFileChecks', () => {
  it('warns once per unknown staff_id and file, with first line and count', () => {
    const projects = importCsvText('project_id,staff_id,role,customer_id,industry,amount,status,decided_on\n'
      + 'P1,PS1,lead,C1,金融,1,open,\nP2,PS9,lead,C1,金融,1,open,\nP3,PS9,lead,C1,金融,1,open,\n', 'p.csv');
    const staff = importCsvText('staff_id,name,level,domain\nPS1,张三,junior,consulting\nPS7,李四,mid,consulting\n', 's.csv');
    const bad = importCsvText('staff_id,date,type,count\nPS8,2026-01-01,visit,0\n', 'a.csv');
    const issues = crossFileChecks(new Set(['PS1', 'PS7']), [projects, staff, bad]);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unknown_staff', file: 'p.csv', row: 3, value: 'PS9', column: 'staff_id' }]);
    expect(issues[0].message_zh).toContain('共 2 行');
    expect(crossFileChecks(new Set(['PS1', 'PS9']), [projects])).toEqual([]);
  });
});

describe('trimmable', () => {
  it('is true exactly for the characters String.prototype.trim removes', () => {
    for (let c = 0; c <= 0xffff; c++) expect(trimmable(c), `U+${c.toString(16)}`).toBe(`x${String.fromCharCode(c)}`.trim() === 'x');
  });
});
