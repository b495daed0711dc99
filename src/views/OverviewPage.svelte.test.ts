import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import OverviewPage from './OverviewPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { serializeScenario } from '../lib/engine/scenario';
import { parsePeriod } from '../lib/engine/periods';
import { emptyDataset } from '../lib/engine/dataset';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

describe('OverviewPage', () => {
  it('shows the headline cards and the grade distribution of everyone', () => {
    const { container } = renderWithStates(OverviewPage, statesOf(scoring));
    expect(screen.getByTestId('card-graded').textContent).toContain('20');
    expect(screen.getByTestId('card-insufficient').textContent).toContain('0');
    const lines = [...container.querySelectorAll('[data-testid="distribution-chart"] li')].map((l) => l.textContent);
    const actual = statesOf(scoring).dashboard.bands.map((b) => b.actual);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`S：${actual[0]} 人，目标 2，${actual[0] - 2 > 0 ? '+' : ''}${actual[0] - 2}`);
    expect(container.querySelectorAll('[data-testid="histogram-chart"] line.threshold')).toHaveLength(4);
    // one contribution row per weighted indicator of the standard scenario
    expect(container.querySelectorAll('ul.bars li')).toHaveLength(10);
  });

  it('filters narrow the cards and charts', async () => {
    renderWithStates(OverviewPage, statesOf(scoring));
    const team = screen.getByLabelText('团队') as HTMLSelectElement;
    const option = [...team.options].find((o) => o.textContent === '华东')!;
    await fireEvent.change(team, { target: { value: option.value } });
    flushSync();
    expect(statesOf(scoring).dashboard.filters.team).toBe('华东');
    expect(screen.getByTestId('card-graded').textContent).toContain('8');
  });

  it('speaks English too', () => {
    i18n.lang = 'en';
    renderWithStates(OverviewPage, statesOf(scoring));
    expect(screen.getByText('People graded')).toBeTruthy();
    expect(screen.getByText('Grade distribution vs forced-distribution target')).toBeTruthy();
  });

  it('says what to do when there is no data', () => {
    scoring = testStates({ dataset: emptyDataset(), periods: [], periodId: '', store: null }).scoring;
    renderWithStates(OverviewPage, statesOf(scoring));
    // Not "choose a period": with no data the period selector is empty. Point to the Data page.
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('还没有可计算的数据');
    expect(status.textContent).not.toContain('选择考核期间');
    expect(status.querySelector('a')!.getAttribute('href')).toBe('#/data');
  });

  it('asks for a period when there are periods but none is chosen', () => {
    scoring = testStates({ dataset: emptyDataset(), periods: [parsePeriod('2026Q1')], periodId: '', store: null }).scoring;
    renderWithStates(OverviewPage, statesOf(scoring));
    expect(screen.getByRole('status').textContent).toContain('请先在页面顶部选择考核期间');
  });

  it('says the figures are loading, not that there is no data, while a cold open reads the raw rows', () => {
    // partial: only the derived cache is usable, and it has nothing for this period
    const loading = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null, partial: true, derived: { get: () => undefined } }).scoring;
    renderWithStates(OverviewPage, statesOf(loading));
    expect(screen.getByRole('status').textContent).toContain('正在读取全部原始记录');
    expect(loading.calls.deriveMetrics).toBe(0);
  });
});


describe('OverviewPage and calibration', () => {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    flushSync();
  };

  it('shows the calibrated bands beside the original and the target; a closed period gets the what-if banner', async () => {
    const store = memoryStore();
    const states = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true });
    const { scoring: s, calibration } = states;
    await calibration.load();
    calibration.setBy('hr');
    const p = s.results.find((r) => r.final_grade === 'B')!;
    await calibration.calibrate({ periodId: '2026Q1', staff_id: p.staff_id, to: 'S', reason: '大单' }, s.computedResults);
    renderWithStates(OverviewPage, states);
    expect(screen.queryByTestId('whatif-banner')).toBeNull();
    await fireEvent.click(screen.getByTestId('show-calibrated'));
    flushSync();
    const before = s.computedResults.filter((r) => r.final_grade === 'S').length;
    expect(screen.getByTestId('bc-original-S').textContent).toBe(String(before));
    expect(screen.getByTestId('bc-calibrated-S').textContent).toBe(String(before + 1));
    expect(screen.getByTestId('bc-target-S').textContent).toBe('2');
    await calibration.close({
      period: parsePeriod('2026Q1'), scenarioId: 'standard', scenarioText: serializeScenario(s.currentScenario), batches: [],
      results: calibration.applied(s.computedResults, s.currentScenario, parsePeriod('2026Q1'), s.app.dataset.staff.salary),
    });
    await settle();
    expect(screen.getByTestId('whatif-banner').textContent).toContain('2026Q1 已定版，以下为模拟结果，不影响定版结果');
  });
});
