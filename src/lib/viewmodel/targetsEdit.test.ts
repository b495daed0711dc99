import { describe, expect, it } from 'vitest';
import { presetScenario } from '../engine/presets';
import {
  addCustomIndicator, checkScenario, draftDefine, parseInputNumber, removeIndicator, setBaseTarget, setProfileTarget, usedIds,
  type CustomDraft,
} from './targetsEdit';

const draft = (over: Partial<CustomDraft> = {}): CustomDraft => ({
  id: 'saas_demo_conversion', label_zh: 'SaaS演示转化率', label_en: 'SaaS demo conversion', category: 'result', weight: 5,
  metricId: '', target: 30, unit: '', direction: 'higher', kind: 'activity_ratio', types: '',
  numerator: 'saas_demo_won', denominator: 'saas_demo', source: 'customer', ...over,
});

describe('parseInputNumber', () => {
  it.each([
    ['', null], ['  ', null], ['65', 65], ['1,000,000', 1_000_000], [' 2.5 ', 2.5],
  ])('%j → %j', (text, value) => {
    expect(parseInputNumber(text)).toBe(value);
  });
  it('gives NaN for text that is not a number', () => {
    expect(parseInputNumber('abc')).toBeNaN();
  });
});

describe('checkScenario', () => {
  it('accepts the standard preset unchanged', () => {
    const s = presetScenario('standard');
    const c = checkScenario(s);
    expect(c.ok && c.scenario).toEqual(s);
  });

  it.each([
    ['a negative base target', (s: ReturnType<typeof presetScenario>) => setBaseTarget(s, 'win_rate', -5), 'indicators[0].metrics[0].target'],
    ['a NaN base target', (s: ReturnType<typeof presetScenario>) => setBaseTarget(s, 'visits', Number.NaN), 'indicators[6].metrics[2].target'],
    ['a zero level target', (s: ReturnType<typeof presetScenario>) => setProfileTarget(s, 'level', 'junior', 'win_rate', 0), 'profiles.level.junior.targets.win_rate'],
    ['an empty activity list', (s: ReturnType<typeof presetScenario>) => addCustomIndicator(s, draft({ numerator: ' , ' })), 'indicators[12].metrics[0].define.numerator'],
  ])('refuses %s, naming the field in both languages', (_what, change, field) => {
    const c = checkScenario(change(presetScenario('standard')));
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.field).toBe(field);
    expect(c.error.zh).toContain(`方案文件字段 ${field}`);
    expect(c.error.en).toContain(`Scenario field ${field}`);
  });
});

describe('setProfileTarget', () => {
  it('sets, replaces and removes an override without touching the input', () => {
    const s = presetScenario('standard');
    const before = structuredClone(s.profiles);
    const a = setProfileTarget(s, 'domain', 'consulting', 'visits', 6);
    expect(a.profiles.domain.consulting?.targets).toEqual({ visits: 6 });
    expect(a.profiles.domain.consulting?.weights).toEqual(s.profiles.domain.consulting?.weights);
    const b = setProfileTarget(a, 'domain', 'consulting', 'visits', null);
    expect(b.profiles.domain.consulting?.targets).toBeUndefined();
    expect(s.profiles).toEqual(before);
  });

  it('drops an empty profile entirely', () => {
    const s = presetScenario('standard');
    const junior = s.profiles.level.junior!.targets!;
    let x = s;
    for (const m of Object.keys(junior)) x = setProfileTarget(x, 'level', 'junior', m, null);
    expect('junior' in x.profiles.level).toBe(false);
    expect(checkScenario(x).ok).toBe(true);
  });
});

describe('custom indicators', () => {
  it('builds each kind of definition from the draft', () => {
    expect(draftDefine(draft({ kind: 'activity_count', types: 'a, b，c' }))).toEqual({ kind: 'activity_count', types: ['a', 'b', 'c'] });
    expect(draftDefine(draft())).toEqual({ kind: 'activity_ratio', numerator: ['saas_demo_won'], denominator: ['saas_demo'] });
    expect(draftDefine(draft({ kind: 'rating_mean', source: 'cross_team' }))).toEqual({ kind: 'rating_mean', source: 'cross_team' });
    expect(draftDefine(draft({ kind: 'column' }))).toEqual({ kind: 'column' });
  });

  it('adds a valid indicator that the scenario file accepts, and removes it with what refers to it', () => {
    const s = presetScenario('standard');
    const added = checkScenario(addCustomIndicator(s, draft({ unit: 'quarter' })));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const ind = added.scenario.indicators.at(-1)!;
    expect(ind).toMatchObject({ id: 'saas_demo_conversion', weight: 5, category: 'result' });
    expect(ind.metrics[0]).toMatchObject({ id: 'saas_demo_conversion', target: 30, unit: 'quarter', subweight: 1 });
    expect(usedIds(added.scenario).has('saas_demo_conversion')).toBe(true);

    let withRefs = setProfileTarget(added.scenario, 'level', 'senior', 'saas_demo_conversion', 40);
    withRefs = { ...withRefs, profiles: { ...withRefs.profiles, domain: { ...withRefs.profiles.domain, consulting: { ...withRefs.profiles.domain.consulting, weights: { ...withRefs.profiles.domain.consulting?.weights, saas_demo_conversion: 2 } } } } };
    withRefs = { ...withRefs, scoring: { ...withRefs.scoring, overrides: { saas_demo_conversion: { cap: 1.5 } } } };
    expect(checkScenario(withRefs).ok).toBe(true);
    const removed = removeIndicator(withRefs, 'saas_demo_conversion');
    const c = checkScenario(removed);
    expect(c.ok).toBe(true);
    expect(removed.indicators).toHaveLength(s.indicators.length);
    expect(removed.profiles.level.senior?.targets?.saas_demo_conversion).toBeUndefined();
    expect(removed.profiles.domain.consulting?.weights).toEqual(s.profiles.domain.consulting?.weights);
    expect(removed.scoring.overrides).toEqual({});
  });
});
