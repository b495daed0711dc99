import { describe, expect, it, vi } from 'vitest';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { TREND_AUTO_ROWS } from '../state/personTrend';
import { testStates } from '../state/states.testkit';
import { indicatorLabel, metricLabel, trendPoints } from './personSheet';

const states = (ds = metricsDataset(20)) => testStates({ dataset: ds, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null });

describe('personSheet', () => {
  it('names indicators and metrics in both languages, falling back to the id', () => {
    const { scoring } = states();
    const first = scoring.scenario.indicators[0];
    expect(indicatorLabel(scoring.scenario, first.id)).toEqual({ zh: first.label_zh, en: first.label_en });
    expect(indicatorLabel(scoring.scenario, 'no_such')).toEqual({ zh: 'no_such', en: 'no_such' });
    expect(metricLabel('win_rate').zh).not.toBe('win_rate');
    expect(metricLabel('custom_x')).toEqual({ zh: 'custom_x', en: 'custom_x' });
  });

  it('gives the trend points of a row only while the trend is shown', async () => {
    const { scoring, trend } = states();
    expect(trendPoints(trend, 0)).toEqual([]); // the quarters are computed in slices
    await vi.waitFor(() => expect(trend.computing).toBe(false));
    const points = trendPoints(trend, 0);
    expect(points.map((p) => p.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(points[0].value).toBe(scoring.graded!.scores.total[0]);
    expect(trendPoints(trend, -1)).toEqual([]);
    const ds = metricsDataset(20);
    ds.activities = { ...ds.activities, length: TREND_AUTO_ROWS + 1 };
    expect(trendPoints(states(ds).trend, 0)).toEqual([]);
  });
});
