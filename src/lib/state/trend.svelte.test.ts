import { describe, expect, it, vi } from 'vitest';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { TREND_AUTO_ROWS } from './personTrend';
import { testStates } from './states.testkit';

const states = (ds = metricsDataset(20)) => testStates({ dataset: ds, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null });

describe('TrendState', () => {
  it('is shown at once for a small store, and for a big one only once asked', () => {
    expect(states().trend.shown).toBe(true);
    const ds = metricsDataset(20);
    ds.activities = { ...ds.activities, length: TREND_AUTO_ROWS + 1 };
    const { trend } = states(ds);
    expect(trend.shown).toBe(false);
    trend.asked = true;
    expect(trend.shown).toBe(true);
  });

  it('re-scores the quarters with the slider weights, not the saved ones', async () => {
    const { scoring, trend } = states();
    expect(trend.quarterTotals(0)).toEqual([]);
    await vi.waitFor(() => expect(trend.computing).toBe(false));
    const before = trend.quarterTotals(0)[0].total;
    expect(before).toBe(scoring.graded!.scores.total[0]);
    scoring.setWeight(0, scoring.weights[0] * 3 + 10);
    // A weight is no reason to derive the quarters again.
    expect(trend.computing).toBe(false);
    const after = trend.quarterTotals(0)[0].total;
    expect(after).toBe(scoring.graded!.scores.total[0]);
    expect(after).not.toBe(before);
  });

  it('gives nothing without a period', () => {
    const { trend } = testStates({ dataset: metricsDataset(5), periods: [], periodId: '', store: null });
    expect(trend.quarterTotals(0)).toEqual([]);
    expect(trend.industryWinRates(0)).toEqual([]);
  });
});
