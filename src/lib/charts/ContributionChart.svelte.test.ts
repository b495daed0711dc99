import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import ContributionChart from './ContributionChart.svelte';
import type { Contribution } from './contribution';
import { i18n } from '../i18n/i18n.svelte';

afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

const names: Record<string, string> = { win_rate: '项目中标率', teamwork: '团队协作', off: '关闭的指标' };
const label = (id: string) => names[id] ?? id;
const c = (id: string, weightShare: number, meanPoints: number, varianceShare: number): Contribution => ({ id, weightShare, meanPoints, varianceShare });

describe('ContributionChart', () => {
  it('gives each of the three numbers its own titled column instead of "12.6 / 18% · 24%"', () => {
    const { container } = render(ContributionChart, { contributions: [c('win_rate', 18, 12.6, 0.24), c('off', 0, 0, 0)], label });
    const head = [...container.querySelectorAll('[data-testid="bar-rows-head"] .cell')].map((e) => e.textContent);
    expect(head).toEqual(['平均得分', '权重占比', '差异贡献']);
    const cells = [...container.querySelectorAll('li[data-key="win_rate"] .cell')];
    // each number carries its title for a screen reader
    expect(cells.map((e) => e.textContent)).toEqual(['平均得分 12.6', '权重占比 18%', '差异贡献 24%']);
    expect(container.querySelectorAll('ul.bars li')).toHaveLength(1); // the indicator that is off is left out
    i18n.lang = 'en';
    flushSync();
    expect([...container.querySelectorAll('[data-testid="bar-rows-head"] .cell')].map((e) => e.textContent)).toEqual(['Mean points', 'Weight share', 'Share of spread']);
    expect(container.querySelector('[data-testid="bar-rows-key"]')!.textContent).toBe('Bar = mean points, line = weight share');
  });

  it('explains a negative share of spread in plain words, naming the indicator, and only then', () => {
    const { container, rerender } = render(ContributionChart, { contributions: [c('win_rate', 18, 12.6, 1.08), c('teamwork', 4, 3.3, -0.08)], label });
    const caption = () => container.querySelector('[data-testid="negative-share"]')?.textContent?.trim();
    expect(caption()).toContain('“团队协作”的差异贡献为负');
    expect(caption()).toContain('拉小');
    expect(caption()).not.toContain('项目中标率');
    i18n.lang = 'en';
    flushSync();
    expect(caption()).toContain('“团队协作”: negative share of spread');
    expect(caption()).toContain('narrows the gaps');
    // −0.4 % shows as "0%": nothing to explain
    rerender({ contributions: [c('win_rate', 18, 12.6, 1.004), c('teamwork', 4, 3.3, -0.004)], label });
    expect(caption()).toBeUndefined();
  });

  it('flags the dominant indicator', () => {
    const dominant = c('win_rate', 18, 12.6, 0.62);
    const { container } = render(ContributionChart, { contributions: [dominant, c('teamwork', 4, 3.3, 0.38)], dominant, label });
    expect(container.querySelector('li[data-key="win_rate"]')!.classList.contains('flag')).toBe(true);
    expect(container.querySelector('li[data-key="teamwork"]')!.classList.contains('flag')).toBe(false);
  });
});
