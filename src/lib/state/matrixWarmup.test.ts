import { describe, expect, it } from 'vitest';
import { deriveMetrics } from '../engine/metrics';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import type { MetricMatrix } from '../engine/types';
import { matrixKey } from './derivedCache';
import { warmMatrix, warmMatrixSteps } from './matrixWarmup';
import { metricsKey } from './scenarioKeys';
import type { ScoringApp } from './scoring.svelte';

const period = parsePeriod('2026Q1');
const scenario = presetScenario('standard');
const key = matrixKey(period, metricsKey(scenario));

function app() {
  const cache = new Map<string, MetricMatrix>();
  const a = {
    dataset: metricsDataset(30), periods: [period], periodId: period.id,
    derived: cache, rememberMatrix: (k: string, m: MetricMatrix) => void cache.set(k, m),
  };
  return { app: a as ScoringApp, cache };
}

describe('warmMatrix (the matrix in view, derived in slices after an import)', () => {
  it('derives in slices the matrix deriveMetrics gives, and remembers it', async () => {
    const { app: a, cache } = app();
    let pauses = 0;
    const m = await warmMatrix(a, period, scenario, { cancelled: false }, async () => { pauses++; });
    expect(pauses).toBeGreaterThan(1);
    expect(m!.values.win_rate).toEqual(deriveMetrics(a.dataset, period, scenario).values.win_rate);
    expect(cache.get(key)).toBe(m);
  });

  it('stops when a page has put the matrix in the cache meanwhile (no second derivation behind it)', () => {
    const { app: a, cache } = app();
    const theirs = deriveMetrics(a.dataset, period, scenario);
    const steps = warmMatrixSteps(a, period, scenario);
    expect(steps.next().done).toBe(false);
    cache.set(key, theirs);
    const r = steps.next();
    expect(r.done).toBe(true);
    expect(r.value).toBe(theirs);
    expect(cache.get(key)).toBe(theirs);
  });

  it('cancelled: null, nothing remembered', async () => {
    const { app: a, cache } = app();
    const job = { cancelled: false };
    const m = await warmMatrix(a, period, scenario, job, async () => { job.cancelled = true; });
    expect(m).toBeNull();
    expect(cache.size).toBe(0);
  });
});
