import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import standardJson from './presets/standard.json';
import { errorOf, mutate, raw } from './scenario.testkit';
import { parsePeriod } from './periods';
import {
  exportedIndicators, metricTarget, parseScenario, parseScenarioText, personWeights, ScenarioError, serializeScenario,
} from './scenario';
import type { Scenario } from './types';

const standard = parseScenario(raw());

describe('parseScenario reads the standard preset as it is', () => {
  it('keeps every indicator, weight and target', () => {
    expect(standard.indicators.map((i) => [i.id, i.weight])).toEqual([
      ['win_rate', 18], ['sales_contribution', 14], ['high_value_rate', 13], ['adoption_rate', 10], ['customer_repeat_rate', 0],
      ['solution_quality', 14], ['support_efficiency', 11], ['insight_knowledge', 8], ['sales_satisfaction', 0],
      ['professional_growth', 6], ['teamwork_satisfaction', 4], ['innovation', 2],
    ]);
    expect(standard.indicators[1].metrics[0]).toEqual({ id: 'sales_contribution', target: 600000, unit: 'month', direction: 'higher', subweight: 1 });
    expect(standard.profiles.domain.consulting?.weights).toEqual({ insight_knowledge: 4, sales_contribution: -4 });
    expect(standard.forced_distribution).toEqual({ shares: { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 }, group_by: 'none', use_forced_distribution: false });
  });

  it('fills the spec defaults of a minimal file', () => {
    const s = parseScenario({
      format: 'presales-kpi-scenario', version: 1,
      indicators: [{ id: 'win_rate', category: 'result', weight: 1, metrics: [{ id: 'win_rate', target: 60 }] }],
    });
    expect(s.indicators[0]).toEqual({
      id: 'win_rate', category: 'result', weight: 1, label_zh: 'win_rate', label_en: 'win_rate',
      metrics: [{ id: 'win_rate', target: 60, direction: 'higher', subweight: 1 }],
    });
    expect(s.scoring).toEqual({ cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0, overrides: {} });
    expect(s.grades).toEqual({ S: 90, A: 80, B: 70, C: 60 });
    expect(s.strategic_industry_multiplier).toBe(1.5);
    expect(s.high_value_threshold).toBe(1_000_000);
    expect(s.role_coefficients).toEqual({ lead: 0.3, support: 0.2 });
    expect(s.bonus).toEqual({ bonus_share: 0.25, coefficients: { S: 1.5, A: 1.2, B: 1, C: 0.6, D: 0 } });
    expect(s.category_bands).toEqual({ result: [50, 60], process: [30, 40], capability: [10, 15] });
    expect(s.profiles).toEqual({ level: {}, domain: {} });
    expect(s.bonus_items).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = raw();
    const before = JSON.stringify(input);
    parseScenario(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('parseScenario refuses malformed scenarios, naming the field', () => {
  const custom = { id: 'x', target: 30, define: { kind: 'activity_ratio', numerator: ['a'], denominator: ['b'] } };
  it.each<[string, unknown, string]>([
    ['not an object', 'hello', '(root)'],
    ['wrong format', mutate((s) => { s.format = 'other'; }), 'format'],
    ['unknown version', mutate((s) => { s.version = 2; }), 'version'],
    ['missing version', mutate((s) => { delete s.version; }), 'version'],
    ['no indicators', mutate((s) => { s.indicators = []; }), 'indicators'],
    ['indicators not an array', mutate((s) => { s.indicators = {}; }), 'indicators'],
    ['zero target', mutate((s) => { s.indicators[2].metrics[0].target = 0; }), 'indicators[2].metrics[0].target'],
    ['negative target', mutate((s) => { s.indicators[5].metrics[1].target = -80; }), 'indicators[5].metrics[1].target'],
    ['missing target', mutate((s) => { delete s.indicators[0].metrics[0].target; }), 'indicators[0].metrics[0].target'],
    ['text target', mutate((s) => { s.indicators[0].metrics[0].target = '60'; }), 'indicators[0].metrics[0].target'],
    ['zero sub-weight', mutate((s) => { s.indicators[5].metrics[2].subweight = 0; }), 'indicators[5].metrics[2].subweight'],
    ['negative weight', mutate((s) => { s.indicators[3].weight = -1; }), 'indicators[3].weight'],
    ['missing weight', mutate((s) => { delete s.indicators[3].weight; }), 'indicators[3].weight'],
    ['infinite weight', mutate((s) => { s.indicators[3].weight = Infinity; }), 'indicators[3].weight'],
    ['bad category', mutate((s) => { s.indicators[0].category = 'bonus'; }), 'indicators[0].category'],
    ['bad unit', mutate((s) => { s.indicators[1].metrics[0].unit = 'week'; }), 'indicators[1].metrics[0].unit'],
    ['bad direction', mutate((s) => { s.indicators[1].metrics[0].direction = 'up'; }), 'indicators[1].metrics[0].direction'],
    ['no metrics', mutate((s) => { s.indicators[4].metrics = []; }), 'indicators[4].metrics'],
    ['duplicate indicator', mutate((s) => { s.indicators[1].id = 'win_rate'; }), 'indicators[1].id'],
    ['unknown metric without define', mutate((s) => { s.indicators[0].metrics[0].id = 'magic'; }), 'indicators[0].metrics[0].id'],
    ['redefined built-in', mutate((s) => { s.indicators[0].metrics[0].define = { kind: 'column' }; }), 'indicators[0].metrics[0].define'],
    ['bad define kind', mutate((s) => { s.indicators[0].metrics.push({ ...custom, define: { kind: 'sql' } }); }), 'indicators[0].metrics[1].define.kind'],
    ['empty ratio numerator', mutate((s) => { s.indicators[0].metrics.push({ ...custom, define: { ...custom.define, numerator: [] } }); }), 'indicators[0].metrics[1].define.numerator'],
    ['bad rating source', mutate((s) => { s.indicators[0].metrics.push({ ...custom, define: { kind: 'rating_mean', source: 'boss' } }); }), 'indicators[0].metrics[1].define.source'],
    ['conflicting defines', mutate((s) => {
      s.indicators[0].metrics.push(custom);
      s.indicators[1].metrics.push({ ...custom, define: { kind: 'column' } });
    }), 'indicators[1].metrics[1].define'],
    ['override of unknown indicator', mutate((s) => { s.scoring.overrides = { nope: { cap: 1.5 } }; }), 'scoring.overrides.nope'],
    ['zero cap', mutate((s) => { s.scoring.cap = 0; }), 'scoring.cap'],
    ['negative override slope', mutate((s) => { s.scoring.overrides = { win_rate: { bonus_slope: -1 } }; }), 'scoring.overrides.win_rate.bonus_slope'],
    ['grades out of order', mutate((s) => { s.grades.A = 95; }), 'grades'],
    ['shares not adding up', mutate((s) => { s.forced_distribution.shares.B = 0.5; }), 'forced_distribution.shares'],
    ['share above 1', mutate((s) => { s.forced_distribution.shares.S = 1.5; }), 'forced_distribution.shares.S'],
    ['bad group_by', mutate((s) => { s.forced_distribution.group_by = 'manager'; }), 'forced_distribution.group_by'],
    ['non-boolean switch', mutate((s) => { s.forced_distribution.use_forced_distribution = 'yes'; }), 'forced_distribution.use_forced_distribution'],
    ['unknown level', mutate((s) => { s.profiles.level.expert = {}; }), 'profiles.level.expert'],
    ['profile weight of unknown indicator', mutate((s) => { s.profiles.domain.consulting.weights.nope = 1; }), 'profiles.domain.consulting.weights.nope'],
    ['zero profile target', mutate((s) => { s.profiles.level.junior.targets.win_rate = 0; }), 'profiles.level.junior.targets.win_rate'],
    ['profile target of unknown metric', mutate((s) => { s.profiles.level.junior.targets.nope = 3; }), 'profiles.level.junior.targets.nope'],
    ['negative bonus coefficient', mutate((s) => { s.bonus.coefficients.S = -1; }), 'bonus.coefficients.S'],
    ['bonus item of unknown metric', mutate((s) => { s.bonus_items[0].metric = 'nope'; }), 'bonus_items[0].metric'],
    ['band upside down', mutate((s) => { s.category_bands.result = [60, 50]; }), 'category_bands.result'],
    ['empty strategic industry', mutate((s) => { s.strategic_industries = [' ']; }), 'strategic_industries[0]'],
    ['zero multiplier', mutate((s) => { s.strategic_industry_multiplier = 0; }), 'strategic_industry_multiplier'],
  ])('%s → %s', (_, input, field) => {
    const e = errorOf(input);
    expect(e.field).toBe(field);
    expect(e.text.zh).toContain(field);
    expect(e.text.en).toContain(field);
    expect(e.text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).toContain(field);
  });

  it('says which value is wrong', () => {
    const e = errorOf(mutate((s) => { s.indicators[2].metrics[0].target = -5; }));
    expect(e.text.en).toContain('-5');
    expect(e.text.zh).toContain('-5');
  });

  it('parseScenarioText turns JSON syntax errors into ScenarioError', () => {
    expect(() => parseScenarioText('{"format": ')).toThrow(ScenarioError);
    let caught: unknown;
    try {
      parseScenarioText('{oops}');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).field).toBe('(file)');
    expect((caught as ScenarioError).text.zh).toContain('JSON');
  });

  it('parseScenarioText accepts a BOM', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(standardJson)}`)).toEqual(standard);
  });
});

describe('serializeScenario', () => {
  it('round-trips the standard scenario', () => {
    expect(parseScenario(JSON.parse(serializeScenario(standard)))).toStrictEqual(standard);
  });

  it('round-trips scenarios with random weights, targets, units and custom metrics', () => {
    const metric = fc.record({
      target: fc.double({ min: 0.01, max: 1e7, noNaN: true }),
      unit: fc.constantFrom(undefined, 'month', 'quarter', 'year'),
      direction: fc.constantFrom('higher', 'lower'),
      subweight: fc.double({ min: 0.01, max: 10, noNaN: true }),
    });
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(30), metric), { minLength: 12, maxLength: 12 }), fc.boolean(), (xs, withCustom) => {
      const s = raw();
      s.indicators.forEach((ind: any, i: number) => {
        ind.weight = xs[i][0];
        const m = xs[i][1];
        Object.assign(ind.metrics[0], { target: m.target, direction: m.direction, subweight: m.subweight });
        if (m.unit) ind.metrics[0].unit = m.unit;
        else delete ind.metrics[0].unit;
      });
      if (withCustom) {
        s.indicators[0].metrics.push({ id: 'demo', target: 5, direction: 'higher', define: { kind: 'activity_count', types: ['demo'] } });
      }
      const parsed = parseScenario(s);
      expect(parseScenario(JSON.parse(serializeScenario(parsed)))).toStrictEqual(parsed);
    }), { numRuns: 50 });
  });

  it('writes the §9 keys in the preset order, 2-space indented', () => {
    const text = serializeScenario(standard);
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(standardJson));
    expect(text).toMatch(/^\{\n {2}"format": "presales-kpi-scenario",\n {2}"version": 1,/);
  });
});

describe('personWeights', () => {
  it.each<[Parameters<typeof personWeights>[1], Parameters<typeof personWeights>[2], Record<string, number>]>([
    ['mid', 'industry_solution', { sales_contribution: 14, insight_knowledge: 8, support_efficiency: 11, high_value_rate: 13 }],
    ['junior', 'consulting', { sales_contribution: 10, insight_knowledge: 12 }],
    ['senior', 'product_expert', { support_efficiency: 14, high_value_rate: 10 }],
  ])('%s %s', (level, domain, expected) => {
    const w = personWeights(standard, level, domain);
    for (const [id, v] of Object.entries(expected)) expect(w[standard.indicators.findIndex((i) => i.id === id)]).toBe(v);
  });

  it('never goes below 0', () => {
    const s = parseScenario(mutate((x) => { x.profiles.domain.consulting.weights.innovation = -10; }));
    expect(personWeights(s, 'mid', 'consulting')[11]).toBe(0);
  });
});

describe('metricTarget', () => {
  const ind = (id: string) => standard.indicators.find((i) => i.id === id)!;
  const q1 = parsePeriod('2026Q1');
  const y = parsePeriod('2026');
  it.each<[string, string, Scenario['indicators'][0]['metrics'][0]['id'], Parameters<typeof personWeights>[1], string, number]>([
    ['no unit: same in every period', 'win_rate', 'win_rate', 'mid', '2026', 60],
    ['level override', 'win_rate', 'win_rate', 'junior', '2026Q1', 50],
    ['per month × 3', 'sales_contribution', 'sales_contribution', 'mid', '2026Q1', 1_800_000],
    ['per month × 12', 'sales_contribution', 'sales_contribution', 'mid', '2026', 7_200_000],
    ['override stays per month', 'sales_contribution', 'sales_contribution', 'senior', '2026Q1', 3_000_000],
    ['per quarter in a year', 'insight_knowledge', 'insight_reports', 'mid', '2026', 8],
    ['per year in a quarter', 'professional_growth', 'certifications', 'mid', '2026Q1', 0.5],
  ])('%s', (_, indId, metricId, level, period, want) => {
    const i = ind(indId);
    const m = i.metrics.find((x) => x.id === metricId)!;
    expect(metricTarget(standard, i, m, level, 'industry_solution', period === '2026' ? y : q1)).toBeCloseTo(want, 9);
  });

  it('the domain override wins over the level override', () => {
    const s = parseScenario(mutate((x) => { x.profiles.domain.consulting.targets = { win_rate: 40 }; }));
    const i = s.indicators[0];
    expect(metricTarget(s, i, i.metrics[0], 'junior', 'consulting', q1)).toBe(40);
    expect(metricTarget(s, i, i.metrics[0], 'junior', 'product_expert', q1)).toBe(50);
  });
});

describe('exportedIndicators', () => {
  it('lists indicators with weight > 0 for some level/domain, in scenario order', () => {
    expect(exportedIndicators(standard).map((i) => i.id)).toEqual([
      'win_rate', 'sales_contribution', 'high_value_rate', 'adoption_rate', 'solution_quality', 'support_efficiency',
      'insight_knowledge', 'professional_growth', 'teamwork_satisfaction', 'innovation',
    ]);
  });

  it('includes a base-0 indicator that a delta lifts for one combination', () => {
    const s = parseScenario(mutate((x) => { x.profiles.level.senior.weights = { sales_satisfaction: 5 }; }));
    expect(exportedIndicators(s).map((i) => i.id)).toContain('sales_satisfaction');
  });

  it('drops a weighted indicator that deltas zero out everywhere', () => {
    const s = parseScenario(mutate((x) => {
      x.indicators[11].weight = 2;
      x.profiles.level = { junior: { weights: { innovation: -2 } }, mid: { weights: { innovation: -2 } }, senior: { weights: { innovation: -3 } } };
    }));
    expect(exportedIndicators(s).map((i) => i.id)).not.toContain('innovation');
  });
});

it('the preset file read as text equals the preset read as JSON', () => {
  const text = readFileSync(new URL('./presets/standard.json', import.meta.url), 'utf8');
  expect(parseScenarioText(text)).toEqual(standard);
});
