import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import WeightsPage from './WeightsPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;
let store: ReturnType<typeof memoryStore>;

beforeEach(() => {
  store = memoryStore();
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store }).scoring;
});
afterEach(() => cleanup());

describe('WeightsPage', () => {
  it('shows each weight as a share of the total with its seed range', () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    expect(screen.getByTestId('share-win_rate').textContent).toBe('18.0%');
    expect(screen.getByTestId('category-share-result').textContent).toContain('55.0%');
    const slider = screen.getByLabelText('项目中标率') as HTMLInputElement;
    expect(slider.type).toBe('range');
    expect(slider.value).toBe('18');
    expect(screen.queryAllByText(/超出建议区间/)).toHaveLength(0);
  });

  it('dragging a slider re-scores, flags the band and lists grade changes', async () => {
    const { container } = renderWithStates(WeightsPage, statesOf(scoring));
    expect(screen.getByText(/没有人的等级发生变化/)).toBeTruthy();
    const before = [...container.querySelectorAll('[data-testid="distribution-chart"] li')].map((l) => l.textContent);
    const slider = screen.getByLabelText('项目中标率') as HTMLInputElement;
    await fireEvent.input(slider, { target: { value: '40' } });
    flushSync();
    // The slider is the share: win rate at 40 %, the others share the remaining 60 % as before (sum stays 100).
    expect(scoring.weights[0]).toBeCloseTo(40, 12);
    expect(scoring.weights[1]).toBeCloseTo((14 * 60) / 82, 12);
    expect(screen.getByTestId('share-win_rate').textContent).toBe('40.0%');
    expect(screen.getAllByText(/超出建议区间/).length).toBeGreaterThan(0);
    const changes = screen.getByTestId('grade-changes').querySelectorAll('li');
    expect(changes.length).toBe(scoring.gradeChanges.length);
    expect(changes.length).toBeGreaterThan(0);
    const first = scoring.gradeChanges[0];
    expect(changes[0].textContent).toContain(`${first.from ?? '数据不足'} → ${first.to ?? '数据不足'}`);
    const after = [...container.querySelectorAll('[data-testid="distribution-chart"] li')].map((l) => l.textContent);
    expect(after).not.toEqual(before);
  });

  it('lists at most 15 grade changes with how many more, and redraws the distribution at once', async () => {
    scoring = testStates({ dataset: metricsDataset(80), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store }).scoring;
    const { container } = renderWithStates(WeightsPage, statesOf(scoring));
    const lines = () => [...container.querySelectorAll('[data-testid="distribution-chart"] li')].map((l) => l.textContent);
    const before = lines();
    await fireEvent.input(screen.getByLabelText('项目中标率'), { target: { value: '200' } });
    flushSync();
    const all = scoring.gradeChanges;
    expect(all.length).toBeGreaterThan(15);
    const rows = screen.getByTestId('grade-changes').querySelectorAll('li');
    expect(rows).toHaveLength(15);
    expect(rows[0].textContent).toContain(all[0].name);
    expect(screen.getByTestId('grade-changes-count').textContent).toBe(`${all.length} 人`);
    expect(screen.getByTestId('grade-changes-more').textContent).toContain(`另有 ${all.length - 15} 人未列出`);
    expect(lines()).not.toEqual(before);
  });

  it('reset restores the saved weights; save as stores a new scenario', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.input(screen.getByLabelText('项目中标率'), { target: { value: '30' } });
    flushSync();
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    await fireEvent.click(screen.getByText('恢复为已保存方案'));
    flushSync();
    expect(scoring.weights[0]).toBe(18);
    await fireEvent.input(screen.getByLabelText('项目中标率'), { target: { value: '20' } });
    // Innovation (2 %) leaves its seed band [2, 5] as win rate grows: saving asks first.
    window.confirm = () => true;
    await fireEvent.input(screen.getByLabelText('新方案名称'), { target: { value: '华东试点' } });
    await fireEvent.submit(screen.getByLabelText('新方案名称').closest('form')!);
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
    expect(store.records.size).toBe(1);
    expect(scoring.choice?.scenario.name).toBe('华东试点');
    expect(scoring.dirty).toBe(false);
  });

  it('says beside the save button what differs from the saved scenario, in words', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    expect(screen.queryByTestId('change-list')).toBeNull();
    scoring.setWeight(0, 20);
    flushSync();
    const lines = Array.from(screen.getByTestId('change-list').querySelectorAll('li'), (li) => li.textContent);
    expect(lines).toEqual(['项目中标率 权重 18 → 20']);
  });

  it('edits thresholds only when they stay in order, and switches forced distribution on', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const a = screen.getByLabelText('A ≥') as HTMLInputElement;
    await fireEvent.input(a, { target: { value: '95' } });
    flushSync();
    expect(screen.getByRole('alert').textContent).toContain('S > A > B > C');
    expect(scoring.scenario.grades.A).toBe(80);
    await fireEvent.input(a, { target: { value: '85' } });
    flushSync();
    expect(scoring.scenario.grades.A).toBe(85);
    await fireEvent.click(screen.getByLabelText('按强制分布确定最终等级'));
    flushSync();
    expect(scoring.scenario.forced_distribution.use_forced_distribution).toBe(true);
    expect(scoring.graded!.final).toBe(scoring.graded!.forced);
  });

  it('a typed weight that is empty or negative puts the box back, and changes nothing', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const box = screen.getByTestId('weight-exact-win_rate') as HTMLInputElement;
    for (const typed of ['-3', '']) {
      await fireEvent.change(box, { target: { value: typed } });
      flushSync();
      expect(box.value).toBe('18');
      expect(scoring.weights[0]).toBe(18);
      expect(scoring.dirty).toBe(false);
    }
    await fireEvent.change(box, { target: { value: '7.5' } });
    flushSync();
    expect(scoring.weights[0]).toBe(7.5);
  });

  it('invalid thresholds and shares are unsaved edits, and reset clears them from the boxes', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const s = screen.getByLabelText('S ≥') as HTMLInputElement;
    await fireEvent.input(s, { target: { value: '-5' } });
    const shareS = screen.getByLabelText(/^S\s*%?$/, { selector: '.shares input' }) as HTMLInputElement;
    await fireEvent.input(shareS, { target: { value: '50' } });
    flushSync();
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/S > A > B > C[\s\S]*合计 140\.0%/);
    // Nothing was graded with them, but they are edits the user made.
    expect(scoring.scenario.grades.S).toBe(90);
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    await fireEvent.click(screen.getByText('恢复为已保存方案'));
    flushSync();
    expect(s.value).toBe('90');
    expect(shareS.value).toBe('10');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(scoring.dirty).toBe(false);
  });

  it('a share out of 0–100 % is never applied, even when the four add up to 100 %', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const [sS, sA] = [...document.querySelectorAll('.shares input')] as HTMLInputElement[];
    await fireEvent.input(sS, { target: { value: '-10' } });
    await fireEvent.input(sA, { target: { value: '40' } });
    flushSync();
    expect(scoring.scenario.forced_distribution.shares.S).toBe(0.1);
    expect(screen.getByRole('alert').textContent).toContain('0–100%');
  });

  it('a scoring-rule value out of range puts the box back', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const cap = screen.getByLabelText(/封顶|上限/) as HTMLInputElement;
    const before = cap.value;
    await fireEvent.change(cap, { target: { value: '0.5' } });
    flushSync();
    expect(cap.value).toBe(before);
    expect(String(scoring.scenario.scoring.cap)).toBe(before);
  });

  it('warns when every weight is 0, and stops warning once one is not', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    expect(screen.queryByTestId('all-weights-zero')).toBeNull();
    scoring.weights.forEach((_, j) => scoring.setWeight(j, 0));
    flushSync();
    expect(screen.getByTestId('all-weights-zero').textContent).toContain('所有指标的权重都是 0');
    scoring.setWeight(0, 5);
    flushSync();
    expect(screen.queryByTestId('all-weights-zero')).toBeNull();
  });
});
