import { describe, expect, it } from 'vitest';
import {
  applyOverrides, calibrate, CalibrationError, calibrationLogToCsv, resultsToCsvWithOverrides,
  type CalibrationErrorCode, type CalibrationInput, type CalibrationLogEntry, type GradeOverride,
} from './calibration';
import { resultsToCsv } from './exportCsv';
import { buildDataset, type StaffRow } from './metrics.testkit';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { resultsFromMatrix } from './results';
import type { Period, Scenario } from './types';

const standard = presetScenario('standard');
/** win_rate only: total = min(120, 100 × win_rate / 60) */
const winOnly: Scenario = { ...standard, indicators: [standard.indicators[0]], profiles: { level: {}, domain: {} } };

function setup(period: Period = parsePeriod('2026Q1')) {
  const staff: StaffRow[] = [
    { staff_id: 'A1', name: '张三', level: 'mid', team: '华东', salary: 20000 },
    { staff_id: 'B2', name: 'Li, "Si"', level: 'junior', team: '华东', salary: 10000 },
    { staff_id: 'C3', name: '=王五', level: 'senior', salary: undefined },
    { staff_id: 'D4', name: '赵六', level: 'mid', salary: 30000 },
  ];
  const ds = buildDataset({ staff });
  // totals 90 (S), 65 (C), 75 (B), no data
  const rates = [54, 39, 45, NaN];
  const matrix = { period, staffIndex: Int32Array.from(staff, (_, i) => i), values: { win_rate: Float64Array.from(rates) } };
  const { results } = resultsFromMatrix(ds, matrix, winOnly);
  return { ds, results, period, ctx: { scenario: winOnly, period, salary: ds.staff.salary } };
}

const ov = (staff_id: string, to: GradeOverride['to'], extra: Partial<GradeOverride> = {}): GradeOverride => ({
  periodId: '2026Q1', staff_id, to, reason: '重大项目贡献', by: 'hr.wang', at: '2026-04-08 10:30', ...extra,
});

describe('applyOverrides', () => {
  it('replaces final_grade, keeps the original and recomputes the consequences of the new grade', () => {
    const { results, ctx } = setup();
    const out = applyOverrides(results, [ov('B2', 'B'), ov('A1', 'A', { reason: '跨团队支援' })], ctx);
    const b2 = out.find((r) => r.staff_id === 'B2')!;
    expect([b2.grade, b2.original_grade, b2.final_grade, b2.override_reason]).toEqual(['C', 'C', 'B', '重大项目贡献']);
    expect(b2.improvement_plan).toBe(false); // was true with C
    expect(b2.bonus_amount).toBe(10000 * 3 * 0.25 * 1.0);
    const a1 = out.find((r) => r.staff_id === 'A1')!;
    expect(a1.bonus_amount).toBe(20000 * 3 * 0.25 * 1.2);
    expect(a1.total).toBe(90); // the formula's numbers stay
    const c3 = out.find((r) => r.staff_id === 'C3')!;
    expect([c3.final_grade, c3.original_grade, c3.override_reason]).toEqual(['B', 'B', null]);
  });

  it('promotion follows the overridden grade in a year; unknown salary keeps bonus_amount empty', () => {
    const { results, ctx } = setup(parsePeriod('2026'));
    const out = applyOverrides(results, [ov('B2', 'A', { periodId: '2026' }), ov('C3', 'C', { periodId: '2026' })], ctx);
    const b2 = out.find((r) => r.staff_id === 'B2')!;
    expect(b2.promotion_eligible).toBe(true); // junior, year, A (was C: false)
    expect(results.find((r) => r.staff_id === 'B2')!.promotion_eligible).toBe(false);
    const c3 = out.find((r) => r.staff_id === 'C3')!;
    expect(c3.bonus_amount).toBeNull();
    expect(c3.improvement_plan).toBe(true);
  });

  it('ignores other periods and people without a total, lets the latest override win, and does not mutate', () => {
    const { results, ctx } = setup();
    const before = JSON.stringify(results);
    const out = applyOverrides(results, [
      ov('A1', 'D', { periodId: '2026Q2' }), ov('D4', 'A'),
      ov('B2', 'A', { at: '2026-04-09 09:00' }), ov('B2', 'D', { at: '2026-04-08 09:00' }),
    ], ctx);
    expect(out.map((r) => r.final_grade)).toEqual(['S', 'A', 'B', null]);
    expect(JSON.stringify(results)).toBe(before);
  });
});

