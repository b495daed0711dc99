import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import Tornado from './Tornado.svelte';
import { i18n } from '../i18n/i18n.svelte';
import { installResizeObserverStub } from '../state/scoring.testkit';

installResizeObserverStub();
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

const rows = [
  { id: 'win_rate', label: '项目中标率', low: 3, high: 5, band: [15, 20] as const, current: 18 },
  { id: 'teamwork', label: '团队协作', low: 1, high: 0, band: [3, 6] as const, current: 4 },
];

describe('Tornado', () => {
  it('says what a bar’s length and the percentages beside it are', () => {
    const { container } = render(Tornado, { rows });
    const scale = () => container.querySelector('[data-testid="tornado-scale"]')!.textContent;
    expect(scale()).toBe('条形长度 = 等级改变的人数；左侧百分比为该指标的建议区间');
    i18n.lang = 'en';
    flushSync();
    expect(scale()).toContain('Bar length = people whose grade changes');
  });

  it('draws the widest swing on top, its bars to one count scale either side of the centre', () => {
    const { container } = render(Tornado, { rows });
    const g = [...container.querySelectorAll('g.row')];
    expect(g.map((e) => e.getAttribute('data-id'))).toEqual(['win_rate', 'teamwork']);
    const widths = (e: Element) => [...e.querySelectorAll('rect:not(.hit)')].map((r) => Number(r.getAttribute('width')));
    const [low, high] = widths(g[0]);
    expect(low / high).toBeCloseTo(3 / 5, 9);
    expect(widths(g[1])[0] / high).toBeCloseTo(1 / 5, 9);
  });
});
