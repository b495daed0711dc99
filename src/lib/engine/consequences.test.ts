import { describe, expect, it } from 'vitest';
import type { Grade, Level } from './codes';
import { bonusAmount, bonusPool, defaultPublishedOn, feedbackDueOn, improvementPlan, promotionEligible } from './consequences';
import { formatDay } from './dataset';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import type { PersonResult } from './types';

const none = { length: 0, date: new Float64Array(0), kind: new Float64Array(0) };

describe('bonusAmount (spec §7)', () => {
  it.each<[string, number, number, number, number, number | null]>([
    ['quarter, S', 28000, 3, 0.25, 1.5, 31500],
    ['year, S', 28000, 12, 0.25, 1.5, 126000],
    ['quarter, B', 31000, 3, 0.25, 1.0, 23250],
    ['D pays 0, not empty', 31000, 3, 0.25, 0, 0],
    ['salary 0', 0, 3, 0.25, 1.2, 0],
    ['rounded per §5', 33333.33, 3, 0.25, 1.2, 30000], // 29999.997
    ['salary unknown', NaN, 3, 0.25, 1.5, null],
    ['no grade', 28000, 3, 0.25, NaN, null],
  ])('%s', (_, salary, months, share, coef, want) => {
    expect(bonusAmount(salary, months, share, coef)).toBe(want);
  });
});

describe('promotion and improvement plan', () => {
  const y = parsePeriod('2026');
  const q = parsePeriod('2026Q4');
  it.each<[string, Level, Grade | null, boolean, boolean]>([
    ['year', 'mid', 'B', true, false],
    ['year', 'junior', 'S', true, false],
    ['year', 'senior', 'S', false, false],
    ['year', 'mid', 'C', false, true],
    ['year', 'mid', 'D', false, true],
    ['year', 'mid', null, false, false],
    ['quarter', 'mid', 'A', false, false],
    ['quarter', 'junior', 'D', false, true],
  ])('%s, %s, %s', (kind, level, grade, promo, plan) => {
    expect(promotionEligible(kind === 'year' ? y : q, level, grade)).toBe(promo);
    expect(improvementPlan(grade)).toBe(plan);
  });
});

describe('bonusPool', () => {
  const result = (staffIndex: number, team: string, amount: number | null): PersonResult => ({
    staffIndex, staff_id: `P${staffIndex}`, name: '', team, level: 'mid', domain: 'consulting', total: 80, coverage: 100,
    grade: 'A', forced_grade: 'A', final_grade: 'A', rank: 1, points: {}, bonus_points: 0, bonus_amount: amount,
    promotion_eligible: false, improvement_plan: false,
  });
  it('totals the amounts against the pool at coefficient 1, by team, for people with an amount', () => {
    const salary = Float64Array.of(10000, 20000, NaN, 30000);
    const results = [result(0, '华东', 9000), result(1, '华东', 15000), result(2, '华东', null), result(3, '', 22500)];
    const { teams, overall } = bonusPool(results, salary, BUILT_IN_PRESETS[0].scenario, parsePeriod('2026Q1'));
    expect(teams).toEqual([
      { team: '', total: 22500, pool: 22500, people: 1 },
      { team: '华东', total: 24000, pool: 22500, people: 2 },
    ]);
    expect(overall).toEqual({ team: '', total: 46500, pool: 45000, people: 3 });
  });
});

describe('feedback meeting', () => {
  it('is due 5 working days after publication, by default the first working day after the period', () => {
    const published = defaultPublishedOn(parsePeriod('2026Q1'), none);
    expect(formatDay(published)).toBe('2026-04-01');
    expect(formatDay(feedbackDueOn(published, none))).toBe('2026-04-08');
  });
});
