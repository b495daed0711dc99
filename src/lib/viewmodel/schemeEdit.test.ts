import { describe, expect, it } from 'vitest';
import { presetScenario } from '../engine/presets';
import type { Dataset } from '../engine/dataset';
import { checkScenario } from './targetsEdit';
import {
  clampedWeights, industryChoices, setBonusItem, setHighValueThreshold, setMultiplier, setProfileValue, setRoleCoefficient,
  setPromotion, setStrategicIndustries, setSubweight, toggleStrategicIndustry, weightDelta,
} from './schemeEdit';

const standard = () => presetScenario('standard');
const projects = (industries: string[]) => ({ length: industries.length, industry: industries }) as unknown as Dataset['projects'];

describe('strategic industries', () => {
  it('trims, drops empty and repeated names, keeps the order', () => {
    expect(setStrategicIndustries(standard(), [' 金融 ', '', '能源', '金融']).strategic_industries).toEqual(['金融', '能源']);
  });
  it('toggles one industry on and off without touching the others or the input', () => {
    const s = setStrategicIndustries(standard(), ['能源']);
    const on = toggleStrategicIndustry(s, '金融', true);
    expect(on.strategic_industries).toEqual(['能源', '金融']);
    expect(toggleStrategicIndustry(on, ' 能源', false).strategic_industries).toEqual(['金融']);
    expect(s.strategic_industries).toEqual(['能源']);
  });
  it('lists the industries in the data, most projects first (ties in pinyin order), then strategic ones the data lacks', () => {
    const s = setStrategicIndustries(standard(), ['制造', '航天']);
    const choices = industryChoices(projects(['金融', '制造 ', '金融', '', '能源', '金融']), s);
    expect(choices).toEqual([
      { name: '金融', projects: 3, strategic: false },
      { name: '能源', projects: 1, strategic: false },
      { name: '制造', projects: 1, strategic: true },
      { name: '航天', projects: 0, strategic: true },
    ]);
  });
  it('counts a projects table once: a scheme edit lists the choices again without reading its rows', () => {
    let reads = 0;
    const cells = ['金融', '能源', '金融'];
    const table = { length: 3, industry: new Proxy(cells, { get: (a, k) => (typeof k === 'string' && /^\d+$/.test(k) && reads++, Reflect.get(a, k)) }) };
    const t = table as unknown as Dataset['projects'];
    expect(industryChoices(t, standard()).map((c) => [c.name, c.projects])).toEqual([['金融', 2], ['能源', 1]]);
    expect(reads).toBe(3);
    const choices = industryChoices(t, toggleStrategicIndustry(standard(), '能源', true));
    expect(choices.map((c) => [c.name, c.strategic])).toEqual([['金融', false], ['能源', true]]);
    expect(reads).toBe(3);
    // Another table (an import replaces it) is counted afresh.
    expect(industryChoices(projects(['能源']), standard()).map((c) => [c.name, c.projects])).toEqual([['能源', 1]]);
  });
});

describe('numbers checked by the scenario rules', () => {
  it.each([
    ['multiplier 0', (s: ReturnType<typeof standard>) => setMultiplier(s, 0), 'strategic_industry_multiplier'],
    ['multiplier 1e308', (s: ReturnType<typeof standard>) => setMultiplier(s, 1e308), 'strategic_industry_multiplier'],
    ['negative threshold', (s: ReturnType<typeof standard>) => setHighValueThreshold(s, -1), 'high_value_threshold'],
    ['NaN lead coefficient', (s: ReturnType<typeof standard>) => setRoleCoefficient(s, 'lead', Number.NaN), 'role_coefficients.lead'],
    ['support coefficient 11', (s: ReturnType<typeof standard>) => setRoleCoefficient(s, 'support', 11), 'role_coefficients.support'],
    ['sub-weight 0', (s: ReturnType<typeof standard>) => setSubweight(s, 'solution_quality', 'first_pass_rate', 0), 'indicators[5].metrics[1].subweight'],
    ['bonus item 101 points', (s: ReturnType<typeof standard>) => setBonusItem(s, 'ltv_uplift', { max_points: 101 }), 'bonus_items[0].max_points'],
    ['a delta of 1e7', (s: ReturnType<typeof standard>) => setProfileValue(s, 'level', 'junior', 'weights', 'win_rate', 1e7), 'profiles.level.junior.weights.win_rate'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    const c = checkScenario(change(standard()));
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.field).toBe(field);
  });

  it('accepts valid values and changes only that field', () => {
    const s = standard();
    const c = checkScenario(setRoleCoefficient(setHighValueThreshold(setMultiplier(s, 2), 500_000), 'support', 0.1));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.scenario).toEqual({
      ...s, strategic_industry_multiplier: 2, high_value_threshold: 500_000, role_coefficients: { lead: 0.3, support: 0.1 },
    });
  });

  it('sets a sub-weight of one metric only', () => {
    const s = setSubweight(standard(), 'solution_quality', 'first_pass_rate', 2.5);
    expect(s.indicators[5].metrics.map((m) => m.subweight)).toEqual([1, 2.5, 1]);
    expect(standard().indicators[5].metrics[1].subweight).toBe(1);
  });

  it('turns the LTV bonus item on with other points', () => {
    const s = setBonusItem(standard(), 'ltv_uplift', { enabled: true, max_points: 5 });
    expect(s.bonus_items).toEqual([{ id: 'ltv_uplift', metric: 'ltv_growth_share', max_points: 5, enabled: true }]);
  });
});

