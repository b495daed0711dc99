import { describe, expect, it, vi } from 'vitest';
import { deriveMetrics } from '../engine/metrics';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { prepareScoring, scoreWithWeights } from '../engine/score';
import { QuarterRuns, quarterInputs, quarterModelSteps, quarterTotals } from './quarterModels';
import { drainSlices } from './slices';
import { withWeights } from './scenarioKeys';

const standard = presetScenario('standard');

describe('quarterModelSteps', () => {
  it('the four quarters of a year, each model as prepareScoring makes it, with pauses between', () => {
    const ds = metricsDataset(20);
    const run = quarterModelSteps(ds, 2026, standard);
    let pauses = 0;
    let r = run.next();
    for (; !r.done; r = run.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(8);
    expect(r.value.map((q) => q.period.id)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    const q1 = prepareScoring(ds, deriveMetrics(ds, parsePeriod('2026Q1'), standard), standard);
    const w = Float64Array.from(standard.indicators, (i) => i.weight);
    expect(Array.from(scoreWithWeights(r.value[0].model, w).total)).toEqual(Array.from(scoreWithWeights(q1, w).total));
    // Only 2026Q1 has data: the other quarters give no total.
    const totals = quarterTotals(r.value, 0, w, new Set(['2026Q1']));
    expect(totals[0].total).toBe(scoreWithWeights(q1, w).total[0]);
    expect(totals.slice(1).map((q) => q.total)).toEqual([null, null, null]);
  });
});

describe('QuarterRuns', () => {
  it('runs once per data, year and scheme; a weight change reuses the run; other inputs drop it', async () => {
    const ds = metricsDataset(20);
    const done = vi.fn();
    const runs = new QuarterRuns(done);
    const want = quarterInputs(ds, 2026, standard);
    expect(runs.ask(want)).toBeNull();
    expect(runs.ask(quarterInputs(ds, 2026, withWeights(standard, standard.indicators.map(() => 5))))).toBeNull();
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    const models = runs.ask(want)!;
    expect(models).toEqual(drainSlices(quarterModelSteps(ds, 2026, standard)));
    expect(runs.ask(quarterInputs(ds, 2026, withWeights(standard, standard.indicators.map(() => 5))))).toBe(models);

    // Another year, then another data set before it ended: only the last run finishes.
    expect(runs.ask(quarterInputs(ds, 2025, standard))).toBeNull();
    const other = metricsDataset(21);
    expect(runs.ask(quarterInputs(other, 2026, standard))).toBeNull();
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toHaveBeenCalledTimes(2);
    expect(runs.ask(quarterInputs(other, 2026, standard))![0].model.n).toBe(21);
    expect(runs.ask(quarterInputs(ds, 2025, standard))).toBeNull();
  });
});
