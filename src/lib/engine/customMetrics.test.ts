import { describe, expect, it } from 'vitest';
import { customActivityTypes, customMetricDefs, customMetricUnit } from './customMetrics';
import { testScenario } from './metrics.testkit';
import type { Indicator, MetricDefine } from './types';

const indicator = (id: string, metrics: [string, MetricDefine?][]): Indicator => ({
  id, category: 'process', weight: 1, label_zh: id, label_en: id,
  metrics: metrics.map(([mid, define]) => ({ id: mid, target: 1, direction: 'higher', subweight: 1, define })),
});

describe('customMetricDefs', () => {
  it('lists defined metrics in indicator order, first definition winning, built-in ids skipped', () => {
    const scenario = testScenario({}, [
      indicator('a', [['win_rate'], ['demos', { kind: 'activity_count', types: ['demo'] }]]),
      indicator('b', [['demos', { kind: 'column' }], ['visits', { kind: 'column' }], ['nps', { kind: 'column' }]]),
    ]);
    expect(customMetricDefs(scenario)).toEqual([
      { id: 'demos', define: { kind: 'activity_count', types: ['demo'] } },
      { id: 'nps', define: { kind: 'column' } },
    ]);
    expect(customMetricDefs(testScenario())).toEqual([]);
  });

  it('collects the activity types the definitions count', () => {
    const defs = customMetricDefs(testScenario({}, [indicator('a', [
      ['x', { kind: 'activity_count', types: ['demo', 'visit'] }],
      ['y', { kind: 'activity_ratio', numerator: ['won'], denominator: ['demo'] }],
      ['z', { kind: 'rating_mean', source: 'customer' }],
    ])]));
    expect(customActivityTypes(defs)).toEqual(['demo', 'visit', 'won', 'demo']);
  });
});

describe('customMetricUnit', () => {
  it.each<[MetricDefine, string, boolean]>([
    [{ kind: 'activity_count', types: ['demo'] }, 'count', true],
    [{ kind: 'activity_ratio', numerator: ['a'], denominator: ['b'] }, 'percent', false],
    [{ kind: 'rating_mean', source: 'customer' }, 'score', false],
    [{ kind: 'column' }, 'score', false],
  ])('%j → %s (never N/A: %s)', (define, unit, count) => {
    expect(customMetricUnit(define)).toEqual({ unit, count });
  });
});
