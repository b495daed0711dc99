import { describe, expect, it } from 'vitest';
import { bonusPool } from '../engine/consequences';
import { computeResults } from '../engine/results';
import { parsePeriod } from '../engine/periods';
import { BUILT_IN_PRESETS } from '../engine/presets';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { bonusLines, parseCoefficient, parseSharePercent, withBonusShare, withCoefficient } from './bonusTable';
import { bonusCsv } from './resultsCsv';

const standard = BUILT_IN_PRESETS[0].scenario;
const q1 = parsePeriod('2026Q1');

/** 20 people of the testkit with varied salaries; PS1003 and PS1017 have none. */
function setup(scenario = standard) {
  const ds = metricsDataset(20);
  ds.staff.salary = Float64Array.from(ds.staff.staff_id, (_, i) => 15_000 + 1_000 * i);
  ds.staff.salary[2] = NaN;
  ds.staff.salary[16] = NaN;
  const { results } = computeResults(ds, '2026Q1', scenario);
  return { ds, results, lines: bonusLines(results, ds.staff.salary, scenario, q1) };
}

describe('bonusLines', () => {
  it('lists people without a salary as such, never as a zero amount', () => {
    const { lines } = setup();
    const missing = lines.filter((l) => l.status === 'no_salary');
    expect(missing.map((l) => l.staff_id)).toEqual(['PS1003', 'PS1017']);
    for (const l of missing) {
      expect(l.amount).toBeNull();
      expect(l.salary).toBeNull();
    }
  });

  it('computes salary × months × share × coefficient of the final grade, as the engine does', () => {
    const { lines, results } = setup();
    const ok = lines.filter((l) => l.status === 'ok');
    expect(ok.length).toBe(18);
    for (const l of ok) {
      const r = results.find((x) => x.staff_id === l.staff_id)!;
      expect(l.amount).toBe(r.bonus_amount);
      expect(l.amount).toBeCloseTo(l.salary! * 3 * 0.25 * standard.bonus.coefficients[l.final_grade!], 6);
    }
    // the testkit spreads totals over several grades, so the coefficients really differ
    expect(new Set(ok.map((l) => l.final_grade)).size).toBeGreaterThan(2);
  });

  it('marks someone with a salary but no grade as "no grade", without an amount or coefficient', () => {
    const { results, ds } = setup();
    const r = { ...results[0], total: null, grade: null, forced_grade: null, final_grade: null, rank: null, bonus_amount: null };
    const [l] = bonusLines([r], ds.staff.salary, standard, q1);
    expect(l).toMatchObject({ status: 'no_grade', salary: 15_000, coefficient: null, amount: null });
  });
});

describe('bonus pool by team (engine bonusPool)', () => {
  it('sums amounts and the pool at coefficient 1 per team over the people with an amount', () => {
    const { ds, results, lines } = setup();
    const { teams, overall } = bonusPool(results, ds.staff.salary, standard, q1);
    expect(teams.map((t) => t.team)).toEqual(['', '华东', '华北']);
    for (const t of teams) {
      const mine = lines.filter((l) => l.team === t.team && l.status === 'ok');
      expect(t.people).toBe(mine.length);
      expect(t.total).toBeCloseTo(mine.reduce((s, l) => s + l.amount!, 0), 2);
      expect(t.pool).toBeCloseTo(mine.reduce((s, l) => s + l.salary! * 3 * 0.25, 0), 2);
    }
    expect(overall.people).toBe(18);
    expect(overall.total).toBeCloseTo(teams.reduce((s, t) => s + t.total, 0), 2);
    // 华东 is PS1001–PS1008 without PS1003: 7 people
    expect(teams[1].people).toBe(7);
  });

  it('follows an edited share and coefficient', () => {
    const edited = withCoefficient(withBonusShare(standard, 0.3), 'B', 2);
    const { ds, results } = setup(edited);
    const before = setup();
    const { overall } = bonusPool(results, ds.staff.salary, edited, q1);
    const base = bonusPool(before.results, before.ds.staff.salary, standard, q1).overall;
    expect(overall.pool).toBeCloseTo(base.pool * 1.2, 2);
    const b = results.find((r) => r.final_grade === 'B' && Number.isFinite(ds.staff.salary[r.staffIndex]))!;
    expect(b.bonus_amount).toBeCloseTo(ds.staff.salary[b.staffIndex] * 3 * 0.3 * 2, 2);
    expect(standard.bonus.bonus_share).toBe(0.25); // the preset itself is untouched
    expect(standard.bonus.coefficients.B).toBe(1);
  });
});

describe('parsing the inputs', () => {
  it.each<[string, number | null]>([
    ['25', 0.25], [' 7 ', 0.07], ['0', 0], ['100', 1], ['22.5', 0.225],
    ['', null], ['-1', null], ['101', null], ['abc', null], ['1e400', null],
  ])('share %j → %j', (text, want) => {
    const p = parseSharePercent(text);
    if (want === null) {
      expect(p.error?.zh).toContain(text);
      expect(p.error?.en).toContain('0 to 100');
    } else expect(p.value).toBe(want);
  });

  it.each<[string, number | null]>([['1.5', 1.5], ['0', 0], ['', null], ['-0.1', null], ['x', null]])('coefficient %j → %j', (text, want) => {
    const p = parseCoefficient('S', text);
    if (want === null) {
      expect(p.error?.zh).toContain('等级 S');
      expect(p.error?.en).toContain('grade S');
    } else expect(p.value).toBe(want);
  });
});

describe('bonusCsv', () => {
  it('writes a BOM, one line per person, empty cells for the unknown, and guards formula-looking names', () => {
    const { lines } = setup();
    const evil = { ...lines[0], name: '=HYPERLINK("x")', team: '-华东' };
    const text = bonusCsv([evil, ...lines.slice(1)], q1);
    expect(text.startsWith('\uFEFFstaff_id,name,team,level,period,final_grade,salary,months,bonus_share,coefficient,bonus_amount,status\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\n');
    expect(rows).toHaveLength(21);
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")",'-华东`);
    expect(rows[3]).toMatch(/^PS1003,姓名PS1003,华东,senior,2026Q1,[SABCD],,3,0.25,[\d.]+,,no_salary$/);
    const ok = lines.find((l) => l.status === 'ok')!;
    expect(rows.find((r) => r.startsWith(`${ok.staff_id},`))).toContain(`,${ok.amount!.toFixed(2)},ok`);
  });
});
