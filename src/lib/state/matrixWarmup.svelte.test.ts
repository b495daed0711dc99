import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { deriveMetrics } from '../engine/metrics';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import type { MetricMatrix } from '../engine/types';
import { matrixKey } from './derivedCache';
import { MatrixWarmup, warmMatrix, warmMatrixSteps } from './matrixWarmup.svelte';
import { metricsKey } from './scenarioKeys';
import type { ScoringApp } from './scoring.svelte';
import { manualPauses } from './pauses.testkit';

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

describe('MatrixWarmup (App.svelte: the matrix in view, whatever page is open)', () => {
  it('ready once the cache holds the matrix; not ready again from the moment the data set changes', async () => {
    const cache = new Map<string, MetricMatrix>();
    const app = $state({
      ready: true, partial: false, dataset: metricsDataset(30), periods: [period], periodId: period.id,
      derived: cache, rememberMatrix: (k: string, m: MetricMatrix) => void cache.set(k, m),
    });
    const scoring = { period, metricsKey: metricsKey(scenario), scenario };
    const p = manualPauses();
    let warm!: MatrixWarmup;
    const stop = $effect.root(() => { warm = new MatrixWarmup({ app: app as ScoringApp & { ready: boolean }, scoring }, p.pause); });
    try {
      flushSync();
      expect(warm.ready).toBe(false);
      expect(await p.runAll()).toBeGreaterThan(1);
      expect(warm.ready).toBe(true);
      const first = cache.get(key)!;
      expect(first.values.win_rate).toEqual(deriveMetrics(app.dataset, period, scenario).values.win_rate);

      // An import: the app's cache starts afresh for the new data set (AppState.#show).
      cache.clear();
      app.dataset = metricsDataset(31);
      flushSync();
      expect(warm.ready).toBe(false);
      await p.runAll();
      expect(warm.ready).toBe(true);
      expect(cache.get(key)!.staffIndex.length).toBe(31);
    } finally {
      stop();
    }
  });

  it('derives nothing while the app is not ready or only partly loaded', async () => {
    const cache = new Map<string, MetricMatrix>();
    const app = $state({ ready: false, partial: false, dataset: metricsDataset(30), periods: [period], periodId: period.id, derived: cache });
    const p = manualPauses();
    let warm!: MatrixWarmup;
    const stop = $effect.root(() => { warm = new MatrixWarmup({ app: app as ScoringApp & { ready: boolean }, scoring: { period, metricsKey: metricsKey(scenario), scenario } }, p.pause); });
    try {
      flushSync();
      expect(await p.runAll()).toBe(0);
      app.ready = true;
      app.partial = true;
      flushSync();
      expect(await p.runAll()).toBe(0);
      expect(warm.ready).toBe(false);
      expect(cache.size).toBe(0);
    } finally {
      stop();
    }
  });
});
