import { describe, expect, it } from 'vitest';
import { deriveMetrics } from '../engine/metrics';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import type { MetricMatrix } from '../engine/types';
import { matrixKey } from './derivedCache';
import { matrixSteps } from './matrixSteps';
import { metricsKey } from './scenarioKeys';
import type { ScoringApp } from './scoring.svelte';

const period = parsePeriod('2026Q1');
const scenario = presetScenario('standard');
const key = matrixKey(period, metricsKey(scenario));

function app(over: Partial<ScoringApp> = {}) {
  const cache = new Map<string, MetricMatrix>();
  const a = {
    dataset: metricsDataset(30), periods: [period], periodId: period.id,
    derived: cache, rememberMatrix: (k: string, m: MetricMatrix) => void cache.set(k, m), ...over,
  };
  return { app: a as ScoringApp & { dataset: ScoringApp['dataset'] }, cache };
}

/** Runs `steps` to its end; how many pauses it made, and its value. */
function drain<T>(steps: Generator<void, T, void>, onPause: (n: number) => void = () => {}): { pauses: number; value: T } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { pauses, value: r.value };
    onPause(++pauses);
  }
}

describe('matrixSteps', () => {
  it('derives what the cache lacks, the same matrix as deriveMetrics, and remembers it', () => {
    const { app: a, cache } = app();
    const { pauses, value } = drain(matrixSteps(a, period, scenario));
    expect(pauses).toBeGreaterThan(0);
    expect(value!.values.win_rate).toEqual(deriveMetrics(a.dataset, period, scenario).values.win_rate);
    expect(cache.get(key)).toBe(value);
    // Again: from the cache, without a pause.
    expect(drain(matrixSteps(a, period, scenario))).toEqual({ pauses: 0, value });
  });

  it('nothing while the raw rows are still loading', () => {
    const { app: a, cache } = app({ partial: true });
    expect(drain(matrixSteps(a, period, scenario))).toEqual({ pauses: 0, value: null });
    expect(cache.size).toBe(0);
  });

  it('data replaced during the derivation: null, and nothing remembered for the new data', () => {
    const { app: a, cache } = app();
    const { value } = drain(matrixSteps(a, period, scenario), (n) => { if (n === 1) a.dataset = metricsDataset(31); });
    expect(value).toBeNull();
    expect(cache.size).toBe(0);
  });
});
