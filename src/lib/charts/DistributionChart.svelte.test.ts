import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import DistributionChart from './DistributionChart.svelte';
import { bandRows } from './distribution';
import { i18n } from '../i18n/i18n.svelte';
import type { BandCount } from '../engine/types';
import { installResizeObserverStub } from '../state/scoring.testkit';

installResizeObserverStub();

const shares = { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 };
const bands: BandCount[] = [
  { band: 'S', target: 6, actual: 4, gap: -2 },
  { band: 'A', target: 12, actual: 18, gap: 6 },
  { band: 'B', target: 36, actual: 30, gap: -6 },
  { band: 'CD', target: 6, actual: 8, gap: 2 },
];

afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

describe('DistributionChart', () => {
  it('states actual, target and gap per band in Chinese and English', () => {
    const { container } = render(DistributionChart, { rows: bandRows(bands, shares) });
    const lines = () => [...container.querySelectorAll('.gaps li')].map((li) => li.textContent);
    expect(lines()).toEqual(['S：4 人，目标 6，-2', 'A：18 人，目标 12，+6', 'B：30 人，目标 36，-6', 'C+D：8 人，目标 6，+2']);
    i18n.lang = 'en';
    flushSync();
    expect(lines()[1]).toBe('A: 18 people, target 12, +6');
  });

  it('says "1 person", not "1 people"', () => {
    i18n.lang = 'en';
    const one: BandCount[] = [{ band: 'S', target: 1, actual: 1, gap: 0 }, ...bands.slice(1)];
    const { container } = render(DistributionChart, { rows: bandRows(one, shares) });
    expect(container.querySelector('.gaps li')!.textContent).toBe('S: 1 person, target 1, 0');
  });

  it('draws actual and target bars to one scale, with shares under each band', () => {
    const { container } = render(DistributionChart, { rows: bandRows(bands, shares), height: 220 });
    const rects = [...container.querySelectorAll('rect')];
    expect(rects).toHaveLength(8);
    const h = (i: number) => Number(rects[i].getAttribute('height'));
    // pairs: actual then target per band; B's target (36) is the tallest bar.
    expect(h(5)).toBe(Math.max(...rects.map((_, i) => h(i))));
    expect(h(2) / h(5)).toBeCloseTo(18 / 36, 9);
    expect(h(3) / h(5)).toBeCloseTo(12 / 36, 9);
    const nums = [...container.querySelectorAll('text.num')].map((t) => t.textContent);
    expect(nums).toEqual(['4', '6', '18', '12', '30', '36', '8', '6']);
    const shareTexts = [...container.querySelectorAll('text.share')].map((t) => t.textContent?.trim());
    expect(shareTexts[1]).toBe('30% / 20%'); // 18 of 60 graded vs the 20% target
  });

  it('says what the two percentages under each band are, in both languages', () => {
    const { container } = render(DistributionChart, { rows: bandRows(bands, shares) });
    const caption = () => container.querySelector('[data-testid="share-caption"]')!.textContent;
    expect(caption()).toBe('柱下百分比：实际占比 / 目标比例');
    i18n.lang = 'en';
    flushSync();
    expect(caption()).toBe('Under each band: actual share / target share');
  });

  it('marks bands over and under quota', () => {
    const { container } = render(DistributionChart, { rows: bandRows(bands, shares) });
    expect(container.querySelector('li[data-band="A"]')!.classList.contains('over')).toBe(true);
    expect(container.querySelector('li[data-band="B"]')!.classList.contains('under')).toBe(true);
  });
});
