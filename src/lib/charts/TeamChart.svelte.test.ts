import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import TeamChart from './TeamChart.svelte';
import type { TeamRow } from './teams';
import { i18n } from '../i18n/i18n.svelte';

afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

const rows: TeamRow[] = [
  { team: '华东', n: 4, mean: 81.25, median: 80, counts: [1, 1, 2, 0, 0] },
  { team: '', n: 2, mean: 70, median: 70, counts: [0, 0, 1, 1, 0] },
];

describe('TeamChart', () => {
  it('has a 0–100 % scale over the bars and a titled legend of every grade colour', () => {
    const { container } = render(TeamChart, { rows });
    const ticks = [...container.querySelectorAll('[data-testid="share-scale"] .tick')].map((e) => e.textContent);
    expect(ticks).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(container.querySelector('.scale-title')!.textContent).toBe('等级构成（占团队人数的比例）');
    const legend = container.querySelector('[data-testid="grade-legend"]')!;
    expect([...legend.querySelectorAll('.key')].map((e) => e.textContent)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(legend.querySelector('.title')!.textContent).toBe('颜色：');
    i18n.lang = 'en';
    flushSync();
    expect(container.querySelector('.scale-title')!.textContent).toBe('Grade mix (share of the team)');
  });

  it('draws each team’s grade mix to the scale and says it in its text alternative', () => {
    const { container } = render(TeamChart, { rows });
    const bar = container.querySelectorAll('svg[role="img"]')[0];
    expect([...bar.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')))).toEqual([25, 25, 50]);
    expect(bar.getAttribute('aria-label')).toBe('S 1 (25%), A 1 (25%), B 2 (50%)');
    expect(container.querySelectorAll('li')[1].textContent).toContain('（未分组）');
  });
});
