import { describe, expect, it } from 'vitest';
import { applyMapping } from './mapping';
import {
  fromSaved, keepChoices, mappingProblems, nameScore, proposeMapping, proposeValues, sampleOfMapping, toMapping, valueFit, type FileSample,
} from './mappingProposal';
import { columnRule } from './schema';

/** A sample as the importer keeps it: header, rows, distinct values per column. */
function sample(header: string[], rows: string[][]): FileSample {
  const values = header.map((_, c) => [...new Set(rows.map((r) => (r[c] ?? '').trim()).filter(Boolean))]);
  return { header, rows, values };
}

const crm = sample(
  ['商机编号', '负责人', '项目角色', '客户', '所属行业', '商机金额（元）', '商机阶段', '结单日期', '是否战略项目', '备注'],
  [
    ['OP-1', 'PS1001', '主导', 'C1', '金融', '1,200,000', '赢单', '2026/3/1', '是', '老客户'],
    ['OP-2', 'PS1002', '支撑', 'C2', '制造', '80万', '输单', '2026/3/9', '否', ''],
    ['OP-3', 'PS1003', '主导', 'C3', '零售', '500000', '跟进中', '', '否', ''],
    ['OP-4', 'PS1003', '主导', 'C4', '零售', '300000', '赢单关闭', '2026/3/20', '否', ''],
  ],
);

describe('nameScore', () => {
  it.each([
    ['商机编号', ['项目编号', '商机编号'], 1],
    ['Opportunity ID', ['opportunity_id'], 1],
    ['金额（元）', ['金额'], 1],
    ['  OWNER ', ['owner'], 1],
    ['', ['工号'], 0],
  ])('%s against %j scores %d', (cell, names, want) => {
    expect(nameScore(cell, names)).toBe(want);
  });

  it('scores a name that contains a known one above the threshold, and a merely similar one below it', () => {
    expect(nameScore('负责人工号码', ['负责人工号'])).toBeGreaterThan(0.8);
    expect(nameScore('客户编号', ['商机编号'])).toBeLessThan(0.5);
  });
});

describe('valueFit', () => {
  it('is the share of values the column reads', () => {
    expect(valueFit(columnRule('projects', 'amount')!, ['1,200,000', '80万', 'n/a', '3'])).toBe(0.75);
    expect(valueFit(columnRule('projects', 'decided_on')!, ['2026/3/1', '2026年3月2日'])).toBe(1);
    expect(valueFit(columnRule('projects', 'status')!, ['赢单', '赢单关闭', '??'])).toBeCloseTo(2 / 3);
    expect(valueFit(columnRule('projects', 'amount')!, [])).toBe(1);
  });
});

