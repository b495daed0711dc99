import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import SensitivityPage from './SensitivityPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { sensitivity } from '../lib/engine/sensitivity';
import { SEED_BANDS } from '../lib/engine/bands';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(30), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => cleanup());
/** The sweep runs in slices, one per task: wait until the page shows its result. */
const swept = () => vi.waitFor(() => expect(screen.getByTestId('tornado')).toBeTruthy());

describe('SensitivityPage', () => {
  it('draws one tornado row per banded indicator with the engine’s end counts', async () => {
    const { container } = renderWithStates(SensitivityPage, statesOf(scoring));
    // Nothing of the sweep until it has finished: a computing line, then the chart.
    expect(screen.getByTestId('sensitivity-computing').textContent).toBe('正在计算…');
    expect(container.querySelector('[data-testid="tornado"]')).toBeNull();
    await swept();
    expect(screen.queryByTestId('sensitivity-computing')).toBeNull();
    const rows = [...container.querySelectorAll('[data-testid="tornado"] g.row')];
    expect(rows).toHaveLength(Object.keys(SEED_BANDS).length);
    const expected = sensitivity(scoring.model!, scoring.currentScenario, scoring.group.group);
    for (const ind of expected.indicators) {
      const g = rows.find((r) => r.getAttribute('data-id') === ind.id)!;
      expect(g.querySelector('[data-side="low"]')!.textContent).toBe(String(ind.low));
      expect(g.querySelector('[data-side="high"]')!.textContent).toBe(String(ind.high));
    }
    // widest swing on top
    const widths = rows.map((r) => Math.max(Number(r.querySelector('[data-side="low"]')!.textContent), Number(r.querySelector('[data-side="high"]')!.textContent)));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    // The widest low-end count (right-aligned left of its bar) keeps clear of the seed range
    // text: ≥ 40 px for "10–15%" at 11 px, ≥ 28 px for a three-digit count at 12 px.
    for (const g of rows) {
      const bandX = Number(g.querySelector('text.band')!.getAttribute('x'));
      const numX = Number(g.querySelector('[data-side="low"]')!.getAttribute('x'));
      expect(numX - 28).toBeGreaterThanOrEqual(bandX + 40);
    }
  });

  it('lists the people of the chosen indicator with the weight at which their grade changes', async () => {
    const { container } = renderWithStates(SensitivityPage, statesOf(scoring));
    await swept();
    const expected = sensitivity(scoring.model!, scoring.currentScenario, scoring.group.group);
    const ind = expected.indicators.find((x) => x.people.length > 0)!;
    const row = container.querySelector(`[data-testid="tornado"] g.row[data-id="${ind.id}"]`)!;
    await fireEvent.click(row);
    flushSync();
    expect(row.getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByTestId('sensitivity-people');
    const trs = table.querySelectorAll('tbody tr');
    expect(trs).toHaveLength(ind.people.length);
    const p = ind.people[0];
    const cellsText = trs[0].textContent!;
    const sw = p.down ?? p.up!;
    expect(cellsText).toContain(`${sw.value.toFixed(2)}% 时 → ${sw.to ?? '数据不足'}`);
  });

  it('recomputes when a weight moves', async () => {
    const { container } = renderWithStates(SensitivityPage, statesOf(scoring));
    await swept();
    expect(container.querySelector('[data-testid="tornado"] figcaption')!.textContent).toContain('项目中标率: 区间下限');
    scoring.setWeight(0, 20);
    flushSync();
    // The sweep of the weights before is gone at once, not shown while the new one runs.
    expect(container.querySelector('[data-testid="tornado"]')).toBeNull();
    await swept();
    const expected = sensitivity(scoring.model!, scoring.currentScenario, scoring.group.group).indicators.find((x) => x.id === 'win_rate')!;
    const g = container.querySelector('[data-testid="tornado"] g.row[data-id="win_rate"]')!;
    expect(g.querySelector('[data-side="low"]')!.textContent).toBe(String(expected.low));
    expect(expected.current).toBeCloseTo(2000 / 102, 9);
    expect(container.querySelector('[data-testid="tornado"] figcaption')!.textContent).toContain(`当前 ${(2000 / 102).toFixed(1)}%`);
  });
});
