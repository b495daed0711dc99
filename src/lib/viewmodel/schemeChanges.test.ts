import { describe, expect, it } from 'vitest';
import { presetScenario } from '../engine/presets';
import { withWeights } from '../state/scenarioKeys';
import { schemeChanges } from './schemeChanges';
import { setBonusItem, setMultiplier, setProfileValue, setPromotion, setSubweight, toggleStrategicIndustry } from './schemeEdit';
import { addCustomIndicator, removeIndicator, setProfileTarget, type CustomDraft } from './targetsEdit';

const standard = () => presetScenario('standard');
const zh = (a: ReturnType<typeof standard>, b: ReturnType<typeof standard>) => schemeChanges(a, b).map((c) => c.text.zh);
const en = (a: ReturnType<typeof standard>, b: ReturnType<typeof standard>) => schemeChanges(a, b).map((c) => c.text.en);

describe('schemeChanges', () => {
  it('is empty for the same scenario, and for a copy', () => {
    expect(schemeChanges(standard(), standard())).toEqual([]);
    expect(schemeChanges(standard(), structuredClone(standard()))).toEqual([]);
  });

  it('says a weight change in words, in both languages', () => {
    const s = standard();
    const w = Float64Array.from(s.indicators, (i) => i.weight);
    w[0] = 20;
    w[11] = 2.5;
    expect(zh(s, withWeights(s, w))).toEqual(['项目中标率 权重 18 → 20', '创新与改进贡献 权重 2 → 2.5']);
    expect(en(s, withWeights(s, w))[0]).toBe('Project win rate weight 18 → 20');
    expect(schemeChanges(s, withWeights(s, w))[0].key).toBe('indicators.win_rate.weight');
  });

  it.each([
    ['multiplier', (s: ReturnType<typeof standard>) => setMultiplier(s, 2), '战略行业倍数 1.5 → 2'],
    ['a strategic industry', (s: ReturnType<typeof standard>) => toggleStrategicIndustry(s, '金融', true), '战略行业 新增 金融'],
    ['a sub-weight', (s: ReturnType<typeof standard>) => setSubweight(s, 'solution_quality', 'first_pass_rate', 2), '需求调研与方案输出质量 · 方案评审一次通过率 子权重 1 → 2'],
    ['a new delta', (s: ReturnType<typeof standard>) => setProfileValue(s, 'level', 'junior', 'weights', 'innovation', 2), '初级 权重调整 创新与改进贡献 0 → 2'],
    ['a removed delta', (s: ReturnType<typeof standard>) => setProfileValue(s, 'domain', 'consulting', 'weights', 'insight_knowledge', null), '售前咨询 权重调整 客户需求洞察与知识沉淀 4 → 0'],
    ['a removed target override', (s: ReturnType<typeof standard>) => setProfileTarget(s, 'level', 'junior', 'win_rate', null), '初级 目标 项目中标率 50 → 基础目标'],
    ['the bonus item', (s: ReturnType<typeof standard>) => setBonusItem(s, 'ltv_uplift', { enabled: true }), '客户 LTV 提升加分 启用 否 → 是'],
    ['the bonus share', (s: ReturnType<typeof standard>) => ({ ...s, bonus: { ...s.bonus, bonus_share: 0.3 } }), '绩效奖金比例 25% → 30%'],
    ['a forced share', (s: ReturnType<typeof standard>) => ({ ...s, forced_distribution: { ...s.forced_distribution, shares: { S: 0.15, A: 0.15, B: 0.6, CD: 0.1 } } }), ['强制分布 S 档比例 10% → 15%', '强制分布 A 档比例 20% → 15%']],
    ['the promotion rule', (s: ReturnType<typeof standard>) => setPromotion(s, { min_grade: 'A', min_tenure_months: 12 }), ['晋升 最低等级 B → A', '晋升 最少入职月数 0 → 12']],
    ['a grade line', (s: ReturnType<typeof standard>) => ({ ...s, grades: { ...s.grades, A: 82 } }), 'A 档分数线 80 → 82'],
    ['a scoring override', (s: ReturnType<typeof standard>) => ({ ...s, scoring: { ...s.scoring, overrides: { win_rate: { cap: 1.5 } } } }), '项目中标率 评分规则 封顶系数 1.2 → 1.5'],
  ])('names %s', (_what, change, line) => {
    expect(zh(standard(), change(standard()))).toEqual([line].flat());
  });

  it('says an added or removed indicator in one line, not field by field', () => {
    const draft: CustomDraft = {
      id: 'saas_demo', label_zh: 'SaaS演示', label_en: 'SaaS demo', category: 'result', weight: 5, metricId: '', target: 30, unit: '',
      direction: 'higher', kind: 'activity_count', types: 'saas_demo', numerator: '', denominator: '', source: 'customer',
    };
    const s = standard();
    expect(zh(s, addCustomIndicator(s, draft))).toEqual(['新增考核指标 SaaS演示']);
    expect(zh(s, removeIndicator(s, 'innovation'))).toEqual(['删除考核指标 创新与改进贡献']);
    expect(zh(toggleStrategicIndustry(s, '能源', true), s)).toEqual(['战略行业 移除 能源']);
  });

  it('lists several changes, one line each, and does not change its inputs', () => {
    const s = standard();
    const copy = structuredClone(s);
    const t = setMultiplier(toggleStrategicIndustry(s, '金融', true), 3);
    expect(schemeChanges(s, t).map((c) => c.key).sort()).toEqual(['strategic_industries.金融', 'strategic_industry_multiplier']);
    expect(s).toEqual(copy);
  });
});
