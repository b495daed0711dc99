import { describe, expect, it } from 'vitest';
import { computeResults } from '../engine/results';
import { parsePeriod } from '../engine/periods';
import { BUILT_IN_PRESETS } from '../engine/presets';
import type { Grade, Level } from '../engine/codes';
import type { PersonResult } from '../engine/types';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { improvementList, promotionList } from './resultLists';
import { listCsv } from './resultsCsv';

const standard = BUILT_IN_PRESETS[0].scenario;

/** The testkit's people with their metric rows moved to the year 2026. */
function yearResults(): PersonResult[] {
  const ds = metricsDataset(30);
  ds.metrics.period = ds.metrics.period.map(() => '2026');
  return computeResults(ds, '2026', standard).results;
}

const person = (id: string, level: Level, final: Grade | null, total: number | null, promo: boolean, plan: boolean): PersonResult => ({
  staffIndex: 0, staff_id: id, name: id, team: '', level, domain: 'consulting', total, coverage: 100, grade: final,
  forced_grade: final, final_grade: final, rank: 1, points: {}, bonus_points: 0, bonus_amount: null,
  promotion_eligible: promo, improvement_plan: plan,
});

describe('promotionList', () => {
  it('is null for a quarter: the list exists only for a year', () => {
    expect(promotionList([person('a', 'mid', 'S', 95, true, false)], parsePeriod('2026Q1'))).toBeNull();
  });

  it('holds exactly the non-senior people graded S, A or B in a year, best total first', () => {
    const results = yearResults();
    const list = promotionList(results, parsePeriod('2026'))!;
    const want = results.filter((r) => r.level !== 'senior' && ['S', 'A', 'B'].includes(r.final_grade ?? '')).map((r) => r.staff_id);
    expect(list.map((l) => l.staff_id).sort()).toEqual(want.sort());
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((l) => l.level === 'senior')).toBe(false);
    for (let i = 1; i < list.length; i++) expect(list[i - 1].total!).toBeGreaterThanOrEqual(list[i].total!);
    // a senior with a top grade stays off the list
    expect(results.some((r) => r.level === 'senior' && ['S', 'A', 'B'].includes(r.final_grade ?? ''))).toBe(true);
  });
});

describe('improvementList', () => {
  it('holds exactly the people graded C or D, lowest total first, ties by staff id', () => {
    const list = improvementList([
      person('b', 'mid', 'C', 65, false, true), person('a', 'junior', 'D', 40, false, true),
      person('c', 'senior', 'B', 75, false, false), person('d', 'mid', null, null, false, false),
      person('e', 'mid', 'C', 65, false, true),
    ]);
    expect(list.map((l) => l.staff_id)).toEqual(['a', 'b', 'e']);
  });

  it('matches the engine’s grades on a real quarter', () => {
    const { results } = computeResults(metricsDataset(20), '2026Q1', standard);
    const want = results.filter((r) => r.final_grade === 'C' || r.final_grade === 'D').map((r) => r.staff_id).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(improvementList(results).map((l) => l.staff_id).sort()).toEqual(want);
  });
});

describe('listCsv', () => {
  it('writes the list with 2-decimal totals and empty cells for no grade', () => {
    const text = listCsv([
      { staff_id: 'PS1', name: '张三', team: '华东', level: 'mid', domain: 'consulting', total: 72.345, final_grade: 'B' },
      { staff_id: 'PS2', name: '+李四', team: '', level: 'junior', domain: 'product_expert', total: null, final_grade: null },
    ], parsePeriod('2026'));
    expect(text).toBe(
      '\uFEFFstaff_id,name,team,level,domain,period,total,final_grade\n' +
      'PS1,张三,华东,mid,consulting,2026,72.35,B\n' +
      "PS2,'+李四,,junior,product_expert,2026,,\n",
    );
  });
});
