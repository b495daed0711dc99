import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import WeightsPage from '../WeightsPage.svelte';
import { renderWithStates, statesOf, testStates } from '../../lib/state/states.testkit';
import type { ScoringState } from '../../lib/state/scoring.svelte';
import { installResizeObserverStub, memoryStore } from '../../lib/state/scoring.testkit';
import { metricsDataset } from '../../lib/engine/metricsDataset.testkit';
import { parsePeriod } from '../../lib/engine/periods';
import { shareOf } from '../../lib/state/shareSlider';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() }).scoring;
});
afterEach(() => cleanup());

const slider = () => screen.getByTestId('weight-win_rate') as HTMLInputElement;
const box = () => screen.getByTestId('weight-exact-win_rate') as HTMLInputElement;
const sum = () => Array.from(scoring.weights).reduce((a, b) => a + b, 0);

describe('share sliders on a fixed scale', () => {
  it('every slider runs 0–100 % whatever the weight; a drag past the end stays at 100 %', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    expect([slider().min, slider().max]).toEqual(['0', '100']);
    for (let k = 0; k < 3; k++) {
      await fireEvent.input(slider(), { target: { value: '100' } });
      flushSync();
      expect(slider().max).toBe('100');
      expect(shareOf(scoring.weights, 0)).toBe(100);
    }
    expect(sum()).toBeCloseTo(100, 9);
    expect(slider().value).toBe('100');
    // Back down in the same drag: the others come back in their old proportions.
    await fireEvent.input(slider(), { target: { value: '18' } });
    flushSync();
    expect(scoring.weights[1]).toBeCloseTo(14, 9);
  });

  it('a locked share stays while another slider moves, and caps how far it can go', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.click(screen.getByTestId('lock-sales_contribution'));
    flushSync();
    expect((screen.getByTestId('weight-sales_contribution') as HTMLInputElement).disabled).toBe(true);
    await fireEvent.input(slider(), { target: { value: '100' } });
    flushSync();
    expect(shareOf(scoring.weights, 1)).toBeCloseTo(14, 9);
    expect(shareOf(scoring.weights, 0)).toBeCloseTo(86, 9);
    expect(slider().value).toBe('86');
  });

  it.each([
    ['-3', '超出范围'], ['', '请输入一个数字'], ['NaN', '不是数字'], ['abc', '不是数字'], ['1e308', '超出范围'], ['150', '超出范围'],
  ])('a typed %j is refused with a message and the box shows the share in force', async (typed, why) => {
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.change(box(), { target: { value: typed } });
    flushSync();
    expect(box().value).toBe('18');
    expect(scoring.weights[0]).toBe(18);
    expect(scoring.dirty).toBe(false);
    const msg = screen.getByTestId('weight-message-win_rate');
    expect(msg.getAttribute('role')).toBe('alert');
    expect(msg.textContent).toContain(why);
    expect(msg.textContent).toContain('已恢复为 18%');
  });

  it.each([['12,5', 12.5], ['１２', 12]])('a typed %j is read as %d and says so', async (typed, value) => {
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.change(box(), { target: { value: typed } });
    flushSync();
    expect(shareOf(scoring.weights, 0)).toBeCloseTo(value, 9);
    expect(box().value).toBe(String(value));
    expect(screen.getByTestId('weight-message-win_rate').textContent).toContain(`已按 ${value} 读取`);
    expect(sum()).toBeCloseTo(100, 9);
  });
});

describe('undo, redo and saving out of band', () => {
  it('the undo button and Ctrl+Z take back a drag as one step; Ctrl+Shift+Z redoes it', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    const undo = screen.getByTestId('undo') as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    for (const v of ['25', '30', '35']) await fireEvent.input(slider(), { target: { value: v } });
    await fireEvent.change(slider());
    flushSync();
    expect(undo.disabled).toBe(false);
    await fireEvent.click(undo);
    flushSync();
    expect(scoring.weights[0]).toBe(18);
    expect(slider().value).toBe('18');
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    flushSync();
    expect(shareOf(scoring.weights, 0)).toBeCloseTo(35, 9);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    flushSync();
    expect(scoring.weights[0]).toBe(18);
  });

  it('Ctrl+Z in a text box is the box’s own undo, not the scheme’s', async () => {
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.input(slider(), { target: { value: '30' } });
    await fireEvent.keyDown(box(), { key: 'z', ctrlKey: true });
    flushSync();
    expect(shareOf(scoring.weights, 0)).toBeCloseTo(30, 9);
  });

  it('saving shares outside the seed bands asks first, naming them; saying no saves nothing', async () => {
    const store = memoryStore();
    scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store }).scoring;
    renderWithStates(WeightsPage, statesOf(scoring));
    await fireEvent.input(slider(), { target: { value: '40' } });
    const asked: string[] = [];
    let answer = false;
    window.confirm = (m?: string) => { asked.push(String(m)); return answer; };
    const name = screen.getByLabelText('新方案名称');
    await fireEvent.input(name, { target: { value: '冲刺' } });
    await fireEvent.submit(name.closest('form')!);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('项目中标率 占比 40%（建议 15–20%）');
    expect(store.records.size).toBe(0);
    answer = true;
    await fireEvent.submit(name.closest('form')!);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.records.size).toBe(1);
  });

  it('a scheme with every weight 0 cannot be saved', async () => {
    const store = memoryStore();
    scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store }).scoring;
    renderWithStates(WeightsPage, statesOf(scoring));
    scoring.setWeights(new Float64Array(scoring.weights.length));
    window.confirm = () => true;
    const name = screen.getByLabelText('新方案名称');
    await fireEvent.input(name, { target: { value: '全零' } });
    await fireEvent.submit(name.closest('form')!);
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
    expect(store.records.size).toBe(0);
    expect(screen.getByText(/不能保存/)).toBeTruthy();
  });
});
