import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import ComparePage from './ComparePage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { computeResults } from '../lib/engine/results';
import { presetScenario } from '../lib/engine/presets';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';
import { CURRENT, defaultPair, sameScheme } from '../lib/viewmodel/compareData';

installResizeObserverStub();
let scoring: ScoringState;
const ds = metricsDataset(20);

beforeEach(() => {
  scoring = testStates({ dataset: ds, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => cleanup());
/** The comparison runs in slices, one per task: wait until it has finished. */
const compared = () => vi.waitFor(() => expect(screen.queryByTestId('compare-computing')).toBeNull());

const cells = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-testid="migration-matrix"] tbody tr')].slice(0, -1)
    .map((tr) => [...tr.querySelectorAll('td')].slice(0, -1).map((td) => Number(td.textContent)));

describe('ComparePage', () => {
  it('compares the saved scenario with the current edits: matrix, changes and movers', async () => {
    scoring.setWeight(0, 45);
    flushSync();
    const { container } = renderWithStates(ComparePage, statesOf(scoring));
    // Nothing of the comparison is shown until every slice of it ran.
    expect(screen.getByTestId('compare-computing').textContent).toBe('正在计算…');
    expect(container.querySelector('[data-testid="migration-matrix"]')).toBeNull();
    await compared();
    const m = cells(container);
    expect(m.flat().reduce((s, x) => s + x, 0)).toBe(20);
    const diagonal = m.reduce((s, row, i) => s + row[i], 0);
    // ScoringState computes the same comparison its own way (typed arrays, baseline vs current).
    expect(scoring.gradeChanges.length).toBeGreaterThan(0);
    expect(20 - diagonal).toBe(scoring.gradeChanges.length);
    expect(screen.getByTestId('compare-changes').querySelectorAll('li')).toHaveLength(scoring.gradeChanges.length);
    const first = scoring.gradeChanges[0];
    const li = [...screen.getByTestId('compare-changes').querySelectorAll('li')].find((l) => l.textContent!.includes(first.staff_id))!;
    expect(li.textContent).toContain(`${first.from} → ${first.to}`);
    expect(container.querySelectorAll('[data-testid="slope-chart"] g[data-staff]').length).toBeGreaterThan(0);
    expect(screen.getByTestId('dist-a').querySelectorAll('li')).toHaveLength(4);
  });

  it('puts two built-in scenarios side by side with their own distributions', async () => {
    const { container } = renderWithStates(ComparePage, statesOf(scoring));
    await fireEvent.change(screen.getByTestId('compare-b'), { target: { value: 'finance-focus' } });
    flushSync();
    await compared();
    const a = computeResults(ds, '2026Q1', presetScenario('standard')).results;
    const b = computeResults(ds, '2026Q1', presetScenario('finance-focus')).results;
    const m = cells(container);
    const grades = ['S', 'A', 'B', 'C', 'D'];
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const expected = a.filter((r, k) => r.final_grade === grades[i] && b[k].final_grade === grades[j]).length;
        expect(m[i][j], `${grades[i]}→${grades[j]}`).toBe(expected);
      }
    }
    expect(screen.getByTestId('matrix-summary').textContent).toMatch(/^等级不变 \d+ 人，变化 \d+ 人$/);
  });

  it('says so when nothing changes', async () => {
    renderWithStates(ComparePage, statesOf(scoring));
    await fireEvent.change(screen.getByTestId('compare-b'), { target: { value: CURRENT } });
    flushSync();
    await compared();
    expect(screen.getByText('两个方案下所有人的最终等级相同。')).toBeTruthy();
    expect(screen.getByText('两个方案下排名没有变化。')).toBeTruthy();
  });

  it('opens on two different scenarios: the saved one and the edits, else the first two saved, else another one', async () => {
    expect(defaultPair(scoring)).toEqual({ a: 'standard', b: scoring.choices.find((c) => c.id !== 'standard')!.id });
    scoring.setWeight(0, 30);
    expect(defaultPair(scoring)).toEqual({ a: 'standard', b: CURRENT });
    scoring.reset();
    const s = scoring.choices[0].scenario;
    scoring.choices = [...scoring.choices, { id: 'user-1', builtIn: false, scenario: s }, { id: 'user-2', builtIn: false, scenario: s }];
    expect(defaultPair(scoring)).toEqual({ a: 'user-1', b: 'user-2' });
  });

  it('says so when A and B are the same scheme', async () => {
    renderWithStates(ComparePage, statesOf(scoring));
    expect(screen.queryByTestId('compare-identical')).toBeNull();
    await fireEvent.change(screen.getByTestId('compare-b'), { target: { value: CURRENT } });
    flushSync();
    await compared();
    expect(screen.getByTestId('compare-identical').textContent).toContain('完全相同');
    expect(sameScheme(presetScenario('standard'), { ...presetScenario('standard'), name: 'x', note: 'y' })).toBe(true);
  });
});
