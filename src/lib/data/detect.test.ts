import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectKind, headerName, requiredColumnsText } from './detect';

describe('detectDelimiter', () => {
  it.each([
    ['staff_id,name,level\nPS1,a,b', ','],
    ['staff_id;name;level\nPS1;"1,2";b', ';'],
    ['staff_id\tname\tlevel\nPS1\ta\tb', '\t'],
    ['"a;b",c,d\n', ','],
    ['"a,b";c;d\r\n', ';'],
    ['staff_id\n', ','],
    ['', ','],
    ['sep=;\nstaff_id;name', ';'],
  ])('%j → %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});

describe('headerName', () => {
  it('trims, drops BOM, unit suffix and required marker, and folds English', () => {
    expect(headerName('\uFEFF staff_id ')).toBe('staff_id');
    expect(headerName('Staff ID')).toBe('staff_id');
    expect(headerName('*金额（元）')).toBe('金额');
    expect(headerName('amount (CNY)')).toBe('amount');
    expect(headerName('Decided-On')).toBe('decided_on');
  });
});

describe('detectKind', () => {
  it.each([
    [['staff_id', 'name', 'level', 'domain'], 'staff', 'en'],
    [['工号', '姓名', '职级', '方向', '团队'], 'staff', 'zh'],
    [['项目编号', 'staff_id', '角色', '客户编号', '行业', '金额', '状态'], 'projects', 'mixed'],
    [['request_id', 'staff_id', 'type', 'requested_at'], 'requests', 'en'],
    [['评审编号', '工号', '类别', '评审日期'], 'reviews', 'zh'],
    [['staff_id', 'rated_on', 'source', 'score'], 'ratings', 'en'],
    [['工号', '日期', '类型', '数量'], 'activities', 'zh'],
    [['日期', '类型'], 'holidays', 'zh'],
    [['STAFF_ID', ' Period ', 'win_rate'], 'metrics', 'en'],
    [['工号', '期间', '项目中标率', 'saas_demo_conversion'], 'metrics', 'mixed'],
  ] as const)('%j is %s', (header, kind, language) => {
    const d = detectKind([...header]);
    expect(d.kind).toBe(kind);
    expect(d.missing).toEqual([]);
    expect(d.language).toBe(language);
  });

  it('gives the canonical key per position and lists unknown columns', () => {
    const d = detectKind(['工号', '姓名', '备注', '职级', '方向', '']);
    expect(d.columns).toEqual(['staff_id', 'name', null, 'level', 'domain', null]);
    expect(d.unknown).toEqual(['备注']);
    expect(d.duplicates).toEqual([]);
  });

  it('maps metric columns by id or Chinese label, and keeps custom ids as written', () => {
    const d = detectKind(['工号', '期间', '项目中标率', 'visits', 'SaaS_Demo']);
    expect(d.columns).toEqual(['staff_id', 'period', 'win_rate', 'visits', 'SaaS_Demo']);
  });

  it('names the best kind and its missing required columns', () => {
    const d = detectKind(['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'status']);
    expect(d.kind).toBe('projects');
    expect(d.missing).toEqual(['amount']);
  });

  it('reports a column named twice, in either language', () => {
    const d = detectKind(['staff_id', 'name', 'level', 'domain', '工号']);
    expect(d.kind).toBe('staff');
    expect(d.duplicates).toEqual(['工号']);
    expect(d.columns[4]).toBeNull();
    expect(detectKind(['staff_id', 'name', 'level', 'domain', '备注', '备注']).duplicates).toEqual(['备注']);
  });

  it('recognises nothing from unrelated columns or a lone staff_id', () => {
    for (const header of [['编号', '名称'], ['staff_id'], ['staff_id', 'comment'], []]) {
      const d = detectKind(header);
      expect(d.kind).toBeNull();
      expect(d.columns.every((c) => c === null)).toBe(true);
    }
  });

  it('does not mutate the header it is given', () => {
    const header = [' 工号 ', '姓名', '职级', '方向', '工号'];
    detectKind(header);
    expect(header).toEqual([' 工号 ', '姓名', '职级', '方向', '工号']);
  });
});

describe('requiredColumnsText', () => {
  it('lists every kind with its required columns', () => {
    expect(requiredColumnsText('zh')).toContain('人员：工号、姓名、职级、方向');
    expect(requiredColumnsText('en')).toContain('holidays: date, kind');
  });
});
