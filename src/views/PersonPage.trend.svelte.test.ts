// Issue #19: with a big store the person page opens without deriving four quarters of metrics
// (seconds at 1M rows); the trend comes when HR asks for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import PersonPage from './PersonPage.svelte';
import { renderWithStates, testStates } from '../lib/state/states.testkit';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { router } from '../lib/state/router.svelte';
import { TREND_AUTO_ROWS, trendComesAtOnce } from '../lib/state/personTrend';
import { emptyDataset } from '../lib/engine/dataset';

installResizeObserverStub();
afterEach(() => cleanup());

/** The test data set with an activities table as long as a big store's (its rows are empty: they match nobody). */
function bigDataset() {
  const ds = metricsDataset(20);
  ds.activities = { ...ds.activities, length: TREND_AUTO_ROWS + 1 };
  return ds;
}

describe('trendComesAtOnce', () => {
  it('counts the stored rows of every per-row table against TREND_AUTO_ROWS', () => {
    const ds = emptyDataset();
    expect(trendComesAtOnce(ds)).toBe(true);
    ds.projects = { ...ds.projects, length: TREND_AUTO_ROWS };
    expect(trendComesAtOnce(ds)).toBe(true);
    ds.reviews = { ...ds.reviews, length: 1 };
    expect(trendComesAtOnce(ds)).toBe(false);
  });
});

describe('PersonPage with a big store', () => {
  it('opens without the quarter trend and computes it when asked', async () => {
    const states = testStates({ dataset: bigDataset(), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null });
    const quarters = vi.spyOn(states.trend, 'quarterTotals');
    router.go('person', 'PS1001');
    const { container } = renderWithStates(PersonPage, states);
    expect(screen.getByTestId('person-total')).toBeTruthy();
    expect(quarters).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="trend-chart"]')).toBeNull();
    await fireEvent.click(screen.getByText('计算季度趋势'));
    await waitFor(() => expect(container.querySelector('[data-testid="trend-chart"]')).not.toBeNull());
    expect(quarters).toHaveBeenCalled();
  });
});
