import { describe, expect, it } from 'vitest';
import { resultsCsvHeader, resultsToCsv } from './exportCsv';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import type { PersonResult } from './types';

const standard = BUILT_IN_PRESETS[0].scenario;
const Q1 = parsePeriod('2026Q1');
const points = (v: number | null): Record<string, number | null> => Object.fromEntries(standard.indicators.map((i) => [i.id, v]));
const base: PersonResult = {
  staffIndex: 0, staff_id: 'PS1001', name: '杜眉', team: '华东售前部', level: 'mid', domain: 'industry_solution',
  total: 96.98, coverage: 100, grade: 'S', forced_grade: 'S', final_grade: 'S', rank: 2, points: points(1.5),
  bonus_points: 0, bonus_amount: 31500, promotion_eligible: false, improvement_plan: false,
};

describe('resultsToCsv (spec §8)', () => {
  it('writes the header in the spec order, with exported indicators only', () => {
    expect(resultsCsvHeader(standard).join(',')).toBe(
      'staff_id,name,team,level,domain,period,total,coverage,grade,forced_grade,final_grade,rank,'
      + 'win_rate_points,sales_contribution_points,high_value_rate_points,adoption_rate_points,solution_quality_points,'
      + 'support_efficiency_points,insight_knowledge_points,professional_growth_points,teamwork_satisfaction_points,'
      + 'innovation_points,bonus_points,bonus_amount,promotion_eligible,improvement_plan',
    );
  });

  it('starts with a BOM by default, ends each line with \\n', () => {
    const csv = resultsToCsv([base], standard, Q1);
    expect(csv.startsWith('\uFEFFstaff_id,')).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.split('\n')).toHaveLength(3);
    expect(resultsToCsv([base], standard, Q1, { bom: false }).startsWith('staff_id,')).toBe(true);
  });

  it('formats a full row: 2-decimal numbers, integer rank, true/false', () => {
    const row = resultsToCsv([{ ...base, total: 62.8, points: { ...points(1.5), win_rate: 12, innovation: 2.345 }, bonus_points: 1.125 }], standard, Q1, { bom: false }).split('\n')[1];
    expect(row).toBe('PS1001,杜眉,华东售前部,mid,industry_solution,2026Q1,62.80,100.00,S,S,S,2,12.00,1.50,1.50,1.50,1.50,1.50,1.50,1.50,1.50,2.35,1.13,31500.00,false,false');
  });

  it('empty cells for N/A points, no grade, unknown salary', () => {
    const row = resultsToCsv([{ ...base, points: { ...points(3), win_rate: null }, bonus_amount: null, forced_grade: 'B', final_grade: 'C', grade: 'C', improvement_plan: true }], standard, Q1, { bom: false }).split('\n')[1];
    expect(row).toBe('PS1001,杜眉,华东售前部,mid,industry_solution,2026Q1,96.98,100.00,C,B,C,2,,3.00,3.00,3.00,3.00,3.00,3.00,3.00,3.00,3.00,0.00,,false,true');
  });

  it('a person with no total: empty total, grades, rank, points, bonus; coverage 0.00; both flags false', () => {
    const none: PersonResult = {
      ...base, total: null, coverage: 0, grade: null, forced_grade: null, final_grade: null, rank: null, points: points(null),
      bonus_points: null, bonus_amount: null, promotion_eligible: false, improvement_plan: false,
    };
    const row = resultsToCsv([none], standard, Q1, { bom: false }).split('\n')[1];
    // 4 grade/rank cells + 10 points + bonus_points + bonus_amount = 16 empty cells → 17 commas
    expect(row).toBe(`PS1001,杜眉,华东售前部,mid,industry_solution,2026Q1,,0.00${','.repeat(17)}false,false`);
    expect(row.split(',')).toHaveLength(resultsCsvHeader(standard).length);
  });

  it('sorts by staff_id without reordering the caller\'s array', () => {
    const results = [{ ...base, staff_id: 'PS1010' }, { ...base, staff_id: 'PS1002' }, { ...base, staff_id: 'PS1001' }];
    const csv = resultsToCsv(results, standard, Q1, { bom: false });
    expect(csv.split('\n').slice(1, 4).map((l) => l.split(',')[0])).toEqual(['PS1001', 'PS1002', 'PS1010']);
    expect(results.map((r) => r.staff_id)).toEqual(['PS1010', 'PS1002', 'PS1001']);
  });

  it('guards and quotes text cells', () => {
    const row = resultsToCsv([{ ...base, name: '=HYPERLINK("x")', team: 'A,B' }], standard, Q1, { bom: false }).split('\n')[1];
    expect(row.startsWith('PS1001,"\'=HYPERLINK(""x"")","A,B",mid,')).toBe(true);
  });

  it('writes the period id and rounds numbers per §5 (6.274999999999999 → 6.28)', () => {
    const row = resultsToCsv([{ ...base, total: 6.274999999999999 }], standard, parsePeriod('2026'), { bom: false }).split('\n')[1];
    expect(row.split(',').slice(5, 7)).toEqual(['2026', '6.28']);
  });

  it('an indicator with weight 0 everywhere has no column; one lifted by a delta has', () => {
    const s = structuredClone(standard);
    s.profiles.level.senior = { ...s.profiles.level.senior, weights: { sales_satisfaction: 5 } };
    expect(resultsCsvHeader(s)).toContain('sales_satisfaction_points');
    expect(resultsCsvHeader(standard)).not.toContain('sales_satisfaction_points');
    expect(resultsCsvHeader(standard)).not.toContain('customer_repeat_rate_points');
  });
});
