import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import TargetsPage from './TargetsPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() }).scoring;
});
afterEach(() => cleanup());

const change = async (label: string, value: string) => {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  await fireEvent.change(input, { target: { value } });
  flushSync();
  return input;
};

describe('TargetsPage', () => {
  it('edits a base target through the scoring state and re-scores', async () => {
    const before = scoring.graded!.scores.total.slice();
    renderWithStates(TargetsPage, statesOf(scoring));
    expect((screen.getByLabelText('项目中标率 · 基础目标') as HTMLInputElement).value).toBe('60');
    await change('项目中标率 · 基础目标', '40');
    expect(scoring.scenario.indicators[0].metrics[0].target).toBe(40);
    expect(scoring.dirty).toBe(true);
    expect(Array.from(scoring.graded!.scores.total)).not.toEqual(Array.from(before));
    expect(screen.queryByTestId('targets-error')).toBeNull();
  });

  it('refuses an invalid target with the field-named message and keeps the scenario', async () => {
    renderWithStates(TargetsPage, statesOf(scoring));
    const input = await change('项目中标率 · 基础目标', '-5');
    expect(screen.getByTestId('targets-error').textContent).toBe('未采用：方案文件字段 indicators[0].metrics[0].target：超出允许范围 10^-6 至 10^12（当前 -5）');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(scoring.scenario.indicators[0].metrics[0].target).toBe(60);
  });

  it('sets and clears level and domain overrides', async () => {
    renderWithStates(TargetsPage, statesOf(scoring));
    expect((screen.getByLabelText('项目中标率 · 初级') as HTMLInputElement).value).toBe('50');
    await change('客户拜访次数 · 售前咨询', '6');
    expect(scoring.scenario.profiles.domain.consulting?.targets).toEqual({ visits: 6 });
    await change('项目中标率 · 初级', '');
    expect(scoring.scenario.profiles.level.junior?.targets?.win_rate).toBeUndefined();
    expect(scoring.scenario.profiles.level.junior?.targets?.sales_contribution).toBe(300000);
  });

  it('keeps moved slider weights when a target changes', async () => {
    scoring.setWeight(0, 25);
    renderWithStates(TargetsPage, statesOf(scoring));
    await change('项目中标率 · 基础目标', '55');
    expect(scoring.weights[0]).toBe(25);
  });

  it('adds a custom indicator, refusing an incomplete one with the field named', async () => {
    renderWithStates(TargetsPage, statesOf(scoring));
    const form = screen.getByTestId('custom-form');
    await fireEvent.input(screen.getByLabelText('指标编号（英文）'), { target: { value: 'saas_demo_conversion' } });
    await fireEvent.input(screen.getByLabelText('中文名称'), { target: { value: 'SaaS演示转化率' } });
    await fireEvent.submit(form);
    flushSync();
    expect(screen.getByTestId('custom-error').textContent).toContain('方案文件字段 indicators[12].metrics[0].define.numerator');
    expect(scoring.scenario.indicators).toHaveLength(12);

    await fireEvent.input(screen.getByLabelText('分子活动类型（逗号分隔）'), { target: { value: 'saas_demo_won' } });
    await fireEvent.input(screen.getByLabelText('分母活动类型（逗号分隔）'), { target: { value: 'saas_demo' } });
    await fireEvent.submit(form);
    flushSync();
    expect(screen.queryByTestId('custom-error')).toBeNull();
    expect(scoring.scenario.indicators).toHaveLength(13);
    expect(scoring.weights).toHaveLength(13);
    expect(scoring.scenario.indicators[12].metrics[0].define).toEqual({ kind: 'activity_ratio', numerator: ['saas_demo_won'], denominator: ['saas_demo'] });
    expect(screen.getByText('已添加“SaaS演示转化率”。')).toBeTruthy();
    // scoring still works with the new column
    expect(scoring.graded!.model.k).toBe(13);

    await fireEvent.click(screen.getByText('移除'));
    flushSync();
    expect(scoring.scenario.indicators).toHaveLength(12);
  });

  it('refuses an id already in use', async () => {
    renderWithStates(TargetsPage, statesOf(scoring));
    await fireEvent.input(screen.getByLabelText('指标编号（英文）'), { target: { value: 'win_rate' } });
    await fireEvent.submit(screen.getByTestId('custom-form'));
    flushSync();
    expect(screen.getByTestId('custom-error').textContent).toBe('编号“win_rate”已被使用。');
  });
});
