import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { deriveMetrics } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { resultsFromMatrix } from '../engine/results';
import { ResultsMemo, computeResultsAhead, type ResultsInputs } from './resultsAhead.svelte';
import { testStates } from './states.testkit';
import { manualPauses } from './pauses.testkit';
import type { ScoringApp } from './scoring.svelte';

const standard = presetScenario('standard');
/** Inputs over `n` people (enough for the rows to take several slices). */
function inputsOf(n: number, weights = Float64Array.from(standard.indicators, (i) => i.weight)): ResultsInputs {
  const dataset = metricsDataset(n);
  return { dataset, matrix: deriveMetrics(dataset, parsePeriod('2026Q1'), standard), scenario: standard, weights };
}
const oneShot = (x: ResultsInputs) => resultsFromMatrix(x.dataset, x.matrix, x.scenario, { baseWeights: x.weights }).results;

let stop: (() => void) | null = null;
afterEach(() => { stop?.(); stop = null; });

describe('ResultsMemo', () => {
  it('computes the rows of an inputs object once, and again for another object', () => {
    const memo = new ResultsMemo();
    const a = inputsOf(30);
    const rows = memo.rows(a);
    expect(rows).toEqual(oneShot(a));
    expect(memo.rows(a)).toBe(rows);
    const b = { ...a };
    expect(memo.has(b)).toBe(false);
    expect(memo.rows(b)).not.toBe(rows);
    expect(memo.rows(b)).toEqual(rows);
  });

  it('ahead: one piece per pause, ending with the one-shot rows, which reading then returns as they are', async () => {
    const memo = new ResultsMemo();
    const x = inputsOf(6_000);
    const p = manualPauses();
    const done = memo.ahead(x, { cancelled: false }, p.pause);
    expect(memo.has(x)).toBe(false);
    expect(await p.runAll()).toBeGreaterThanOrEqual(5);
    expect(await done).toBe(true);
    expect(memo.has(x)).toBe(true);
    const ahead = memo.rows(x);
    expect(ahead).toEqual(oneShot(x));
    expect(memo.rows(x)).toBe(ahead);
  });

  it('rows read while the run ahead is half way are computed at once, and the run stops', async () => {
    const memo = new ResultsMemo();
    const x = inputsOf(6_000);
    const p = manualPauses();
    const done = memo.ahead(x, { cancelled: false }, p.pause);
    const read = memo.rows(x);
    expect(read).toEqual(oneShot(x));
    await p.runAll();
    expect(await done).toBe(false);
    expect(memo.rows(x)).toBe(read);
  });
});

describe('computeResultsAhead with the scoring state', () => {
  it('computes the rows of the period in view ahead, again after a weight change; computedResults then finds them', async () => {
    const app: ScoringApp = { dataset: metricsDataset(40), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null };
    const { scoring } = testStates(app);
    stop = $effect.root(() => { computeResultsAhead(() => scoring.resultsInputs, scoring.resultsMemo, 0); });
    flushSync();
    const first = scoring.resultsInputs!;
    await expect.poll(() => scoring.resultsMemo.has(first)).toBe(true);
    const ahead = scoring.resultsMemo.rows(first);
    expect(scoring.computedResults).toBe(ahead);
    expect(ahead).toEqual(oneShot(first));

    scoring.setWeight(0, scoring.weights[0] + 7);
    flushSync();
    const second = scoring.resultsInputs!;
    expect(second).not.toBe(first);
    await expect.poll(() => scoring.resultsMemo.has(second)).toBe(true);
    expect(scoring.computedResults).toBe(scoring.resultsMemo.rows(second));
    expect(scoring.computedResults).toEqual(oneShot(second));
    expect(scoring.computedResults.map((r) => r.total)).not.toEqual(ahead.map((r) => r.total));
  });
});
