import { describe, expect, it } from 'vitest';
import { applyOverrides } from './calibration';
import { buildDataset, day, type ProjectRow } from './metrics.testkit';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { atLeast, promotionConditionsMet, promotionRule, servedMonths, SPEC_PROMOTION_RULE } from './promotion';
import { computeResults } from './results';
import { parseScenario, ScenarioError, serializeScenario } from './scenario';
import type { Scenario } from './types';

const year = parsePeriod('2026');

describe('promotion rule parts', () => {
  it('orders grades S best', () => {
    expect([atLeast('S', 'B'), atLeast('B', 'B'), atLeast('C', 'B'), atLeast(null, 'D'), atLeast('D', 'D')]).toEqual([true, true, false, false, true]);
  });
  it('counts whole months of tenure to the period end; an unknown hire date meets only 0', () => {
    expect(servedMonths(day('2025-01-01'), year, 24)).toBe(true);
    expect(servedMonths(day('2025-01-02'), year, 24)).toBe(false);
    expect(servedMonths(Number.NaN, year, 0)).toBe(true);
    expect(servedMonths(Number.NaN, year, 1)).toBe(false);
  });
  it('asks the years before for the minimum grade', () => {
    const rule = { min_grade: 'A' as const, consecutive_periods: 3, min_tenure_months: 0 };
    expect(promotionConditionsMet(rule, year, { hiredOn: Number.NaN, prior: ['S', 'A'] })).toBe(true);
    expect(promotionConditionsMet(rule, year, { hiredOn: Number.NaN, prior: ['S', 'B'] })).toBe(false);
    expect(promotionConditionsMet(rule, year, { hiredOn: Number.NaN, prior: ['S'] })).toBe(false);
    expect(promotionConditionsMet(SPEC_PROMOTION_RULE, year, { hiredOn: Number.NaN })).toBe(true);
  });
});

describe('promotion rule in a scenario file', () => {
  it('is absent in the presets (the spec rule) and round-trips when set', () => {
    const s = presetScenario('standard');
    expect(s.promotion).toBeUndefined();
    expect(promotionRule(s)).toBe(SPEC_PROMOTION_RULE);
    expect(serializeScenario(s)).not.toContain('promotion');
    const withRule: Scenario = { ...s, promotion: { min_grade: 'A', consecutive_periods: 2, min_tenure_months: 12 } };
    expect(parseScenario(JSON.parse(serializeScenario(withRule)))).toEqual(withRule);
    expect(parseScenario({ ...JSON.parse(serializeScenario(s)), promotion: {} }).promotion).toEqual(SPEC_PROMOTION_RULE);
  });
  it.each([
    [{ min_grade: 'E' }, 'promotion.min_grade'],
    [{ consecutive_periods: 0 }, 'promotion.consecutive_periods'],
    [{ consecutive_periods: 1.5 }, 'promotion.consecutive_periods'],
    [{ min_tenure_months: -1 }, 'promotion.min_tenure_months'],
    [{ min_tenure_months: 601 }, 'promotion.min_tenure_months'],
    ['B', 'promotion'],
  ])('refuses %j, naming %s', (promotion, field) => {
    const json = { ...JSON.parse(serializeScenario(presetScenario('standard'))), promotion };
    expect(() => parseScenario(json)).toThrow(ScenarioError);
    try { parseScenario(json); } catch (e) { expect((e as ScenarioError).field).toBe(field); }
  });
});

describe('promotion rule in the results', () => {
  // Win rate only (target 60): a year of all won is S, all lost is D. A won 2025 and 2026; B lost 2025;
  // C won both but was hired in mid-2025; D is senior.
  const won = (id: string, staff: string, date: string, status: 'won' | 'lost' = 'won'): ProjectRow =>
    ({ project_id: id, staff_id: staff, status, decided_on: date, role: 'lead', industry: '金融', amount: 100_000, customer_id: `C${id}` });
  const ds = buildDataset({
    staff: [
      { staff_id: 'A', level: 'mid', hired_on: '2020-03-01' }, { staff_id: 'B', level: 'junior', hired_on: '2020-03-01' },
      { staff_id: 'C', level: 'mid', hired_on: '2025-07-01' }, { staff_id: 'D', level: 'senior', hired_on: '2019-01-01' },
    ],
    projects: [
      won('1', 'A', '2025-05-01'), won('2', 'A', '2026-05-01'), won('3', 'B', '2025-05-01', 'lost'), won('4', 'B', '2026-05-01'),
      won('5', 'C', '2025-08-01'), won('6', 'C', '2026-05-01'), won('7', 'D', '2025-05-01'), won('8', 'D', '2026-05-01'),
    ],
  });
  const s = presetScenario('standard');
  const winOnly: Scenario = { ...s, indicators: [s.indicators[0]], profiles: { level: {}, domain: {} } };
  const eligible = (rule?: Scenario['promotion']) => computeResults(ds, '2026', { ...winOnly, promotion: rule }).results.map((r) => `${r.staff_id}:${r.promotion_eligible}`);

  it('follows the spec without a rule, and the stricter rule when set', () => {
    expect(eligible()).toEqual(['A:true', 'B:true', 'C:true', 'D:false']);
    expect(eligible({ min_grade: 'S', consecutive_periods: 2, min_tenure_months: 0 })).toEqual(['A:true', 'B:false', 'C:true', 'D:false']);
    expect(eligible({ min_grade: 'B', consecutive_periods: 1, min_tenure_months: 24 })).toEqual(['A:true', 'B:true', 'C:false', 'D:false']);
    expect(eligible({ min_grade: 'S', consecutive_periods: 2, min_tenure_months: 24 })).toEqual(['A:true', 'B:false', 'C:false', 'D:false']);
  });

  it('judges a calibrated grade by the same rule, keeping the tenure and earlier years', () => {
    const scenario: Scenario = { ...winOnly, promotion: { min_grade: 'A', consecutive_periods: 2, min_tenure_months: 0 } };
    const { results } = computeResults(ds, '2026', scenario);
    const at = '2026-12-01T00:00:00Z';
    const calibrated = applyOverrides(results, [
      { periodId: '2026', staff_id: 'A', to: 'B', reason: 'x', by: 'hr', at },
      { periodId: '2026', staff_id: 'B', to: 'S', reason: 'x', by: 'hr', at },
    ], { scenario, period: year, salary: ds.staff.salary });
    expect(calibrated.map((r) => `${r.staff_id}:${r.final_grade}:${r.promotion_eligible}`)).toEqual(['A:B:false', 'B:S:false', 'C:S:true', 'D:S:false']);
  });
});