describe('calibrate', () => {
  const base: CalibrationInput = { periodId: '2026Q1', staff_id: 'B2', to: 'B', reason: '客户表扬', by: 'hr.li', at: '2026-04-08 11:00' };

  it('returns the new override list and a log entry with the grade before and after', () => {
    const { results } = setup();
    const first = calibrate([], base, { results, locked: false });
    expect(first.overrides).toEqual([{ periodId: '2026Q1', staff_id: 'B2', to: 'B', reason: '客户表扬', by: 'hr.li', at: '2026-04-08 11:00' }]);
    expect(first.entry).toMatchObject({ staff_id: 'B2', from: 'C', to: 'B', reason: '客户表扬' });
    const second = calibrate(first.overrides, { ...base, to: 'A', at: '2026-04-08 12:00' }, { results, locked: false });
    expect(second.overrides.map((o) => o.to)).toEqual(['A']);
    expect(second.entry).toMatchObject({ from: 'B', to: 'A' });
    expect(second.entry.id).not.toBe(first.entry.id);
    // back to the computed grade removes the override; the log keeps the step
    const back = calibrate(second.overrides, { ...base, to: 'C', reason: '撤销调整', at: '2026-04-08 13:00' }, { results, locked: false });
    expect(back.overrides).toEqual([]);
    expect(back.entry).toMatchObject({ from: 'A', to: 'C' });
  });

  const refused: [string, Partial<CalibrationInput>, boolean, CalibrationErrorCode, RegExp][] = [
    ['a closed period', {}, true, 'locked', /已定版/],
    ['an empty reason', { reason: '   ' }, false, 'reason', /必须填写原因/],
    ['an unknown grade', { to: 'E' as never }, false, 'grade', /无效的等级“E”/],
    ['an unknown person', { staff_id: 'Z9' }, false, 'person', /没有工号 Z9/],
    ['a person without a total', { staff_id: 'D4' }, false, 'no_total', /数据不足/],
    ['the grade already in force', { to: 'C' }, false, 'unchanged', /已是 C/],
  ];
  it.each(refused)('refuses %s in Chinese and English', (_what, change, locked, code, zh) => {
    const { results } = setup();
    let err: unknown;
    try { calibrate([], { ...base, ...change }, { results, locked }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(CalibrationError);
    const e = err as CalibrationError;
    expect(e.code).toBe(code);
    expect(e.text.zh).toMatch(zh);
    expect(e.text.en).toMatch(/[a-z]{3}/);
  });
});

describe('calibrationLogToCsv', () => {
  const log: CalibrationLogEntry[] = [
    { id: 'x2', periodId: '2026Q1', staff_id: 'B2', from: 'B', to: 'A', reason: '=HYPERLINK("x")', by: 'hr', at: '2026-04-08 12:00' },
    { id: 'x1', periodId: '2026Q1', staff_id: 'B2', from: 'C', to: 'B', reason: '客户表扬, 续约', by: 'hr', at: '2026-04-08 11:00' },
  ];
  it('writes a BOM, the headers in the chosen language, oldest first, guarded and quoted cells', () => {
    const zh = calibrationLogToCsv(log, 'zh');
    expect(zh.startsWith('\uFEFF记录编号,期间,工号,原等级,调整后等级,调整原因,调整人,调整时间\n')).toBe(true);
    const lines = zh.slice(1).split('\n');
    expect(lines[1]).toBe('x1,2026Q1,B2,C,B,"客户表扬, 续约",hr,2026-04-08 11:00');
    expect(lines[2]).toBe(`x2,2026Q1,B2,B,A,"'=HYPERLINK(""x"")",hr,2026-04-08 12:00`);
    expect(lines).toHaveLength(4); // header, 2 rows, trailing newline
    expect(calibrationLogToCsv([], 'en')).toBe('\uFEFFid,period,staff_id,from,to,reason,by,at\n');
  });
});

describe('resultsToCsvWithOverrides', () => {
  it('is exactly resultsToCsv when the period has no override', () => {
    const { results, period, ds } = setup();
    expect(resultsToCsvWithOverrides(results, winOnly, period, [ov('A1', 'D', { periodId: '2026Q2' })], ds.staff.salary))
      .toBe(resultsToCsv(results, winOnly, period));
  });

  it('adds override_reason right after final_grade and exports the calibrated grade and bonus', () => {
    const { results, period, ds, ctx } = setup();
    const overrides = [ov('B2', 'B', { reason: '客户表扬,\n续约' })];
    const text = resultsToCsvWithOverrides(results, winOnly, period, overrides, ds.staff.salary, { bom: false });
    const header = text.split('\n')[0].split(',');
    expect(header.slice(9, 13)).toEqual(['forced_grade', 'final_grade', 'override_reason', 'rank']);
    // every other cell is the plain export of the calibrated results
    const plain = resultsToCsv(applyOverrides(results, overrides, ctx), winOnly, period, { bom: false });
    const expected = plain.split('\n').map((l, i) => (i === 0
      ? l.replace('final_grade,', 'final_grade,override_reason,')
      : l.replace(/,2026Q1(?:,[^,]*){5},/, (m) => `${m}${l.startsWith('B2,') ? '"客户表扬,\n续约"' : ''},`))).join('\n');
    expect(text).toBe(expected);
    expect(text).toContain(',65.00,100.00,C,B,B,"客户表扬,\n续约",3,'); // threshold C stays, final B, bonus at B
    expect(text).toContain(',7500.00,false,false\n');
    const lines = text.split('\n');
    expect(lines.find((l) => l.startsWith("C3,"))).toContain("'=王五"); // the injection guard is kept, not doubled
    expect(lines.find((l) => l.startsWith('C3,'))).not.toContain("''=");
  });
});
