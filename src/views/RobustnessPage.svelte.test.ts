import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import RobustnessPage from './RobustnessPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { gradingGroups, robustness } from '../lib/engine/robustness';
import type { RobustnessWorkerLike } from '../lib/data/robustnessClient';
import { createRobustnessHandler, type RobustnessReply } from '../workers/robustness.worker';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

/** The worker's handler in this process, with messages cloned as postMessage would. */
function inProcessWorker() {
  const w: RobustnessWorkerLike & { terminated: boolean } = {
    onmessage: null, onerror: null, terminated: false,
    postMessage(msg) { void handle(structuredClone(msg)); },
    terminate() { w.terminated = true; },
  };
  const handle = createRobustnessHandler((reply: RobustnessReply) => {
    const copy = structuredClone(reply);
    setTimeout(() => { if (!w.terminated) w.onmessage?.({ data: copy } as MessageEvent<RobustnessReply>); }, 0);
  });
  return w;
}

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => cleanup());

describe('RobustnessPage', () => {
  it('runs the Monte Carlo in the worker and shows each person’s probabilities, boundary people first', async () => {
    const { container } = renderWithStates(RobustnessPage, statesOf(scoring), { createWorker: inProcessWorker });
    await fireEvent.input(screen.getByTestId('rob-samples'), { target: { value: '200' } });
    await fireEvent.click(screen.getByText('开始分析'));
    await waitFor(() => expect(screen.getByTestId('rob-result')).toBeTruthy(), { timeout: 30_000 });
    const direct = robustness(scoring.model!, scoring.currentScenario, gradingGroups(scoring.model!, scoring.currentScenario), { samples: 200, seed: 42 });
    expect(screen.getByTestId('rob-summary').textContent).toContain(`${direct.boundaryCount} 人处在等级边界上（共 20 人）`);
    const trs = [...container.querySelectorAll('[data-testid="rob-result"] tbody tr')];
    expect(trs).toHaveLength(20);
    const flagged = trs.filter((tr) => tr.classList.contains('boundary')).length;
    expect(flagged).toBe(direct.boundaryCount);
    // boundary rows come first
    expect(trs.slice(0, flagged).every((tr) => tr.classList.contains('boundary'))).toBe(true);
    expect(trs[0].querySelector('svg[role="img"]')!.getAttribute('aria-label')).toMatch(/的等级概率：/);
    // the bars have a legend (with "insufficient data") and a 0–100 % scale over their column
    const result = screen.getByTestId('rob-result');
    const legend = result.querySelector('[data-testid="grade-legend"]')!;
    expect(legend.querySelector('.title')!.textContent).toBe('等级概率（整条 = 100%）');
    expect([...legend.querySelectorAll('.key')].map((e) => e.textContent)).toEqual(['S', 'A', 'B', 'C', 'D', '数据不足']);
    expect([...result.querySelectorAll('thead [data-testid="share-scale"] .tick')].map((e) => e.textContent)).toEqual(['0%', '50%', '100%']);
  });

  it('refuses bad inputs before running', async () => {
    renderWithStates(RobustnessPage, statesOf(scoring), { createWorker: inProcessWorker });
    await fireEvent.input(screen.getByTestId('rob-samples'), { target: { value: '3' } });
    expect(screen.getByRole('alert').textContent).toBe('抽样次数应为 10–100000 之间的整数。');
    expect((screen.getByText('开始分析') as HTMLButtonElement).disabled).toBe(true);
  });

  it('cancel stops a run and says so', async () => {
    renderWithStates(RobustnessPage, statesOf(scoring), { createWorker: inProcessWorker });
    await fireEvent.input(screen.getByTestId('rob-samples'), { target: { value: '100000' } });
    await fireEvent.click(screen.getByText('开始分析'));
    await waitFor(() => expect(screen.getByTestId('rob-progress')).toBeTruthy());
    await fireEvent.click(screen.getByText('取消'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('稳健性分析已取消。'));
    expect(screen.queryByTestId('rob-result')).toBeNull();
  });
});