describe('weight deltas', () => {
  it('sets, replaces and removes (0 or null) a delta, keeping the profile’s targets', () => {
    const s = standard();
    const a = setProfileValue(s, 'level', 'junior', 'weights', 'innovation', 2);
    expect(a.profiles.level.junior).toEqual({ targets: s.profiles.level.junior?.targets, weights: { innovation: 2 } });
    expect(weightDelta(a, 'level', 'junior', 'innovation')).toBe(2);
    expect(setProfileValue(a, 'level', 'junior', 'weights', 'innovation', 0).profiles.level.junior).toEqual(s.profiles.level.junior);
    expect(setProfileValue(s, 'domain', 'consulting', 'weights', 'insight_knowledge', null).profiles.domain.consulting)
      .toEqual({ weights: { sales_contribution: -4 } });
    expect(weightDelta(s, 'level', 'mid', 'win_rate')).toBe(0);
  });

  it('drops a profile left empty', () => {
    const s = setProfileValue(setProfileValue(standard(), 'domain', 'product_expert', 'weights', 'support_efficiency', null),
      'domain', 'product_expert', 'weights', 'high_value_rate', null);
    expect('product_expert' in s.profiles.domain).toBe(false);
  });

  it('names every level × domain where the deltas take a weight below 0 (the engine clamps it)', () => {
    const s = setProfileValue(standard(), 'level', 'senior', 'weights', 'innovation', -1);
    const weights = Float64Array.from(s.indicators, (i) => i.weight);
    expect(clampedWeights(s, weights)).toEqual([]);
    weights[2] = 2; // high_value_rate 2 with product_expert −3
    const clamped = clampedWeights(setProfileValue(s, 'domain', 'consulting', 'weights', 'innovation', -1.5), weights);
    expect(clamped).toEqual([
      { level: 'junior', domain: 'product_expert', indicatorId: 'high_value_rate', raw: -1 },
      { level: 'mid', domain: 'product_expert', indicatorId: 'high_value_rate', raw: -1 },
      { level: 'senior', domain: 'product_expert', indicatorId: 'high_value_rate', raw: -1 },
      { level: 'senior', domain: 'consulting', indicatorId: 'innovation', raw: -0.5 },
    ]);
  });

describe('setPromotion', () => {
  it('sets parts of the rule and drops it when back at the spec rule', () => {
    const a = setPromotion(standard(), { min_grade: 'A' });
    expect(a.promotion).toEqual({ min_grade: 'A', consecutive_periods: 1, min_tenure_months: 0 });
    const b = setPromotion(a, { min_tenure_months: 6 });
    expect(b.promotion).toEqual({ min_grade: 'A', consecutive_periods: 1, min_tenure_months: 6 });
    const back = setPromotion(setPromotion(b, { min_tenure_months: 0 }), { min_grade: 'B' });
    expect('promotion' in back).toBe(false);
    expect(checkScenario(setPromotion(standard(), { consecutive_periods: 2.5 })).ok).toBe(false);
  });
});
});