describe('proposeMapping', () => {
  it('reads a Chinese CRM export as projects, column by column, and ignores what it cannot place', () => {
    const p = proposeMapping(crm);
    expect(p.kind).toBe('projects');
    expect(p.columns).toEqual({
      商机编号: 'project_id', 负责人: 'staff_id', 项目角色: 'role', 客户: 'customer_id', 所属行业: 'industry',
      '商机金额（元）': 'amount', 商机阶段: 'status', 结单日期: 'decided_on', 是否战略项目: 'strategic', 备注: null,
    });
  });

  it('reads an English Salesforce-style export', () => {
    const p = proposeMapping(sample(
      ['Opportunity ID', 'Owner', 'Role', 'Account ID', 'Industry', 'Amount', 'Stage', 'Close Date', 'Description'],
      [['O1', 'PS1', 'lead', 'A1', 'Retail', '100', 'Closed Won', '2026-03-01', 'x']],
    ));
    expect(p.kind).toBe('projects');
    expect(p.columns).toMatchObject({ 'Opportunity ID': 'project_id', Owner: 'staff_id', Stage: 'status', 'Close Date': 'decided_on', Description: null });
    expect(p.values).toEqual([
      { key: 'role', value: 'lead', code: 'lead', asIs: true },
      { key: 'status', value: 'Closed Won', code: 'won', asIs: false },
    ]);
  });

  it('proposes value codes and lists what it cannot map', () => {
    const p = proposeMapping(crm);
    const status = p.values.filter((v) => v.key === 'status');
    expect(status).toEqual([
      { key: 'status', value: '赢单', code: 'won', asIs: true },
      { key: 'status', value: '输单', code: 'lost', asIs: true },
      { key: 'status', value: '跟进中', code: 'open', asIs: true },
      { key: 'status', value: '赢单关闭', code: 'won', asIs: false },
    ]);
    expect(p.values.filter((v) => v.key === 'strategic').map((v) => [v.value, v.code])).toEqual([['是', 'true'], ['否', 'false']]);
    const odd = proposeValues('staff', sample(['工号', '职级'], [['1', '资深'], ['2', '中级'], ['3', '见习']]), { 工号: 'staff_id', 职级: 'level' });
    expect(odd.find((v) => v.value === '见习')).toEqual({ key: 'level', value: '见习', code: null, asIs: false });
  });

  it('recognises a staff list by names and a level column by its values alone', () => {
    const p = proposeMapping(sample(
      ['员工编号', '员工姓名', '等级X', '岗位方向', '部门'],
      [['PS1', '张三', '资深', '咨询', '华东'], ['PS2', '李四', '初级', '产品', '华南'], ['PS3', '王五', 'P5', '解决方案', '华东']],
    ));
    expect(p.kind).toBe('staff');
    expect(p.columns).toEqual({ 员工编号: 'staff_id', 员工姓名: 'name', 等级X: 'level', 岗位方向: 'domain', 部门: 'team' });
    expect(p.values.filter((v) => v.key === 'domain').map((v) => v.code)).toEqual(['consulting', 'product_expert', 'industry_solution']);
  });

  it('keeps the kind the user chose', () => {
    expect(proposeMapping(crm, 'requests').kind).toBe('requests');
  });

  it('does not map one field twice, nor change the caller\'s sample', () => {
    const s = sample(['负责人', '售前工号'], [['PS1', 'PS1']]);
    const before = JSON.stringify(s);
    const p = proposeMapping(s, 'activities');
    expect(Object.values(p.columns).filter((k) => k === 'staff_id')).toHaveLength(1);
    expect(p.columns).toEqual({ 负责人: 'staff_id', 售前工号: null });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('toMapping', () => {
  it('keeps only the values that need a code, and applies to the file as the import reads it', () => {
    const p = proposeMapping(crm);
    const m = toMapping(crm.header, p.kind, p.columns, p.values);
    expect(m.signature).toBe(crm.header.join('\u001f'));
    expect(m.values).toEqual({ status: { 赢单关闭: 'won' } });
    const applied = applyMapping(m, crm.header);
    expect(applied.header).toEqual(['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', '']);
    expect(applied.cell(6, ' 赢单关闭 ')).toBe('won');
    expect(applied.cell(6, '赢单')).toBe('赢单');
  });
});

describe('mappingProblems', () => {
  it.each([
    ['nothing mapped', ['A'], 'staff', { A: null }, ['nothing', 'missing']],
    ['a required field missing', ['A'], 'staff', { A: 'staff_id' }, ['missing']],
    ['a field twice', ['A', 'B', 'C', 'D', 'E'], 'staff', { A: 'staff_id', B: 'name', C: 'level', D: 'domain', E: 'name' }, ['twice']],
    ['a repeated header cell mapped', ['A', 'B', 'C', 'D', 'D'], 'staff', { A: 'staff_id', B: 'name', C: 'level', D: 'domain' }, ['repeated_header']],
    ['a complete mapping', ['A', 'B', 'C', 'D', 'X'], 'staff', { A: 'staff_id', B: 'name', C: 'level', D: 'domain', X: null }, []],
  ] as const)('%s', (_, header, kind, columns, codes) => {
    const problems = mappingProblems([...header], kind, { ...columns });
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.zh && p.en).toBeTruthy();
  });

  it('names the missing fields in both languages', () => {
    const [p] = mappingProblems(['A'], 'projects', { A: 'project_id' }).filter((x) => x.code === 'missing');
    expect(p.zh).toContain('工号（staff_id）');
    expect(p.en).toContain('staff_id (工号)');
  });
});

describe('fromSaved and sampleOfMapping', () => {
  it('give back a saved mapping to edit, with or without the file at hand', () => {
    const p = proposeMapping(crm);
    const m = toMapping(crm.header, p.kind, p.columns, p.values.map((v) => (v.value === '否' ? { ...v, code: 'true', asIs: false } : v)));
    const again = fromSaved(crm, m);
    expect(again.kind).toBe('projects');
    expect(again.columns).toEqual(p.columns);
    expect(again.values.find((v) => v.value === '否')).toEqual({ key: 'strategic', value: '否', code: 'true', asIs: false });
    expect(toMapping(crm.header, again.kind, again.columns, again.values)).toEqual(m);
    const bare = fromSaved(sampleOfMapping(m), m);
    expect(bare.columns).toEqual(p.columns);
    expect(bare.values.map((v) => [v.key, v.value, v.code])).toEqual([['status', '赢单关闭', 'won'], ['strategic', '否', 'true']]);
    expect(toMapping(sampleOfMapping(m).header, bare.kind, bare.columns, bare.values)).toEqual(m);
  });
});

describe('keepChoices', () => {
  it('keeps the codes chosen for a column and value, and takes the rest fresh', () => {
    const before = [{ key: 'status', value: '关闭', code: 'cancelled', asIs: false }, { key: 'status', value: '赢单', code: 'won', asIs: true }];
    const fresh = [{ key: 'status', value: '关闭', code: null, asIs: false }, { key: 'status', value: '赢单', code: 'won', asIs: true }, { key: 'role', value: '主导', code: 'lead', asIs: true }];
    expect(keepChoices(fresh, before)).toEqual([before[0], fresh[1], fresh[2]]);
  });
});
