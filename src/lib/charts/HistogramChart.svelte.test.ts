import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import HistogramChart from './HistogramChart.svelte';
import { nearMisses, scoreBins, thresholdMarks } from './histogram';
import { i18n } from '../i18n/i18n.svelte';
import { installResizeObserverStub } from '../state/scoring.testkit';

installResizeObserverStub();
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

const grades = { S: 90, A: 80, B: 70, C: 60 };
const marks = thresholdMarks(grades);
const totals = Float64Array.of(89.5, 79.2, 79.9, 72, 64, 55, 103);
const rows = [0, 1, 2, 3, 4, 5, 6];
const props = { bins: scoreBins(totals, rows), marks, grades, near: nearMisses(totals, rows, marks, 1) };
const text = (c: HTMLElement, id: string) => c.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

describe('HistogramChart', () => {
  it('titles both axes with their unit, in Chinese and English', () => {
    const { container } = render(HistogramChart, props);
    expect(text(container, 'hist-y-title')).toBe('人数（人）');
    expect(text(container, 'hist-x-title')).toBe('总分（分）');
    i18n.lang = 'en';
    flushSync();
    expect(text(container, 'hist-y-title')).toBe('People');
    expect(text(container, 'hist-x-title')).toBe('Total score (points)');
  });

  it('draws whole-number count ticks from 0 up to a round top at or above the tallest bin', () => {
    const { container } = render(HistogramChart, props);
    // x ticks sit under the plot, y ticks at its left: the y ticks are the ones anchored at the end
    const yTicks = [...container.querySelectorAll('text.tick[text-anchor="end"]')].map((t) => Number(t.textContent));
    expect(yTicks[0]).toBe(0);
    expect(yTicks.every(Number.isInteger)).toBe(true);
    expect(yTicks.at(-1)).toBeGreaterThanOrEqual(2); // the 75–80 bin holds two people
  });

  it('says in words how many people are within 1 point below each line', () => {
    const { container } = render(HistogramChart, props);
    const line = (g: string) => container.querySelector(`[data-testid="near-misses"] [data-grade="${g}"]`)!.textContent;
    expect(line('S')).toBe('S 线 90 分：差 1 分以内 1 人');
    expect(line('A')).toBe('A 线 80 分：差 1 分以内 2 人'); // 79.2 and 79.9
    expect(line('C')).toBe('C 线 60 分：差 1 分以内 0 人');
    i18n.lang = 'en';
    flushSync();
    expect(line('S')).toBe('S at 90: 1 person within 1 point below');
    expect(line('B')).toBe('B at 70: 0 people within 1 point below');
  });

  it('explains totals above 100 only when someone is above it, naming the cap and the bonus items', () => {
    const { container, rerender } = render(HistogramChart, { ...props, above: 0, ceiling: { cap: 1.2, bonus: 0, max: 120 } });
    expect(text(container, 'above-100')).toBeUndefined();
    rerender({ ...props, above: 1, ceiling: { cap: 1.2, bonus: 0, max: 120 } });
    expect(text(container, 'above-100')).toBe('1 人总分超过 100 分。总分可以超过 100：超额完成目标的指标最多按权重的 1.2 倍计分（封顶系数），所以最高 120 分。');
    rerender({ ...props, above: 3, ceiling: { cap: 1.5, bonus: 5, max: 155 } });
    expect(text(container, 'above-100')).toContain('启用的奖励项再最多加 5 分，所以最高 155 分');
    i18n.lang = 'en';
    flushSync();
    expect(text(container, 'above-100')).toContain('3 people above 100.');
    expect(text(container, 'above-100')).toContain('up to 1.5× its weight');
  });

  it('keeps its text alternative', () => {
    const { container } = render(HistogramChart, props);
    expect(container.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toBe('总分分布直方图，标有等级分数线');
  });
});
